"""Orders flow end to end against the sandbox pair over real HTTP: import, acknowledge,
create in Commerce, duplicates, split lines, unknown SKUs with Retry, empty searches, export."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from channelmanager_gui.models.account import walmart_account_id
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order, OrderStatus
from channelmanager_gui.models.outbox import Activity, OutboxAction, SyncCursor
from channelmanager_gui.sandbox.commerce import directory
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services import ops
from channelmanager_gui.services.engine import orders_flow
from channelmanager_gui.services.engine.order_import import WINDOW_CURSOR
from channelmanager_gui.services.walmart import CancelLine, WalmartClient
from tests.engine.conftest import Admin, MakeEngine, orderable_skus, skus_not_in_commerce


def walmart_order(admin: Admin, lines: list[tuple[str, int]]) -> str:
    made = admin.post("/orders", {"lines": [{"sku": s, "qty": q} for s, q in lines]})
    return str(made["purchaseOrderIds"][0])


def commerce_orders(admin: Admin, po: str) -> list[dict[str, Any]]:
    return list(admin.get(f"/orders?ext_order_id={po}")["items"])


def local(db: Database, po: str) -> Order:
    with db.session() as session:
        order = session.scalars(select(Order).where(Order.marketplace_order_id == po)).one()
        _ = order.lines  # load before the session closes
        return order


def events(db: Database, order_id: int) -> list[str]:
    with db.session() as session:
        query = select(Activity.event).where(Activity.subject_id == order_id).order_by(Activity.id)
        return list(session.scalars(query.where(Activity.subject_type == "order")))


def line_statuses(admin: Admin, po: str) -> set[str]:
    order = admin.get(f"/orders/{po}")
    lines = order["orderLines"]["orderLine"]
    return {s["status"] for ln in lines for s in ln["orderLineStatuses"]["orderLineStatus"]}


async def test_new_order_becomes_exactly_one_commerce_order(
    make_engine: MakeEngine,
    engine_db: Database,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    sku_a, sku_b = orderable_skus(sandbox_pair)[:2]
    po = walmart_order(walmart_admin, [(sku_a, 1), (sku_b, 2)])
    engine = await make_engine([orders_flow])

    summary = await engine.run_once(drain_timeout=60)

    order = local(engine_db, po)
    assert order.status == OrderStatus.CREATED, order.error
    found = commerce_orders(commerce_admin, po)
    assert len(found) == 1
    assert found[0]["increment_id"] == order.commerce_increment_id
    assert found[0]["entity_id"] == order.commerce_entity_id
    # the sandbox numbers a placed order after its entity id: linking did not renumber it
    assert found[0]["increment_id"] == f"{found[0]['entity_id']:09d}"
    assert order.commerce_linked and order.acknowledged_at is not None
    (comment,) = [h["comment"] for h in found[0]["status_histories"]]
    assert order.customer_email.endswith("@relay.walmart.com")
    assert comment.startswith(
        f"Walmart order {po} (customer order {order.customer_order_id}); buyer's Walmart relay "
        f"e-mail: {order.customer_email}. "
    )
    qty = {i["sku"]: i["qty_ordered"] for i in found[0]["items"]}
    assert qty == {sku_a: 1, sku_b: 2}
    assert all(line.commerce_item_id for line in order.lines)
    assert line_statuses(walmart_admin, po) == {"Acknowledged"}
    assignment = found[0]["extension_attributes"]["shipping_assignments"][0]
    address = assignment["shipping"]["address"]
    assert address["country_id"] == "US" and address["lastname"] and address["region_code"]
    steps = events(engine_db, order.id)
    # The acknowledgement (Walmart's lane) and the cart (Commerce's) run side by side (issue 19):
    # the acknowledgement lands anywhere after the import, the Commerce steps keep their order.
    assert steps[0] == "imported" and steps.count("acknowledged") == 1
    assert [s for s in steps if s != "acknowledged"] == [
        "imported",
        "cart_created",
        "order_placed",
        "total_differs",
        "created",
        "commerce.invoice",
    ]
    assert po not in " ".join(summary.failed_actions)
    _written_under_the_walmart_account(engine_db, order)


def _written_under_the_walmart_account(db: Database, order: Order) -> None:
    """0010: a Walmart order names its store's Walmart account; so do its walmart.* actions,
    while its Commerce actions talk to no marketplace account."""
    with db.session() as session:
        account_id = walmart_account_id(session, order.store_id)
        actions = session.execute(
            select(OutboxAction.kind, OutboxAction.account_id).where(
                OutboxAction.subject_type == "order", OutboxAction.subject_id == order.id
            )
        ).all()
    assert (order.account_id, order.marketplace, order.fulfilled_by) == (
        account_id, "walmart", "merchant"
    )  # fmt: skip
    assert {kind.split(".")[0] for kind, _ in actions} == {"walmart", "commerce"}
    assert all((a == account_id) == kind.startswith("walmart.") for kind, a in actions)
    assert all(a is None for kind, a in actions if kind.startswith("commerce."))


async def test_us_state_gets_this_shops_region_id(
    make_engine: MakeEngine,
    engine_db: Database,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    """Region ids differ between installations: the one read from the shop's directory is
    sent, and Commerce names the same state on the order."""
    commerce_admin.put("/config", {"region_id_offset": 1000})
    try:
        po = walmart_order(walmart_admin, [(orderable_skus(sandbox_pair)[5], 1)])
        engine = await make_engine([orders_flow])
        await engine.run_once(drain_timeout=60)
    finally:
        commerce_admin.put("/config", {"region_id_offset": 0})
    order = local(engine_db, po)
    assert order.status == OrderStatus.CREATED, order.error
    (found,) = commerce_orders(commerce_admin, po)
    address = found["extension_attributes"]["shipping_assignments"][0]["shipping"]["address"]
    install_id = address["region_id"] - 1000
    assert directory.US_REGIONS[install_id][0] == order.shipping_address["state"].upper()
    assert address["region"] == directory.US_REGIONS[install_id][1]


async def test_both_totals_are_kept_and_walmart_amounts_go_in_the_comment(
    make_engine: MakeEngine,
    engine_db: Database,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    """Commerce prices the cart by its own settings (the sandbox: catalog price, flat rate 5.00
    per item, no tax), so its total is read back and kept next to what the buyer paid on
    Walmart, whose charges per line the Commerce order's comment records."""
    sku = orderable_skus(sandbox_pair)[0]
    po = walmart_order(walmart_admin, [(sku, 2)])
    engine = await make_engine([orders_flow])
    await engine.run_once(drain_timeout=60)

    order = local(engine_db, po)
    (made,) = commerce_orders(commerce_admin, po)
    assert order.commerce_total == Decimal(repr(made["grand_total"])).quantize(Decimal("0.01"))
    charged = sum((ln.line_price + ln.shipping + ln.tax for ln in order.lines), Decimal())
    assert order.total == charged and order.commerce_total != order.total
    comment = made["status_histories"][0]["comment"]
    for line in order.lines:
        assert (
            f"line {line.line_number} {sku}: item {line.line_price:.2f}, "
            f"shipping {line.shipping:.2f}, tax {line.tax:.2f}"
        ) in comment
    assert f"Walmart total {order.total:.2f} USD." in comment
    assert "total_differs" in events(engine_db, order.id)


