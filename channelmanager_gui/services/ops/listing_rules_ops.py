"""Listing rules of a store's marketplace accounts: read for the editor, checked and saved.

The rules are kept in the account's ``settings`` under ``listing_rules``
(``engine/rules_source``); an account that keeps none yet shows (and the sync uses) the store's
rules, as a database upgraded through 0010 has them. Saving writes the account's own rules,
normalised; the store's settings are left as they are, for the accounts that keep none.
Without an account id the store's Walmart account is meant (the editor of one store).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.account import MarketplaceAccount, walmart_account_id
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.store import Store
from channelmanager_gui.services.changes import Change, Changes
from channelmanager_gui.services.engine.listing_rules import Action, By, ListingRules, Scope
from channelmanager_gui.services.engine.listing_rules_json import (
    RULES_KEY,
    parse,
    rules_to_json,
    sentence,
)
from channelmanager_gui.services.engine.rules_source import rules_or
from channelmanager_gui.services.engine.settings import StoreSettings

__all__ = ["Action", "By", "Example", "Scope", "check", "example", "load_rules", "save_rules"]


@dataclass(frozen=True)
class Example:
    """What the editor's live example shows: the listed price (None: refused, under a cent)
    and the names of the rules that made it, in order."""

    price: Decimal | None
    rules: tuple[str, ...]


def load_rules(db: Database, store_id: int, account_id: int | None = None) -> dict[str, Any]:
    """The account's rules as the editor's JSON (read tolerantly: a damaged value shows as its
    default)."""
    with db.session() as session:
        store = session.get_one(Store, store_id)
        account = _account(session, store, account_id)
        fallback = StoreSettings.from_json(store.settings).listing_rules
        return rules_to_json(rules_or(account.settings, fallback))


def check(data: dict[str, Any]) -> tuple[ListingRules, str | None]:
    """The rules the editor's JSON holds, and the first thing that keeps them from being saved
    (in words), or None."""
    rules, problems = parse(data)
    return rules, sentence(problems[0]) if problems else None


def save_rules(
    db: Database, store_id: int, data: dict[str, Any], account_id: int | None = None
) -> Changes:
    """Check and save the account's rules; raises ValidationError with the first problem in
    words."""
    rules, problem = check(data)
    if problem:
        raise ValidationError("listing rules", problem)
    with db.session() as session:
        store = session.get_one(Store, store_id)
        account = _account(session, store, account_id)
        account.settings = {**(account.settings or {}), RULES_KEY: rules_to_json(rules)}
    return Changes.of(Change.STORES, id=store_id)


def _account(session: Session, store: Store, account_id: int | None) -> MarketplaceAccount:
    """The store's account ``account_id`` (None: its Walmart account)."""
    if account_id is None:
        account_id = walmart_account_id(session, store.id)
    account = session.get(MarketplaceAccount, account_id)
    if account is None or account.store_id != store.id:
        raise ValidationError("account", f"store {store.name} has no account #{account_id}")
    return account


def example(data: dict[str, Any], price: Decimal, sku: str | None) -> Example:
    """The editor's "a $19.99 product is listed at $…" line, computed by the rules (those
    that cannot be read are left out, as the sync would)."""
    rules, _ = parse(data)
    applied = rules.applied(sku) if price > 0 else []
    return Example(rules.price(price, sku), tuple(rule.name for rule in applied))
