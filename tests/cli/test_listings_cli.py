"""``store`` and ``listings`` subcommands end to end against the sandboxes.

The merchant adds a store, tests it, imports a few products (by SKU, by search), sends them for
matching, picks one of several Walmart candidates, resends, removes and exports; then adds a
second store, after which a command that changes things must be told which store (exit 2).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from channelmanager_gui.sandbox.pair import SandboxPair
from tests.cli.conftest import Cli, add_store, outbox_count
from tests.memory_keyring import MemoryKeyring

# Seed 11: CM-00028 and CM-00038 have two Walmart candidates each (same GTIN); CM-00001 has no
# identifier (incomplete).
SKUS = ["CM-00001", "CM-00003", "CM-00009", "CM-00028", "CM-00038"]


@pytest.fixture(scope="module")
def shop(pair: SandboxPair) -> str:
    add_store(pair)
    return "Shop"


def _by_sku(rows: list[dict[str, object]]) -> dict[object, dict[str, object]]:
    return {row["sku"]: row for row in rows}


def test_store_list_and_test(cli: Cli, shop: str, pair: SandboxPair) -> None:
    stores = cli.json("store", "list")
    assert [s["name"] for s in stores] == [shop]
    checked = cli.json("store", "test")
    assert checked["ok"] is True and checked["store"] == shop
    assert checked["commerce"]["ok"] and checked["walmart"]["ok"]
    text = cli.ok("store", "test", shop).out
    assert "Connected to Commerce." in text and "Connected to Walmart." in text
    assert cli("store", "test", "Nowhere").code == 1


def test_store_test_reports_a_refused_secret(
    cli: Cli, shop: str, memory_keyring: MemoryKeyring
) -> None:
    key = ("channelmanager-gui", "store:1:walmart_client_secret")
    good = memory_keyring.secrets[key]
    memory_keyring.secrets[key] = "wrong-secret"
    try:
        result = cli("store", "test", "--json")
    finally:
        memory_keyring.secrets[key] = good
    assert result.code == 1
    report = result.json()
    assert report["ok"] is False and report["commerce"]["ok"] is True
    assert report["walmart"]["problem"] == "bad_credentials"
    assert result.err.startswith("error: store 'Shop':")


def test_import_by_sku_and_by_search(cli: Cli, shop: str) -> None:
    before = outbox_count()
    unknown = cli("listings", "import", "--sku", "NO-SUCH-SKU")
    assert unknown.code == 1 and unknown.err.startswith("error: SKU:")
    assert "NO-SUCH-SKU" in unknown.err and outbox_count() == before
    assert cli.json("listings", "list") == []

    imported = cli.json("listings", "import", "--sku", *SKUS)
    assert imported["created"] == len(SKUS) and imported["not_found"] == []
    assert imported["incomplete"] == 1
    rows = _by_sku(cli.json("listings", "list"))
    assert set(rows) == set(SKUS)
    name = str(rows["CM-00009"]["name"])
    again = cli.json("listings", "import", "--search", name)
    assert again["created"] == 0 and again["updated"] >= 1
    assert cli("listings", "import").code == 2  # one of --all/--sku/--search is needed
    incomplete = cli.json("listings", "list", "--state", "INCOMPLETE")
    assert [r["sku"] for r in incomplete] == ["CM-00001"]


def test_match_then_pick_a_candidate(cli: Cli, shop: str) -> None:
    before = outbox_count()
    unknown = cli("listings", "match", "--sku", "CM-00003", "NO-SUCH-SKU")
    assert unknown.code == 1 and "NO-SUCH-SKU" in unknown.err and outbox_count() == before

    sent = cli.json("listings", "match")
    assert sent["queued"] == len(SKUS) - 1
    assert [s["sku"] for s in sent["skipped"]] == ["CM-00001"]
    pending = cli.json("listings", "list", "--state", "pending-match")
    assert len(pending) == len(SKUS) - 1
    assert cli.ok("sync", "--once").code == 0

    rows = _by_sku(cli.json("listings", "list"))
    assert rows["CM-00028"]["match_status"] == "candidates"
    candidates = rows["CM-00038"]["candidates"]
    assert rows["CM-00038"]["match_status"] == "candidates" and isinstance(candidates, list)
    assert len(candidates) == 2
    wrong = cli("listings", "pick", "--sku", "CM-00038", "--item", "000")
    assert wrong.code == 1 and wrong.err.startswith("error: Walmart item:")
    unknown_sku = cli("listings", "pick", "--sku", "NO-SUCH-SKU", "--item", "000")
    assert unknown_sku.code == 1 and unknown_sku.err.startswith("error: SKU:")

    chosen = candidates[1]["item_id"]
    picked = cli.json("listings", "pick", "--sku", "CM-00038", "--item", chosen)
    assert picked["walmart_item_id"] == chosen
    row = _by_sku(cli.json("listings", "list"))["CM-00038"]
    assert row["match_status"] == "pending" and row["walmart_item_id"] == chosen


def test_resend_remove_and_export(cli: Cli, shop: str, tmp_path: Path) -> None:
    resent = cli.json("listings", "resend", "--sku", "CM-00003")
    assert resent == {"store": shop, "resent": 1}
    row = _by_sku(cli.json("listings", "list"))["CM-00003"]
    assert row["last_qty_sent"] is None and row["last_price_sent"] is None

    exported = json.loads(cli.ok("listings", "export", "--format", "json").out)
    assert {r["sku"] for r in exported} == set(SKUS)
    target = tmp_path / "listings.csv"
    written = cli.ok("listings", "export", "--format", "csv", "--output", str(target))
    assert written.out == "" and "5 listing(s)" in written.err
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert sorted(r["sku"] for r in rows) == SKUS
    assert cli("listings", "export", "--format", "xml").code == 2

    removed = cli.json("listings", "remove", "--sku", "CM-00001")
    assert removed["removed"] == 1
    assert "CM-00001" not in _by_sku(cli.json("listings", "list"))
    table = cli.ok("listings", "list").out
    assert table.splitlines()[0].split()[:3] == ["SKU", "Name", "State"]


def test_several_stores_need_store(cli: Cli, shop: str, pair: SandboxPair) -> None:
    add_store(pair, "Second shop")
    ambiguous = cli("listings", "match")
    assert ambiguous.code == 2 and "--store" in ambiguous.err
    assert cli("store", "test").code == 2
    assert cli("listings", "resend", "--all").code == 2
    chosen = cli.json("listings", "match", "--store", "Second shop")
    assert chosen == {"store": "Second shop", "queued": 0, "skipped": []}
    assert len(cli.json("listings", "list")) == len(SKUS) - 1  # lists cover every store
    assert cli.json("listings", "list", "--store", "Second shop") == []
    assert cli("listings", "list", "--store", "Nowhere").code == 1
    assert cli.ok("store", "remove", "Second shop").code == 0
