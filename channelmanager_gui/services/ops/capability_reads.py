"""What each marketplace can do, for the dialogs: its carriers and cancel reasons.

The ship and cancel dialogs offer the order's marketplace's lists (``Capabilities`` of its
adapter, ``services/marketplace``), so a Walmart order never offers an Amazon reason code.
"""

from __future__ import annotations

from channelmanager_gui.models.account import AMAZON, WALMART
from channelmanager_gui.services.marketplace import amazon_caps, walmart_adapter
from channelmanager_gui.services.marketplace.port import Capabilities

# The marketplace's own name, where one is meant (UX.md, "Habits of a calm window").
MARKETPLACE_NAMES = {WALMART: "Walmart", AMAZON: "Amazon"}


def capabilities(marketplace: str) -> Capabilities:
    """The capabilities of ``marketplace`` ('walmart' | 'amazon'); Walmart for an unknown
    value (every row written before 0010 is Walmart's)."""
    if marketplace == AMAZON:
        return amazon_caps.CAPABILITIES
    return walmart_adapter.CAPABILITIES
