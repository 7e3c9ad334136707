"""The activity log's event names in the merchant's words, translated (issue 21, Languages).

The engine records an event as a code (``ship_requested``) next to an English message; the code
is ours, so the window names it in the language shown. The message is stored in the database as
English text and is shown as stored: it was written when the event happened, with its values in
the sentence, and the database keeps no template to translate it from. An event code not listed
here shows as written, underscores as spaces.
"""

from __future__ import annotations

from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.i18n import ui

# Every code the engine records (services/engine, services/ops, services/activity.py callers).
EVENT_TEXT = {
    "acknowledged": N_("Labels", "Acknowledged"),
    "cancel_requested": N_("Labels", "Cancel requested"),
    "candidate_pick_undone": N_("Labels", "Item pick undone"),
    "candidate_picked": N_("Labels", "Item picked"),
    "catalog_import": N_("Labels", "Catalog import"),
    "catalog_refresh": N_("Labels", "Catalog refresh"),
    "commerce_cancel": N_("Labels", "Commerce cancellation"),
    "commerce_shipment": N_("Labels", "Commerce shipment"),
    "created": N_("Labels", "Created"),
    "creditmemo_seen": N_("Labels", "Credit memo seen"),
    "ended": N_("Labels", "Ended"),
    "fba_shipment": N_("Labels", "FBA shipment"),
    "feed_submitted": N_("Labels", "Feed submitted"),
    "imported": N_("Labels", "Imported"),
    "match_candidates": N_("Labels", "Match candidates"),
    "match_error": N_("Labels", "Match error"),
    "match_not_found": N_("Labels", "Match not found"),
    "match_requested": N_("Labels", "Match requested"),
    "matched": N_("Labels", "Matched"),
    "not_created": N_("Labels", "Not created"),
    "order_placed": N_("Labels", "Order placed"),
    "price_error": N_("Labels", "Price error"),
    "price_sent": N_("Labels", "Price sent"),
    "refund_requested": N_("Labels", "Refund requested"),
    "resend": N_("Labels", "Resend"),
    "retry": N_("Labels", "Retry"),
    "return_imported": N_("Labels", "Return imported"),
    "return_refunded": N_("Labels", "Return refunded"),
    "returns": N_("Labels", "Returns"),
    "ship_requested": N_("Labels", "Ship requested"),
    "stock_error": N_("Labels", "Stock error"),
    "stock_sent": N_("Labels", "Stock sent"),
    "total_differs": N_("Labels", "Total differs"),
    "tracking_url_added": N_("Labels", "Tracking link added"),
    "waiting": N_("Labels", "Waiting"),
    "walmart_status": N_("Labels", "Walmart status"),
    "walmart_update": N_("Labels", "Walmart update"),
    "amazon_update": N_("Labels", "Amazon update"),
}


def event_text(event: str) -> str:
    """The event's name in the language shown ("Ship requested")."""
    if event in EVENT_TEXT:
        return ui(EVENT_TEXT[event])
    return event.replace("_", " ").capitalize()
