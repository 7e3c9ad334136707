"""Links out: an order or a product on Walmart Seller Center, Walmart.com and the Commerce admin.

Qt-free builders (the window opens them with ``QDesktopServices.openUrl``). None of these web
addresses is an API: neither reference documents them, so they are the forms the web tools use
today and may change without notice:

- Seller Center's order page: the Walmart reference (walmart-marketplace-api.md) documents no
  Seller Center address at all (?); this is the "Manage orders" page filtered to one PO.
- Walmart.com's item page ``/ip/{itemId}``: the reference only names ``itemId`` in the catalog
  search answer (§ catalog search) (?); Walmart.com redirects ``/ip/{itemId}`` to the product.
- Commerce admin: Magento's default admin front name is ``admin``
  (``app/etc/env.php`` ``backend/frontName``); a store that changed it, or serves its admin on
  another host, gets a login page instead (?). The routes are Magento's own controllers
  ``sales/order/view/order_id/{entity_id}`` and ``catalog/product/edit/id/{entity_id}``.
- Amazon: the SP-API reference (amazon-sp-api.md) documents no Seller Central or shop address
  either (?); these are Seller Central's "Order details" page ``/orders-v3/order/{orderId}``
  and the shop's product page ``/dp/{ASIN}``, on the host of the account's first marketplace
  (US, CA or MX).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from channelmanager_gui.models.account import AMAZON, MarketplaceAccount
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.models.order import Order
from channelmanager_gui.models.store import Store

SELLER_CENTER_ORDERS = "https://seller.walmart.com/orders/manage-orders"
WALMART_ITEM = "https://www.walmart.com/ip/"
ADMIN_FRONT_NAME = "admin"
# Amazon marketplace id -> (Seller Central host, shop host); the North America marketplaces.
AMAZON_HOSTS = {
    "ATVPDKIKX0DER": ("sellercentral.amazon.com", "www.amazon.com"),
    "A2EUQ1WTGCTBG2": ("sellercentral.amazon.ca", "www.amazon.ca"),
    "A1AM78C64UM0Y8": ("sellercentral.amazon.com.mx", "www.amazon.com.mx"),
}
_US_HOSTS = AMAZON_HOSTS["ATVPDKIKX0DER"]


@dataclass(frozen=True)
class Link:
    """A menu entry's text and its address (None when the record lacks the id it needs)."""

    text: str
    url: str | None
    why_not: str = ""


def seller_center_order_url(marketplace_order_id: str) -> str:
    query = urlencode({"orderGroups": "All", "poNumber": marketplace_order_id})
    return f"{SELLER_CENTER_ORDERS}?{query}"


def walmart_item_url(item_id: str) -> str:
    return WALMART_ITEM + quote(item_id, safe="")


def amazon_order_url(order_id: str, marketplace_id: str | None = None) -> str:
    seller_central, _ = AMAZON_HOSTS.get(marketplace_id or "", _US_HOSTS)
    return f"https://{seller_central}/orders-v3/order/{quote(order_id, safe='')}"


def amazon_product_url(asin: str, marketplace_id: str | None = None) -> str:
    _, shop = AMAZON_HOSTS.get(marketplace_id or "", _US_HOSTS)
    return f"https://{shop}/dp/{quote(asin, safe='')}"


def commerce_admin_url(commerce_url: str, route: str) -> str:
    """``route`` under the admin of the store at ``commerce_url`` (its REST base may end in
    ``/rest`` or a store code; the admin lives at the site root)."""
    base = commerce_url.rstrip("/")
    for tail in ("/rest/default", "/rest/all", "/rest"):
        if base.endswith(tail):
            base = base[: -len(tail)]
            break
    return f"{base}/{ADMIN_FRONT_NAME}/{route.strip('/')}/"


def commerce_order_url(commerce_url: str, entity_id: int) -> str:
    return commerce_admin_url(commerce_url, f"sales/order/view/order_id/{int(entity_id)}")


def commerce_product_url(commerce_url: str, product_id: int) -> str:
    return commerce_admin_url(commerce_url, f"catalog/product/edit/id/{int(product_id)}")


def order_links(
    commerce_url: str | None, order: Order, marketplace_id: str | None = None
) -> list[Link]:
    """The order's marketplace (Seller Center / Seller Central) and the Commerce admin."""
    commerce: Link
    if commerce_url and order.commerce_entity_id:
        url = commerce_order_url(commerce_url, order.commerce_entity_id)
        commerce = Link("Open in Commerce admin", url)
    else:
        commerce = Link("Open in Commerce admin", None, "The order is not in Commerce yet.")
    if order.marketplace == AMAZON:
        url = amazon_order_url(order.marketplace_order_id, marketplace_id)
        return [Link("Open in Seller Central", url), commerce]
    seller_center = Link(
        "Open in Seller Center", seller_center_order_url(order.marketplace_order_id)
    )
    return [seller_center, commerce]


def listing_links(
    commerce_url: str | None, listing: Listing, marketplace_id: str | None = None
) -> list[Link]:
    """The product in the Commerce admin and on its marketplace's shop."""
    if commerce_url and listing.commerce_product_id:
        admin = Link(
            "Open product in Commerce admin",
            commerce_product_url(commerce_url, listing.commerce_product_id),
        )
    else:
        admin = Link("Open product in Commerce admin", None, "No Commerce product is linked.")
    if listing.marketplace == AMAZON:
        if listing.marketplace_item_id:
            url = amazon_product_url(listing.marketplace_item_id, marketplace_id)
            return [admin, Link("Open on Amazon", url)]
        return [admin, Link("Open on Amazon", None, "Amazon has not given an ASIN yet.")]
    if listing.marketplace_item_id:
        walmart = Link("Open on Walmart.com", walmart_item_url(listing.marketplace_item_id))
    else:
        walmart = Link("Open on Walmart.com", None, "Walmart has not given an item id yet.")
    return [admin, walmart]


def store_commerce_url(db: Database, store_id: int) -> str | None:
    with db.session() as session:
        store = session.get(Store, store_id)
        return store.commerce_url if store is not None else None


def first_marketplace_id(db: Database, account_id: int | None) -> str | None:
    """The account's first Amazon marketplace id (its Seller Central and shop host)."""
    with db.session() as session:
        account = session.get(MarketplaceAccount, account_id) if account_id else None
        ids = list(account.marketplace_ids or []) if account is not None else []
        return ids[0] if ids else None


def links_for_order(db: Database, order: Order) -> list[Link]:
    marketplace_id = first_marketplace_id(db, order.account_id)
    return order_links(store_commerce_url(db, order.store_id), order, marketplace_id)


def links_for_listing(db: Database, listing_id: int) -> list[Link]:
    with db.session() as session:
        listing = session.get(Listing, listing_id)
        if listing is None:
            return []
        store = session.get(Store, listing.store_id)
        marketplace_id = first_marketplace_id(db, listing.account_id)
        return listing_links(store.commerce_url if store else None, listing, marketplace_id)
