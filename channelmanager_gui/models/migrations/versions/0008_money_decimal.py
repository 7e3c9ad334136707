"""money as exact decimals: amounts rounded to the cent; a line's Walmart charges; Commerce total

Amounts stay REAL columns (see models/money.py for why): the ORM now reads and writes them as
``Decimal`` rounded to the cent. The values written before as plain floats are rounded here so
that what SQLite sorts and compares is what the ORM reads. The columns already hold the
nearest double to a cent amount (they came from ``float(Decimal)``), so rounding changes only
values that carried binary noise (e.g. ``0.30000000000000004``) — with one exception:
``unit_price`` was the line's item charge divided by its quantity (``10.00 / 3``), so the
line's exact item charge is rebuilt first, from the unrounded unit price, into ``line_price``.

New columns: ``order_lines.line_price``, ``shipping`` and ``shipping_tax`` (Walmart's charges
for the line; ``tax`` keeps holding the tax on all of its charges, so ``orders.total`` =
Σ line_price + shipping + tax), and ``orders.commerce_total`` (the Commerce order's grand
total, read back after placing it). Shipping was not stored before: old lines get 0 and their
order's ``total`` (which did include shipping) stays as imported.

ALTER TABLE ADD COLUMN only: no table rebuild, so the expression indexes of 0006 are untouched.

Revision ID: 0008
Revises: 0006 (the lead linearizes it after a parallel 0007)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None

_ROUNDED: tuple[tuple[str, str], ...] = (
    ("orders", "total"),
    ("order_lines", "unit_price"),
    ("order_lines", "tax"),
    ("returns", "refund_amount"),
    ("listings", "price"),
    ("listings", "last_price_sent"),
    ("listings", "price_queued"),
)
_LINE_AMOUNTS = ("line_price", "shipping", "shipping_tax")


def upgrade() -> None:
    for name in _LINE_AMOUNTS:
        op.add_column(
            "order_lines",
            sa.Column(name, sa.Double(), nullable=False, server_default=sa.text("0")),
        )
    op.add_column("orders", sa.Column("commerce_total", sa.Double(), nullable=True))
    # Before unit_price is rounded: 3.3333333333333335 × 3 rounds back to the 10.00 charged.
    op.execute("UPDATE order_lines SET line_price = round(unit_price * qty_ordered, 2)")
    for table, column in _ROUNDED:
        op.execute(f"UPDATE {table} SET {column} = round({column}, 2) WHERE {column} IS NOT NULL")


def downgrade() -> None:
    op.drop_column("orders", "commerce_total")
    for name in reversed(_LINE_AMOUNTS):
        op.drop_column("order_lines", name)
