"""A ship and a cancel from the dialogs reach the sandbox servers, end to end.

The dialogs are driven as a merchant would (a modal ``ask`` answered by a timer), their answer
goes to the same services the Orders page calls, the engine's outbox worker sends it, and the
Walmart and Commerce sandboxes' own APIs show the result.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from channelmanager_gui.models.order import OrderStatus
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services import ops
from channelmanager_gui.views.cancel_dialog import CancelDialog
from channelmanager_gui.views.ship_dialog import ShipDialog

# The engine tests' sandbox pair and engine factory, imported so pytest finds them here too
# (hence F811 on the test's parameters below).
from tests.engine.conftest import (  # noqa: F401
    Admin,
    MakeEngine,
    commerce_admin,
    engine_db,
    make_engine,
    sandbox_pair,
    store_id,
    walmart_admin,
)
from tests.engine.fulfilment_support import (
    FLOWS,
    commerce_order,
    new_order,
    order,
    skus,
    walmart_line,
    walmart_qty,
)


def answer_next_dialog(kind: type, fill: Callable[[object], None]) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, kind)
        fill(dialog)

    QTimer.singleShot(0, answer)


async def test_ship_and_cancel_from_the_dialogs_reach_walmart_and_commerce(
    qapp: QApplication,
    make_engine: MakeEngine,  # noqa: F811
    store_id: int,  # noqa: F811
    sandbox_pair: SandboxPair,  # noqa: F811
    walmart_admin: Admin,  # noqa: F811
    commerce_admin: Admin,  # noqa: F811
) -> None:
    engine = await make_engine(FLOWS)
    db = engine.env.db
    a, b, c = skus(sandbox_pair, commerce_admin, 3, offset=30)
    to_ship = await new_order(engine, walmart_admin, [(a, 2), (b, 1)])
    to_cancel = await new_order(engine, walmart_admin, [(c, 1)])

    def ship_line_one(dialog: object) -> None:
        assert isinstance(dialog, ShipDialog)
        dialog.carrier.setCurrentIndex(dialog.carrier.findData("FedEx"))
        dialog.tracking_number.setText(" 7489 2837 4650 ")
        dialog.quantities["2"].setValue(0)  # partial: line 2 ships later
        dialog.ok_button.click()

    answer_next_dialog(ShipDialog, ship_line_one)
    shipment = ShipDialog.ask(None, order(db, to_ship))
    assert shipment is not None
    ops.ship(db, to_ship, shipment)

    def out_of_stock(dialog: object) -> None:
        assert isinstance(dialog, CancelDialog)
        dialog.reason.setCurrentIndex(dialog.reason.findData("SELLER_CANCEL_OUT_OF_STOCK"))
        dialog.ok_button.click()

    answer_next_dialog(CancelDialog, out_of_stock)
    cancellation = CancelDialog.ask(None, order(db, to_cancel))
    assert cancellation is not None
    ops.cancel(db, to_cancel, cancellation.reason)

    assert await engine.worker.drain(timeout=60)

    shipped = order(db, to_ship)
    assert shipped.status == OrderStatus.PARTIALLY_SHIPPED and shipped.error is None
    line = walmart_line(walmart_admin, shipped.marketplace_order_id, "1")
    assert walmart_qty(line, "Shipped", "748928374650") == 2
    commerce_shipments = await engine.env.store(store_id).commerce.list_shipments(
        order_id=shipped.commerce_entity_id
    )
    [(document)] = commerce_shipments
    assert [t.track_number for t in document.tracks] == ["748928374650"]
    assert sum(item.qty for item in document.items) == 2

    cancelled = order(db, to_cancel)
    assert cancelled.status == OrderStatus.CANCELLED and cancelled.error is None
    line = walmart_line(walmart_admin, cancelled.marketplace_order_id, "1")
    assert walmart_qty(line, "Cancelled") == 1
    remote = commerce_order(sandbox_pair, cancelled.commerce_entity_id or 0)
    # the app invoices every order: an invoiced order is credited (closed), not cancelled
    assert remote["state"] == "closed" and remote["items"][0]["qty_refunded"] == 1
