"""Restricted Data Tokens for buyer PII (reference §1.5), one generic token per hour.

``POST /tokens/2021-03-01/restrictedDataToken`` with a *generic* path such as
``/orders/v0/orders/{orderId}/address`` yields one token (``Atz.sprdt|…``, ``expiresIn`` 3600)
good for every order: asking per order path is the waste §6.3 warns about (1/s, burst 10).
The token replaces the LWA token in ``x-amz-access-token`` for the covered call. Without the
Direct-to-Consumer Delivery role Amazon refuses with "Application does not have access to one
or more requested data elements" (§1.5); that 400 is re-worded for the merchant.

Orders v2026-01-01 needs no RDT (PII comes with ``includedData=RECIPIENT`` and the app's roles,
§1.5); this path serves the v0 address read for orders whose v2026 recipient came back without
a street (§1.5: restricted fields are silently dropped, not refused).
"""

from __future__ import annotations

from channelmanager_gui.errors import ApiError
from channelmanager_gui.services.amazon.core import AmazonCore, Reply
from channelmanager_gui.services.amazon.lwa import token_lifetime
from channelmanager_gui.services.amazon.models import Address
from channelmanager_gui.services.http import Priority, register_secret
from channelmanager_gui.services.walmart.auth import Token, TokenManager
from channelmanager_gui.services.walmart.core import segment

ADDRESS_PATH = "/orders/v0/orders/{orderId}/address"
RDT_MARGIN = 60.0


class RestrictedDataApi(AmazonCore):
    """Cached generic RDTs and the v0 address read that needs one."""

    async def restricted_token(self, method: str, path: str, elements: tuple[str, ...]) -> str:
        """A token for ``method path`` (generic ``{orderId}`` paths welcome), cached per hour."""
        key = (method, path, elements)
        manager = self.restricted_tokens.get(key)
        if manager is None:

            async def fetch() -> Token:
                return await self._create_rdt(method, path, elements)

            manager = TokenManager(fetch, self.clock, renew_margin=RDT_MARGIN)
            self.restricted_tokens[key] = manager
        return await manager.get()

    async def get_order_address(self, order_id: str) -> Address:
        """The full shipping address of one MFN order (v0 ``getOrderAddress``, §2.1)."""
        token = await self.restricted_token("GET", ADDRESS_PATH, ("shippingAddress",))
        reply = await self._call(
            "GET",
            f"/orders/v0/orders/{segment(order_id, 'order_id')}/address",
            what=f"the address of order {order_id}",
            op="orders.v0.address",
            token=token,
        )
        return reply.model(Address, reply.dig("payload", "ShippingAddress", default=None) or {})

    async def _create_rdt(self, method: str, path: str, elements: tuple[str, ...]) -> Token:
        body = {"restrictedResources": [
            {"method": method, "path": path, "dataElements": list(elements)}]}  # fmt: skip
        try:
            reply = await self._call(
                "POST",
                "/tokens/2021-03-01/restrictedDataToken",
                what="a restricted data token",
                op="tokens.rdt",
                json=body,
                repeatable=True,  # minting a token changes nothing
                priority=Priority.INTERACTIVE,
            )
        except ApiError as exc:
            # §1.5 quotes this refusal's wording; its code is the generic InvalidInput, so
            # the text is the only way to tell a missing role from a malformed request.
            if exc.status == 400 and "does not have access" in exc.message:
                raise _no_role(exc, elements) from exc
            raise
        return _token(reply)


def _token(reply: Reply) -> Token:
    value = reply.text("restrictedDataToken")
    register_secret(value)
    return Token(value, token_lifetime(reply.dig("expiresIn", default=None)))


def _no_role(exc: ApiError, elements: tuple[str, ...]) -> ApiError:
    return ApiError(
        "Amazon will not share buyer addresses with this app: its developer profile needs the "
        "Direct-to-Consumer Delivery role, and the seller must authorize the app again after "
        f"the role is added. (Asked for: {', '.join(elements)})",
        status=exc.status,
        code=exc.code,
        correlation_id=exc.correlation_id,
        detail=exc.detail,
    )
