"""Async Walmart Marketplace (US, v3) client: orders, returns, items, inventory, prices, feeds.
Qt-free; built on ``services.http``."""

from channelmanager_gui.services.walmart.catalog_models import (
    CatalogItem,
    FeedItemResult,
    FeedStatus,
    Inventory,
    Item,
    PriceUpdate,
    RetireResult,
)
from channelmanager_gui.services.walmart.client import WalmartClient
from channelmanager_gui.services.walmart.feeds import MatchItem
from channelmanager_gui.services.walmart.order_models import (
    Charge,
    LineStatus,
    Money,
    Order,
    OrderLine,
    PostalAddress,
    ShippingInfo,
    Tracking,
)
from channelmanager_gui.services.walmart.order_requests import (
    CANCEL_REASONS,
    CARRIERS,
    METHOD_CODES,
    REFUND_REASONS,
    CancelLine,
    RefundLine,
    ShipLine,
)
from channelmanager_gui.services.walmart.return_models import (
    ReturnLine,
    ReturnOrder,
    ReturnRefund,
    TrackingStatus,
)

__all__ = [
    "CANCEL_REASONS",
    "CARRIERS",
    "METHOD_CODES",
    "REFUND_REASONS",
    "CancelLine",
    "CatalogItem",
    "Charge",
    "FeedItemResult",
    "FeedStatus",
    "Inventory",
    "Item",
    "LineStatus",
    "MatchItem",
    "Money",
    "Order",
    "OrderLine",
    "PostalAddress",
    "PriceUpdate",
    "RefundLine",
    "RetireResult",
    "ReturnLine",
    "ReturnOrder",
    "ReturnRefund",
    "ShipLine",
    "ShippingInfo",
    "Tracking",
    "TrackingStatus",
    "WalmartClient",
]
