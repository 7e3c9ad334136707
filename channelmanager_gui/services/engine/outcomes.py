"""What a push to a marketplace (Walmart, Amazon) did to a listing, recorded the same way for
single updates and feeds.

Each outcome updates the listing's facts and adds a timeline entry. ``sync_error`` carries one
problem at a time, prefixed with what it is about ("Stock: …", "Price: …", "Match: …"), so a
later success of the same kind clears it without hiding a problem of another kind.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from channelmanager_gui.models.listing import Listing, MatchStatus
from channelmanager_gui.services import activity

STOCK, PRICE, MATCH = "Stock", "Price", "Match"


def qty_sent(session: Session, listing: Listing, qty: int, now: datetime, how: str) -> None:
    """A re-assertion of an unchanged quantity (the full-stock cycle) updates ``qty_sent_at``
    but adds no timeline entry: every listing every cycle would drown the real events."""
    changed = listing.last_qty_sent != qty or bool(listing.sync_error)
    listing.last_qty_sent = qty
    listing.qty_sent_at = now
    if listing.qty_queued == qty:
        listing.qty_queued = None
    clear(listing, STOCK)
    if changed:
        _note(session, listing, "stock_sent", f"{market(listing)} has quantity {qty} ({how})", "ok")


def price_sent(session: Session, listing: Listing, price: Decimal, now: datetime, how: str) -> None:
    listing.last_price_sent = price
    listing.price_sent_at = now
    if listing.price_queued == price:
        listing.price_queued = None
    clear(listing, PRICE)
    _note(session, listing, "price_sent", f"{market(listing)} has price {price:.2f} ({how})", "ok")


def qty_refused(session: Session, listing: Listing, qty: int, reason: str) -> None:
    """Kept in ``qty_queued`` so the same value is not resent every pass; the slow full-stock
    cycle or a new value tries again."""
    listing.qty_queued = qty
    text = f"{market(listing)} refused quantity {qty}: {reason}"
    problem(session, listing, STOCK, text, "stock_error")


def price_refused(session: Session, listing: Listing, price: Decimal, reason: str) -> None:
    listing.price_queued = price
    text = f"{market(listing)} refused price {price:.2f}: {reason}"
    problem(session, listing, PRICE, text, "price_error")


def matched(
    session: Session,
    listing: Listing,
    *,
    wpid: str | None,
    item_id: str | None,
    published: str | None,
    lifecycle: str | None,
    how: str,
) -> None:
    listing.match_status = MatchStatus.MATCHED
    listing.marketplace_product_id = wpid or listing.marketplace_product_id
    listing.marketplace_item_id = (
        item_id or listing.marketplace_item_id or listing.marketplace_product_id
    )
    listing.published_status = published
    listing.lifecycle_status = lifecycle
    clear(listing, MATCH)
    listing.refresh_state()
    _note(session, listing, "matched", f"Matched on Walmart ({how})", "ok")


def match_failed(session: Session, listing: Listing, reason: str) -> None:
    listing.match_status = MatchStatus.ERROR
    problem(session, listing, MATCH, reason, "match_error")
    listing.refresh_state()


def problem(session: Session, listing: Listing, kind: str, text: str, event: str) -> None:
    listing.sync_error = f"{kind}: {text}"[:1000]
    _note(session, listing, event, text, "error")


def note(session: Session, listing: Listing, event: str, message: str, outcome: str) -> None:
    _note(session, listing, event, message, outcome)


def market(listing: Listing) -> str:
    """The marketplace's name, as the timeline says it."""
    return "Amazon" if listing.marketplace == "amazon" else "Walmart"


def clear(listing: Listing, kind: str) -> None:
    if listing.sync_error and listing.sync_error.startswith(f"{kind}:"):
        listing.sync_error = None


def _note(session: Session, listing: Listing, event: str, message: str, outcome: str) -> None:
    activity.record(
        session,
        store_id=listing.store_id,
        subject_type="listing",
        subject_id=listing.id,
        event=event,
        message=message,
        outcome=outcome,
    )