async def test_overlapping_imports_never_duplicate(
    make_engine: MakeEngine, engine_db: Database, sandbox_pair: SandboxPair,
    walmart_admin: Admin, commerce_admin: Admin, store_id: int,
) -> None:  # fmt: skip
    sku = orderable_skus(sandbox_pair)[2]
    po = walmart_order(walmart_admin, [(sku, 1)])
    engine = await make_engine([orders_flow])
    await engine.run_once(drain_timeout=60)
    with engine_db.session() as session:  # rewind the watermark: the next window re-reads all
        cursor = session.get_one(SyncCursor, (store_id, WINDOW_CURSOR))
        cursor.value = (engine.env.clock() - timedelta(hours=5)).isoformat()
    await engine.run_once(drain_timeout=60)
    await engine.run_once(drain_timeout=60)

    with engine_db.session() as session:
        count = session.scalar(select(func.count()).where(Order.marketplace_order_id == po))
        order_id = session.scalars(select(Order.id).where(Order.marketplace_order_id == po)).one()
        mine = (OutboxAction.subject_id == order_id) & (OutboxAction.subject_type == "order")
        kinds = list(session.scalars(select(OutboxAction.kind).where(mine)))
    assert count == 1
    assert sorted(kinds) == [
        "commerce.create_order",
        "commerce.invoice_order",
        "walmart.acknowledge",
    ]
    assert len(commerce_orders(commerce_admin, po)) == 1
    assert events(engine_db, order_id).count("imported") == 1


