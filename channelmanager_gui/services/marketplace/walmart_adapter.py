"""``MarketplacePort`` over ``WalmartClient``: the calls the engine makes on Walmart today.

Orders are searched by *created* date (the client's only window, as ``engine.order_import``
does): Walmart's changes to older open orders are seen by re-reading them (``get_order``).
One SKU is pushed with ``PUT /v3/inventory`` / ``PUT /v3/price`` (applied at once); many go as
a feed whose per-SKU outcome ``check_submission`` reads. The order actions the engine's
port handlers (``engine.marketplace_actions``, ``engine.order_ack``) send look before they act:
an acknowledgement Walmart already shows is not an error, a retried shipment sends only the
units Walmart does not show Shipped with our tracking number, and a cancellation (synchronous,
by line) only the units still open — the shipment call itself is never repeated blindly.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import datetime

from channelmanager_gui.errors import (
    ApiError,
    AuthError,
    ChannelError,
    MalformedResponseError,
    NotFoundError,
    RateLimitError,
    UnavailableError,
    ValidationError,
)
from channelmanager_gui.identifiers import InvalidIdentifier, normalize
from channelmanager_gui.services.http import Priority
from channelmanager_gui.services.marketplace.port import (
    ActionResult,
    AppliedValues,
    CancelRequest,
    Capabilities,
    CatalogCandidate,
    IncomingOrder,
    IncomingReturn,
    ListingSnapshot,
    Marketplace,
    OrderPage,
    PriceUpdate,
    PushCheck,
    PushReceipt,
    RefundRequest,
    ShipmentRequest,
    StockUpdate,
)
from channelmanager_gui.services.marketplace.walmart_mapping import (
    incoming_order,
    incoming_return,
    listing_snapshot,
    needs_ack,
)
from channelmanager_gui.services.walmart import (
    CANCEL_REASONS,
    CARRIERS,
    METHOD_CODES,
    REFUND_REASONS,
    CancelLine,
    ShipLine,
    WalmartClient,
)
from channelmanager_gui.services.walmart.feeds import MAX_FEED_ITEMS
from channelmanager_gui.services.walmart.order_models import Order
from channelmanager_gui.services.walmart.order_requests import MAX_SELLER_ORDER_ID

PAGE = 200
# Failures the outbox retries as they are (services.outbox.RETRYABLE), never read as "already".
_RETRYABLE = (UnavailableError, RateLimitError, MalformedResponseError, AuthError)
_CANCEL_LABELS = {
    "CUSTOMER_REQUESTED_SELLER_TO_CANCEL": "The customer asked to cancel",
    "SELLER_CANCEL_PRICING_ERROR": "Pricing error",
    "SELLER_CANCEL_OUT_OF_STOCK": "Out of stock",
    "SELLER_CANCEL_FRAUD_STOP_SHIPMENT": "Suspected fraud",
    "SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE": "Address cannot be served",
}
CAPABILITIES = Capabilities(
    marketplace=Marketplace.WALMART,
    acknowledges_orders=True,
    cancel_reasons=tuple((code, _CANCEL_LABELS.get(code, code)) for code in CANCEL_REASONS),
    carriers=tuple((name, name) for name in sorted(CARRIERS, key=str.casefold)),
    other_carrier_ok=True,
    other_carrier_needs_url=True,
    ship_methods=tuple((code, code) for code in METHOD_CODES),
    partial_shipments=True,
    package_references=False,
    cancel_whole_order_only=False,
    cancel_after_partial_shipment=True,
    stock_bulk_limit=MAX_FEED_ITEMS,
    price_bulk_limit=MAX_FEED_ITEMS,
    applies_later=False,
    one_feed_at_a_time=False,
    refund_reasons=tuple((code, code) for code in REFUND_REASONS),
    identifier_kinds=("GTIN", "UPC", "EAN", "ISBN"),
)


class WalmartAdapter:
    marketplace = Marketplace.WALMART
    capabilities = CAPABILITIES

    def __init__(self, client: WalmartClient) -> None:
        self.client = client

    async def aclose(self) -> None:
        await self.client.aclose()

    async def fetch_orders(
        self, updated_after: datetime, updated_before: datetime | None = None
    ) -> AsyncIterator[OrderPage]:
        """Orders *created* in the window (see the module note), one page of up to 200."""
        skipped: list[str] = []

        def unreadable(raw: object, error: MalformedResponseError) -> None:
            po = raw.get("purchaseOrderId") if isinstance(raw, dict) else None
            skipped.append(f"Walmart order {po or '(no purchase order id)'}: {error}")

        batch: list[IncomingOrder] = []
        orders = self.client.iter_orders(updated_after, updated_before, limit=PAGE,
                                         on_malformed=unreadable)  # fmt: skip
        async for order in orders:
            batch.append(incoming_order(order))
            if len(batch) >= PAGE:
                yield OrderPage(tuple(batch), tuple(skipped))
                batch, skipped = [], []
        if batch or skipped:
            yield OrderPage(tuple(batch), tuple(skipped))

    async def get_order(self, marketplace_order_id: str) -> IncomingOrder:
        return incoming_order(await self.client.get_order(marketplace_order_id))

    async def acknowledge(
        self, marketplace_order_id: str, *, retrying: bool = False
    ) -> ActionResult:
        """Repeatable (reference §4), but lines already shipped or cancelled make Walmart
        answer 400 "Some or all qty in higher status": so a retry reads the order first, and a
        400 is checked against the order before it counts as a failure. Background work: it
        never goes ahead of a merchant's click."""
        po, background = marketplace_order_id, Priority.BACKGROUND
        if retrying:
            current = await self.client.get_order(po, priority=background)
            if not needs_ack(current):
                return ActionResult(done=True, skipped=True, line_statuses=_ack_statuses(current))
        try:
            answer = await self.client.acknowledge(po, priority=background)
        except ApiError as exc:
            if exc.status != 400 or isinstance(exc, _RETRYABLE):
                raise
            current = await self.client.get_order(po, priority=background)
            if needs_ack(current):
                raise
            return ActionResult(done=True, skipped=True, line_statuses=_ack_statuses(current))
        return ActionResult(done=True, line_statuses=_ack_statuses(answer))

    async def confirm_shipment(
        self, request: ShipmentRequest, *, retrying: bool = False
    ) -> ActionResult:
        todo = list(request.lines)
        if retrying:
            todo = _not_yet_shipped(await self.client.get_order(request.marketplace_order_id),
                                    request)  # fmt: skip
            if not todo:
                return ActionResult(done=True, skipped=True)
        lines = [_ship_line(request, line_id, qty) for line_id, qty in todo]
        answer = await self.client.ship_lines(request.marketplace_order_id, lines)
        return ActionResult(done=True, line_statuses=_line_statuses(answer))

    async def cancel_order(self, request: CancelRequest) -> ActionResult:
        """Looks before it acts, on every attempt (a cancel is rare and the look is one GET):
        only units still open (Created or Acknowledged) are cancelled, and with ``totals`` only
        what Walmart does not show cancelled yet, so a retry after a lost answer sends nothing
        twice, even for part of a line."""
        po = request.marketplace_order_id
        todo = _to_cancel(await self.client.get_order(po), request)
        if not todo:
            return ActionResult(done=True, skipped=True)
        answer = await self.client.cancel_lines(po, todo)
        return ActionResult(done=True, line_statuses=_line_statuses(answer),
                            quantities={c.line_number: c.quantity for c in todo})  # fmt: skip

    async def check_submission(self, submission_id: str) -> PushCheck:
        status = await self.client.get_feed_status(submission_id, include_details=True)
        ok = tuple(i.sku for i in status.items if i.sku and i.status.upper() == "SUCCESS")
        refused = {i.sku: "; ".join(i.errors) or i.status for i in status.items
                   if i.sku and i.status.upper() not in ("SUCCESS", "INPROGRESS")}  # fmt: skip
        return PushCheck(submission_id, status.done, status.status, ok, refused,
                         tuple(status.errors))  # fmt: skip

    async def push_stock(self, updates: Sequence[StockUpdate]) -> PushReceipt:
        if len(updates) == 1:
            await self.client.update_inventory(updates[0].sku, updates[0].quantity)
            return PushReceipt(accepted=(updates[0].sku,))
        feed = await self.client.submit_inventory_feed([(u.sku, u.quantity) for u in updates])
        return PushReceipt(accepted=tuple(u.sku for u in updates), submission_id=feed)

    async def push_prices(self, updates: Sequence[PriceUpdate]) -> PushReceipt:
        if len(updates) == 1:
            one = updates[0]
            await self.client.update_price(one.sku, one.price, one.currency or "USD")
            return PushReceipt(accepted=(one.sku,))
        feed = await self.client.submit_price_feed([(u.sku, u.price) for u in updates],
                                                   updates[0].currency or "USD")  # fmt: skip
        return PushReceipt(accepted=tuple(u.sku for u in updates), submission_id=feed)

    async def read_back(self, skus: Sequence[str]) -> dict[str, AppliedValues]:
        """Inventory and item price per SKU (two reads each, as the engine's checks do)."""
        found: dict[str, AppliedValues] = {}
        for sku in skus:
            try:
                item = await self.client.get_item(sku)
                quantity = (await self.client.get_inventory(sku)).quantity
            except NotFoundError:
                found[sku] = AppliedValues(sku, listed=False)
                continue
            price = item.price.amount if item.price is not None else None
            found[sku] = AppliedValues(sku, True, quantity, price)
        return found

    async def iter_listings(
        self, known_skus: frozenset[str] = frozenset()
    ) -> AsyncIterator[ListingSnapshot]:
        async for item in self.client.iter_items():
            yield listing_snapshot(item)

    async def search_catalog(self, kind: str, value: str) -> list[CatalogCandidate]:
        """Walmart's catalog search takes a GTIN-14 (UPC/EAN/ISBN are padded to one)."""
        kind = kind.upper()
        if kind not in CAPABILITIES.identifier_kinds:
            raise ValidationError("kind", f"Walmart's catalog cannot be searched by {kind}")
        try:
            gtin14 = normalize(value, kind).gtin14
        except InvalidIdentifier as exc:
            raise ValidationError(kind, str(exc)) from exc
        items = await self.client.search_catalog(gtin=gtin14)
        return [
            CatalogCandidate(
                item_id=item.item_id, title=item.title,
                identifiers={k: v for k, v in (("GTIN", item.gtin), ("UPC", item.upc)) if v},
                brand=item.brand or "", image_url=item.image_urls[0] if item.image_urls else "",
            )
            for item in items
        ]  # fmt: skip

    async def fetch_returns(self, since: datetime) -> AsyncIterator[IncomingReturn]:
        async for ret in self.client.iter_returns(created_start=since):
            yield incoming_return(ret)

    async def refund(self, request: RefundRequest) -> ActionResult:
        """A returned order's lines, through the returns API (``walmart.refund_return``)."""
        if not request.return_id or not request.customer_order_id:
            raise ValidationError("return_id", "a Walmart refund needs the return and order id")
        lines = [(int(line.line_id), line.qty) for line in request.lines]
        await self.client.refund_return(request.return_id, request.customer_order_id, lines)
        return ActionResult(done=True)

    async def test_connection(self) -> list[str]:
        report = await self.client.test_connection()
        return [] if report.ok else [report.message]


