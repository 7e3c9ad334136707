"""``orders`` commands on an Amazon order: ``--marketplace`` is checked against the order, ship
and cancel take Amazon's carriers and reasons (refused with the field named, nothing queued),
and the JSON names the marketplace next to every key it had."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from channelmanager_gui.models.account import AMAZON, MarketplaceAccount
from channelmanager_gui.models.db import open_database
from channelmanager_gui.models.order import Order, OrderLine
from channelmanager_gui.models.outbox import OutboxAction
from channelmanager_gui.models.store import Store
from tests.cli.conftest import Cli

AMAZON_ID = "114-0000001-0000001"
OTHER_ID = "114-0000002-0000002"


@pytest.fixture(scope="module")
def amazon_orders() -> None:
    """A store with an Amazon account and two Unshipped Amazon orders already in Commerce."""
    db = open_database()
    try:
        with db.session() as session:
            store = Store(name="Both", commerce_url="http://127.0.0.1:9", settings={},
                          walmart_url="http://127.0.0.1:8")  # fmt: skip
            account = MarketplaceAccount(marketplace=AMAZON, name="Amazon US",
                                         api_url="http://127.0.0.1:7", seller_id="S",
                                         marketplace_ids=["ATVPDKIKX0DER"])  # fmt: skip
            store.accounts.append(account)
            session.add(store)
            session.flush()
            for number, order_id in enumerate((AMAZON_ID, OTHER_ID), 1):
                session.add(Order(
                    store_id=store.id, account_id=account.id, marketplace=AMAZON,
                    marketplace_order_id=order_id, customer_order_id=order_id,
                    order_date=datetime.now(UTC) - timedelta(hours=1), total=Decimal("20.00"),
                    commerce_entity_id=number, commerce_increment_id=f"00000000{number}",
                    lines=[OrderLine(line_number=f"4087351625506{number}", sku=f"SKU-{number}",
                                     qty_ordered=2, unit_price=Decimal("10.00"),
                                     line_price=Decimal("20.00"))],
                ))  # fmt: skip
    finally:
        db.dispose()


def kinds(order_id: str) -> list[str]:
    db = open_database()
    try:
        with db.session() as session:
            order = session.scalars(
                select(Order).where(Order.marketplace_order_id == order_id)
            ).one()
            query = select(OutboxAction.kind).where(OutboxAction.subject_id == order.id)
            return list(session.scalars(query.order_by(OutboxAction.id)))
    finally:
        db.dispose()


def test_show_and_retry_name_the_marketplace(cli: Cli, amazon_orders: None) -> None:
    shown = cli.json("orders", "show", AMAZON_ID, "--marketplace", "amazon")
    assert shown["marketplace"] == "amazon"
    assert shown["purchase_order_id"] == shown["marketplace_order_id"] == AMAZON_ID
    retried = cli.json("orders", "retry", AMAZON_ID)
    assert retried["marketplace"] == "amazon" and retried["purchase_order_id"] == AMAZON_ID
    wrong = cli("orders", "show", AMAZON_ID, "--marketplace", "walmart")
    assert wrong.code == 1 and "is on Amazon, not Walmart" in wrong.err


def test_ship_takes_amazons_carriers(cli: Cli, amazon_orders: None) -> None:
    refused = cli("orders", "ship", AMAZON_ID, "--carrier", "Speedy Post", "--tracking", "SP1234")
    assert refused.code == 1 and "not on Amazon's carrier list" in refused.err
    wrong = cli("orders", "ship", AMAZON_ID, "--marketplace", "walmart", "--carrier", "UPS",
                "--tracking", "1Z999AA10000000009")  # fmt: skip
    assert wrong.code == 1 and kinds(AMAZON_ID) == []
    shipped = cli.json("orders", "ship", AMAZON_ID, "--marketplace", "amazon", "--carrier",
                       "Other", "--other-carrier", "Speedy Post", "--tracking", "SP-1234",
                       "--line", "40873516255061:1")  # fmt: skip
    assert shipped["marketplace"] == "amazon" and shipped["carrier"] == "Speedy Post"
    assert shipped["purchase_order_id"] == AMAZON_ID and shipped["lines"] == {"40873516255061": 1}
    assert kinds(AMAZON_ID) == ["commerce.ship", "amazon.ship"]
    shipment = cli.json("orders", "show", AMAZON_ID)["shipments"][0]
    assert shipment["package_reference"] == "1" and shipment["sent_to_walmart_at"] is None


def test_cancel_takes_amazons_reasons(cli: Cli, amazon_orders: None) -> None:
    refused = cli("orders", "cancel", OTHER_ID, "--reason", "SELLER_CANCEL_OUT_OF_STOCK")
    assert refused.code == 1 and "not one of Amazon's reasons" in refused.err
    assert kinds(OTHER_ID) == []
    cancelled = cli.json("orders", "cancel", OTHER_ID, "--reason", "No inventory")
    assert cancelled["marketplace"] == "amazon" and cancelled["reason"] == "NoInventory"
    assert cancelled["marketplace_order_id"] == OTHER_ID
    assert kinds(OTHER_ID) == ["amazon.cancel", "commerce.cancel"]
    text = cli("orders", "cancel", AMAZON_ID, "--reason", "NoInventory")
    assert text.code == 1 and "Part of the order has shipped; Amazon" in text.err
