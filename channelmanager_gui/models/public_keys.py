"""The public names of the columns 0010 renamed.

The command line's JSON and the CSV exports are a public interface: scripts read the keys
"purchase_order_id" or "walmart_item_id" from them. The columns now carry neutral names
(``marketplace_order_id`` ...); output keeps the old key next to the new one, and an export
column keeps its old name while reading the renamed attribute. (The old names are written
between quotes here: rename0010.sed leaves quoted names alone.)
"""

from __future__ import annotations

from typing import Any

# Public (pre-0010) key -> model attribute.
RENAMED: dict[str, str] = {
    "purchase_order_id": "marketplace_order_id",
    "walmart_status": "marketplace_status",
    "walmart_refunded_at": "marketplace_refunded_at",
    "walmart_item_id": "marketplace_item_id",
    "walmart_wpid": "marketplace_product_id",
    "walmart_published_status": "published_status",
    "walmart_lifecycle_status": "lifecycle_status",
}


def public_value(obj: object, key: str) -> Any:
    """``obj``'s value for the public ``key`` (a renamed column is read under its new name)."""
    return getattr(obj, RENAMED.get(key, key))


def pick(obj: object, keys: tuple[str, ...] | list[str]) -> dict[str, Any]:
    """The public ``keys`` of ``obj``, for JSON or CSV output."""
    return {key: public_value(obj, key) for key in keys}


def with_public_keys(facts: dict[str, Any]) -> dict[str, Any]:
    """``facts`` (keyed by attribute) plus the old public key of each renamed attribute."""
    out = dict(facts)
    for public, attribute in RENAMED.items():
        if attribute in facts:
            out[public] = facts[attribute]
    return out
