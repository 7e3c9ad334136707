"""marketplace accounts: a store sells through Walmart and Amazon accounts; neutral names

New table ``marketplace_accounts``; every existing store gets one Walmart account ("Walmart")
holding its old ``stores.walmart_url`` as ``api_url``, and ``stores.walmart_url`` is dropped.
Orders, listings, returns and feeds name their account (``account_id``, backfilled with the
store's Walmart account) and its marketplace (``marketplace``, denormalised for list filters);
outbox actions name the account they talk to (NULL for Commerce-only actions). Walmart-only
names become neutral, data kept (plain renames): orders.purchase_order_id ->
marketplace_order_id, order_lines.walmart_status -> marketplace_status (line_number widened to
32 for Amazon's orderItemId), shipments.walmart_sent_at -> marketplace_sent_at,
returns.walmart_refunded_at -> marketplace_refunded_at, listings.walmart_item_id ->
marketplace_item_id, walmart_wpid -> marketplace_product_id, walmart_published_status ->
published_status, walmart_lifecycle_status -> lifecycle_status, table walmart_feeds ->
marketplace_feeds. Unique keys move from the store to the account.

Columns are renamed with SQLite's own RENAME COLUMN, which also rewrites every index on them
(the expression indexes of 0006 included). Constraint changes need a table copy (batch mode):
the indexes of a copied table are dropped before and written back after from their own SQL,
because SQLAlchemy cannot reflect expression indexes and the copy would lose them. Table
copies drop tables that others reference: the caller runs this with foreign keys off
(models/db.py). The listings' state rank index is rebuilt: ListingState gained two states.

Downgrade is not supported: Amazon rows have no place in the old schema; the backup copy
taken before the upgrade (models/db.py) is the way back.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_RENAMED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("orders", "purchase_order_id", "marketplace_order_id"),
    ("order_lines", "walmart_status", "marketplace_status"),
    ("shipments", "walmart_sent_at", "marketplace_sent_at"),
    ("returns", "walmart_refunded_at", "marketplace_refunded_at"),
    ("listings", "walmart_item_id", "marketplace_item_id"),
    ("listings", "walmart_wpid", "marketplace_product_id"),
    ("listings", "walmart_published_status", "published_status"),
    ("listings", "walmart_lifecycle_status", "lifecycle_status"),
)
_RENAMED_INDEXES: tuple[tuple[str, str, str, str], ...] = (
    ("ix_orders_purchase_order_id", "ix_orders_marketplace_order_id", "orders",
     "marketplace_order_id"),
    ("ix_listings_walmart_item_id", "ix_listings_marketplace_item_id", "listings",
     "marketplace_item_id"),
)  # fmt: skip
# Tables whose rows belong to one account: (table, natural key now unique per account).
_OWNED: tuple[tuple[str, str | None], ...] = (
    ("orders", "marketplace_order_id"),
    ("listings", "sku"),
    ("returns", "return_order_id"),
    ("marketplace_feeds", None),
)
_STATE_RANK = " ".join(
    f"WHEN (state = '{state}') THEN {rank}"
    for rank, state in enumerate(
        ("active", "ready to list", "inactive", "pending match", "unmatched", "incomplete",
         "ineligible", "ended", "new third party")
    )
)  # fmt: skip


def upgrade() -> None:
    _create_accounts()
    for table, old, new in _RENAMED_COLUMNS:
        op.execute(f"ALTER TABLE {table} RENAME COLUMN {old} TO {new}")
    for old, new, table, column in _RENAMED_INDEXES:
        op.execute(f"DROP INDEX {old}")
        op.execute(f"CREATE INDEX {new} ON {table} ({column})")
    _rename_feeds()
    for table, key in _OWNED:
        _own_by_account(table, key)
    _outbox_account()
    _new_columns()
    with op.batch_alter_table("order_lines", recreate="always") as batch:
        batch.alter_column("line_number", existing_type=sa.String(8), type_=sa.String(32))
    with op.batch_alter_table("stores", recreate="always") as batch:
        batch.drop_column("walmart_url")
    op.execute("DROP INDEX ix_listings_state_rank")
    op.execute(f"CREATE INDEX ix_listings_state_rank ON listings (CASE {_STATE_RANK} ELSE 9 END)")


def downgrade() -> None:
    raise NotImplementedError("0010 cannot be undone: restore the backup taken before it")


def _create_accounts() -> None:
    op.create_table(
        "marketplace_accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("marketplace", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("api_url", sa.String(length=500), nullable=False),
        sa.Column("auth_url", sa.String(length=500), nullable=True),
        sa.Column("seller_id", sa.String(length=64), nullable=True),
        sa.Column("marketplace_ids", sa.JSON(), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["stores.id"],
            name=op.f("fk_marketplace_accounts_store_id_stores"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_marketplace_accounts")),
        sa.UniqueConstraint("store_id", "name", name=op.f("uq_marketplace_accounts_store_id")),
    )
    op.create_index("ix_marketplace_accounts_store_id", "marketplace_accounts", ["store_id"])
    op.execute(
        "INSERT INTO marketplace_accounts (store_id, marketplace, name, api_url, auth_url, "
        "seller_id, marketplace_ids, settings, enabled, created_at) "
        "SELECT id, 'walmart', 'Walmart', walmart_url, NULL, NULL, '[]', '{}', 1, created_at "
        "FROM stores ORDER BY id"
    )


def _rename_feeds() -> None:
    """A new table rather than a rename, so its key and constraint names are its own."""
    op.create_table(
        "marketplace_feeds",
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
            name=op.f("fk_marketplace_feeds_store_id_stores"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_marketplace_feeds")),
    )
    columns = (
        "id, store_id, feed_type, feed_id, status, entries, items_succeeded, items_failed, "
        "error, submitted_at, checked_at, done_at, created_at"
    )
    op.execute(f"INSERT INTO marketplace_feeds ({columns}) SELECT {columns} FROM walmart_feeds")
    op.drop_index("ix_walmart_feeds_store_status", table_name="walmart_feeds")
    op.drop_table("walmart_feeds")
    op.create_index(
        "ix_marketplace_feeds_store_status", "marketplace_feeds", ["store_id", "status"]
    )


def _own_by_account(table: str, key: str | None) -> None:
    """account_id (the store's Walmart account) and marketplace on ``table``; unique per
    account instead of per store."""
    op.add_column(table, sa.Column("account_id", sa.Integer(), nullable=True))
    op.add_column(
        table,
        sa.Column("marketplace", sa.String(16), nullable=False, server_default="walmart"),
    )
    op.execute(
        f"UPDATE {table} SET account_id = (SELECT a.id FROM marketplace_accounts a "
        f"WHERE a.store_id = {table}.store_id AND a.marketplace = 'walmart')"
    )
    indexes = _drop_indexes(table)
    with op.batch_alter_table(table, recreate="always") as batch:
        batch.alter_column("account_id", existing_type=sa.Integer(), nullable=False)
        batch.create_foreign_key(
            f"fk_{table}_account_id_marketplace_accounts",
            "marketplace_accounts",
            ["account_id"],
            ["id"],
            ondelete="CASCADE",
        )
        if key is not None:
            batch.drop_constraint(f"uq_{table}_store_id", type_="unique")
            batch.create_unique_constraint(f"uq_{table}_account_id", ["account_id", key])
    for sql in indexes:
        op.execute(sql)
    op.create_index(f"ix_{table}_marketplace", table, ["marketplace"])


def _outbox_account() -> None:
    """The account a walmart.* action talks to; Commerce actions talk to no account."""
    op.add_column("outbox", sa.Column("account_id", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE outbox SET account_id = (SELECT a.id FROM marketplace_accounts a "
        "WHERE a.store_id = outbox.store_id AND a.marketplace = 'walmart') "
        "WHERE kind LIKE 'walmart.%'"
    )
    indexes = _drop_indexes("outbox")
    with op.batch_alter_table("outbox", recreate="always") as batch:
        batch.create_foreign_key(
            "fk_outbox_account_id_marketplace_accounts",
            "marketplace_accounts",
            ["account_id"],
            ["id"],
            ondelete="CASCADE",
        )
    for sql in indexes:
        op.execute(sql)


def _new_columns() -> None:
    op.add_column(
        "orders",
        sa.Column("fulfilled_by", sa.String(12), nullable=False, server_default="merchant"),
    )
    op.add_column("shipments", sa.Column("package_reference", sa.String(64), nullable=True))
    op.add_column("listings", sa.Column("state_reason", sa.String(255), nullable=True))


def _drop_indexes(table: str) -> list[str]:
    """Drop ``table``'s indexes and return their SQL, to write them back after a table copy."""
    rows = op.get_bind().execute(
        sa.text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :table "
            "AND sql IS NOT NULL ORDER BY name"
        ),
        {"table": table},
    )
    saved = list(rows)
    for name, _sql in saved:
        op.execute(f"DROP INDEX {name}")
    return [sql for _name, sql in saved]
