"""listings sync: stock polling, in-flight values, wpid, weight; walmart_feeds

Revision ID: 0004
Revises: 0002 (0003 once the orders migration lands)
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0002"  # becomes "0003" when the orders migration lands
branch_labels = None
depends_on = None

_LISTING_COLUMNS: tuple[tuple[str, sa.types.TypeEngine[Any]], ...] = (
    ("weight", sa.Double()),
    ("source_qty", sa.Double()),
    ("stock_checked_at", sa.DateTime()),
    ("walmart_wpid", sa.String(length=32)),
    ("price_queued", sa.Double()),
    ("qty_queued", sa.Integer()),
)


def upgrade() -> None:
    with op.batch_alter_table("listings", schema=None) as batch_op:
        for name, type_ in _LISTING_COLUMNS:
            batch_op.add_column(sa.Column(name, type_, nullable=True))
    op.create_table(
        "walmart_feeds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("feed_type", sa.String(length=24), nullable=False),
        sa.Column("feed_id", sa.String(length=80), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("entries", sa.JSON(), nullable=False),
        sa.Column("items_succeeded", sa.Integer(), nullable=False),
        sa.Column("items_failed", sa.Integer(), nullable=False),
        sa.Column("error", sa.String(length=1000), nullable=True),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("checked_at", sa.DateTime(), nullable=True),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["stores.id"],
            name=op.f("fk_walmart_feeds_store_id_stores"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_walmart_feeds")),
    )
    with op.batch_alter_table("walmart_feeds", schema=None) as batch_op:
        batch_op.create_index("ix_walmart_feeds_store_status", ["store_id", "status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("walmart_feeds", schema=None) as batch_op:
        batch_op.drop_index("ix_walmart_feeds_store_status")
    op.drop_table("walmart_feeds")
    with op.batch_alter_table("listings", schema=None) as batch_op:
        for name, _ in reversed(_LISTING_COLUMNS):
            batch_op.drop_column(name)
