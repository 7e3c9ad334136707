"""Which database the commands read (issue 20 #1): the window's demo keeps its own in the
data folder's ``demo/``; ``orders list`` printed [] beside a demo window full of orders and
nothing said why. Commands name their database and ``--demo`` reads the demo's."""

from __future__ import annotations

from pathlib import Path

from channelmanager_gui.models.db import open_database
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction
from channelmanager_gui.paths import database_path
from tests.cli.conftest import Cli
from tests.models.order_seed import add_order, add_store


def _demo_db(home: Path) -> Path:
    return home / "demo" / "channelmanager.sqlite3"


def test_help_names_both_databases(cli: Cli, cm_home: Path) -> None:
    shown = "".join(cli("--help").out.split())  # argparse wraps the epilog, even at hyphens
    assert str(database_path()) in shown
    assert str(_demo_db(cm_home)) in shown and "--demo" in shown


def test_a_missing_demo_database_is_named_not_created(cli: Cli, cm_home: Path) -> None:
    result = cli("--demo", "orders", "list")
    assert result.code == 1
    assert "no demo database" in result.err and "channelmanager-gui --demo" in result.err
    assert not _demo_db(cm_home).exists()


def test_demo_flag_reads_the_demo_windows_orders(cli: Cli, cm_home: Path) -> None:
    path = _demo_db(cm_home)
    path.parent.mkdir(parents=True, exist_ok=True)
    demo = open_database(path)
    add_order(demo, add_store(demo), "DEMO-1")
    demo.dispose()
    assert cli.json("orders", "list") == []
    listed = cli.json("--demo", "orders", "list")
    assert [row["purchase_order_id"] for row in listed] == ["DEMO-1"]


def test_sync_status_says_which_database(cli: Cli, cm_home: Path) -> None:
    status = cli.ok("sync", "status").out
    assert f"Database: {database_path()}" in status
    assert cli.json("sync", "status")["database"] == str(database_path())
    assert cli.json("--demo", "sync", "status")["database"] == str(_demo_db(cm_home))


def test_sync_status_names_orders_by_their_walmart_purchase_order(cli: Cli) -> None:
    """Issue 20: failed actions were listed as "order #12", our row id."""
    db = open_database()
    store = add_store(db, "Named")
    order_id = add_order(db, store, "1234567890123")
    with db.session() as session:
        session.add(
            OutboxAction(
                store_id=store, kind="walmart.ship", subject_type="order", subject_id=order_id,
                status=ActionStatus.ERROR, last_error="Walmart refused the carrier",
            )
        )  # fmt: skip
    db.dispose()
    out = cli.ok("sync", "status").out
    assert "walmart.ship Walmart PO 1234567890123: Walmart refused the carrier" in out
    assert f"#{order_id}" not in out
    failed = cli.json("sync", "status")["queue"]["failed"]
    assert failed[0]["subject"] == "Walmart PO 1234567890123"
