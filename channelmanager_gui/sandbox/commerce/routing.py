"""The ``/V1`` route table: Magento's ``webapi.xml`` in miniature.

Each route names its ACL resource, so a refused token gets the 401 that names it (reference §1).
Literal routes win over ones with variables, as ``/V1/orders/items`` wins over
``/V1/orders/:id`` in Magento.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote_plus

from channelmanager_gui.sandbox.commerce.errors import invalid_type
from channelmanager_gui.sandbox.commerce.search_criteria import SearchCriteria, parse, snake
from channelmanager_gui.sandbox.commerce.state import CommerceState

_VAR = re.compile(r"\{(\w+)\}")


@dataclass
class Call:
    """One API call as a handler sees it (body keys already snake_case)."""

    state: CommerceState
    method: str
    params: dict[str, str]
    query: list[tuple[str, str]]
    body: Any
    store: str | None = None

    def int_param(self, name: str) -> int:
        raw = self.params[name]
        try:
            return int(raw)
        except ValueError:
            raise invalid_type(raw, "int") from None

    def criteria(self) -> SearchCriteria:
        return parse(self.query, input_limits=self.state.input_limits)

    def arg(self, name: str, default: Any = None) -> Any:
        return self.body.get(name, default) if isinstance(self.body, dict) else default


Handler = Callable[[Call], Any]


@dataclass
class Route:
    method: str
    template: str  # path after /V1, e.g. "/orders/{id}"
    handler: Handler
    resource: str  # ACL resource named in the 401
    anonymous: bool = False
    regex: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        body = _VAR.sub(lambda m: f"(?P<{m.group(1)}>[^/]+)", self.template.rstrip("/"))
        self.regex = re.compile(f"^{body}/?$")

    @property
    def variables(self) -> int:
        return len(_VAR.findall(self.template))


class Router:
    def __init__(self, routes: Iterable[Route]) -> None:
        self.routes = sorted(routes, key=lambda r: r.variables)

    def match(self, method: str, raw_path: str) -> tuple[Route, dict[str, str]] | None:
        """The route for a raw (still URL-encoded) path after ``/V1``, and its variables."""
        for route in self.routes:
            if route.method != method:
                continue
            found = route.regex.match(raw_path)
            if found:
                # Magento decodes each path variable with PHP's urldecode, which also turns
                # "+" into a space (Magento\\Webapi\\Controller\\Rest\\Router\\Route::match):
                # a SKU holding "+" must be sent as %2B.
                return route, {k: unquote_plus(v) for k, v in found.groupdict().items()}
        return None


def snake_keys(value: Any) -> Any:
    """camelCase and snake_case body keys both work; handlers see snake_case (reference §0)."""
    if isinstance(value, dict):
        return {snake(k) if isinstance(k, str) else k: snake_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [snake_keys(v) for v in value]
    return value
