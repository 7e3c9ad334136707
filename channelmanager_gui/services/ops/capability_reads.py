"""What the dialogs offer for each marketplace: its name, carriers and cancel reasons.

The ship and cancel dialogs offer the order's marketplace's lists (Walmart's from the Walmart
client through ``validation``, Amazon's from its adapter's ``Capabilities``,
``services/marketplace/amazon_caps.py``), so a Walmart order never offers an Amazon reason
code. What is then accepted is ``validation``'s to check.
"""

from __future__ import annotations

from channelmanager_gui.models.account import AMAZON, WALMART
from channelmanager_gui.services.marketplace import amazon_caps
from channelmanager_gui.services.ops.validation import (
    CANCEL_REASON_LABELS,
    CARRIER_CHOICES,
    OTHER_CARRIER,
)
from channelmanager_gui.text_marks import N_

# The marketplace's own name, where one is meant (UX.md, "Habits of a calm window").
MARKETPLACE_NAMES = {WALMART: "Walmart", AMAZON: "Amazon"}


def marketplace_name(marketplace: str | None) -> str:
    """The marketplace's own name; a row not yet saved (no marketplace) is Walmart's, the
    column's default."""
    return MARKETPLACE_NAMES.get(marketplace or WALMART, marketplace or "")


def carrier_choices(marketplace: str) -> tuple[tuple[str, str], ...]:
    """(value, label) of the carriers the Ship dialogs offer for an order of
    ``marketplace``, "Other" last (then the merchant types the carrier's name)."""
    if marketplace == AMAZON:
        return tuple(amazon_caps.CARRIERS)
    other = N_("ShipDialog", "Other (type its name)")
    return tuple((name, other if name == OTHER_CARRIER else name) for name in CARRIER_CHOICES)


def cancel_reason_choices(marketplace: str) -> tuple[tuple[str, str], ...]:
    """(code, label) of the reasons the Cancel dialog offers for an order of ``marketplace``."""
    if marketplace == AMAZON:
        return amazon_caps.CAPABILITIES.cancel_reasons
    return tuple(CANCEL_REASON_LABELS.items())


def cancel_reason_label(marketplace: str, code: str | None) -> str:
    """The words for a cancel reason code of ``marketplace`` ("Shipping address undeliverable"
    for Amazon's ``ShippingAddressUndeliverable``), the code itself when unknown."""
    labels = dict(cancel_reason_choices(marketplace))
    return labels.get(code or "", code or "")
