"""The marketplace port: what the engine asks of *a* marketplace, in neutral words.

The engine's flows (import, ship, cancel, push stock and price, match, returns) are written
once against ``MarketplacePort``; ``walmart_adapter`` and ``amazon_adapter`` implement it over
the two clients, and ``Capabilities`` says what each marketplace can do (acknowledgement or
not, its cancel reasons and carriers, partial shipments, whether a pushed value is applied at
once or later). Money is ``Decimal`` everywhere; a price the marketplace does not give yet
(Amazon's Pending orders, reference §2.3) is ``None``, never zero.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, Protocol

Pair = tuple[str, str]  # (code sent to the marketplace, label shown to the merchant)
ZERO = Decimal("0")


class Marketplace(StrEnum):
    WALMART = "walmart"
    AMAZON = "amazon"


@dataclass(frozen=True)
class Capabilities:
    """What one marketplace can do; dialogs and flows read it instead of naming a marketplace."""

    marketplace: Marketplace
    acknowledges_orders: bool  # Walmart: yes (within 4 h); Amazon: no such call (§3.1)
    cancel_reasons: tuple[Pair, ...]
    carriers: tuple[Pair, ...]
    other_carrier_ok: bool  # another carrier may be named (Walmart: with a tracking URL)
    other_carrier_needs_url: bool
    ship_methods: tuple[Pair, ...]
    partial_shipments: bool
    # Each package names itself with ``ShipmentRequest.package_reference`` (Amazon's
    # packageReferenceId, §3.2); Walmart ships lines and has none (a shipment recorded
    # before 0010 may lack one).
    package_references: bool
    cancel_whole_order_only: bool  # Amazon: the acknowledgement feed cancels whole orders (§9)
    cancel_after_partial_shipment: bool  # Amazon: never once anything shipped (§3.3)
    stock_bulk_limit: int  # SKUs per bulk submission
    price_bulk_limit: int
    applies_later: bool  # accepted ≠ applied: read the value back before "in step" (§4.2)
    one_feed_at_a_time: bool  # Amazon: one listings feed at a time per account (§8.6)
    refund_reasons: tuple[Pair, ...]
    identifier_kinds: tuple[str, ...]  # what search_catalog takes
    # Least seconds between two order searches of one account (0: every pass of the loop).
    # Amazon's searchOrders refills 0.0056 tokens/s, burst 20 (§2.1): polling every 10 s
    # empties the bucket in minutes, after which a sale's later pages wait minutes each.
    orders_poll_seconds: float = 0.0


class FulfilledBy(StrEnum):
    MERCHANT = "merchant"
    MARKETPLACE = "marketplace"  # Amazon FBA: shown, never shipped or cancelled by us


@dataclass(frozen=True)
class IncomingLine:
    """One order line. ``line_id``: Walmart lineNumber / Amazon orderItemId."""

    line_id: str
    sku: str
    product_name: str
    qty: int
    unit_price: Decimal | None  # None: no price yet (Amazon Pending)
    line_price: Decimal | None  # unit price × quantity, exact
    shipping: Decimal = ZERO
    tax: Decimal = ZERO
    shipping_tax: Decimal = ZERO
    status: str = ""  # the marketplace's words, e.g. "Acknowledged", "UNSHIPPED"
    qty_shipped: int = 0
    qty_cancelled: int = 0
    buyer_cancel_requested: bool = False
    buyer_cancel_reason: str = ""
    marketplace_item_id: str = ""  # Amazon ASIN; Walmart sends none on orders


@dataclass(frozen=True)
class IncomingOrder:
    """An order as the marketplace shows it, independent of any account row.

    ``shipping_address`` has the keys the Walmart import stores today (``name, address1,
    address2, city, state, postal_code, country, address_type, phone``; see
    ``engine.order_records._address``) so ``engine.order_address.cart_address`` reads both.
    """

    marketplace: Marketplace
    marketplace_order_id: str
    customer_order_id: str
    order_date: datetime
    status: str
    fulfilled_by: FulfilledBy
    currency: str
    total: Decimal | None
    lines: tuple[IncomingLine, ...]
    shipping_address: Mapping[str, Any]
    ready_to_create: bool  # a Commerce order may be made now (paid, merchant-fulfilled)
    needs_acknowledgement: bool = False
    last_updated: datetime | None = None
    ship_by: datetime | None = None
    ship_method: str = ""
    buyer_name: str = ""
    buyer_email: str = ""
    buyer_phone: str = ""
    sales_channel: str = ""  # Amazon marketplace id (ATVPDKIKX0DER …); "" on Walmart

    @property
    def buyer_cancel_requested(self) -> bool:
        return any(line.buyer_cancel_requested for line in self.lines)

    @property
    def buyer_cancel_reason(self) -> str:
        return next((ln.buyer_cancel_reason for ln in self.lines if ln.buyer_cancel_reason), "")


@dataclass(frozen=True)
class OrderPage:
    """One page of a search; ``skipped`` names orders that could not be read, with why. A
    caller must not move its cursor past a page that skipped anything."""

    orders: tuple[IncomingOrder, ...]
    skipped: tuple[str, ...] = ()


@dataclass(frozen=True)
class ShipmentRequest:
    """One package. ``package_reference`` stays the same on every retry (Amazon's
    packageReferenceId, a positive whole number as text, §3.2)."""

    marketplace_order_id: str
    package_reference: str
    carrier: str  # a code of ``Capabilities.carriers`` or a carrier's name
    tracking_number: str
    ship_date: datetime
    lines: tuple[tuple[str, int], ...]  # (line_id, qty)
    other_carrier: str = ""
    method: str = "Standard"
    tracking_url: str = ""
    seller_order_id: str = ""
    intent_to_cancel_override: bool = False  # Walmart: ship although the buyer asked to cancel


@dataclass(frozen=True)
class CancelRequest:
    """``lines``: (line_id, qty) to cancel, or with ``totals`` each line's cancelled *total*
    (the adapter sends only what the marketplace does not show cancelled yet)."""

    marketplace_order_id: str
    reason: str  # a code of ``Capabilities.cancel_reasons``
    lines: tuple[tuple[str, int], ...] = ()  # empty: the whole order
    totals: bool = False


@dataclass(frozen=True)
class RefundLine:
    line_id: str  # Walmart: return order line number; Amazon: orderItemId
    qty: int
    reason: str = ""
    amounts: tuple[tuple[str, Decimal], ...] = ()  # Amazon components, e.g. ("Principal", 9.99)


@dataclass(frozen=True)
class RefundRequest:
    marketplace_order_id: str
    lines: tuple[RefundLine, ...]
    return_id: str = ""  # Walmart return order id
    customer_order_id: str = ""
    currency: str = "USD"


@dataclass(frozen=True)
class ActionResult:
    """Outcome of ship / cancel / refund. ``submission_id`` set: decided later
    (``check_submission``); ``skipped``: it was already so on the marketplace."""

    done: bool
    submission_id: str = ""
    skipped: bool = False
    line_statuses: Mapping[str, str] = field(default_factory=dict)
    request_id: str = ""
    quantities: Mapping[str, int] = field(default_factory=dict)  # units acted on, per line


@dataclass(frozen=True)
class StockUpdate:
    sku: str
    quantity: int


@dataclass(frozen=True)
class PriceUpdate:
    sku: str
    price: Decimal
    currency: str = ""  # "" = the marketplace's own


@dataclass(frozen=True)
class PushReceipt:
    """``accepted``: taken (not necessarily applied); ``refused``: sku → reason in words;
    ``submission_id``: a bulk submission whose per-SKU outcome ``check_submission`` gives."""

    accepted: tuple[str, ...] = ()
    refused: Mapping[str, str] = field(default_factory=dict)
    submission_id: str = ""


@dataclass(frozen=True)
class PushCheck:
    """A submission's state; per-SKU (or per-order) outcomes once ``finished``."""

    submission_id: str
    finished: bool
    status: str
    succeeded: tuple[str, ...] = ()
    refused: Mapping[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class AppliedValues:
    """What the marketplace shows now for one SKU (None: not shown / not listed)."""

    sku: str
    listed: bool
    quantity: int | None = None
    price: Decimal | None = None


@dataclass(frozen=True)
class ListingSnapshot:
    sku: str
    marketplace_item_id: str  # Walmart itemId (or wpid) / Amazon ASIN
    product_id: str  # UPC/GTIN/EAN/ISBN as the marketplace has it
    product_id_type: str
    title: str
    price: Decimal | None
    quantity: int | None
    status: str  # in the marketplace's words
    issues: tuple[str, ...] = ()
    third_party: bool = False  # Amazon listing we did not create
    fulfilled_by: FulfilledBy = FulfilledBy.MERCHANT


@dataclass(frozen=True)
class CatalogCandidate:
    item_id: str  # Walmart itemId / Amazon ASIN
    title: str
    identifiers: Mapping[str, str] = field(default_factory=dict)  # {"UPC": "…", …}
    brand: str = ""
    image_url: str = ""
    classification: str = ""  # Amazon BASE_PRODUCT / VARIATION_PARENT


@dataclass(frozen=True)
class ReturnLine:
    line_id: str
    sku: str
    qty: int | None
    reason: str = ""
    status: str = ""
    refunded: Decimal | None = None
    order_line_id: str = ""


@dataclass(frozen=True)
class IncomingReturn:
    return_id: str
    marketplace_order_id: str
    customer_order_id: str
    created: datetime | None
    lines: tuple[ReturnLine, ...]
    currency: str = "USD"
    total_refund: Decimal | None = None


class MarketplacePort(Protocol):
    """One marketplace account. Every call may raise ``channelmanager_gui.errors`` types."""

    @property
    def marketplace(self) -> Marketplace: ...

    @property
    def capabilities(self) -> Capabilities: ...

    def fetch_orders(
        self, updated_after: datetime, updated_before: datetime | None = None
    ) -> AsyncIterator[OrderPage]:
        """Pages of orders changed in the window; the caller owns cursors and overlap."""
        ...

    async def get_order(self, marketplace_order_id: str) -> IncomingOrder: ...

    async def acknowledge(
        self, marketplace_order_id: str, *, retrying: bool = False
    ) -> ActionResult:
        """Safe to repeat: ``skipped`` when the marketplace already shows it acknowledged (and
        where it has no acknowledgement at all); ``line_statuses`` as it shows them now."""
        ...

    async def confirm_shipment(
        self, request: ShipmentRequest, *, retrying: bool = False
    ) -> ActionResult: ...

    async def cancel_order(self, request: CancelRequest) -> ActionResult: ...

    async def check_submission(self, submission_id: str) -> PushCheck: ...

    async def push_stock(self, updates: Sequence[StockUpdate]) -> PushReceipt: ...

    async def push_prices(self, updates: Sequence[PriceUpdate]) -> PushReceipt: ...

    async def read_back(self, skus: Sequence[str]) -> dict[str, AppliedValues]: ...

    def iter_listings(
        self, known_skus: frozenset[str] = frozenset()
    ) -> AsyncIterator[ListingSnapshot]: ...

    async def search_catalog(self, kind: str, value: str) -> list[CatalogCandidate]: ...

    def fetch_returns(self, since: datetime) -> AsyncIterator[IncomingReturn]: ...

    async def refund(self, request: RefundRequest) -> ActionResult: ...

    async def test_connection(self) -> list[str]:
        """Problems in words, one per failure; [] when the account works."""
        ...

    async def aclose(self) -> None: ...