async def test_same_sku_split_over_lines_is_one_cart_item(
    make_engine: MakeEngine, engine_db: Database, sandbox_pair: SandboxPair,
    walmart_admin: Admin, commerce_admin: Admin,
) -> None:  # fmt: skip
    sku, other = orderable_skus(sandbox_pair)[3:5]
    po = walmart_order(walmart_admin, [(sku, 1), (sku, 1), (sku, 1), (other, 1)])
    engine = await make_engine([orders_flow])
    await engine.run_once(drain_timeout=60)

    order = local(engine_db, po)
    assert order.status == OrderStatus.CREATED, order.error
    assert [ln.sku for ln in order.lines] == [sku, sku, sku, other]  # Walmart's lines are kept
    (found,) = commerce_orders(commerce_admin, po)
    assert {i["sku"]: i["qty_ordered"] for i in found["items"]} == {sku: 3, other: 1}
    item_of_sku = {i["sku"]: i["item_id"] for i in found["items"]}
    assert [ln.commerce_item_id for ln in order.lines] == [item_of_sku[sku]] * 3 + [
        item_of_sku[other]
    ]


async def test_unknown_sku_errors_others_go_through_and_retry_after_fix(
    make_engine: MakeEngine, engine_db: Database, sandbox_pair: SandboxPair,
    walmart_admin: Admin, commerce_admin: Admin,
) -> None:  # fmt: skip
    unknown = skus_not_in_commerce(sandbox_pair)[0]
    good = orderable_skus(sandbox_pair)[5]
    bad_po = walmart_order(walmart_admin, [(good, 1), (unknown, 1)])
    good_po = walmart_order(walmart_admin, [(good, 1)])
    engine = await make_engine([orders_flow])

    summary = await engine.run_once(drain_timeout=60)

    bad = local(engine_db, bad_po)
    assert bad.status == OrderStatus.ERROR
    assert f"SKU {unknown} is not in Commerce" in (bad.error or "")
    assert bad.error_step == "commerce.items"
    assert bad.acknowledged_at is not None  # acknowledged although Commerce refused it
    assert line_statuses(walmart_admin, bad_po) == {"Acknowledged"}
    assert local(engine_db, good_po).status == OrderStatus.CREATED
    assert commerce_orders(commerce_admin, bad_po) == []
    assert not summary.ok and summary.orders_in_error >= 1
    assert "error" in events(engine_db, bad.id)

    commerce_admin.post("/products/bulk", {"count": 140})  # the merchant adds the product
    assert ops.retry(engine_db, ops.find_order(engine_db, bad_po)).count == 1
    assert local(engine_db, bad_po).error is None
    assert await engine.worker.drain(timeout=60)

    fixed = local(engine_db, bad_po)
    assert fixed.status == OrderStatus.CREATED, fixed.error
    (found,) = commerce_orders(commerce_admin, bad_po)
    assert {i["sku"]: i["qty_ordered"] for i in found["items"]} == {good: 1, unknown: 1}
    assert fixed.commerce_cart_id == found["quote_id"]  # the recorded cart was reused


async def test_no_orders_in_the_window_is_not_a_failure(make_engine: MakeEngine) -> None:
    engine = await make_engine([orders_flow])
    past = engine.env.clock() - timedelta(days=30)
    engine.env.clock = lambda: past  # Walmart answers 404 CONTENT_NOT_FOUND for this window

    summary = await engine.run_once(drain_timeout=30)

    assert summary.loop_errors == []
    status = engine.board.loop("orders")
    assert status is not None and status.last_error is None
    assert status.counts["seen"] == 0


async def test_export_lists_both_order_numbers(
    make_engine: MakeEngine, engine_db: Database, sandbox_pair: SandboxPair, walmart_admin: Admin
) -> None:
    po = walmart_order(walmart_admin, [(orderable_skus(sandbox_pair)[6], 1)])
    engine = await make_engine([orders_flow])
    await engine.run_once(drain_timeout=60)
    order = local(engine_db, po)

    out = io.StringIO()
    count = ops.export_orders(engine_db, "json", out)
    rows = {r["purchase_order_id"]: r for r in json.loads(out.getvalue())}
    assert count == len(rows) and rows[po]["commerce_increment_id"] == order.commerce_increment_id
    assert rows[po]["status"] == "Created in Commerce" and rows[po]["units"] == 1

    text = io.StringIO()
    ops.export_orders(engine_db, "csv", text)
    header, *lines = text.getvalue().splitlines()
    assert header.split(",")[:4] == [
        "store_id", "purchase_order_id", "customer_order_id", "commerce_increment_id"
    ]  # fmt: skip
    assert any(po in line and str(order.commerce_increment_id) in line for line in lines)


