"""Order services for the window and the command line: Retry and export.

Retry clears the merchant-visible error and puts the order's failed actions back in the queue;
the handlers resume from the facts already recorded (cart id, Commerce order id), so a Retry
never repeats a step that succeeded. Export writes both order numbers side by side, which is
what a merchant reconciling Walmart against Commerce needs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any, Literal

from sqlalchemy import select

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.money import json_number
from channelmanager_gui.models.order import Order
from channelmanager_gui.services.csv_export import write_csv
from channelmanager_gui.services.engine.order_activity import SUBJECT, note
from channelmanager_gui.services.engine.order_status import refresh_order_status
from channelmanager_gui.services.outbox import retry_subject
from channelmanager_gui.services.validation import is_held

EXPORT_FIELDS = (
    "store_id", "purchase_order_id", "customer_order_id", "commerce_increment_id",
    "commerce_entity_id", "status", "order_date", "acknowledged_at", "customer_name", "total",
    "currency", "units", "intent_to_cancel", "error", "error_step", "updated_at",
)  # fmt: skip


def find_order(db: Database, key: int | str) -> int:
    """An order id from our id (an int), or a Walmart purchase order id or Commerce increment
    id (text, as typed on the command line)."""
    with db.session() as session:
        if isinstance(key, int):
            found = session.get(Order, key)
            if found is None:
                raise ValidationError("order", f"order #{key} does not exist")
            return found.id
        text = str(key).strip()
        query = select(Order.id).where(
            (Order.purchase_order_id == text) | (Order.commerce_increment_id == text)
        )
        ids = list(session.scalars(query))
    if len(ids) != 1:
        problem = "no order has" if not ids else "several orders have"
        raise ValidationError("order", f"{problem} the number {key!r}")
    return ids[0]


def retry_order(db: Database, order_id: int) -> int:
    """Clear the order's error and re-queue its failed actions; returns how many. An order
    held for its Walmart reason is left as it is (a bulk Retry may include it)."""
    with db.session() as session:
        order = session.get(Order, order_id)
        if order is None:
            raise ValidationError("order", f"order #{order_id} does not exist")
        if is_held(order):  # nothing failed: it waits for the merchant's reason (Cancel)
            return 0
        count = retry_subject(session, SUBJECT, order_id)
        previous = order.error
        order.error, order.error_step = None, None
        refresh_order_status(order)
        message = f"Retry requested ({count} action(s) queued again)"
        note(session, order, "retry", f"{message}; last error: {previous}" if previous
             else f"{message}.", "info")  # fmt: skip
    return count


def _rows(db: Database, store_id: int | None) -> Iterator[dict[str, Any]]:
    query = select(Order).order_by(Order.order_date, Order.id)
    if store_id is not None:
        query = query.where(Order.store_id == store_id)
    with db.session() as session:
        for order in session.scalars(query):
            row = {name: getattr(order, name, None) for name in EXPORT_FIELDS}
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
