"""Order reads the Ship/Cancel dialogs, the Returns screen and the command line need, and
the export.

The validation functions (``services/ops/validation.py``) take an ``Order`` with its lines and
shipments loaded; ``order_for_action`` gives exactly that, detached and safe to keep in a
dialog while the sync goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any, Literal

from sqlalchemy import select

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.money import json_number
from channelmanager_gui.models.order import Order, Return
from channelmanager_gui.models.public_keys import pick
from channelmanager_gui.services.csv_export import write_csv
from channelmanager_gui.services.engine.fulfilment_common import load_order
from channelmanager_gui.services.ops.validation import NO_SUCH_ORDER

EXPORT_FIELDS = (
    "store_id", "purchase_order_id", "customer_order_id", "commerce_increment_id",
    "commerce_entity_id", "status", "order_date", "acknowledged_at", "customer_name", "total",
    "currency", "units", "intent_to_cancel", "error", "error_step", "updated_at",
)  # fmt: skip


def order_for_action(db: Database, order_id: int) -> Order:
    """The order with lines and shipments loaded (``ValidationError`` if it is gone)."""
    with db.session() as session:
        return load_order(session, order_id)


def list_returns(
    db: Database,
    store_id: int | None = None,
    *,
    open_only: bool = False,
    marketplace: str | None = None,
) -> list[Return]:
    """Marketplace returns, newest first; ``open_only`` keeps those not refunded on their
    marketplace yet; ``marketplace`` ('walmart' | 'amazon') keeps that marketplace's."""
    query = select(Return).order_by(Return.created_at.desc(), Return.id.desc())
    if store_id is not None:
        query = query.where(Return.store_id == store_id)
    if marketplace:
        query = query.where(Return.marketplace == marketplace)
    if open_only:
        query = query.where(Return.marketplace_refunded_at.is_(None))
    with db.session() as session:
        return list(session.scalars(query))


def find_order(db: Database, key: int | str, marketplace: str | None = None) -> int:
    """An order id from our id (an int), or a marketplace order id (Walmart purchase order,
    Amazon order) or Commerce increment id (text, as typed on the command line).
    ``marketplace`` (walmart | amazon): the order must be of that marketplace."""
    with db.session() as session:
        if isinstance(key, int):
            found = session.get(Order, key)
            if found is None:
                raise ValidationError("order", NO_SUCH_ORDER.format(order=key))
            _check_marketplace(found, marketplace)
            return found.id
        text = str(key).strip()
        query = select(Order).where(
            (Order.marketplace_order_id == text) | (Order.commerce_increment_id == text)
        )
        orders = list(session.scalars(query))
        if marketplace is not None and len(orders) > 1:
            orders = [o for o in orders if o.marketplace == marketplace]
        if len(orders) != 1:
            problem = "no order has" if not orders else "several orders have"
            raise ValidationError("order", f"{problem} the number {key!r}")
        _check_marketplace(orders[0], marketplace)
        return orders[0].id


def _check_marketplace(order: Order, marketplace: str | None) -> None:
    if marketplace is not None and order.marketplace != marketplace:
        raise ValidationError(
            "marketplace",
            f"order {order.marketplace_order_id} is on {order.marketplace.capitalize()}, "
            f"not {marketplace.capitalize()}",
        )


def _rows(db: Database, store_id: int | None) -> Iterator[dict[str, Any]]:
    query = select(Order).order_by(Order.order_date, Order.id)
    if store_id is not None:
        query = query.where(Order.store_id == store_id)
    with db.session() as session:
        for order in session.scalars(query):
            row = pick(order, [name for name in EXPORT_FIELDS if name != "units"])
            row["units"] = sum(line.qty_ordered for line in order.lines)
            for key in ("order_date", "acknowledged_at", "updated_at"):
                moment = row[key]
                row[key] = moment.isoformat() if moment is not None else None
            yield row


def export_orders(
    db: Database, fmt: Literal["csv", "json"], out: IO[str], *, store_id: int | None = None
) -> int:
    """Write every order (oldest first) as CSV or a JSON array; returns how many."""
    if fmt not in ("csv", "json"):
        raise ValidationError("format", "must be csv or json")
    rows = list(_rows(db, store_id))
    if fmt == "json":
        json.dump(rows, out, indent=2, default=json_number)
        out.write("\n")
    else:
        write_csv(out, EXPORT_FIELDS, rows)
    return len(rows)
