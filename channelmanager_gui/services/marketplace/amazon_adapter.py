"""``MarketplacePort`` over ``AmazonClient`` (one seller account, North America).

- Orders: ``searchOrders`` v2026-01-01 by last-updated date, items embedded, merchant- and
  Amazon-fulfilled alike; the "before" bound is kept at least two minutes old (§2.2) and
  pagination tokens go back untouched (the client's ``iter_orders``).
- No acknowledgement call exists (§3.1): ``acknowledge`` answers ``skipped`` (never queued:
  ``acknowledges_orders`` is False).
- Ship: ``confirmShipment`` per package; a retry first reads the order and skips a package
  Amazon already shows with our tracking number, else resends with the same
  ``packageReferenceId`` (which edits it, §3.2/§5.2) — never a second package.
- Cancel: whole order only, through the acknowledgement feed with a reason (§3.3), refused
  once anything shipped; refund: the adjustment feed (§3.4). Both answer a submission id that
  ``check_submission`` reads (feed status, then the XML processing report).
- Stock and price: one SKU by ``patchListingsItem``, many by ``JSON_LISTINGS_FEED`` — one feed
  at a time per account (§8.6); ACCEPTED is not applied (§4.2): ``read_back`` shows what Amazon
  applied. Prices go to the account's first marketplace.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from channelmanager_gui.errors import ChannelError, ValidationError
from channelmanager_gui.services.amazon import AmazonClient, OfferUpdate, PackageLine, ShipPackage
from channelmanager_gui.services.amazon.connection import participation_problems
from channelmanager_gui.services.amazon.order_feeds import ADJUSTMENT_FEED
from channelmanager_gui.services.amazon.orders import MIN_BEFORE_AGE
from channelmanager_gui.services.amazon.report_rows import (
    parse_listings_report,
    parse_returns_report,
)
from channelmanager_gui.services.amazon.reports import MERCHANT_LISTINGS, RETURNS
from channelmanager_gui.services.marketplace.amazon_caps import CAPABILITIES, other_carrier_name
from channelmanager_gui.services.marketplace.amazon_mapping import (
    incoming_order,
    incoming_returns,
    listing_snapshot,
)
from channelmanager_gui.services.marketplace.amazon_submissions import Submissions
from channelmanager_gui.services.marketplace.port import (
    ActionResult,
    AppliedValues,
    CancelRequest,
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

# A small safety margin over Amazon's two minutes, for clock drift between us and Amazon.
BEFORE_MARGIN = timedelta(seconds=10)


class AmazonAdapter:
    marketplace = Marketplace.AMAZON
    capabilities = CAPABILITIES

    def __init__(
        self, client: AmazonClient, *, poll_interval: float = 30.0, report_timeout: float = 1800.0
    ) -> None:
        self.client = client
        self.marketplace_id = client.marketplace_ids[0]
        self.poll_interval = poll_interval
        self.report_timeout = report_timeout
        self.submissions = Submissions(client, self.marketplace_id)

    async def aclose(self) -> None:
        await self.client.aclose()

    async def fetch_orders(
        self, updated_after: datetime, updated_before: datetime | None = None
    ) -> AsyncIterator[OrderPage]:
        before = self._before(updated_after, updated_before)
        pages = self.client.iter_orders(last_updated_after=updated_after,
                                        last_updated_before=before, fulfilled_by=None)  # fmt: skip
        async for page in pages:
            orders = tuple(incoming_order(order) for order in page.orders)
            yield OrderPage(orders, tuple(f"Amazon order {s}" for s in page.skipped))

    def _before(self, after: datetime, before: datetime | None) -> datetime | None:
        """``before`` moved back to at least two minutes ago; None when that is not after
        ``after`` (Amazon then bounds the search itself; the caller's overlap covers it)."""
        if before is None:
            return None
        now = datetime.fromtimestamp(self.client.clock.wall(), UTC)
        latest = min(before, now - MIN_BEFORE_AGE - BEFORE_MARGIN)
        return latest if latest >= after else None

    async def get_order(self, marketplace_order_id: str) -> IncomingOrder:
        return incoming_order(await self.client.get_order(marketplace_order_id))

    async def acknowledge(
        self, marketplace_order_id: str, *, retrying: bool = False
    ) -> ActionResult:
        """Amazon has no acknowledgement (§3.1): an Unshipped order is ready to ship."""
        return ActionResult(done=True, skipped=True)

    async def confirm_shipment(
        self, request: ShipmentRequest, *, retrying: bool = False
    ) -> ActionResult:
        order_id = request.marketplace_order_id
        if retrying:
            order = await self.client.get_order(order_id)
            wanted = request.tracking_number.replace(" ", "").casefold()
            if any(p.tracking_number.replace(" ", "").casefold() == wanted
                   for p in order.packages):  # fmt: skip
                return ActionResult(done=True, skipped=True)
        carrier = request.carrier
        if not carrier or carrier == "Other":
            carrier = other_carrier_name(request.other_carrier)
        package = ShipPackage(
            package_reference_id=request.package_reference, carrier=carrier,
            tracking_number=request.tracking_number, ship_date=request.ship_date,
            lines=tuple(PackageLine(line_id, qty) for line_id, qty in request.lines),
            shipping_method=request.method if request.method != "Standard" else "",
        )  # fmt: skip
        marketplace_id = await self._order_marketplace(order_id)
        request_id = await self.client.confirm_shipment(order_id, package,
                                                        marketplace_id=marketplace_id)  # fmt: skip
        return ActionResult(done=True, request_id=request_id)

    async def _order_marketplace(self, order_id: str) -> str:
        """The marketplace the order was placed in (confirmShipment needs it, §3.2)."""
        if len(self.client.marketplace_ids) == 1:
            return self.marketplace_id
        order = await self.client.get_order(order_id)
        return order.marketplace_id or self.marketplace_id

    async def cancel_order(self, request: CancelRequest) -> ActionResult:
        order = await self.client.get_order(request.marketplace_order_id)
        return await self.submissions.cancel(order, request)

    async def check_submission(self, submission_id: str) -> PushCheck:
        return await self.submissions.check(submission_id)

    async def push_stock(self, updates: Sequence[StockUpdate]) -> PushReceipt:
        return await self.submissions.push([OfferUpdate(u.sku, quantity=u.quantity)
                                            for u in updates])  # fmt: skip

    async def push_prices(self, updates: Sequence[PriceUpdate]) -> PushReceipt:
        return await self.submissions.push([OfferUpdate(u.sku, price=u.price) for u in updates])

    async def read_back(self, skus: Sequence[str]) -> dict[str, AppliedValues]:
        found: dict[str, AppliedValues] = {}
        for sku in skus:
            item = await self.client.get_listing(sku, marketplace_id=self.marketplace_id)
            if item is None:
                found[sku] = AppliedValues(sku, listed=False)
            else:
                found[sku] = AppliedValues(sku, True, item.quantity(),
                                           item.price(self.marketplace_id))  # fmt: skip
        return found

    async def iter_listings(
        self, known_skus: frozenset[str] = frozenset()
    ) -> AsyncIterator[ListingSnapshot]:
        """Every listing of the All Listings report (§4.7; the search API stops at 1,000)."""
        data = await self.client.fetch_report(
            MERCHANT_LISTINGS, interval=self.poll_interval, timeout=self.report_timeout
        )
        rows, _skipped = parse_listings_report(data)  # skipped rows are logged by the parser
        for row in rows:
            yield listing_snapshot(row, known_skus)

    async def search_catalog(self, kind: str, value: str) -> list[CatalogCandidate]:
        """Catalog items by ASIN/UPC/EAN/ISBN/GTIN (§4.4); by SKU: our listing's ASIN."""
        kind = kind.upper()
        if kind not in CAPABILITIES.identifier_kinds:
            raise ValidationError("kind", f"Amazon's catalog cannot be searched by {kind}")
        if kind == "SKU":
            listing = await self.client.get_listing(value, marketplace_id=self.marketplace_id)
            summary = listing.summary(self.marketplace_id) if listing else None
            if summary is None or not summary.asin:
                return []
            kind, value = "ASIN", summary.asin
        items = await self.client.search_catalog([value], kind,
                                                 marketplace_id=self.marketplace_id)  # fmt: skip
        return [
            CatalogCandidate(item_id=item.asin, title=item.item_name,
                             identifiers={"ASIN": item.asin, **({kind: value} if kind != "ASIN"
                                                                 else {})},
                             brand=item.brand, classification=item.classification)
            for item in items
        ]  # fmt: skip

    async def fetch_returns(self, since: datetime) -> AsyncIterator[IncomingReturn]:
        """The returns report from ``since`` (a report covers at most 60 days, §3.5)."""
        data = await self.client.fetch_report(
            RETURNS, start=since, interval=self.poll_interval, timeout=self.report_timeout
        )
        rows, _skipped = parse_returns_report(data)
        for ret in incoming_returns(rows):
            yield ret

    async def refund(self, request: RefundRequest) -> ActionResult:
        order = await self.client.get_order(request.marketplace_order_id)
        return await self.submissions.refund(order, request)

    async def refunded(self, order_id: str) -> dict[str, Decimal]:
        """SKU (and the ids the refund event names) → amount refunded so far (§3.4)."""
        return await self.client.refunded_items(order_id)

    async def refunds_in_flight(self, since: datetime) -> list[str]:
        """Adjustment feeds created since ``since`` that Amazon has not finished: their refunds
        are not posted yet, so "no refund shown" is not an answer while one runs."""
        feeds = await self.client.list_feeds(ADJUSTMENT_FEED, ("IN_QUEUE", "IN_PROGRESS"), since)
        return [feed.feed_id for feed in feeds]

    async def test_connection(self) -> list[str]:
        """Token exchange, then marketplace participation, each failure in words (§8.1)."""
        report = await self.client.test_connection()
        if report.ok:
            return []
        if report.problem != "no_permission":
            return [report.message]
        # The client joins one sentence per marketplace; the port gives each on its own.
        try:
            participations = await self.client.marketplace_participations()
        except ChannelError:
            return [report.message]
        return participation_problems(participations, self.client.marketplace_ids) or [
            report.message
        ]
