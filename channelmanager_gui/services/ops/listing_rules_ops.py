"""Listing rules of a store's marketplace accounts: read for the editor, checked and saved.

Until the ``marketplace_accounts`` table lands (migration 0010) the rules are kept in the
store's settings under ``listing_rules`` and shared by its accounts (``engine/rules_source``);
then :func:`load_rules` and :func:`save_rules` read and write the account's ``settings``
instead. Saving writes the whole settings object normalised, so the keys of a store saved
before listing rules (``safety_buffer``, ``price_adjustment_pct``) are replaced by the rules
they were read as.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.store import Store
from channelmanager_gui.services.changes import Change, Changes
from channelmanager_gui.services.engine.listing_rules import Action, By, ListingRules, Scope
from channelmanager_gui.services.engine.listing_rules_json import parse, rules_to_json, sentence
from channelmanager_gui.services.engine.settings import StoreSettings

__all__ = ["Action", "By", "Example", "Scope", "check", "example", "load_rules", "save_rules"]


@dataclass(frozen=True)
class Example:
    """What the editor's live example shows: the listed price (None: refused, under a cent)
    and the names of the rules that made it, in order."""

    price: Decimal | None
    rules: tuple[str, ...]


def load_rules(db: Database, store_id: int) -> dict[str, Any]:
    """The store's rules as the editor's JSON (read tolerantly: a damaged value shows as its
    default)."""
    with db.session() as session:
        settings = StoreSettings.from_json(session.get_one(Store, store_id).settings)
    return rules_to_json(settings.listing_rules)


def check(data: dict[str, Any]) -> tuple[ListingRules, str | None]:
    """The rules the editor's JSON holds, and the first thing that keeps them from being saved
    (in words), or None."""
    rules, problems = parse(data)
    return rules, sentence(problems[0]) if problems else None


def save_rules(db: Database, store_id: int, data: dict[str, Any]) -> Changes:
    """Check and save the rules; raises ValidationError with the first problem in words."""
    rules, problem = check(data)
    if problem:
        raise ValidationError("listing rules", problem)
    with db.session() as session:
        store = session.get_one(Store, store_id)
        settings = StoreSettings.from_json(store.settings)
        settings.listing_rules = rules
        store.settings = settings.to_json()
    return Changes.of(Change.STORES, id=store_id)


def example(data: dict[str, Any], price: Decimal, sku: str | None) -> Example:
    """The editor's "a $19.99 product is listed at $…" line, computed by the rules (those
    that cannot be read are left out, as the sync would)."""
    rules, _ = parse(data)
    applied = rules.applied(sku) if price > 0 else []
    return Example(rules.price(price, sku), tuple(rule.name for rule in applied))
