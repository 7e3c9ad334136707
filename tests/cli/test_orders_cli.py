"""``orders``, ``returns`` and ``sync`` subcommands end to end against the sandboxes.

One merchant's day: Walmart orders are synced into Commerce, one is shipped in two parts, one
cancelled, one fails on stock and is retried, a return comes back. Every refused input exits 1
with the field named on stderr and leaves the outbox as it was.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import pytest

from channelmanager_gui.cli import main
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.store import AppSetting
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services.changes import Change, ChangeBus
from channelmanager_gui.services.db_watch import DatabaseWatch
from tests.cli.conftest import Cli, add_store, outbox_count, run_process
from tests.engine.conftest import Admin, orderable_skus
from tests.engine.fulfilment_support import credit_unshipped, walmart_line, walmart_qty


@dataclass
class Orders:
    two_lines: str  # PO with line 1 × 2 and line 2 × 1
    to_cancel: str
    untouched: str  # only ever refused


def _order(walmart_admin: Admin, *lines: tuple[str, int]) -> str:
    body = {"lines": [{"sku": sku, "qty": qty} for sku, qty in lines]}
    po: str = walmart_admin.post("/orders", body)["purchaseOrderIds"][0]
    return po


@pytest.fixture(scope="module")
def skus(pair: SandboxPair, commerce_admin: Admin) -> list[str]:
    found = orderable_skus(pair)[:5]
    for sku in found:
        commerce_admin.put(f"/products/{sku}", {"qty": 100})
    return found


@pytest.fixture(scope="module")
def orders(pair: SandboxPair, walmart_admin: Admin, skus: list[str]) -> Orders:
    add_store(pair)
    made = Orders(
        two_lines=_order(walmart_admin, (skus[0], 2), (skus[1], 1)),
        to_cancel=_order(walmart_admin, (skus[2], 1)),
        untouched=_order(walmart_admin, (skus[3], 1)),
    )
    assert main(["sync", "--once"]) == 0
    return made


def _status(cli: Cli, po: str) -> str:
    status: str = cli.json("orders", "show", po)["status"]
    return status


def test_list_and_show(cli: Cli, orders: Orders) -> None:
    rows = cli.json("orders", "list")
    by_po = {row["purchase_order_id"]: row for row in rows}
    assert {orders.two_lines, orders.to_cancel, orders.untouched} <= set(by_po)
    assert by_po[orders.two_lines]["status"] == "Created in Commerce"
    assert by_po[orders.two_lines]["commerce_increment_id"]
    # 0010 renamed the column; the public key stays, next to the new one and the marketplace.
    assert all(r["marketplace"] == "walmart" for r in rows)
    assert all(r["marketplace_order_id"] == po for po, r in by_po.items())
    shown = cli.json("orders", "show", orders.two_lines)
    assert (shown["purchase_order_id"], shown["marketplace"]) == (orders.two_lines, "walmart")
    assert all(line["walmart_status"] for line in shown["lines"])
    created = cli.json("orders", "list", "--status", "created-in-commerce", "--since", "2000-01-01")
    assert {r["purchase_order_id"] for r in created} == set(by_po)
    assert cli.json("orders", "list", "--status", "shipped") == []
    assert cli.json("orders", "list", "--since", "2999-01-01") == []
    assert cli("orders", "list", "--status", "lost").code == 2
    assert cli("orders", "list", "--since", "yesterday").code == 2
    table = cli.ok("orders", "list").out
    assert table.splitlines()[0].split()[:2] == ["PO", "Commerce"]
    assert orders.two_lines in table

    shown = cli.json("orders", "show", orders.two_lines)
    assert [(ln["line_number"], ln["qty_ordered"], ln["qty_open"]) for ln in shown["lines"]] == [
        ("1", 2, 2),
        ("2", 1, 1),
    ]
    assert shown["can_ship"] == {"ok": True, "reason": ""}
    assert shown["can_cancel"]["ok"] is True
    assert any(a["kind"] == "commerce.create_order" for a in shown["actions"])
    assert shown["activity"] and shown["shipments"] == []
    text = cli.ok("orders", "show", orders.two_lines).out
    assert "Purchase order:" in text and "Timeline:" in text


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--carrier", "UPS", "--tracking", ""], "tracking number"),
        (["--carrier", "UPS", "--tracking", "   "], "tracking number"),
        (["--carrier", "Pigeon Post", "--tracking", "1Z999AA10123456784"], "carrier"),
        (["--carrier", "UPS", "--tracking", "1Z999AA1", "--line", "1:3"], "quantity of line 1"),
        (["--carrier", "UPS", "--tracking", "1Z999AA1", "--line", "9:1"], "quantities"),
        (["--carrier", "UPS", "--tracking", "1Z999AA1", "--method", "Teleport"], "shipping method"),
        (["--carrier", "Other", "--other-carrier", "Bob", "--tracking", "AB12"], "tracking URL"),
        (["--carrier", "UPS", "--tracking", "1Z999AA1", "--ship-date", "soon"], "ship date"),
    ],
)
def test_refused_shipments_queue_nothing(
    cli: Cli, orders: Orders, args: list[str], field: str
) -> None:
    before = outbox_count()
    result = cli("orders", "ship", orders.untouched, *args)
    assert result.code == 1, result
    assert result.err.startswith(f"error: {field}:"), result.err
    assert outbox_count() == before
    assert _status(cli, orders.untouched) == "Created in Commerce"


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["orders", "cancel", "{po}", "--reason", "Changed my mind"], "cancellation reason"),
        (["orders", "cancel", "{po}", "--reason", ""], "cancellation reason"),
        (["orders", "ship", "NO-SUCH-PO", "--carrier", "UPS", "--tracking", "1Z999AA1"], "order"),
        (["orders", "cancel", "NO-SUCH-PO", "--reason", "Out of stock"], "order"),
        (["orders", "show", "NO-SUCH-PO"], "order"),
        (["orders", "retry", "NO-SUCH-PO"], "order"),
    ],
)
def test_refused_order_actions_queue_nothing(
    cli: Cli, orders: Orders, args: list[str], field: str
) -> None:
    before = outbox_count()
    result = cli(*(a.replace("{po}", orders.untouched) for a in args))
    assert result.code == 1, result
    assert result.err.startswith(f"error: {field}:"), result.err
    assert outbox_count() == before


def test_partial_ship_then_the_rest(cli: Cli, orders: Orders, walmart_admin: Admin) -> None:
    po = orders.two_lines
    before = outbox_count()
    first = cli.json("orders", "ship", po, "--carrier", "ups", "--method", "Standard",
                     "--tracking", "1Z 999 AA1 0123456784", "--line", "1:1")  # fmt: skip
    assert first["lines"] == {"1": 1} and first["carrier"] == "UPS"
    assert first["tracking_number"] == "1Z999AA10123456784"
    assert first["status"] == "Partially shipped"
    assert outbox_count() == before + 2  # commerce.ship and walmart.ship
    refused = cli("orders", "cancel", po, "--reason", "SELLER_CANCEL_OUT_OF_STOCK")
    assert refused.code == 1 and refused.err.startswith("error: order:")
    assert cli.ok("sync", "--once").code == 0
    assert walmart_qty(walmart_line(walmart_admin, po, "1"), "Shipped") == 1

    rest = cli.ok("orders", "ship", po, "--carrier", "FedEx", "--tracking", "7712345678")
    assert "Status: Shipped" in rest.out
    assert cli.ok("sync", "--once").code == 0
    shown = cli.json("orders", "show", po)
    assert [ln["qty_shipped"] for ln in shown["lines"]] == [2, 1]
    assert {s["tracking_number"] for s in shown["shipments"]} == {
        "1Z999AA10123456784",
        "7712345678",
    }
    assert walmart_qty(walmart_line(walmart_admin, po, "1"), "Shipped") == 2
    assert walmart_qty(walmart_line(walmart_admin, po, "2"), "Shipped", "7712345678") == 1
    again = cli("orders", "ship", po, "--carrier", "UPS", "--tracking", "1Z999AA1")
    assert again.code == 1 and "shipped" in again.err


def test_cancel_with_a_reason_label(cli: Cli, orders: Orders, walmart_admin: Admin) -> None:
    done = cli.json("orders", "cancel", orders.to_cancel, "--reason", "pricing error")
    assert done == {
        "marketplace": "walmart",
        "purchase_order_id": orders.to_cancel,
        "marketplace_order_id": orders.to_cancel,
        "reason": "SELLER_CANCEL_PRICING_ERROR",
        "status": "Cancelled",
        "lines": {"1": 1},
    }
    assert cli.ok("sync", "--once").code == 0
    assert walmart_qty(walmart_line(walmart_admin, orders.to_cancel, "1"), "Cancelled") == 1
    again = cli("orders", "cancel", orders.to_cancel, "--reason", "pricing error")
    assert again.code == 1 and "The order is cancelled." in again.err


def test_an_order_in_error_is_retried(
    cli: Cli, orders: Orders, skus: list[str], walmart_admin: Admin, commerce_admin: Admin
) -> None:
    commerce_admin.put(f"/products/{skus[4]}", {"qty": 0})
    po = _order(walmart_admin, (skus[4], 1))
    failed = cli("sync", "--once")
    assert failed.code == 1 and "order(s) in Error" in failed.err
    in_error = cli.json("orders", "list", "--status", "error")
    assert [r["purchase_order_id"] for r in in_error] == [po]
    assert in_error[0]["error"] and "error" in in_error[0]["attention"]
    status = cli.json("sync", "status")
    assert status["queue"]["error"] >= 1
    assert any(a["kind"] == "commerce.create_order" for a in status["queue"]["failed"])

    commerce_admin.put(f"/products/{skus[4]}", {"qty": 100})
    retried = cli.json("orders", "retry", po)
    assert retried["requeued"] >= 1 and retried["status"] != "Error"
    assert cli.ok("sync", "--once").code == 0
    assert _status(cli, po) == "Created in Commerce"


def test_returns_list_after_a_walmart_return(
    cli: Cli, orders: Orders, walmart_admin: Admin
) -> None:
    assert cli.json("returns", "list") == []
    walmart_admin.post(
        "/returns", {"purchaseOrderId": orders.two_lines, "lineNumber": 1, "quantity": 1}
    )
    assert cli.ok("sync", "--once").code == 0
    rows = cli.json("returns", "list", "--open")
    assert len(rows) == 1
    assert rows[0]["purchase_order_id"] == orders.two_lines and rows[0]["units"] == 1
    assert _status(cli, orders.two_lines) == "Return requested"
    assert orders.two_lines in cli.ok("returns", "list").out


def test_export_both_formats(cli: Cli, orders: Orders) -> None:
    exported = cli.ok("orders", "export", "--format", "json").json()
    assert {orders.two_lines, orders.to_cancel} <= {r["purchase_order_id"] for r in exported}
    rows = list(csv.DictReader(io.StringIO(cli.ok("orders", "export", "--format", "csv").out)))
    assert len(rows) == len(exported)
    assert {r["status"] for r in rows if r["purchase_order_id"] == orders.to_cancel} == {
        "Cancelled"
    }


def test_sync_status(cli: Cli, orders: Orders) -> None:
    status = cli.json("sync", "status")
    assert status["running"] is False and status["updated_at"]
    names = {loop["name"] for loop in status["loops"]}
    assert {"orders", "shipments", "returns"} <= names
    assert all(loop["last_run"] and loop["state"] == "idle" for loop in status["loops"])
    assert set(status["queue"]) >= {"pending", "running", "error", "failed", "waiting_by_kind"}
    assert "Queued actions:" in cli.ok("sync", "status").out


def test_the_installed_entry_point(orders: Orders) -> None:
    """``python -m channelmanager_gui``: JSON on stdout, refusals exit 1, usage errors exit 2."""
    listed = run_process("orders", "list", "--json")
    assert listed.code == 0, listed
    assert orders.untouched in {r["purchase_order_id"] for r in listed.json()}
    refused = run_process("orders", "ship", orders.untouched, "--carrier", "UPS", "--tracking", "")
    assert refused.code == 1
    assert refused.err.strip().splitlines()[-1].startswith("error: tracking number:")
    assert run_process("orders", "ship", orders.untouched).code == 2  # --carrier missing


def test_tracking_link_for_a_shipment(cli: Cli, orders: Orders) -> None:
    po = orders.two_lines
    several = cli("orders", "tracking-url", po, "https://track.example.com/1")
    assert several.code == 2 and "--shipment" in several.err
    first = cli.json("orders", "show", po)["shipments"][0]["id"]
    before = outbox_count()
    bad = cli("orders", "tracking-url", po, "not a link", "--shipment", str(first))
    assert bad.code == 1 and bad.err.startswith("error: tracking URL:")
    assert cli("orders", "tracking-url", po, "https://t.example/1", "--shipment", "999").code == 1
    assert outbox_count() == before
    done = cli.json("orders", "tracking-url", po, "https://t.example/1", "--shipment", str(first))
    assert done["shipment_id"] == first
    shipments = cli.json("orders", "show", po)["shipments"]
    assert [s["tracking_url"] for s in shipments if s["id"] == first] == ["https://t.example/1"]


def _orders_counter(db: Database) -> int:
    with db.session() as session:
        row = session.get(AppSetting, "changes.orders")
        return int(row.value) if row is not None else 0


def test_an_open_window_notices_command_line_writes(cli: Cli, orders: Orders) -> None:
    """The window polls a DatabaseWatch; what a command published (its operation's changes,
    once) is seen at the next poll, with its kinds."""
    db = open_database()
    bus = ChangeBus()
    seen: list[frozenset[Change]] = []
    bus.subscribe(seen.append)
    watch = DatabaseWatch(db.path, bus)
    try:
        cli.json("orders", "list")
        assert watch.poll() is False  # reading changes nothing
        before = _orders_counter(db)
        cli.json("orders", "retry", orders.untouched)
        assert watch.poll() is True
        assert seen == [frozenset({Change.ORDERS, Change.ACTIVITY, Change.OUTBOX})]
        assert watch.poll() is False
        assert _orders_counter(db) == before + 1  # published once
    finally:
        watch.close()
        db.dispose()


@pytest.mark.parametrize(
    "command",
    [
        ["listings"],
        ["listings", "import"],
        ["orders"],
        ["orders", "ship"],
        ["returns"],
        ["sync", "status"],
        ["store", "test"],
    ],
)
def test_help(cli: Cli, command: list[str]) -> None:
    shown = cli(*command, "--help")
    assert shown.code == 0 and "usage: channelmanager-gui" in shown.out


def test_cancel_gives_the_reason_to_an_order_cancelled_in_commerce(
    cli: Cli, orders: Orders, skus: list[str], walmart_admin: Admin, commerce_admin: Admin
) -> None:
    po = _order(walmart_admin, (skus[2], 1))
    assert cli.ok("sync", "--once").code == 0
    assert credit_unshipped(commerce_admin, po)["state"] == "closed"  # invoiced: a credit memo
    held = cli("sync", "--once")
    assert held.code == 1  # an order needs the merchant
    shown = cli.json("orders", "show", po)
    assert shown["status"] == "Error" and shown["error"].startswith("Cancelled in Commerce")
    assert shown["can_cancel"]["ok"] is True
    assert walmart_qty(walmart_line(walmart_admin, po, "1"), "Cancelled") == 0

    said = cli("orders", "cancel", po, "--reason", "Out of stock")
    assert said.code == 0 and "queued for Walmart. Status: Cancelled." in said.out
    done = cli.json("orders", "show", po)
    assert done["cancel_reason"] == "SELLER_CANCEL_OUT_OF_STOCK" and done["status"] == "Cancelled"
    assert cli.ok("sync", "--once").code == 0
    assert walmart_qty(walmart_line(walmart_admin, po, "1"), "Cancelled") == 1
    assert cli("orders", "cancel", po, "--reason", "Out of stock").code == 1  # done already
