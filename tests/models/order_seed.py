"""Orders written straight into a test database, with their status derived from the facts.

Shared by the order query tests and the order views' tests. ``NOW`` is the fixed "now" those
tests pass around (a Friday afternoon, UTC).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from channelmanager_gui.models.account import walmart_account_id
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order, OrderLine, OrderStatus, Shipment, ShipmentLine
from channelmanager_gui.models.store import Store
from channelmanager_gui.services.engine.order_status import refresh_order_status

NOW = datetime(2024, 5, 10, 15, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Line:
    sku: str
    ordered: int
    shipped: int = 0
    cancelled: int = 0
    refunded: int = 0
    price: float = 10.0
    name: str = ""


def add_store(db: Database, name: str = "Test store") -> int:
    with db.session() as session:
        store = Store(
            name=name,
            commerce_url="http://commerce.invalid",
            walmart_url="http://walmart.invalid",
            settings={},
        )
        session.add(store)
        session.flush()
        return store.id


def add_order(
    db: Database,
    store_id: int,
    po: str,
    *,
    lines: Sequence[Line] = (Line("SKU-1", 1),),
    order_date: datetime | None = None,
    ship_by: datetime | None = None,
    customer: str = "Jane Doe",
    customer_order: str | None = None,
    increment_id: str | None = None,
    acknowledged: bool = True,
    error: str | None = None,
    intent_to_cancel: bool = False,
    cancel_reason: str | None = None,
    tracking: str | None = None,
) -> int:
    """One order; ``increment_id`` means it exists in Commerce; ``tracking`` adds a shipment
    of everything marked shipped on the lines."""
    with db.session() as session:
        order = Order(
            store_id=store_id,
            account_id=walmart_account_id(session, store_id),
            marketplace_order_id=po,
            customer_order_id=customer_order or f"C{po}",
            order_date=order_date or NOW - timedelta(days=1),
            estimated_ship_date=ship_by,
            customer_name=customer,
            total=sum(line.price * line.ordered for line in lines),
            method_code="Standard",
            acknowledged_at=NOW - timedelta(hours=20) if acknowledged else None,
            commerce_entity_id=int(increment_id) if increment_id else None,
            commerce_increment_id=increment_id,
            intent_to_cancel=intent_to_cancel,
            cancel_reason=cancel_reason,
            error=error,
            error_step="commerce.create" if error else None,
        )
        for number, line in enumerate(lines, start=1):
            order.lines.append(
                OrderLine(
                    line_number=str(number),
                    sku=line.sku,
                    product_name=line.name or f"Product {line.sku}",
                    qty_ordered=line.ordered,
                    qty_shipped=line.shipped,
                    qty_cancelled=line.cancelled,
                    qty_refunded=line.refunded,
                    unit_price=line.price,
                    tax=round(line.price * 0.08, 2),
                )
            )
        session.add(order)
        session.flush()
        if tracking:
            _add_shipment(order, tracking)
        refresh_order_status(order)
        return order.id


def seed_shop(db: Database) -> dict[str, int]:
    """A small shop: one order of each interesting kind, plus one in a second store."""
    store = add_store(db)
    other = add_store(db, "Other store")
    ids = {
        "new": add_order(db, store, "1001", acknowledged=False, ship_by=NOW + timedelta(days=3)),
        "due": add_order(
            db, store, "1002", increment_id="000000002", ship_by=NOW + timedelta(hours=2),
            customer="Bob Stone",
        ),
        "late": add_order(
            db, store, "1003", increment_id="000000003", ship_by=NOW - timedelta(hours=5),
            order_date=NOW - timedelta(days=4),
        ),
        "error": add_order(
            db, store, "1004", error="Commerce: SKU-9 is out of stock", ship_by=NOW - timedelta(1),
        ),
        "shipped": add_order(
            db, store, "1005", increment_id="000000005", lines=[Line("A", 2, shipped=2)],
            tracking="1Z999AA10123456784", ship_by=NOW - timedelta(days=2),
            order_date=NOW - timedelta(days=10),
        ),
        "asked": add_order(
            db, store, "1006", increment_id="000000006", intent_to_cancel=True,
            ship_by=NOW + timedelta(days=1), customer="Ann Lee",
        ),
        "cancelled": add_order(
            db, store, "1007", lines=[Line("B", 1, cancelled=1)],
            cancel_reason="SELLER_CANCEL_OUT_OF_STOCK", ship_by=NOW - timedelta(days=1),
        ),
        "elsewhere": add_order(db, other, "2001", customer="Someone Else"),
    }  # fmt: skip
    ids["store"] = store
    return ids


def _add_shipment(order: Order, tracking: str) -> None:
    shipment = Shipment(
        order_id=order.id,
        carrier="UPS",
        method_code="Standard",
        tracking_number=tracking,
        tracking_url=f"https://www.ups.com/track?tracknum={tracking}",
        ship_date=NOW - timedelta(hours=2),
    )
    for line in order.lines:
        if line.qty_shipped:
            shipment.lines.append(ShipmentLine(order_line_id=line.id, qty=line.qty_shipped))
    order.shipments.append(shipment)


def bulk_orders(db: Database, store_id: int, count: int) -> None:
    """``count`` plain Created orders without lines, made by one INSERT … SELECT in SQLite
    (ORM inserts of 100,000 rows take half a minute). Dates use SQLAlchemy's storage format."""
    start = (NOW - timedelta(days=90)).strftime("%Y-%m-%d %H:%M:%S")
    sql = f"""
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {count - 1})
        INSERT INTO orders (
            store_id, account_id, marketplace_order_id, customer_order_id, order_date,
            estimated_ship_date,
            customer_name, customer_email, total, currency, shipping_address, intent_to_cancel,
            commerce_linked, commerce_entity_id, commerce_increment_id, status,
            created_at, updated_at)
        SELECT {store_id}, {walmart_account_sql(store_id)},
            CAST(100000000000 + i AS TEXT), CAST(500000000000 + i AS TEXT),
            datetime('{start}', '+' || i || ' minutes') || '.000000',
            datetime('{start}', '+2 days', '+' || i || ' minutes') || '.000000',
            'Customer ' || (i % 997), '', (i % 500) + 0.99, 'USD', '{{}}', 0, 0, i + 1,
            printf('%09d', i + 1), '{OrderStatus.CREATED.value}',
            datetime('{start}') || '.000000', datetime('{start}') || '.000000'
        FROM n
    """
    with db.engine.begin() as conn:
        conn.exec_driver_sql(sql)


def walmart_account_sql(store_id: int) -> str:
    """SQL for the id of the store's Walmart account (bulk inserts write it on every row)."""
    return (
        f"(SELECT id FROM marketplace_accounts WHERE store_id = {store_id} "
        "AND marketplace = 'walmart')"
    )
