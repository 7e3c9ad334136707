"""Where the engine reads a marketplace account's listing rules: the one place to switch.

Listing rules belong to a marketplace account (issue 18: "listing rules per account"): they
are kept in the account's ``settings`` under ``listing_rules``. An account that keeps none yet
(every account of a database upgraded through 0010, whose rules were the store's) uses the
store's rules, so the Walmart side keeps its numbers until the merchant saves its own.

The Walmart push (``inventory``, ``matching``) and the Amazon flows call :func:`rules_for` and
then ``ListingRules.quantity`` / ``ListingRules.price`` with each listing's facts.
"""

from __future__ import annotations

from typing import Any

from channelmanager_gui.models.account import WALMART
from channelmanager_gui.services.engine.context import StoreContext
from channelmanager_gui.services.engine.listing_rules import ListingRules
from channelmanager_gui.services.engine.listing_rules_json import RULES_KEY, rules_from_settings


def rules_for(store: StoreContext, account_id: int | None = None) -> ListingRules:
    """The listing rules of ``account_id`` of this store (None: its Walmart account)."""
    if account_id is None:
        account_id = next((a.id for a in store.accounts.values() if a.marketplace == WALMART),
                           None)  # fmt: skip
    account = store.accounts.get(account_id) if account_id is not None else None
    settings = account.account.settings if account is not None else None
    return rules_or(settings, store.settings.listing_rules)


def rules_or(settings: dict[str, Any] | None, fallback: ListingRules) -> ListingRules:
    """The rules kept in an account's settings, or ``fallback`` when it keeps none yet."""
    if settings and RULES_KEY in settings:
        return rules_from_settings(settings)
    return fallback
