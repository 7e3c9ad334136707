"""The SP-API request path every endpoint group shares: token header, refresh, decoding.

Every call carries the LWA access token (or a Restricted Data Token) in ``x-amz-access-token``
and nothing else to authenticate: SigV4 is gone since October 2023 (reference §1.2). A 403
whose details say the token expired gets one token refresh and one resend; that resend is safe
even for a POST that must not be sent twice, because the gateway refused it before acting. Any
other 403 is re-worded for the merchant (§1.3, §6.10). Each answer's ``x-amzn-RequestId`` is
the correlation id logged and put on errors (§1.2).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import httpx

from channelmanager_gui.errors import AuthError, MalformedResponseError, ValidationError
from channelmanager_gui.services.amazon.errors import (
    SERVICE,
    denied,
    is_expired_token,
    parse_error_body,
)
from channelmanager_gui.services.amazon.lwa import LwaCredentials, fetch_access_token
from channelmanager_gui.services.amazon.marketplaces import (
    LWA_TOKEN_URL,
    PRODUCTION_URL,
    marketplace_ids,
)
from channelmanager_gui.services.amazon.rates import Plan, TokenBucketRateControl
from channelmanager_gui.services.amazon.wire import dumps_exact, user_agent
from channelmanager_gui.services.http import (
    Clock,
    HttpSession,
    Priority,
    RateControl,
    RetryPolicy,
    SystemClock,
    check_base_url,
    decode_json,
)
from channelmanager_gui.services.walmart.auth import Token, TokenManager
from channelmanager_gui.services.walmart.core import Reply as WalmartReply

REQUEST_ID_HEADER = "x-amzn-RequestId"
TOKEN_HEADER = "x-amz-access-token"
# Amazon's SDK treats a token as expired 60 s early (reference §1.1).
TOKEN_MARGIN = 60.0


@dataclass(frozen=True)
class Reply(WalmartReply):
    """A decoded answer (None for 204) and Amazon's request id; ``dig``/``model`` are the
    Walmart client's, only the wording of a malformed answer names Amazon."""

    def malformed(self, where: str, problem: str, detail: str = "") -> MalformedResponseError:
        return MalformedResponseError(
            f"Unexpected answer from Amazon for {self.what}: {where} {problem}",
            field=where,
            correlation_id=self.correlation_id,
            detail=detail or f"request id: {self.correlation_id}",
        )

    def text(self, key: str) -> str:
        """A required identifier (``feedId``, ``reportId``..): non-empty text or malformed."""
        value = self.dig(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str) or not value.strip():
            raise self.malformed(key, "is not an identifier")
        return value


class AmazonCore:
    """One seller account: session, token cache, buckets and the ``_call`` path."""

    def __init__(
        self,
        credentials: LwaCredentials,
        *,
        seller_id: str,
        marketplaces: list[str] | tuple[str, ...],
        base_url: str = PRODUCTION_URL,
        lwa_url: str = LWA_TOKEN_URL,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Clock | None = None,
        retry: RetryPolicy | None = None,
        rate: RateControl | None = None,
        plans: dict[str, Plan] | None = None,
    ) -> None:
        if not (seller_id or "").strip():
            raise ValidationError("seller_id", "the seller id (merchant token) is required")
        self.seller_id = seller_id.strip()
        self.marketplace_ids = marketplace_ids(marketplaces)
        self.credentials = credentials
        self.lwa_url = check_base_url(lwa_url, field="lwa_url")
        self.clock: Clock = clock or (rate.clock if rate else SystemClock())
        self.rate = rate or TokenBucketRateControl(self.clock, plans=plans, first_backoff=2.0)
        self.session = HttpSession(
            base_url,
            service=SERVICE,
            error_parser=parse_error_body,
            transport=transport,
            clock=self.clock,
            rate=self.rate,
            retry=retry,
            headers={"User-Agent": user_agent(), "Accept": "application/json"},
            # SP-API amounts are decimal strings, but listing prices are JSON numbers (§4.1):
            # read those exactly, never through a float.
            parse_float=Decimal,
            request_id_header=REQUEST_ID_HEADER,
        )
        self.tokens = TokenManager(self._fetch_token, self.clock, renew_margin=TOKEN_MARGIN)
        # Restricted Data Tokens by (method, generic path, data elements); see ``rdt``.
        self.restricted_tokens: dict[tuple[str, str, tuple[str, ...]], TokenManager] = {}

    async def aclose(self) -> None:
        await self.session.aclose()

    async def _fetch_token(self) -> Token:
        return await fetch_access_token(self.session, self.lwa_url, self.credentials)

    async def _call(
        self,
        method: str,
        path: str,
        *,
        what: str,
        op: str,
        params: dict[str, Any] | None = None,
        json: Any = None,
        repeatable: bool | None = None,
        priority: Priority = Priority.BACKGROUND,
        token: str | None = None,
    ) -> Reply:
        """Send with the access token (or the RDT ``token``); refresh once if it expired."""
        kw: dict[str, Any] = {"params": params, "repeatable": repeatable,
                              "priority": priority, "rate_key": op}  # fmt: skip
        if json is not None:
            kw["content"] = dumps_exact(json)
            kw["headers"] = {"Content-Type": "application/json"}
        access = token or await self.tokens.get()
        try:
            return await self._send(method, path, access, what, kw)
        except AuthError as exc:
            if token is not None or not is_expired_token(exc):
                _reword(exc)
                raise
        access = await self.tokens.refresh(access)
        try:
            return await self._send(method, path, access, what, kw)
        except AuthError as exc:
            _reword(exc)
            raise

    async def _send(
        self, method: str, path: str, token: str, what: str, kw: dict[str, Any]
    ) -> Reply:
        headers = {**kw.get("headers", {}), TOKEN_HEADER: token}
        response = await self.session.request(method, path, **{**kw, "headers": headers})
        cid = self.session.correlation_id(response)
        if response.status_code == 204 or not response.content.strip():
            return Reply(None, cid, what)
        data = decode_json(response, what, correlation_id=cid, parse_float=Decimal)
        return Reply(data, cid, what)


def _reword(exc: AuthError) -> None:
    """Raise a 403 as the merchant-worded ``denied`` error (chained to the original)."""
    if exc.status == 403:
        raise denied(exc) from exc
