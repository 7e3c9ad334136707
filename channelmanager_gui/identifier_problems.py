"""Why a product's identifier cannot be used, as marked sentences (``text_marks.T_``).

The problem is stored on the listing as English text (``Listing.identifier_problem``, for the
command line and the logs); the Listings page reads it back with :func:`read_problem` and shows
it in the language chosen. The value quoted is the merchant's own, shown as it is. A problem cut
at the column's 255 characters fits no template and is shown as stored.
"""

from __future__ import annotations

from channelmanager_gui.text_marks import T_, Text, recognise

CONTEXT = "IdentifierProblem"

EMPTY = T_("IdentifierProblem", "{kind} is empty")
ISBN10_CHECK_DIGIT = T_("IdentifierProblem", "ISBN-10 {value} has a wrong check digit")
NOT_DIGITS = T_("IdentifierProblem", "{kind} {value} must contain only digits")
LENGTH = T_("IdentifierProblem", "{kind} {value} has {digits} digits; expected 8, 12, 13 or 14")
UPC_LENGTH = T_("IdentifierProblem", "UPC {value} must have 12 digits")
EAN_LENGTH = T_("IdentifierProblem", "EAN {value} must have 13 (or 8) digits")
ISBN_PREFIX = T_("IdentifierProblem", "ISBN {value} must start with 978 or 979")
CHECK_DIGIT = T_("IdentifierProblem", "{kind} {value} has a wrong check digit")
# Where the engine found it (services/engine/product_facts.py).
IN_ATTRIBUTE = T_("IdentifierProblem", "{problem} (attribute “{code}”)")
NONE_FILLED = T_(
    "IdentifierProblem", "No product identifier: fill one of the attributes {codes} in Commerce"
)
NONE_CONFIGURED = T_("IdentifierProblem", "(none configured)")

# Specific sentences before the general ones that would also fit them.
_KNOWN = (
    IN_ATTRIBUTE, NONE_FILLED, NONE_CONFIGURED, ISBN10_CHECK_DIGIT, UPC_LENGTH, EAN_LENGTH,
    ISBN_PREFIX, LENGTH, NOT_DIGITS, CHECK_DIGIT, EMPTY,
)  # fmt: skip


def read_problem(stored: str) -> Text | str:
    """A stored identifier problem as the sentence it was made from; as stored otherwise."""
    return recognise(stored, _KNOWN)