async def test_buyer_cancel_request_and_later_walmart_cancellation_are_seen(
    make_engine: MakeEngine, engine_db: Database, sandbox_pair: SandboxPair, walmart_admin: Admin
) -> None:
    sku_a, sku_b = orderable_skus(sandbox_pair)[7:9]
    lines = [{"sku": sku_a, "qty": 1}, {"sku": sku_b, "qty": 1}]
    made = walmart_admin.post("/orders", {"lines": lines, "intentToCancel": True})
    po = str(made["purchaseOrderIds"][0])
    engine = await make_engine([orders_flow])
    start = engine.env.clock()
    await engine.run_once(drain_timeout=60)
    order = local(engine_db, po)
    assert order.intent_to_cancel and "cancel_requested" in events(engine_db, order.id)

    engine.env.clock = lambda: start + timedelta(hours=3)  # the order leaves the import window
    await engine.run_once(drain_timeout=60)
    pair = sandbox_pair.walmart
    async with WalmartClient(pair.url, pair.client_id, pair.client_secret) as seller_center:
        cancel = CancelLine(line_number="1", quantity=1, reason="SELLER_CANCEL_OUT_OF_STOCK")
        await seller_center.cancel_lines(po, [cancel])
    engine.env.clock = lambda: start + timedelta(hours=5)
    await engine.run_once(drain_timeout=60)

    order = local(engine_db, po)
    assert [ln.qty_cancelled for ln in order.lines] == [1, 0]
    assert order.status == OrderStatus.CREATED  # one line is still to ship
    assert "walmart_update" in events(engine_db, order.id)


async def test_disabled_product_errors_with_reason_until_enabled(
    make_engine: MakeEngine, engine_db: Database, sandbox_pair: SandboxPair,
    walmart_admin: Admin, commerce_admin: Admin,
) -> None:  # fmt: skip
    sku = orderable_skus(sandbox_pair)[9]
    commerce_admin.put(f"/products/{sku}", {"status": 2})  # disabled in Commerce
    po = walmart_order(walmart_admin, [(sku, 2)])
    engine = await make_engine([orders_flow])
    await engine.run_once(drain_timeout=60)

    failed = local(engine_db, po)
    assert failed.status == OrderStatus.ERROR and failed.error_step == "commerce.items"
    assert f"Commerce refused 2 × SKU {sku}" in (failed.error or "")
    assert (failed.error or "").count("refused") == 1  # not "refused …: Commerce refused …"
    assert "press Retry" in (failed.error or "")

    commerce_admin.put(f"/products/{sku}", {"status": 1})
    ops.retry(engine_db, failed.id)
    await engine.run_once(drain_timeout=60)
    assert local(engine_db, po).status == OrderStatus.CREATED
    assert len(commerce_orders(commerce_admin, po)) == 1


def _untaxed_free_shipping_order(admin: Admin, sku: str) -> str:
    """A Walmart order charging only the item (the sandbox's buyers in Oregon pay no tax, and
    most orders ship free)."""
    for _ in range(80):
        po = walmart_order(admin, [(sku, 1)])
        (line,) = admin.get(f"/orders/{po}")["orderLines"]["orderLine"]
        charges = line["charges"]["charge"]
        if all(c["chargeType"] == "PRODUCT" and not c["tax"] for c in charges):
            return po
    raise AssertionError("the sandbox made no untaxed order with free shipping")


async def test_totals_match_when_commerce_charges_what_walmart_charged(
    make_engine: MakeEngine,
    engine_db: Database,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    """With the same price, free shipping on both sides and no tax, Commerce's total equals
    what the buyer paid: nothing to report (README, "Making Commerce totals match Walmart")."""
    sku = orderable_skus(sandbox_pair)[0]
    po = _untaxed_free_shipping_order(walmart_admin, sku)
    commerce_admin.put("/config", {"carriers": {"freeshipping_active": True}})
    try:
        free = {"shipping_carrier_code": "freeshipping", "shipping_method_code": "freeshipping"}
        engine = await make_engine([orders_flow], settings=free)
        await engine.run_once(drain_timeout=60)
    finally:
        commerce_admin.put("/config", {"carriers": {"freeshipping_active": False}})
    order = local(engine_db, po)
    assert order.status == OrderStatus.CREATED, order.error
    assert order.commerce_total == order.total == order.lines[0].line_price
    assert "total_differs" not in events(engine_db, order.id)
