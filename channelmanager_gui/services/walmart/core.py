"""The Walmart request path shared by every endpoint group: headers, token, decoding.

Every business call carries ``WM_SEC.ACCESS_TOKEN``, a fresh ``WM_QOS.CORRELATION_ID``,
``WM_SVC.NAME`` and ``Accept: application/json`` (reference §1). A rejected token (401, or the
older 400 ``INVALID_TOKEN``) is renewed once and the call sent once more; that resend is safe
even for non-idempotent POSTs because the gateway rejected the call before acting on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, TypeVar
from urllib.parse import quote

import httpx
import pydantic

from channelmanager_gui.errors import ApiError, AuthError, MalformedResponseError, ValidationError
from channelmanager_gui.services.http import (
    Clock,
    HttpSession,
    Priority,
    RateControl,
    RetryPolicy,
    SystemClock,
    decode_json,
    register_secret,
)
from channelmanager_gui.services.walmart.auth import Token, TokenManager
from channelmanager_gui.services.walmart.error_body import is_token_rejection, parse_error_body
from channelmanager_gui.services.walmart.fields import to_quantity

M = TypeVar("M", bound=pydantic.BaseModel)
CORRELATION_HEADER = "WM_QOS.CORRELATION_ID"
TOKEN_KEY = "walmart:token"
# Sustained per-minute limits (reference §11) as spacing between calls; hourly limits (price,
# feeds) are left to the server's token-bucket headers rather than spacing calls minutes apart.
DEFAULT_SPACING = {
    "walmart:orders.released": 1.0,
    "walmart:orders.acknowledge": 1.0,
    "walmart:orders.shipping": 1.0,
    "walmart:orders.cancel": 1.0,
    "walmart:orders.refund": 1.0,
    "walmart:returns": 1.2,
    "walmart:returns.refund": 1.0,
    "walmart:inventory": 0.3,
    "walmart:items": 0.2,
    "walmart:items.search": 0.3,
}
# Starts each spaced key may make back to back (ratecontrol's burst): a request woken or queued
# late, as on an engine busy with a flash sale, is forgiven up to 4 intervals instead of
# pushing back every later one (issue 19: acknowledgements 1.19 x the bound). Each of these
# Walmart buckets holds 50 tokens or more (reference §11), so 5 leave the rest to the seller's
# other tools and the bucket never runs dry on our account.
SPACING_BURST = 5.0


@dataclass(frozen=True)
class Reply:
    """A decoded answer and the correlation id of the request that got it."""

    data: Any
    correlation_id: str
    what: str

    def dig(self, *keys: str, default: Any = ...) -> Any:
        """``data[k1][k2]..``; a missing key is ``default`` or, without one, malformed."""
        value = self.data
        for depth, key in enumerate(keys):
            if not isinstance(value, dict) or key not in value:
                if default is not ...:
                    return default
                raise self.malformed(".".join(keys[: depth + 1]), "is missing")
            value = value[key]
        return value

    def list_at(self, *keys: str) -> list[Any]:
        """The list at ``keys``: absent or null is empty, one object is a list of one."""
        value = self.dig(*keys, default=None)
        if value is None:
            return []
        if isinstance(value, dict):
            return [value]
        if not isinstance(value, list):
            raise self.malformed(".".join(keys), "is not a list")
        return value

    def require(self, keys: tuple[str, ...], count_at: tuple[str, ...]) -> None:
        """A part Walmart's spec marks required (``returnOrders``, ``ItemResponse``,
        ``list.elements``): absent or null is malformed, not "none", unless the answer's own
        count (``count_at``) is 0 — the one answer that may plausibly leave it out (?: the
        spec has no empty example)."""
        none_counted = self.dig(*count_at, default=None) in (0, "0")
        if self.dig(*keys, default=None) is None and not none_counted:
            raise self.malformed(".".join(keys), "is missing")

    def required_list(self, key: str, count_at: tuple[str, ...]) -> list[Any]:
        """The list at ``key`` once ``require`` has found it (or a count of 0)."""
        self.require((key,), count_at)
        return self.list_at(key)

    def cursor_at(self, *keys: str) -> str | None:
        """A paging cursor, or None at the end. Cursors are URL text: anything that is not
        printable ASCII would make an invalid request, so it is malformed here."""
        value = self.dig(*keys, default=None)
        if value is None or value == "":
            return None
        if not isinstance(value, str) or not (value.isascii() and value.isprintable()):
            raise self.malformed(".".join(keys), "is not a usable cursor")
        if "#" in value or " " in value:
            raise self.malformed(".".join(keys), "is not a usable cursor")
        return value

    def model(self, cls: type[M], value: Any) -> M:
        """Validate ``value`` as ``cls``; a mismatch is a ``MalformedResponseError``."""
        try:
            return cls.model_validate(value)
        except pydantic.ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or cls.__name__
            raise self.malformed(where, first["msg"], detail=str(exc)[:3000]) from exc

    def malformed(self, where: str, problem: str, detail: str = "") -> MalformedResponseError:
        return MalformedResponseError(
            f"Unexpected answer from Walmart for {self.what}: {where} {problem}",
            field=where,
            correlation_id=self.correlation_id,
            detail=detail or f"correlation id: {self.correlation_id}",
        )


class WalmartCore:
    """Session, token and the ``_call`` every endpoint method goes through."""

    def __init__(
        self,
        base_url: str,
        client_id: str,
        client_secret: str,
        *,
        transport: Any = None,
        clock: Clock | None = None,
        retry: RetryPolicy | None = None,
        rate: RateControl | None = None,
        spacing: dict[str, float] | None = None,
        service_name: str = "Walmart Marketplace",
    ) -> None:
        if not client_id or not client_secret:
            raise ValidationError("client_id", "the Client ID and Client Secret are both required")
        register_secret(client_secret)
        self.clock: Clock = clock or (rate.clock if rate else SystemClock())
        self.rate = rate or RateControl(self.clock)
        for key, seconds in (DEFAULT_SPACING if spacing is None else spacing).items():
            self.rate.set_interval(key, seconds, burst=SPACING_BURST)
        self._client_id = client_id
        self._client_secret = client_secret
        self.service_name = service_name
        self.session = HttpSession(
            base_url,
            service="Walmart",
            correlation_header=CORRELATION_HEADER,
            error_parser=parse_error_body,
            transport=transport,
            clock=self.clock,
            rate=self.rate,
            retry=retry,
            headers={"WM_SVC.NAME": service_name, "Accept": "application/json"},
            # Amounts (charges, taxes, refunds, prices) arrive as JSON numbers: read them as
            # exact decimals from their text, never through a float.
            parse_float=Decimal,
        )
        self.tokens = TokenManager(self._fetch_token, self.clock)

    async def aclose(self) -> None:
        await self.session.aclose()

    async def _call(
        self,
        method: str,
        path: str,
        *,
        what: str,
        rate_key: str,
        params: dict[str, Any] | None = None,
        json: Any = None,
        upload: Upload | None = None,
        repeatable: bool | None = None,
        priority: Priority = Priority.BACKGROUND,
    ) -> Reply:
        """Send with the current token; on a token rejection renew once and resend once."""
        kw: dict[str, Any] = {
            "what": what,
            "params": params,
            "json": json,
            "repeatable": repeatable,
            "priority": priority,
            "rate_key": rate_key,
        }
        if upload is not None:
            kw["content"], kw["headers"] = upload.body, {"Content-Type": upload.content_type}
        token = await self.tokens.get()
        try:
            return await self._send(method, path, token, kw)
        except ApiError as exc:
            if not is_token_rejection(exc.code, exc.status):
                raise
        token = await self.tokens.refresh(token)
        try:
            return await self._send(method, path, token, kw)
        except ApiError as exc:
            if is_token_rejection(exc.code, exc.status) and not isinstance(exc, AuthError):
                raise _as_auth_error(exc) from exc
            raise

    async def _send(self, method: str, path: str, token: str, kw: dict[str, Any]) -> Reply:
        headers = {**kw.pop("headers", {}), "WM_SEC.ACCESS_TOKEN": token}
        data, response = await self.session.request_decoded(method, path, headers=headers, **kw)
        return Reply(data, self.session.correlation_id(response), kw["what"])

    async def _fetch_token(self) -> Token:
        """``POST /v3/token`` with Basic auth (reference §2); safe to repeat."""
        response = await self.session.request(
            "POST",
            "/v3/token",
            data={"grant_type": "client_credentials"},
            auth=(self._client_id, self._client_secret),
            repeatable=True,
            priority=Priority.INTERACTIVE,
            rate_key=TOKEN_KEY,
        )
        cid = self.session.correlation_id(response)
        reply = Reply(decode_json(response, "the access token", correlation_id=cid), cid, "token")
        value = reply.dig("access_token")
        if not isinstance(value, str) or not value:
            raise reply.malformed("access_token", "is not a token")
        register_secret(value)
        try:
            lifetime = float(to_quantity(reply.dig("expires_in", default=900)))
        except ValueError as exc:
            raise reply.malformed("expires_in", "is not a number of seconds") from exc
        return Token(value, lifetime)


@dataclass(frozen=True)
class Upload:
    """A ``multipart/form-data`` body with one file part, as Walmart's feed POSTs take it."""

    body: bytes
    content_type: str

    @classmethod
    def file(cls, part: str, filename: str, data: bytes, media_type: str) -> Upload:
        """Encoded by httpx (its public ``Request``), boundary in the content type."""
        files = {part: (filename, data, media_type)}
        request = httpx.Request("POST", "https://upload.invalid/", files=files)
        return cls(request.read(), request.headers["Content-Type"])


def segment(value: str, field: str) -> str:
    """One URL path segment, fully encoded (SKUs and feed ids hold ``/``, ``@``, ``#``..)."""
    text = str(value).strip()
    if not text:
        raise ValidationError(field, "is required")
    return quote(text, safe="")


def query_date(value: datetime, field: str) -> str:
    """A query date in UTC, ``yyyy-MM-dd'T'HH:mm:ss.SSSZ`` as in Walmart's own cursors."""
    if value.tzinfo is None:
        raise ValidationError(field, "must carry a time zone")
    utc = value.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def _as_auth_error(exc: ApiError) -> AuthError:
    return AuthError(
        f"Walmart refused our access token even after renewing it: {exc.message}",
        status=exc.status,
        code=exc.code,
        field=exc.field,
        correlation_id=exc.correlation_id,
        detail=exc.detail,
    )
