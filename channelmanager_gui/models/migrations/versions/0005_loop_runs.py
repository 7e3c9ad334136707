"""loop runs: recent sync loop runs for the dashboard's sync delay chart

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "loop_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("loop", sa.String(length=32), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("delay_ms", sa.Integer(), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["stores.id"],
            name=op.f("fk_loop_runs_store_id_stores"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loop_runs")),
    )
    with op.batch_alter_table("loop_runs", schema=None) as batch_op:
        batch_op.create_index(
            "ix_loop_runs_store_loop_started", ["store_id", "loop", "started_at"], unique=False
        )
        batch_op.create_index(op.f("ix_loop_runs_finished_at"), ["finished_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("loop_runs", schema=None) as batch_op:
        batch_op.drop_index(op.f("ix_loop_runs_finished_at"))
        batch_op.drop_index("ix_loop_runs_store_loop_started")
    op.drop_table("loop_runs")
