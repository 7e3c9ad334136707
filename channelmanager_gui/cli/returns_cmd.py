"""``channelmanager-gui returns``: Walmart returns and how far their refund got.

``list`` reads through ``ops.list_returns``, the query the Returns screen uses.
``refund RMA`` is the Returns screen's "Refund on Walmart": ``ops.refund``
checks the return (same words as the screen's disabled button) and queues the refund; the
running sync (window or ``channelmanager-gui sync``) sends it, or ``sync --once`` does.
"""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import select

from channelmanager_gui.cli import output
from channelmanager_gui.cli.common import (
    add_marketplace_option,
    database,
    options,
    store_id_or_none,
)
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order, Return
from channelmanager_gui.services import ops

COLUMNS = [
    ("return_order_id", "Return"), ("purchase_order_id", "PO"), ("created_at", "Created"),
    ("status", "Status"), ("units", "Units"), ("refund_amount", "Refund"),
    ("refunded_at", "Refunded on Walmart"), ("error", "Error"),
]  # fmt: skip


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("returns", help="Walmart returns and refunds")
    actions = parser.add_subparsers(dest="returns_action", metavar="ACTION", required=True)
    lst = actions.add_parser("list", parents=[options()], help="list returns, newest first")
    lst.add_argument("--open", action="store_true", help="only returns not refunded on Walmart")
    add_marketplace_option(lst)
    lst.set_defaults(handler=_list)
    refund = actions.add_parser(
        "refund",
        parents=[options()],
        help="refund a Walmart return now, without waiting for a Commerce credit memo",
    )
    refund.add_argument("rma", metavar="RMA", help="Walmart return order id")
    refund.set_defaults(handler=_refund)


def return_rows(
    db: Database, store_id: int | None, open_only: bool, marketplace: str | None = None
) -> list[dict[str, Any]]:
    """The returns as ``returns list`` reports them (the JSON shape in the README)."""
    returns = ops.list_returns(db, store_id, open_only=open_only, marketplace=marketplace)
    order_ids = {r.order_id for r in returns if r.order_id is not None}
    with db.session() as session:
        query = select(Order.id, Order.marketplace_order_id).where(Order.id.in_(order_ids))
        po_by_id: dict[int, str] = {oid: po for oid, po in session.execute(query)}
    blockers = ops.refund_blockers(db, returns)
    return [_row(r, po_by_id.get(r.order_id or 0), blockers[r.id]) for r in returns]


def _row(ret: Return, marketplace_order_id: str | None, refund_blocker: str) -> dict[str, Any]:
    return {
        "id": ret.id,
        "store_id": ret.store_id,
        "return_order_id": ret.return_order_id,
        "customer_order_id": ret.customer_order_id,
        "marketplace": ret.marketplace,
        "purchase_order_id": marketplace_order_id,
        "marketplace_order_id": marketplace_order_id,
        "status": ret.status,
        "units": sum(int(line.get("qty") or 0) for line in ret.lines),
        "refund_amount": ret.refund_amount,
        "lines": ret.lines,
        "commerce_rma_id": ret.commerce_rma_id,
        "commerce_creditmemo_id": ret.commerce_creditmemo_id,
        "refunded_at": ret.marketplace_refunded_at,
        "error": ret.error,
        "created_at": ret.created_at,
        "can_refund": {"ok": not refund_blocker, "reason": refund_blocker},
    }


def _list(args: argparse.Namespace) -> int:
    with database() as db:
        rows = return_rows(db, store_id_or_none(db, args.store), args.open, args.marketplace)
    if args.json:
        output.print_json(rows)
    else:
        output.print_table(rows, COLUMNS, "No returns.")
    return 0


def _refund(args: argparse.Namespace) -> int:
    with database() as db:
        store_id = ops.get_store(db, args.store).id if args.store else None
        queued = ops.refund(db, args.rma, store_id=store_id)
        ops.publish(db, queued.changes)
    data = {
        "return_id": queued.return_id,
        "return_order_id": queued.return_order_id,
        "purchase_order_id": queued.marketplace_order_id,
        "lines": [{"line_number": n, "qty": q} for n, q in queued.lines],
        "units": queued.units,
        "commerce_creditmemo": queued.commerce_creditmemo,
        "status": "queued",
    }
    if args.json:
        output.print_json(data)
    else:
        memo = " and a credit memo in Commerce" if queued.commerce_creditmemo else ""
        print(
            f"Walmart return {queued.return_order_id} (order {queued.marketplace_order_id}, "
            f"{queued.units} unit(s)): refund queued for Walmart{memo}. The running sync "
            "sends it (or: channelmanager-gui sync --once)."
        )
    return 0
