"""Adobe Commerce / Magento Open Source 2.4 REST client (Qt-free).

Start at :class:`CommerceClient`; the models are what its methods return.
"""

from channelmanager_gui.services.commerce.client import CommerceClient
from channelmanager_gui.services.commerce.error_body import is_no_route, render_phrase
from channelmanager_gui.services.commerce.models import (
    Address,
    Product,
    SourceItem,
    StockItem,
    Track,
)
from channelmanager_gui.services.commerce.sales_models import (
    CartItem,
    CreditMemo,
    CreditMemoItem,
    Order,
    OrderComment,
    OrderItem,
    Rma,
    RmaComment,
    RmaItem,
    RmaTrack,
    Shipment,
    ShipmentItem,
)
from channelmanager_gui.services.commerce.search import Filter, SearchCriteria

__all__ = [
    "Address",
    "CartItem",
    "CommerceClient",
    "CreditMemo",
    "CreditMemoItem",
    "Filter",
    "Order",
    "OrderComment",
    "OrderItem",
    "Product",
    "Rma",
    "RmaComment",
    "RmaItem",
    "RmaTrack",
    "SearchCriteria",
    "Shipment",
    "ShipmentItem",
    "SourceItem",
    "StockItem",
    "Track",
    "is_no_route",
    "render_phrase",
]
