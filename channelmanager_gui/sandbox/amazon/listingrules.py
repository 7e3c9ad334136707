"""Validation of listing submissions and Amazon's patch operations (reference §4.1–§4.3).

Issue codes: ``90220`` (required attribute missing) and ``99022`` (invalid price) follow the
codes Amazon's issues use for these cases as far as the reference shows them (§4.1, §4.6 report
example); ``99001`` for other invalid values is this sandbox's choice (the reference gives no
code for it).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

PATCH_OPS = {"add", "replace", "merge", "delete"}
TOP_LEVEL = re.compile(r"^/attributes/[a-z0-9_]+$")
REQUIRED = {
    "LISTING": ("item_name", "brand", "condition_type"),
    "LISTING_PRODUCT_ONLY": ("item_name", "brand"),
    "LISTING_OFFER_ONLY": ("condition_type", "merchant_suggested_asin"),
}
SELECTORS = ("marketplace_id", "language_tag", "fulfillment_channel_code")


def issue(code: str, message: str, category: str, attribute: str) -> dict[str, Any]:
    return {
        "code": code,
        "message": message,
        "severity": "ERROR",
        "categories": [category],
        "attributeNames": [attribute],
    }


def _value_issues(attributes: dict[str, Any], known_asins: set[str]) -> list[dict[str, Any]]:
    found = []
    for offer in attributes.get("purchasable_offer") or []:
        try:
            value = Decimal(str(offer["our_price"][0]["schedule"][0]["value_with_tax"]))
            if value < 0:
                raise InvalidOperation
        except (KeyError, IndexError, TypeError, InvalidOperation):
            found.append(
                issue(
                    "99022",
                    "The value for 'purchasable_offer.our_price' is invalid.",
                    "INVALID_PRICE",
                    "purchasable_offer",
                )
            )
    for entry in attributes.get("fulfillment_availability") or []:
        qty = entry.get("quantity") if isinstance(entry, dict) else None
        if qty is not None and (isinstance(qty, bool) or not isinstance(qty, int) or qty < 0):
            found.append(
                issue(
                    "99001",
                    "'quantity' must be a whole number of 0 or more.",
                    "INVALID_ATTRIBUTE",
                    "fulfillment_availability",
                )
            )
    for entry in attributes.get("merchant_suggested_asin") or []:
        if isinstance(entry, dict) and entry.get("value") not in known_asins:
            found.append(
                issue(
                    "99001",
                    f"ASIN '{entry.get('value')}' does not exist in this marketplace.",
                    "INVALID_ATTRIBUTE",
                    "merchant_suggested_asin",
                )
            )
    return found


def validate_put(body: Any, known_asins: set[str]) -> list[dict[str, Any]]:
    """Issues of a putListingsItem body; empty when it would be accepted."""
    if not isinstance(body, dict) or not isinstance(body.get("attributes"), dict):
        return [
            issue(
                "90220",
                "'attributes' is required but not supplied.",
                "MISSING_ATTRIBUTE",
                "attributes",
            )
        ]
    found = []
    if not isinstance(body.get("productType"), str) or not body["productType"]:
        found.append(
            issue(
                "90220",
                "'productType' is required but not supplied.",
                "MISSING_ATTRIBUTE",
                "productType",
            )
        )
    requirements = body.get("requirements", "LISTING")
    attributes = body["attributes"]
    for name in REQUIRED.get(requirements, REQUIRED["LISTING"]):
        if not attributes.get(name):
            found.append(
                issue("90220", f"'{name}' is required but not supplied.", "MISSING_ATTRIBUTE", name)
            )
    return found + _value_issues(attributes, known_asins)


def validate_patches(body: Any, known_asins: set[str]) -> list[dict[str, Any]]:
    """Issues of a patchListingsItem body: only top-level attributes can be patched (§4.2)."""
    patches = body.get("patches") if isinstance(body, dict) else None
    if not isinstance(patches, list) or not patches or not body.get("productType"):
        return [
            issue(
                "90220", "'productType' and 'patches' are required.", "MISSING_ATTRIBUTE", "patches"
            )
        ]
    found = []
    for patch in patches:
        path = patch.get("path", "") if isinstance(patch, dict) else ""
        if not isinstance(patch, dict) or patch.get("op") not in PATCH_OPS:
            found.append(issue("99001", "Unknown patch operation.", "INVALID_ATTRIBUTE", path))
        elif not TOP_LEVEL.match(path):
            found.append(
                issue(
                    "99001",
                    f"Only top-level attributes can be patched: {path}",
                    "INVALID_ATTRIBUTE",
                    path,
                )
            )
        elif patch["op"] != "delete" and not isinstance(patch.get("value"), list):
            found.append(
                issue("99001", f"'value' must be a list for {path}", "INVALID_ATTRIBUTE", path)
            )
        elif patch["op"] != "delete":
            found += _value_issues({path.rsplit("/", 1)[1]: patch["value"]}, known_asins)
    return found


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(a.get(k) == b.get(k) for k in SELECTORS if k in a or k in b)


def apply_patches(attributes: dict[str, Any], patches: list[dict[str, Any]]) -> dict[str, Any]:
    """JSON-Patch-like ops plus Amazon's ``merge``; ``delete`` values carry selectors only."""
    out = dict(attributes)
    for patch in patches:
        name = patch["path"].rsplit("/", 1)[1]
        value = patch.get("value") or []
        if patch["op"] in ("add", "replace"):
            out[name] = value
        elif patch["op"] == "merge":
            kept = [e for e in out.get(name, []) if not any(_same(e, v) for v in value)]
            out[name] = kept + value
        elif value:
            out[name] = [e for e in out.get(name, []) if not any(_same(e, v) for v in value)]
        else:
            out.pop(name, None)
    return out
