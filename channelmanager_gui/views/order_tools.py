"""The Orders page's tools beyond Ship/Cancel/Retry: packing slips, ship several orders at
once, and links out.

Kept out of ``orders_page.py`` and ``order_detail.py`` so those pages only add a menu entry
and call here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services.changes import ChangeBus
from channelmanager_gui.services.ops.bulk_ship import BulkCheck, ship_accepted
from channelmanager_gui.services.ops.bulk_ship import load_orders as load_by_po
from channelmanager_gui.services.ops.links import links_for_order
from channelmanager_gui.services.ops.packing_slip import load_orders
from channelmanager_gui.views.bulk_ship_dialog import BulkShipDialog
from channelmanager_gui.views.i18n import core
from channelmanager_gui.views.links_menu import add_links
from channelmanager_gui.views.packing_slips import PackingSlipDialog


class OrderTools(QObject):
    """Packing slips and links for one or many orders, from the list or the detail."""

    notice = Signal(str)
    changed = Signal()

    def __init__(
        self,
        db: Database,
        dialog_parent: QWidget,
        ops: OpRunner | None = None,
        changes: ChangeBus | None = None,
    ) -> None:
        super().__init__(dialog_parent)
        self._db = db
        self._parent = dialog_parent
        self._ops = ops
        self._changes = changes

    def ship_many(self, order_ids: Sequence[int]) -> asyncio.Task[Any] | None:
        """Ask for a carrier and tracking number per order (or a CSV), then queue the
        accepted shipments like the Ship dialog does; the notice counts shipped and refused."""
        assert self._ops is not None and self._changes is not None, "needs the op runner"
        changes = self._changes
        orders = load_orders(self._db, order_ids)
        check = BulkShipDialog.ask(self._parent, orders, partial(load_by_po, self._db))
        if check is None or not check.accepted:
            return None

        def on_success(done: BulkCheck) -> None:
            self.changed.emit()
            refused = "; ".join(f"{r.po}: {core('CoreText', r.reason)}" for r in done.refused)
            count = len(done.accepted)
            shipped = self.tr("%n order(s) shipped; queued for Walmart and Commerce.", "", count)
            if refused:
                shipped += self.tr(" Not shipped — {refused}").format(refused=refused)
            self.notice.emit(shipped)

        work = asyncio.to_thread(ship_accepted, self._db, check)
        return self._ops.run_op(
            work, label=self.tr("Ship several orders"), changes=changes, on_success=on_success
        )

    def packing_slips(self, order_ids: Sequence[int]) -> None:
        if order_ids:
            PackingSlipDialog.ask(self._parent, load_orders(self._db, order_ids))

    def add_order_links(self, menu: QMenu, order: Order) -> list[QAction]:
        return add_links(menu, links_for_order(self._db, order))

    def add_order_links_by_id(self, menu: QMenu, order_id: int) -> list[QAction]:
        return self.add_order_links(menu, load_orders(self._db, [order_id])[0])


def more_button(parent: QWidget, db: Database, current: Callable[[], Order | None]) -> QPushButton:
    """The order detail's "More" button: Packing slip… and the links of the order shown
    (``current``), filled each time the menu opens so it follows the order on screen."""
    tools = OrderTools(db, parent)
    button = QPushButton(QCoreApplication.translate("OrderTools", "More"))
    menu = QMenu(button)

    def fill() -> None:
        menu.clear()
        order = current()
        if order is None:
            return
        slip = menu.addAction(QCoreApplication.translate("OrderTools", "Packing slip…"))
        slip.triggered.connect(lambda: tools.packing_slips([order.id]))
        menu.addSeparator()
        tools.add_order_links(menu, order)

    menu.aboutToShow.connect(fill)
    button.setMenu(menu)
    return button
