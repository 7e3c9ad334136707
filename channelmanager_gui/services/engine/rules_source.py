"""Where the engine reads a marketplace account's listing rules: the one place to switch.

Listing rules belong to a marketplace account (issue 18: "listing rules per account"). Until
the ``marketplace_accounts`` table exists (migration 0010, design note) they are kept in the
store's settings under ``listing_rules``, and every account of the store shares them. Once it
lands, the line marked below reads the account's own ``settings`` instead, falling back to the
store's (migrated) rules while an account has none of its own:

    return rules_or(store.accounts[account_id].account.settings, store.settings.listing_rules)

The Walmart push (``inventory``, ``matching``) and the Amazon flows call :func:`rules_for` and
then ``ListingRules.quantity`` / ``ListingRules.price`` with each listing's facts.
"""

from __future__ import annotations

from typing import Any

from channelmanager_gui.services.engine.context import StoreContext
from channelmanager_gui.services.engine.listing_rules import ListingRules
from channelmanager_gui.services.engine.listing_rules_json import RULES_KEY, rules_from_settings


def rules_for(store: StoreContext, account_id: int | None = None) -> ListingRules:
    """The listing rules of ``account_id`` of this store (None: its Walmart account)."""
    del account_id  # every account shares the store's rules until accounts exist (see above)
    return store.settings.listing_rules  # SWITCH HERE when marketplace_accounts lands


def rules_or(settings: dict[str, Any] | None, fallback: ListingRules) -> ListingRules:
    """The rules kept in an account's settings, or ``fallback`` when it keeps none yet."""
    if settings and RULES_KEY in settings:
        return rules_from_settings(settings)
    return fallback
