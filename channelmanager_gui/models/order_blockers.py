"""Why an order in error cannot go through, in the merchant's terms, read from our copy of the
Commerce catalog: a product disabled or out of stock in Commerce makes every Retry of the
Commerce order fail again (issue 20 #5), so the order page names the product, links to it in
the Commerce admin and offers the cancellation that resolves it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from channelmanager_gui.models.listing import Listing
from channelmanager_gui.models.order import Order, OrderLine
from channelmanager_gui.models.store import Store
from channelmanager_gui.text_marks import N_

# Said after the product ("SKU-1 (Mug) is disabled in Commerce"); the order page translates it.
DISABLED = N_("CoreText", "is disabled in Commerce")
OUT_OF_STOCK = N_("CoreText", "is out of stock in Commerce")


@dataclass(frozen=True)
class Blocker:
    sku: str
    name: str
    problem: str  # DISABLED or OUT_OF_STOCK
    admin_url: str | None  # the product's edit page in the Commerce admin, when its id is known


def product_admin_url(commerce_url: str, product_id: int | None) -> str | None:
    """The product's page in the Commerce admin. Magento's default admin path is ``/admin``
    (``app/etc/env.php`` ``backend/frontName``); a shop that renamed it gets a 404 and must
    find the product by SKU, which the page also shows. We cannot read the admin path over
    the REST API, so this is the documented default, not a certainty."""
    if product_id is None:
        return None
    return f"{commerce_url.rstrip('/')}/admin/catalog/product/edit/id/{product_id}/"


def order_blockers(session: Session, order_id: int) -> list[Blocker]:
    """The products of this order's open lines that Commerce cannot sell now."""
    order = session.get(Order, order_id)
    if order is None:
        return []
    store = session.get_one(Store, order.store_id)
    skus = session.scalars(
        select(OrderLine.sku).where(OrderLine.order_id == order_id).distinct()
    ).all()
    listings = session.scalars(
        select(Listing).where(Listing.account_id == order.account_id, Listing.sku.in_(skus))
    ).all()
    blockers = []
    for listing in sorted(listings, key=lambda item: item.sku):
        if not listing.enabled:
            problem = DISABLED
        elif listing.qty is not None and listing.qty <= 0:
            problem = OUT_OF_STOCK
        else:
            continue
        url = product_admin_url(store.commerce_url, listing.commerce_product_id)
        blockers.append(Blocker(listing.sku, listing.name, problem, url))
    return blockers
