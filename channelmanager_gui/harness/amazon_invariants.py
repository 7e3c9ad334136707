"""The reliability invariants for Amazon orders (``invariants.py`` calls these).

The Amazon sandbox's admin API (``GET /_sandbox/orders/{orderId}``) gives each item's
``shipped`` and ``canceled`` units and the order's ``packages`` by packageReferenceId (§3.2).
Nothing lost or sent twice means: per item, Amazon's shipped and cancelled units equal the
local ones; one package per local shipment, under its package reference, with its tracking
number and units, and no package Amazon holds that we do not.
"""

from __future__ import annotations

from typing import Any

from channelmanager_gui.models.order import Order

Json = dict[str, Any]


def compare_amazon(order: Order, amazon: Json) -> list[str]:
    problems = []
    items = {str(item["item_id"]): item for item in amazon.get("items") or []}
    for line in order.lines:
        item = items.get(line.line_number)
        if item is None:
            problems.append(f"item {line.line_number} missing on Amazon")
            continue
        if int(item.get("shipped") or 0) != line.qty_shipped:
            problems.append(f"item {line.line_number}: Amazon shipped {item.get('shipped')}, "
                            f"local {line.qty_shipped}")  # fmt: skip
        if int(item.get("canceled") or 0) != line.qty_cancelled:
            problems.append(f"item {line.line_number}: Amazon cancelled {item.get('canceled')}, "
                            f"local {line.qty_cancelled}")  # fmt: skip
    return problems + _compare_packages(order, dict(amazon.get("packages") or {}))


def _compare_packages(order: Order, packages: dict[str, Json]) -> list[str]:
    problems = []
    number_of = {line.id: line.line_number for line in order.lines}
    for shipment in order.shipments:
        if shipment.source == "marketplace":  # FBA: Amazon's own, nothing sent
            continue
        package = packages.pop(shipment.package_reference or "", None)
        if package is None:
            problems.append(f"package {shipment.package_reference} "
                            f"({shipment.tracking_number}) not on Amazon")  # fmt: skip
            continue
        want = {number_of[sl.order_line_id]: sl.qty for sl in shipment.lines}
        got = {str(k): int(v) for k, v in (package.get("lines") or {}).items()}
        if str(package.get("tracking") or "").casefold() != shipment.tracking_number.casefold():
            problems.append(f"package {shipment.package_reference}: tracking "
                            f"{package.get('tracking')} != {shipment.tracking_number}")  # fmt: skip
        if got != want:
            problems.append(f"package {shipment.package_reference}: Amazon {got} != local {want}")
    for ref in packages:
        problems.append(f"Amazon package {ref} unknown locally (sent twice?)")
    return problems
