"""Cart steps of the Commerce order creation, each safe to repeat after a crash.

Adding items is the one step Commerce cannot repeat (a second POST adds the quantity again),
so before adding, the cart's current items are read and only what is missing is added. A cart
that is gone (turned into an order, or expired) is reported as such so the caller starts a new
one — after having looked for an order made from it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from channelmanager_gui.errors import ApiError, ChannelError, NotFoundError
from channelmanager_gui.services.commerce.client import CommerceClient
from channelmanager_gui.services.commerce.models import parse
from channelmanager_gui.services.commerce.sales_models import CartItem
from channelmanager_gui.services.engine.order_activity import error_text
from channelmanager_gui.services.outbox import RETRYABLE


class CartGone(ChannelError):
    """The recorded cart no longer accepts items: a new cart is needed."""


def wanted_quantities(lines: Iterable[tuple[str, int]]) -> dict[str, int]:
    """``(sku, qty)`` per Walmart line → one quantity per SKU.

    Walmart splits a SKU over several lines of quantity 1; Commerce gets one cart item with
    the total, while our order keeps Walmart's lines for shipping and cancelling.
    """
    totals: dict[str, int] = defaultdict(int)
    for sku, qty in lines:
        if qty > 0:
            totals[sku] += qty
    return dict(totals)


async def cart_items(client: CommerceClient, cart_id: int) -> dict[str, float]:
    """Quantity per SKU already in the cart (``GET /V1/carts/{id}/items``, reference §5.1)."""
    path = client.path("carts", cart_id, "items")
    try:
        answer = await client.get(path, "cart items")
    except NotFoundError as exc:
        raise CartGone(f"Commerce cart {cart_id} is gone: {exc.message}") from exc
    if not isinstance(answer, list):
        answer = []
    have: dict[str, float] = defaultdict(float)
    for raw in answer:
        item = parse(CartItem, raw, "cart item")
        have[item.sku.casefold()] += item.qty
    return dict(have)


async def add_missing(
    client: CommerceClient, cart_id: int, wanted: dict[str, int], have: dict[str, float]
) -> int:
    """Add what the cart lacks; returns how many items were added.

    A cart holding *more* than wanted (a line was cancelled meanwhile) cannot be trusted and
    is reported as gone, so the caller starts a new cart.
    """
    added = 0
    for sku, qty in wanted.items():
        missing = qty - have.get(sku.casefold(), 0.0)
        if missing < 0:
            raise CartGone(f"Commerce cart {cart_id} holds more {sku} than the order")
        if missing > 0:
            await add_item(client, cart_id, sku, missing)
            added += 1
    return added


async def add_item(client: CommerceClient, cart_id: int, sku: str, qty: float) -> None:
    """Add one SKU; Commerce's refusals become messages that say what to fix."""
    try:
        await client.add_cart_item(cart_id, sku, qty)
    except NotFoundError as exc:
        if "cart" in exc.message.lower() or "cart" in exc.field.lower():
            raise CartGone(f"Commerce cart {cart_id} is gone: {exc.message}") from exc
        raise _refusal(
            exc,
            f"SKU {sku} is not in Commerce. Add the product there (or correct the SKU on "
            "Walmart), then press Retry.",
        ) from exc
    except RETRYABLE:
        raise
    except ApiError as exc:
        reason = exc.message.removeprefix("Commerce refused the request: ")  # said already
        raise _refusal(
            exc,
            f"Commerce refused {qty:g} × SKU {sku}: {reason} (check the product's stock "
            "and status in Commerce, then press Retry).",
        ) from exc


def _refusal(exc: ApiError, message: str) -> ApiError:
    """A merchant-readable refusal that keeps the status and correlation id of the answer."""
    return ApiError(
        message, status=exc.status, code=exc.code, correlation_id=exc.correlation_id,
        detail=error_text(exc, "Commerce"),
    )  # fmt: skip
