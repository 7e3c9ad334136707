"""Async Amazon Selling Partner API client (North America): orders, shipping, cancel and refund
feeds, listings price/quantity, catalog matching, reports and the listing-tab classifier.
Qt-free; built on ``services.http``."""

from channelmanager_gui.services.amazon.catalog import CatalogItem, CatalogMatch, MatchVerdict
from channelmanager_gui.services.amazon.client import AmazonClient
from channelmanager_gui.services.amazon.feeds import FeedStatus
from channelmanager_gui.services.amazon.listing_models import Issue, ListingItem, Submission
from channelmanager_gui.services.amazon.listings import OfferUpdate
from channelmanager_gui.services.amazon.lwa import LwaCredentials
from channelmanager_gui.services.amazon.models import Address, Money, Order, OrderItem, OrderStatus
from channelmanager_gui.services.amazon.order_feeds import Cancellation, ItemRefund, Refund
from channelmanager_gui.services.amazon.shipping import PackageLine, ShipPackage, carrier_code
from channelmanager_gui.services.amazon.tabs import ListingFacts, Tab, TabVerdict, classify

__all__ = [
    "Address",
    "AmazonClient",
    "Cancellation",
    "CatalogItem",
    "CatalogMatch",
    "FeedStatus",
    "Issue",
    "ItemRefund",
    "ListingFacts",
    "ListingItem",
    "LwaCredentials",
    "MatchVerdict",
    "Money",
    "OfferUpdate",
    "Order",
    "OrderItem",
    "OrderStatus",
    "PackageLine",
    "Refund",
    "ShipPackage",
    "Submission",
    "Tab",
    "TabVerdict",
    "carrier_code",
    "classify",
]