def _ship_line(request: ShipmentRequest, line_id: str, qty: int) -> ShipLine:
    listed = request.carrier in CARRIERS
    other = "" if listed else (request.other_carrier or request.carrier)
    return ShipLine(
        line_number=line_id,
        quantity=qty,
        tracking_number=request.tracking_number,
        ship_datetime=request.ship_date,
        method_code=request.method or "Standard",
        carrier=request.carrier if listed else None,
        other_carrier=other or None,
        tracking_url=request.tracking_url or None,
        intent_to_cancel_override=request.intent_to_cancel_override,
        seller_order_id=seller_order_id(request),
    )


def seller_order_id(request: ShipmentRequest) -> str:
    """What Walmart prints as our order number on the return label: the Commerce order
    number once there is one (``request.seller_order_id``), else the purchase order id. The
    spec allows 30 characters (``ShippingLineType.sellerOrderId``); a longer Commerce number
    falls back to the PO id."""
    number = request.seller_order_id
    if number and len(number) <= MAX_SELLER_ORDER_ID:
        return number
    return request.marketplace_order_id[:MAX_SELLER_ORDER_ID]


def _matches(number: str | None, wanted: str) -> bool:
    return (number or "").replace(" ", "").casefold() == wanted.replace(" ", "").casefold()


