"""``channelmanager-gui orders``: list, show, ship, cancel, retry and export marketplace orders
(Walmart and Amazon).

``list`` runs the Orders page's own queries (``models/order_table_queries.py``); ``retry`` and
``export`` call ``ops.retry``/``ops.export_orders``; ship and cancel live in
``orders_ship.py``. An order is named by its Walmart purchase order id (or Commerce order
number), as the merchant sees it.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from channelmanager_gui.cli import orders_ship, output
from channelmanager_gui.cli.common import (
    add_marketplace_option,
    database,
    options,
    store_id_or_none,
)
from channelmanager_gui.models import order_table_queries as queries
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import OrderStatus, Return
from channelmanager_gui.models.outbox import Activity, OutboxAction
from channelmanager_gui.models.public_keys import pick, with_public_keys
from channelmanager_gui.services import ops

COLUMNS = [
    ("marketplace_order_id", "PO"), ("commerce_increment_id", "Commerce #"),
    ("order_date", "Ordered"), ("customer_name", "Customer"), ("total", "Total"),
    ("status", "Status"), ("error", "Error"),
]  # fmt: skip
LINE_COLUMNS = [
    ("line_number", "Line"), ("sku", "SKU"), ("qty_ordered", "Ordered"),
    ("qty_shipped", "Shipped"), ("qty_cancelled", "Cancelled"), ("qty_refunded", "Refunded"),
    ("qty_open", "Open"),
]  # fmt: skip
ORDER_LABELS = [
    ("purchase_order_id", "Purchase order"), ("customer_order_id", "Customer order"),
    ("commerce_increment_id", "Commerce order"), ("status", "Status"), ("error", "Error"),
    ("order_date", "Ordered"), ("estimated_ship_date", "Ship by"), ("customer_name", "Customer"),
    ("total", "Total"), ("commerce_total", "Commerce total"), ("method_code", "Method"),
    ("cancel_reason", "Cancel reason"), ("intent_to_cancel", "Buyer asked to cancel"),
]  # fmt: skip
ORDER_FIELDS = [key for key, _ in ORDER_LABELS] + [
    "id", "store_id", "marketplace", "marketplace_order_id", "fulfilled_by", "currency",
    "acknowledged_at", "commerce_entity_id", "error_step",
]  # fmt: skip

LINE_FIELDS = (
    "line_number", "sku", "product_name", "qty_ordered", "qty_shipped", "qty_cancelled",
    "qty_refunded", "qty_open", "unit_price", "line_price", "shipping", "tax", "shipping_tax",
    "walmart_status",
)  # fmt: skip
RETURN_FIELDS = (
    "return_order_id", "status", "refund_amount", "walmart_refunded_at", "commerce_rma_id",
    "commerce_creditmemo_id", "error",
)  # fmt: skip
ACTION_FIELDS = ("id", "kind", "status", "attempts", "last_error", "created_at", "done_at")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("orders", help="Walmart orders and their Commerce twins")
    actions = parser.add_subparsers(dest="orders_action", metavar="ACTION", required=True)
    common = options()
    plain = options(store=False)

    lst = actions.add_parser("list", parents=[common], help="list orders, newest first")
    lst.add_argument("--status", type=_status, metavar="STATUS", help=_status_help())
    lst.add_argument("--since", type=_date, metavar="DATE", help="ordered on or after YYYY-MM-DD")
    lst.add_argument("--search", default="", metavar="TEXT", help="order numbers or customer")
    add_marketplace_option(lst)
    lst.set_defaults(handler=_list)

    show = actions.add_parser("show", parents=[plain], help="one order: lines, shipments, timeline")
    show.add_argument("po", metavar="PO", help="marketplace order id (or Commerce order #)")
    orders_ship.add_marketplace(show)
    show.set_defaults(handler=_show)

    orders_ship.register_ship(actions, plain)
    orders_ship.register_cancel(actions, plain)
    orders_ship.register_tracking_url(actions, plain)

    retry = actions.add_parser("retry", parents=[plain], help="retry the failed steps of an order")
    retry.add_argument("po", metavar="PO", help="marketplace order id (or Commerce order #)")
    orders_ship.add_marketplace(retry)
    retry.set_defaults(handler=_retry)

    export = actions.add_parser(
        "export", parents=[options(json_output=False)], help="write every order as CSV or JSON"
    )
    export.add_argument("--format", choices=("csv", "json"), required=True)
    export.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    export.set_defaults(handler=_export)


def _status(text: str) -> str:
    """A status as typed: any case, dashes or underscores for spaces ("partially-shipped")."""
    wanted = " ".join(text.replace("-", " ").replace("_", " ").split()).casefold()
    for status in OrderStatus:
        if wanted in (status.value.casefold(), status.name.replace("_", " ").casefold()):
            return status.value
    raise argparse.ArgumentTypeError(f"unknown status {text!r} ({_status_help()})")


def _status_help() -> str:
    return "one of: " + ", ".join(s.value for s in OrderStatus)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _list(args: argparse.Namespace) -> int:
    now = datetime.now().astimezone()
    with database() as db:
        flt = queries.OrderFilter(
            store_id=store_id_or_none(db, args.store),
            status=args.status,
            date_from=args.since,
            search=args.search,
            marketplace=args.marketplace,
        )
        with db.session() as session:
            ids = queries.order_ids(session, flt, queries.OrderSort(), now)
            rows: list[dict[str, Any]] = []
            for start in range(0, len(ids), queries.PAGE_LIMIT):
                page = ids[start : start + queries.PAGE_LIMIT]
                found = queries.rows_by_ids(session, page, now)
                rows += [_row(found[i]) for i in page if i in found]
    if args.json:
        output.print_json(rows)
    else:
        output.print_table(rows, COLUMNS, "No orders.")
    return 0


def _row(row: queries.OrderRow) -> dict[str, Any]:
    facts = {name: getattr(row, name) for name in row.__dataclass_fields__ if name != "flags"}
    facts = with_public_keys(facts)
    facts["attention"] = sorted(flag.value for flag in row.flags)
    return facts


def order_facts(db: Database, order_id: int) -> dict[str, Any]:
    """Everything ``orders show`` reports about one order (the JSON shape in the README)."""
    order = ops.order_for_action(db, order_id)
    by_line_id = {line.id: line.line_number for line in order.lines}
    with db.session() as session:
        events = session.scalars(
            select(Activity)
            .where(Activity.subject_type == "order", Activity.subject_id == order_id)
            .order_by(Activity.id)
        ).all()
        actions = session.scalars(
            select(OutboxAction)
            .where(OutboxAction.subject_type == "order", OutboxAction.subject_id == order_id)
            .order_by(OutboxAction.id)
        ).all()
        returns = session.scalars(select(Return).where(Return.order_id == order_id)).all()
    ship_ok, ship_why = ops.can_ship(order)
    cancel_ok, cancel_why = ops.can_cancel(order)
    facts = pick(order, ORDER_FIELDS)
    facts.update(
        can_ship={"ok": ship_ok, "reason": ship_why},
        can_cancel={"ok": cancel_ok, "reason": cancel_why},
        lines=[pick(line, LINE_FIELDS) for line in order.lines],
        shipments=[_shipment(s, by_line_id) for s in order.shipments],
        returns=[pick(r, RETURN_FIELDS) for r in returns],
        actions=[pick(a, ACTION_FIELDS) for a in actions],
        activity=[
            {"at": e.created_at, "event": e.event, "outcome": e.outcome, "message": e.message}
            for e in events
        ],
    )
    return facts


def _shipment(shipment: Any, by_line_id: dict[int, str]) -> dict[str, Any]:
    return {
        "id": shipment.id,
        "carrier": shipment.carrier or shipment.other_carrier,
        "method_code": shipment.method_code,
        "tracking_number": shipment.tracking_number,
        "tracking_url": shipment.tracking_url,
        "ship_date": shipment.ship_date,
        "source": shipment.source,
        "sent_to_walmart_at": shipment.marketplace_sent_at,  # public key, kept
        "sent_to_marketplace_at": shipment.marketplace_sent_at,
        "package_reference": shipment.package_reference,
        "lines": {by_line_id.get(sl.order_line_id, "?"): sl.qty for sl in shipment.lines},
    }


def _show(args: argparse.Namespace) -> int:
    with database() as db:
        facts = order_facts(db, orders_ship.find(db, args))
    if args.json:
        output.print_json(facts)
        return 0
    print(output.fields(facts, ORDER_LABELS))
    print("\n" + output.table(facts["lines"], LINE_COLUMNS))
    for shipment in facts["shipments"]:
        lines = ", ".join(f"line {n} × {q}" for n, q in shipment["lines"].items())
        print(f"\nShipment #{shipment['id']}: {shipment['carrier']} {shipment['method_code']} "
              f"{shipment['tracking_number']} ({lines})")  # fmt: skip
    waiting = [a for a in facts["actions"] if a["status"] in ("pending", "running", "error")]
    for action in waiting:
        error = f": {action['last_error']}" if action["last_error"] else ""
        print(f"Queued: {action['kind']} ({action['status']}){error}")
    if facts["activity"]:
        print("\nTimeline:")
        for entry in facts["activity"]:
            print(f"  {output.cell(entry['at'])}  {entry['outcome']:<5} {entry['message']}")
    return 0


def _retry(args: argparse.Namespace) -> int:
    with database() as db:
        order_id = orders_ship.find(db, args)
        retried = ops.retry(db, order_id)
        ops.publish(db, retried)
        count = retried.count
        order = ops.order_for_action(db, order_id)
    status = order.status
    if args.json:
        output.print_json({"purchase_order_id": args.po, "requeued": count, "status": status,
                           "marketplace": order.marketplace,
                           "marketplace_order_id": order.marketplace_order_id})  # fmt: skip
    else:
        print(f"Order {args.po}: {count} failed step(s) queued again. Status: {status}.")
    return 0


def _export(args: argparse.Namespace) -> int:
    with database() as db:
        store_id = store_id_or_none(db, args.store)
        if args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                count = ops.export_orders(db, args.format, out, store_id=store_id)
            print(f"{count} order(s) written to {args.output}.", file=sys.stderr)
        else:
            ops.export_orders(db, args.format, sys.stdout, store_id=store_id)
    return 0
