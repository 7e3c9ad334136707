"""table sort indexes: one index per sortable column of the Orders and Listings tables

With 100,000 rows, a sort SQLite cannot read from an index costs 100-500 ms on every refresh
of the table; these let it walk the index instead. Five are on expressions, which must stay
identical to the sort keys the queries build from the index declarations in models/order.py
and models/listing.py (SQLite matches them by structure): lower(name), the later of the price
and stock push stamps, and the rank of a status or state in the order the tables sort them. The status index
also holds what the attention counts read (ship-by date, cancel request), so they come from
the index alone.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_STATUS_RANK = " ".join(
    f"WHEN (status = '{status}') THEN {rank}"
    for rank, status in enumerate(
        ("Error", "Imported", "Acknowledged", "Created in Commerce", "Partially shipped",
         "Shipped", "Return requested", "Refunded", "Cancelled")
    )
)  # fmt: skip
_STATE_RANK = " ".join(
    f"WHEN (state = '{state}') THEN {rank}"
    for rank, state in enumerate(
        ("active", "ready to list", "pending match", "unmatched", "incomplete", "ineligible",
         "ended")
    )
)  # fmt: skip

_INDEXES: tuple[tuple[str, str, str], ...] = (
    ("ix_orders_purchase_order_id", "orders", "purchase_order_id"),
    ("ix_orders_total", "orders", "total"),
    ("ix_orders_estimated_ship_date", "orders", "estimated_ship_date"),
    (
        "ix_orders_status_dates",
        "orders",
        "status, order_date, id, estimated_ship_date, intent_to_cancel, cancel_reason",
    ),
    ("ix_orders_customer_name_lower", "orders", "lower(customer_name)"),
    ("ix_orders_status_rank", "orders", f"CASE {_STATUS_RANK} ELSE 9 END"),
    ("ix_listings_sku", "listings", "sku"),
    ("ix_listings_state_sku", "listings", "state, sku"),
    ("ix_listings_price", "listings", "price"),
    ("ix_listings_qty", "listings", "qty"),
    ("ix_listings_last_price_sent", "listings", "last_price_sent"),
    ("ix_listings_last_qty_sent", "listings", "last_qty_sent"),
    ("ix_listings_walmart_item_id", "listings", "walmart_item_id"),
    ("ix_listings_sync_error", "listings", "sync_error"),
    ("ix_listings_name_lower", "listings", "lower(name)"),
    ("ix_listings_state_rank", "listings", f"CASE {_STATE_RANK} ELSE 7 END"),
    (
        "ix_listings_sent_at",
        "listings",
        "max(coalesce(price_sent_at, qty_sent_at), coalesce(qty_sent_at, price_sent_at))",
    ),
)


def upgrade() -> None:
    # Plain SQL: no table copy (batch mode is not needed to add an index), and the two
    # expression indexes are written exactly as SQLite will compare them.
    for name, table, columns in _INDEXES:
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})")


def downgrade() -> None:
    for name, _table, _columns in reversed(_INDEXES):
        op.execute(f"DROP INDEX IF EXISTS {name}")
