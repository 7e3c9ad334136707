"""``returns refund RMA`` end to end against the sandboxes: a merchant refunds two Walmart
returns from the command line (JSON and table output); every refusal exits 1 naming the field
on stderr and queues nothing; a usage error exits 2."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from channelmanager_gui.cli import main
from channelmanager_gui.sandbox.pair import SandboxPair
from tests.cli.conftest import Cli, add_store, outbox_count
from tests.engine.conftest import Admin, orderable_skus


@dataclass
class Returned:
    po: str
    rma: str


def _returned_order(cli: Cli, walmart_admin: Admin, sku: str, tracking: str) -> Returned:
    po = walmart_admin.post("/orders", {"lines": [{"sku": sku, "qty": 2}]})["purchaseOrderIds"][0]
    cli.ok("sync", "--once")
    cli.ok("orders", "ship", po, "--carrier", "UPS", "--tracking", tracking)
    cli.ok("sync", "--once")
    made = walmart_admin.post("/returns", {"purchaseOrderId": po, "lineNumber": 1, "quantity": 1})
    cli.ok("sync", "--once")
    return Returned(po, str(made["returnOrderId"]))


@pytest.fixture(scope="module")
def store(pair: SandboxPair, commerce_admin: Admin) -> list[str]:
    add_store(pair)
    found = orderable_skus(pair)[10:12]
    for sku in found:
        commerce_admin.put(f"/products/{sku}", {"qty": 100})
    return found


def test_refund_a_return_with_json_output(cli: Cli, store: list[str], walmart_admin: Admin) -> None:
    ret = _returned_order(cli, walmart_admin, store[0], "1Z999AA10000000101")
    (row,) = [r for r in cli.json("returns", "list", "--open") if r["return_order_id"] == ret.rma]
    assert row["refunded_at"] is None and row["can_refund"] == {"ok": True, "reason": ""}

    before = outbox_count()
    queued = cli.json("returns", "refund", ret.rma, "--store", "Shop")
    assert queued == {
        "return_id": row["id"],
        "return_order_id": ret.rma,
        "purchase_order_id": ret.po,
        "lines": [{"line_number": 1, "qty": 1}],
        "units": 1,
        "commerce_creditmemo": True,
        "status": "queued",
    }
    assert outbox_count() == before + 2  # walmart.refund_return, commerce.refund_return
    again = cli("returns", "refund", ret.rma)
    assert again.code == 1 and again.err.startswith("error: return:")
    assert "already queued" in again.err and outbox_count() == before + 2

    assert main(["sync", "--once"]) == 0
    assert cli.json("orders", "show", ret.po)["status"] == "Refunded"
    (row,) = [r for r in cli.json("returns", "list") if r["return_order_id"] == ret.rma]
    assert row["refunded_at"] is not None and not row["can_refund"]["ok"]
    assert "already refunded on Walmart" in row["can_refund"]["reason"]
    assert ret.rma not in {r["return_order_id"] for r in cli.json("returns", "list", "--open")}
    done = cli("returns", "refund", ret.rma)
    assert done.code == 1 and "already refunded on Walmart" in done.err


def test_refund_a_return_with_table_output(
    cli: Cli, store: list[str], walmart_admin: Admin
) -> None:
    ret = _returned_order(cli, walmart_admin, store[1], "1Z999AA10000000102")
    out = cli.ok("returns", "refund", ret.rma).out
    assert f"Walmart return {ret.rma} (order {ret.po}, 1 unit(s)): refund queued" in out
    cli.ok("sync", "--once")
    assert cli.json("orders", "show", ret.po)["status"] == "Refunded"


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["returns", "refund", "999999999999999999"], "return"),
        (["returns", "refund", "  "], "return"),
        (["returns", "refund", "999999999999999999", "--store", "No such shop"], "store"),
    ],
)
def test_refused_refunds_queue_nothing(
    cli: Cli, store: list[str], args: list[str], field: str
) -> None:
    before = outbox_count()
    result = cli(*args)
    assert result.code == 1, result
    assert result.err.startswith(f"error: {field}:"), result.err
    assert outbox_count() == before


def test_refund_without_a_return_is_a_usage_error(cli: Cli, store: list[str]) -> None:
    assert cli("returns", "refund").code == 2
    assert cli("returns", "refund", "1", "--bogus").code == 2
