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
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.models.order import Order
from channelmanager_gui.models.store import Store

SELLER_CENTER_ORDERS = "https://seller.walmart.com/orders/manage-orders"
WALMART_ITEM = "https://www.walmart.com/ip/"
ADMIN_FRONT_NAME = "admin"


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


def order_links(commerce_url: str | None, order: Order) -> list[Link]:
    """Seller Center and the Commerce admin for one order."""
    commerce: Link
    if commerce_url and order.commerce_entity_id:
        url = commerce_order_url(commerce_url, order.commerce_entity_id)
        commerce = Link("Open in Commerce admin", url)
    else:
        commerce = Link("Open in Commerce admin", None, "The order is not in Commerce yet.")
    seller_center = Link(
        "Open in Seller Center", seller_center_order_url(order.marketplace_order_id)
    )
    return [seller_center, commerce]


def listing_links(commerce_url: str | None, listing: Listing) -> list[Link]:
    """The product in the Commerce admin and on Walmart.com."""
    if commerce_url and listing.commerce_product_id:
        admin = Link(
            "Open product in Commerce admin",
            commerce_product_url(commerce_url, listing.commerce_product_id),
        )
    else:
        admin = Link("Open product in Commerce admin", None, "No Commerce product is linked.")
    if listing.marketplace_item_id:
        walmart = Link("Open on Walmart.com", walmart_item_url(listing.marketplace_item_id))
    else:
        walmart = Link("Open on Walmart.com", None, "Walmart has not given an item id yet.")
    return [admin, walmart]


def store_commerce_url(db: Database, store_id: int) -> str | None:
    with db.session() as session:
        store = session.get(Store, store_id)
        return store.commerce_url if store is not None else None


def links_for_order(db: Database, order: Order) -> list[Link]:
    return order_links(store_commerce_url(db, order.store_id), order)


def links_for_listing(db: Database, listing_id: int) -> list[Link]:
    with db.session() as session:
        listing = session.get(Listing, listing_id)
        if listing is None:
            return []
        store = session.get(Store, listing.store_id)
        return listing_links(store.commerce_url if store else None, listing)
