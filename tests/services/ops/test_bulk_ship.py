"""Ship many orders at once: CSV rows checked by the Ship dialog's rules, then shipped."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.order import Shipment
from channelmanager_gui.models.outbox import OutboxAction
from channelmanager_gui.services.ops.bulk_ship import (
    ShipRow,
    check_rows,
    load_orders,
    parse_csv,
    ship_accepted,
)
from tests.models.order_seed import seed_shop


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


def test_csv_with_header_bom_and_semicolons() -> None:
    text = (
        "\ufeffTracking Number;Carrier;Purchase Order;Tracking URL\r\n"
        "1Z999AA10123456784;UPS;1002;\r\n"
        "\r\n"
        "9400111;Acme Post;1003;https://acme.example/t/9400111\r\n"
    )
    rows, refused = parse_csv(text)
    assert refused == []
    assert rows == [
        ShipRow(2, "1002", "UPS", "1Z999AA10123456784", ""),
        ShipRow(4, "1003", "Acme Post", "9400111", "https://acme.example/t/9400111"),
    ]


def test_csv_without_header_is_po_carrier_tracking_url_and_short_lines_are_refused() -> None:
    rows, refused = parse_csv("1002,UPS,1Z999AA10123456784\n1003,UPS\n")
    assert rows == [ShipRow(1, "1002", "UPS", "1Z999AA10123456784", "")]
    assert [(r.line, r.po) for r in refused] == [(2, "1003")]
    assert "too few columns" in refused[0].reason


def test_rows_are_checked_by_the_ship_rules(db: Database) -> None:
    seed_shop(db)
    rows = [
        ShipRow(2, "1002", "ups", "1Z 999 AA1 0123456784"),  # pasted with spaces: accepted
        ShipRow(3, "1002", "UPS", "1Z999AA10123456785"),  # the same PO again
        ShipRow(4, "9999", "UPS", "1Z999AA10123456786"),  # no such order
        ShipRow(5, "1003", "UPS", ""),  # no tracking
        ShipRow(6, "1001", "UPS", "1Z999AA10123456787"),  # not in Commerce yet
        ShipRow(7, "1005", "UPS", "1Z999AA10123456788"),  # everything shipped
        ShipRow(8, "000000006", "UPS", "1Z999AA10123456789"),  # buyer asked to cancel
        ShipRow(9, "000000002", "UPS", "1Z999AA10123456790"),  # 1002 by its Commerce number
    ]
    check = check_rows(rows, load_orders(db, [r.po for r in rows]))
    assert [(row.line, req.tracking_number, req.carrier) for row, req in check.accepted] == [
        (2, "1Z999AA10123456784", "UPS")
    ]
    reasons = {r.line: r.reason for r in check.refused}
    assert reasons[3] == reasons[9] == "the order is already on line 2"
    assert reasons[4] == "no order has this number"
    assert "tracking number" in reasons[5]
    assert reasons[6].startswith("The order is not in Commerce yet")  # no "order: " prefix
    assert "has been shipped" in reasons[7]
    assert "asked to cancel" in reasons[8]
    unlisted = ShipRow(1, "1003", "Acme Post", "9400111")  # an unlisted carrier needs a link
    assert "tracking link" in check_rows([unlisted], load_orders(db, ["1003"])).refused[0].reason
    assert check.summary() == "1 order ready to ship, 7 refused."


def test_accepted_rows_ship_through_the_outbox(db: Database) -> None:
    seed_shop(db)
    rows = [
        ShipRow(1, "1002", "UPS", "1Z999AA10123456784"),
        ShipRow(2, "1003", "Acme Post", "9400111", "https://acme.example/t/9400111"),
    ]
    check = check_rows(rows, load_orders(db, ["1002", "1003"]))
    assert len(check.accepted) == 2
    done = ship_accepted(db, check)
    assert len(done.accepted) == 2 and done.refused == []
    with db.session() as session:
        shipments = session.scalars(select(Shipment).where(Shipment.source == "app")).all()
        assert {(s.tracking_number, s.carrier, s.other_carrier) for s in shipments} == {
            ("1Z999AA10123456784", "UPS", None),
            ("9400111", None, "Acme Post"),
        }
        kinds = [a.kind for a in session.scalars(select(OutboxAction))]
    assert kinds.count("walmart.ship") == 2 and kinds.count("commerce.ship") == 2
    again = ship_accepted(db, check)  # already shipped meanwhile: refused at write time
    assert again.accepted == [] and len(again.refused) == 2
