"""Do the local database, Walmart and Commerce tell the same story? The reliability invariants.

After a run under faults or crashes (and once the queue has drained) these must hold:

- nothing lost: every Walmart (and Amazon) order of the run has a local row;
- nothing made twice: every Walmart order has exactly one Commerce order (looked up by
  ``ext_order_id``), none when it was cancelled before it reached Commerce, and no Commerce
  order of ours is left without a Walmart purchase order id (an orphan of a lost answer);
- nothing sent twice: per line, Walmart's shipped and cancelled quantities equal the local ones,
  per SKU Commerce's shipped/cancelled quantities equal the local ones, each shipment exists
  once in Commerce (one document per tracking number) and once on Walmart (its units under its
  tracking number), and the order's comments are not doubled; for an Amazon order, per item
  and per package (``amazon_invariants.py``);
- nothing left hanging: no action pending or running; an action in Error has its reason, and so
  does its order. Such orders are reported (``in_error``), not compared: they are waiting for
  the merchant, which the merchant can see.

The comparison works on plain JSON as the sandboxes' admin API and Commerce's REST API give it
(read by ``channelmanager_gui/harness/remote_state.py``): the same in tests and the long run.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from channelmanager_gui.harness.amazon_invariants import compare_amazon
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order, Shipment
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction

Json = dict[str, Any]
SHIPPED = ("Shipped", "Delivered")


@dataclass
class RemoteState:
    """What the two remote systems hold, read once after the run (faults off)."""

    walmart_orders: dict[str, Json]  # purchase order id → Walmart order JSON
    commerce_orders: list[Json]  # every Commerce order (REST rendering)
    commerce_shipments: list[Json]  # every Commerce shipment (REST rendering)
    amazon_orders: dict[str, Json] = field(default_factory=dict)  # order id → sandbox JSON


@dataclass
class InvariantReport:
    orders: int = 0
    violations: list[str] = field(default_factory=list)
    in_error: dict[str, str] = field(default_factory=dict)  # purchase order id → reason
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return not self.violations

    def summary(self) -> str:
        head = f"{self.orders} orders, {len(self.violations)} violation(s), "
        head += f"{len(self.in_error)} in Error"
        return "\n".join([head, *(f"  - {v}" for v in self.violations[:50])])


def check_invariants(
    db: Database,
    remote: RemoteState,
    *,
    expected_pos: Iterable[str] = (),
    baseline_entity_id: int = 0,
) -> InvariantReport:
    """Compare everything; ``expected_pos`` are the Walmart orders the run made (all must be
    here), ``baseline_entity_id`` the highest Commerce order id that existed before it."""
    report = InvariantReport()
    orders = _load_orders(db)
    report.orders = len(orders)
    errors = _check_outbox(db, report)
    local_pos = {o.marketplace_order_id for o in orders}
    for po in expected_pos:
        if po not in local_pos:
            report.violations.append(f"{po}: Walmart order never imported")
    by_ext = _commerce_by_ext(remote.commerce_orders)
    shipments = _shipments_by_order(remote.commerce_shipments)
    for order in orders:
        if order.id in errors or order.error:
            report.in_error[order.marketplace_order_id] = order.error or errors.get(order.id, "")
            if not order.error:
                report.violations.append(
                    f"{order.marketplace_order_id}: an action is in Error but the order shows none"
                )
            continue
        _check_order(order, remote, by_ext, shipments, report)
    _check_orphans(remote.commerce_orders, local_pos, baseline_entity_id, report)
    return report


def _load_orders(db: Database) -> list[Order]:
    query = select(Order).options(
        selectinload(Order.lines), selectinload(Order.shipments).selectinload(Shipment.lines)
    )
    with db.session() as session:
        return list(session.scalars(query.order_by(Order.id)))


def _check_outbox(db: Database, report: InvariantReport) -> dict[int, str]:
    """Unfinished actions are violations; failed ones must say why. Returns order id → reason."""
    failed: dict[int, str] = {}
    with db.session() as session:
        for action in session.scalars(select(OutboxAction)):
            report.counts[f"action:{action.status}"] += 1
            if action.status in (ActionStatus.PENDING, ActionStatus.RUNNING):
                report.violations.append(f"action {action.id} {action.kind} still {action.status}")
            elif action.status == ActionStatus.ERROR:
                if not (action.last_error or "").strip():
                    report.violations.append(f"action {action.id} {action.kind}: no reason")
                if action.subject_type == "order":
                    failed[action.subject_id] = action.last_error or ""
    return failed


def _commerce_by_ext(orders: list[Json]) -> dict[str, list[Json]]:
    out: dict[str, list[Json]] = defaultdict(list)
    for order in orders:
        if order.get("ext_order_id"):
            out[str(order["ext_order_id"])].append(order)
    return out


def _shipments_by_order(shipments: list[Json]) -> dict[int, list[Json]]:
    out: dict[int, list[Json]] = defaultdict(list)
    for doc in shipments:
        out[int(doc["order_id"])].append(doc)
    return out


def _check_order(
    order: Order,
    remote: RemoteState,
    by_ext: Mapping[str, list[Json]],
    shipments: Mapping[int, list[Json]],
    report: InvariantReport,
) -> None:
    po = order.marketplace_order_id
    problems: list[str] = []
    if order.marketplace == "amazon":
        amazon = remote.amazon_orders.get(po)
        problems += ["not on Amazon"] if amazon is None else compare_amazon(order, amazon)
    elif (walmart := remote.walmart_orders.get(po)) is None:
        problems.append("not on Walmart")
    else:
        problems += _compare_walmart(order, walmart)
    found = by_ext.get(po, [])
    never_created = order.commerce_entity_id is None and all(
        ln.qty_cancelled >= ln.qty_ordered for ln in order.lines
    )
    if never_created and not found:
        report.counts["cancelled_before_commerce"] += 1
    elif len(found) != 1:
        problems.append(f"{len(found)} Commerce orders carry it (expected exactly 1)")
    else:
        problems += _compare_commerce(order, found[0], shipments.get(found[0]["entity_id"], []))
    report.violations += [f"{po}: {p}" for p in problems]
    report.counts["shipments"] += len(order.shipments)
    report.counts["cancelled"] += bool(order.cancel_reason)


def _walmart_lines(data: Json) -> dict[str, Json]:
    data = data.get("order", data)
    lines = (data.get("orderLines") or {}).get("orderLine") or []
    return {str(line["lineNumber"]): line for line in lines}


def _statuses(line: Json) -> list[Json]:
    return list((line.get("orderLineStatuses") or {}).get("orderLineStatus") or [])


def _qty(entry: Json) -> int:
    return int(float(entry["statusQuantity"]["amount"]))


def _tracking(entry: Json) -> str:
    return str((entry.get("trackingInfo") or {}).get("trackingNumber") or "").casefold()


def _compare_walmart(order: Order, walmart: Json) -> list[str]:
    problems = []
    remote = _walmart_lines(walmart)
    for line in order.lines:
        wl = remote.get(line.line_number)
        if wl is None:
            problems.append(f"line {line.line_number} missing on Walmart")
            continue
        by_status: Counter[str] = Counter()
        for entry in _statuses(wl):
            by_status[entry["status"]] += _qty(entry)
        shipped = sum(by_status[s] for s in SHIPPED)
        if shipped != line.qty_shipped:
            problems.append(f"line {line.line_number}: Walmart shipped {shipped}, local "
                            f"{line.qty_shipped}")  # fmt: skip
        if by_status["Cancelled"] != line.qty_cancelled:
            problems.append(f"line {line.line_number}: Walmart cancelled "
                            f"{by_status['Cancelled']}, local {line.qty_cancelled}")  # fmt: skip
        if by_status["Created"]:
            problems.append(f"line {line.line_number}: never acknowledged on Walmart")
    per_track: Counter[tuple[str, str]] = Counter()
    for number, wl in remote.items():
        for entry in _statuses(wl):
            if entry["status"] in SHIPPED:
                per_track[(number, _tracking(entry))] += _qty(entry)
    expected = _local_tracks(order)
    if per_track != expected:
        problems.append(f"Walmart units per tracking {dict(per_track)} != local {dict(expected)}")
    return problems


def _local_tracks(order: Order) -> Counter[tuple[str, str]]:
    number_of = {line.id: line.line_number for line in order.lines}
    out: Counter[tuple[str, str]] = Counter()
    for shipment in order.shipments:
        for sl in shipment.lines:
            out[(number_of[sl.order_line_id], shipment.tracking_number.casefold())] += sl.qty
    return out


def _compare_commerce(order: Order, commerce: Json, docs: list[Json]) -> list[str]:
    problems = []
    po = order.marketplace_order_id
    if order.commerce_entity_id != commerce["entity_id"]:
        problems.append(f"local Commerce id {order.commerce_entity_id} != {commerce['entity_id']}")
    if order.commerce_increment_id != commerce.get("increment_id"):
        problems.append(f"local number {order.commerce_increment_id} != "
                        f"{commerce.get('increment_id')}")  # fmt: skip
    local: dict[str, Counter[str]] = defaultdict(Counter)
    for line in order.lines:
        local[line.sku.casefold()].update(ordered=line.qty_ordered, shipped=line.qty_shipped)
    items: dict[str, Counter[str]] = defaultdict(Counter)
    for item in commerce.get("items") or []:
        if item.get("parent_item_id") is None:
            got = items[str(item["sku"]).casefold()]
            shipped = int(item["qty_shipped"])
            # an invoiced order is credited, not cancelled: refunded units never shipped count
            credited = min(int(item.get("qty_refunded") or 0), int(item["qty_ordered"]) - shipped)
            got.update(ordered=int(item["qty_ordered"]), shipped=shipped,
                       canceled=int(item.get("qty_canceled") or 0) + credited)  # fmt: skip
    for sku in set(local) | set(items):
        want, got = local[sku], items[sku]
        for key in ("ordered", "shipped"):
            if want[key] != got[key]:
                problems.append(f"SKU {sku}: Commerce {key} {got[key]}, local {want[key]}")
        if order.cancel_reason and got["canceled"] != want["ordered"] - want["shipped"]:
            problems.append(f"SKU {sku}: Commerce cancelled {got['canceled']}")
    if order.cancel_reason and commerce.get("state") not in ("canceled", "closed", "complete"):
        problems.append(f"cancelled locally, Commerce state {commerce.get('state')}")
    comments = [str(h.get("comment") or "") for h in commerce.get("status_histories") or []]
    name = order.marketplace.capitalize()
    link = sum(f"{name} order {po}" in c and "Cancelled on" not in c for c in comments)
    if link != 1:
        problems.append(f"{link} link comments in Commerce (expected 1)")
    if sum(c.startswith(f"Cancelled on {name} (") and po in c for c in comments) > 1:
        problems.append("cancel comment added more than once in Commerce")
    return problems + _compare_shipments(order, docs)


def _compare_shipments(order: Order, docs: list[Json]) -> list[str]:
    """One Commerce document per local shipment, matched by tracking number, same units."""
    problems = []
    sku_of = {line.id: line.sku.casefold() for line in order.lines}
    remote: dict[str, list[Counter[str]]] = defaultdict(list)
    for doc in docs:
        units: Counter[str] = Counter()
        for item in doc.get("items") or []:
            units[str(item.get("sku") or "").casefold()] += int(float(item.get("qty") or 0))
        for track in doc.get("tracks") or [{}]:
            number = "".join(str(track.get("track_number") or "").split()).casefold()
            remote[number].append(units)
    for shipment in order.shipments:
        number = shipment.tracking_number.casefold()
        found = remote.pop(number, [])
        want = Counter({sku_of[sl.order_line_id]: sl.qty for sl in shipment.lines})
        if len(found) != 1:
            problems.append(f"shipment {shipment.tracking_number}: {len(found)} in Commerce")
        elif found[0] != want:
            problems.append(f"shipment {shipment.tracking_number}: Commerce {dict(found[0])} "
                            f"!= local {dict(want)}")  # fmt: skip
        if shipment.marketplace_sent_at is None or shipment.commerce_shipment_id is None:
            problems.append(f"shipment {shipment.tracking_number} not marked sent locally")
    for number in remote:
        problems.append(f"Commerce shipment with tracking {number or '(none)'} unknown locally")
    return problems


def _check_orphans(
    orders: list[Json], local_pos: set[str], baseline: int, report: InvariantReport
) -> None:
    """Commerce orders made during the run that no local order owns: doubles or orphans."""
    for order in orders:
        if int(order["entity_id"]) <= baseline:
            continue
        ext = order.get("ext_order_id")
        if not ext or str(ext) not in local_pos:
            report.violations.append(
                f"Commerce order {order.get('increment_id')} (quote {order.get('quote_id')}) "
                f"belongs to no local order (ext_order_id {ext!r})"
            )
