"""Packing slips: the numbers, items and address of each order, escaped, a page each."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from channelmanager_gui.models.order import Order, OrderLine
from channelmanager_gui.services.ops.packing_slip import ship_to_lines, slip_for, slips_html

ADDRESS = {
    "name": "Jane <b>Doe</b>",
    "address1": "1 Main St & Co",
    "address2": "",
    "city": "Bentonville",
    "state": "AR",
    "postal_code": "72716",
    "country": "USA",
}


def make_order(po: str = "1234567890", **kw: Any) -> Order:
    order = Order(
        id=7,
        marketplace_order_id=po,
        customer_order_id="5551112222",
        commerce_increment_id=kw.get("increment", "000000042"),
        order_date=datetime(2024, 5, 9, tzinfo=UTC),
        method_code="Standard",
        shipping_address=kw.get("address", ADDRESS),
    )
    order.lines = [
        OrderLine(line_number="1", sku="MUG-RED", product_name="Red <mug>", qty_ordered=3,
                  qty_shipped=1, qty_cancelled=0),
        OrderLine(line_number="2", sku="CAP-BLU", product_name="Blue cap", qty_ordered=1,
                  qty_shipped=0, qty_cancelled=1),
    ]  # fmt: skip
    order.shipments = []
    return order


def test_slip_has_the_order_numbers_items_and_what_is_left_to_ship() -> None:
    slip = slip_for(make_order())
    assert slip.marketplace_order_id == "1234567890"
    assert slip.customer_order_id == "5551112222"
    assert slip.commerce_increment_id == "000000042"
    assert [(ln.sku, ln.qty_open, ln.qty_ordered) for ln in slip.lines] == [
        ("MUG-RED", 2, 3),
        ("CAP-BLU", 0, 1),
    ]


def test_address_reads_as_a_label() -> None:
    assert ship_to_lines(ADDRESS) == (
        "Jane <b>Doe</b>",
        "1 Main St & Co",
        "Bentonville, AR 72716",
        "USA",
    )
    assert ship_to_lines({}) == ()
    older = {"name": "Ana", "city": "Austin", "state": "TX", "postalCode": "78701"}
    assert ship_to_lines(older) == ("Ana", "Austin, TX 78701")


def test_html_escapes_what_buyers_typed_and_breaks_pages_between_orders() -> None:
    html = slips_html([slip_for(make_order("111")), slip_for(make_order("222"))])
    assert "Jane &lt;b&gt;Doe&lt;/b&gt;" in html
    assert "<b>Doe</b>" not in html
    assert "Red &lt;mug&gt;" in html
    assert "1 Main St &amp; Co" in html
    for text in ("111", "222", "5551112222", "000000042", "Bentonville, AR 72716"):
        assert text in html
    assert html.count("page-break-after: always") == 1  # between the two, not after the last


def test_order_without_commerce_number_or_address_still_prints() -> None:
    html = slips_html([slip_for(make_order(increment=None, address={}))])
    assert "Commerce order" not in html
    assert "(no address on the order)" in html
