"""The request plumbing every Commerce operation shares: paths, bearer token, list paging.

Retries, pacing, logging with redaction and error typing come from the shared
:class:`HttpSession`; this layer only adds what is Commerce-specific: the
``/rest/<store>/V1`` prefix, URL-encoded path parts, the ``{items, total_count}`` list envelope
and paging *by total_count*. Commerce clamps a ``currentPage`` past the end to the last page
(reference §2), so "loop until an empty page" would never end.
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Mapping
from typing import Any, TypeVar
from urllib.parse import quote

from pydantic import BaseModel

from channelmanager_gui.errors import MalformedResponseError
from channelmanager_gui.services.commerce.models import parse
from channelmanager_gui.services.commerce.search import SearchCriteria
from channelmanager_gui.services.http import HttpSession, Priority

M = TypeVar("M", bound=BaseModel)
SERVICE = "Commerce"


def segment(value: str | int) -> str:
    """One URL path segment, fully encoded (a SKU may contain ``/``, spaces or ``#``)."""
    return quote(str(value), safe="")


def as_int(value: object, what: str) -> int:
    """Commerce ids come back as bare numbers; some versions send numeric strings."""
    if isinstance(value, bool) or not isinstance(value, int | str | float):
        raise MalformedResponseError(f"Commerce sent no {what}.", field=what, detail=repr(value))
    try:
        number = float(value)
    except ValueError:
        raise MalformedResponseError(
            f"Commerce sent no {what}.", field=what, detail=repr(value)
        ) from None
    if not math.isfinite(number) or number != int(number):
        raise MalformedResponseError(f"Commerce sent no {what}.", field=what, detail=repr(value))
    return int(number)


def as_number(value: object, what: str) -> float:
    """A bare JSON number (salable quantity), also accepted as a numeric string."""
    if not isinstance(value, bool) and isinstance(value, int | float | str):
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if math.isfinite(number):
            return number
    raise MalformedResponseError(f"Commerce sent no {what}.", field=what, detail=repr(value))


def as_bool(value: object, what: str) -> bool:
    """A bare ``true``/``false`` answer (cancel, comments)."""
    if isinstance(value, bool):
        return value
    raise MalformedResponseError(f"Commerce sent no {what}.", field=what, detail=repr(value))


def list_envelope(body: object, what: str) -> tuple[list[Any], int]:
    """``(items, total_count)`` of a list answer; ``items`` may be null on an empty result."""
    if not isinstance(body, Mapping):
        raise MalformedResponseError(
            f"Commerce sent the {what} list in an unexpected shape.",
            field=what,
            detail=repr(body)[:500],
        )
    items = body.get("items")
    items = [] if items is None else items
    total = body.get("total_count")
    if not isinstance(items, list) or isinstance(total, bool) or not isinstance(total, int):
        raise MalformedResponseError(
            f"Commerce sent the {what} list without items or total_count.",
            field=f"{what}.total_count",
            detail=repr(body)[:500],
        )
    return items, total


class CommerceBase:
    """Owns the session and knows how to address, send and page Commerce requests."""

    def __init__(self, session: HttpSession, token: str, store_code: str | None) -> None:
        self.session = session
        self._headers = {
            "Authorization": f"Bearer {token}",
            "Accept": "application/json",
        }
        self._prefix = f"/rest/{segment(store_code)}/V1" if store_code else "/rest/V1"

    def path(self, *parts: str | int) -> str:
        """``/rest[/<store>]/V1/<parts…>``; parts are encoded, slashes inside them too."""
        return "/".join([self._prefix, *(segment(p) for p in parts)])

    async def call(
        self,
        method: str,
        path: str,
        what: str,
        *,
        body: Any = None,
        params: Any = None,
        repeatable: bool,
        priority: Priority = Priority.BACKGROUND,
    ) -> Any:
        """Send one request and return its decoded JSON (objects, bare scalars or ``[]``).

        ``repeatable`` is required so every call site states whether a retry is safe.
        """
        return await self.session.request_json(
            method,
            path,
            what=what,
            params=params,
            json=body,
            headers=self._headers,
            repeatable=repeatable,
            priority=priority,
        )

    async def get(self, path: str, what: str, params: Any = None) -> Any:
        """A GET: always safe to repeat."""
        return await self.call("GET", path, what, params=params, repeatable=True)

    async def get_model(self, model: type[M], path: str, what: str) -> M:
        return parse(model, await self.get(path, what), what)

    async def iter_pages(
        self, path: str, criteria: SearchCriteria, what: str, fields: str | None = None
    ) -> AsyncIterator[list[Any]]:
        """Yield the raw items of each page, stopping by ``total_count``, never by emptiness.

        ``fields`` asks for a partial answer (``items[sku],total_count``, reference §0)."""
        extra = [("fields", fields)] if fields else []
        page = 1
        while True:
            body = await self.get(path, what, [*criteria.page(page).to_params(), *extra])
            items, total = list_envelope(body, what)
            if not items and total > (page - 1) * criteria.page_size:
                # Commerce answers a page past the end with the last page (reference §2), so
                # an empty page that the total says holds items is a broken answer: stopping
                # here would silently drop the rest of the list.
                raise MalformedResponseError(
                    f"Commerce sent page {page} of the {what} list without items although "
                    f"total_count is {total}.",
                    field=f"{what}.items",
                    detail=repr(body)[:500],
                )
            yield items
            last_page = max(1, math.ceil(total / criteria.page_size))
            if page >= last_page:
                return
            page += 1

    async def iter_models(
        self, model: type[M], path: str, criteria: SearchCriteria, what: str
    ) -> AsyncIterator[M]:
        """Every matching object, parsed, across all pages."""
        async for items in self.iter_pages(path, criteria, what):
            for item in items:
                yield parse(model, item, what)

    async def list_models(
        self, model: type[M], path: str, criteria: SearchCriteria, what: str
    ) -> list[M]:
        return [m async for m in self.iter_models(model, path, criteria, what)]
