"""Why an Amazon listing is in its tab (reference §4.8), as marked sentences.

The reason is stored on the listing row as English text (``Listing.state_reason``, for the
command line and the logs); the window reads it back with ``text_marks.recognise`` against
``KNOWN`` and shows it in the language chosen. Amazon's own issue messages inside a reason stay
as Amazon wrote them. A reason cut at the column's 255 characters fits no template and is shown
as stored.
"""

from __future__ import annotations

from channelmanager_gui.text_marks import T_, Text, recognise

CONTEXT = "ListingReason"

# Tabs.classify's reasons.
NEW_THIRD_PARTY = T_("ListingReason", "On Amazon, not matched to a catalog product")
ENDED = T_("ListingReason", "Ended by the merchant; can be listed again as it was")
EXCLUDED = T_("ListingReason", "Excluded by listing rules")
LIST_IN_PROGRESS = T_("ListingReason", "List in progress: sent to Amazon, not yet published")
READY = T_("ListingReason", "Complete and eligible; automatic listing is off")
MISSING_CONDITION = T_("ListingReason", "Missing Condition")
MISSING_INFORMATION = T_("ListingReason", "Missing required information: {attributes}")
MISSING_SEE_ISSUES = T_("ListingReason", "Missing required information: see Amazon's issues")
BUYABLE = T_("ListingReason", "Buyable on Amazon")
ACTIVE_IN_REPORT = T_("ListingReason", "Active in Amazon's listings report")
UNKNOWN_STATUS = T_("ListingReason", "Amazon reports an unknown listing status ({status})")
GATED = T_("ListingReason", "Approval required to sell this (brand or category gating): {message}")
SUPPRESSED = T_("ListingReason", "Suppressed by Amazon: {message}")
PROBLEM = T_("ListingReason", "Amazon reports a problem: {message}")
NOT_BUYABLE = T_("ListingReason", "Not buyable on Amazon (often: quantity 0)")
INACTIVE = T_("ListingReason", "Inactive on Amazon")
# The catalog match (Amazon Sales Channel's Incomplete statuses).
MATCHED = T_("ListingReason", "Matched to an Amazon listing")
UNABLE_TO_ASSIGN = T_("ListingReason", "Unable to Assign to Amazon Listing")
MULTIPLE_MATCHES = T_("ListingReason", "Multiple Matches Found")
HAS_VARIANTS = T_("ListingReason", "Has Variants")
WAITING_FOR_MATCH = T_("ListingReason", "Being looked up in Amazon's catalog")
# Our listing rules (engine/amazon_tabs.py).
DISABLED = T_("ListingReason", "Disabled in Commerce; quantity 0 is sent")
OUT_OF_STOCK = T_(
    "ListingReason",
    "Out of stock: {qty} salable, at or below the out-of-stock threshold {threshold}; "
    "quantity 0 is sent",
)
# A value pushed that Amazon does not show yet, added after the reason.
AWAITING_QTY = T_("ListingReason", "quantity {qty} on the way to Amazon, not applied yet")
AWAITING_PRICE = T_("ListingReason", "price {price} on the way to Amazon, not applied yet")
AWAITING_BOTH = T_(
    "ListingReason", "quantity {qty} and price {price} on the way to Amazon, not applied yet"
)
AWAITING = (AWAITING_BOTH, AWAITING_QTY, AWAITING_PRICE)
WITH_AWAITING = T_("ListingReason", "{reason}; {waiting}")

KNOWN = (
    NEW_THIRD_PARTY, ENDED, EXCLUDED, LIST_IN_PROGRESS, READY, MISSING_CONDITION,
    MISSING_SEE_ISSUES, MISSING_INFORMATION, BUYABLE, ACTIVE_IN_REPORT, UNKNOWN_STATUS, GATED,
    SUPPRESSED, PROBLEM, NOT_BUYABLE, INACTIVE, MATCHED, UNABLE_TO_ASSIGN, MULTIPLE_MATCHES,
    HAS_VARIANTS, WAITING_FOR_MATCH, DISABLED, OUT_OF_STOCK,
)  # fmt: skip


def read_reason(stored: str) -> Text | str:
    """A stored reason as the sentence it was made from, to be translated; as stored when
    it fits none. The awaiting part is split off at the last "; " only when it is one (a
    reason such as "Disabled in Commerce; quantity 0 is sent" has its own "; ")."""
    reason, separator, waiting = stored.rpartition("; ")
    if separator and any(template.parse(waiting) is not None for template in AWAITING):
        return WITH_AWAITING.format(
            reason=recognise(reason, KNOWN), waiting=recognise(waiting, AWAITING)
        )
    return recognise(stored, KNOWN)