def _not_yet_shipped(remote: Order, request: ShipmentRequest) -> list[tuple[str, int]]:
    """Units of the package Walmart does not show Shipped with our tracking number."""
    by_number = {ln.line_number: ln for ln in remote.lines}
    todo = []
    for line_id, qty in request.lines:
        line = by_number.get(line_id)
        done = 0 if line is None else sum(
            s.quantity for s in line.statuses
            if s.status in ("Shipped", "Delivered") and s.tracking is not None
            and _matches(s.tracking.tracking_number, request.tracking_number)
        )  # fmt: skip
        if qty - done > 0:
            todo.append((line_id, qty - done))
    return todo


def _to_cancel(remote: Order, request: CancelRequest) -> list[CancelLine]:
    """What of ``request`` Walmart still holds open (every line in full: the whole order)."""
    by_number = {ln.line_number: ln for ln in remote.lines}
    wanted = request.lines or tuple((ln.line_number, ln.quantity) for ln in remote.lines)
    todo = []
    for number, qty in wanted:
        line = by_number.get(number)
        if line is None:
            raise ChannelError(f"Walmart's order {request.marketplace_order_id} has no line "
                               f"{number}.")  # fmt: skip
        open_qty = line.quantity_in("Created") + line.quantity_in("Acknowledged")
        if request.totals:
            qty -= line.quantity_in("Cancelled")
        if min(qty, open_qty) > 0:
            todo.append(CancelLine(number, min(qty, open_qty), request.reason))
    return todo


def _ack_statuses(order: Order) -> dict[str, str]:
    """Line number → the status shown for it after the acknowledgement (16 characters, as
    ``order_lines.marketplace_status`` held them before 0010)."""
    out = {}
    for line in order.lines:
        names = [s.status for s in line.statuses]
        out[line.line_number] = (names[0] if len(set(names)) == 1 else "Acknowledged")[:16]
    return out


def _line_statuses(order: Order) -> dict[str, str]:
    """The status holding most units per line, for display on the order's lines."""
    return {line.line_number: max(line.statuses, key=lambda s: s.quantity).status
            for line in order.lines if line.statuses}  # fmt: skip
