"""The Orders page's tools beyond Ship/Cancel/Retry: packing slips and links out.

Kept out of ``orders_page.py`` and ``order_detail.py`` so those pages only add a menu entry
and call here. Links open in the merchant's browser through ``QDesktopServices.openUrl``; a
link whose record lacks the id it needs is shown disabled with the reason as its tooltip.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order
from channelmanager_gui.services.links import Link, links_for_order
from channelmanager_gui.services.packing_slip import load_orders
from channelmanager_gui.views.packing_slips import PackingSlipDialog


def open_url(url: str) -> bool:
    return QDesktopServices.openUrl(QUrl(url))


def add_links(menu: QMenu, links: Sequence[Link]) -> list[QAction]:
    """One entry per link; disabled, with the reason, when the link cannot be made."""
    actions = []
    for link in links:
        action = menu.addAction(link.text)
        if link.url is None:
            action.setEnabled(False)
            action.setToolTip(link.why_not)
        else:
            action.setToolTip(link.url)
            action.triggered.connect(lambda _=False, url=link.url: open_url(url))
        actions.append(action)
    menu.setToolTipsVisible(True)
    return actions


class OrderTools(QObject):
    """Packing slips and links for one or many orders, from the list or the detail."""

    def __init__(self, db: Database, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self._db = db
        self._parent = dialog_parent

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
    button = QPushButton("More")
    menu = QMenu(button)

    def fill() -> None:
        menu.clear()
        order = current()
        if order is None:
            return
        slip = menu.addAction("Packing slip…")
        slip.triggered.connect(lambda: tools.packing_slips([order.id]))
        menu.addSeparator()
        tools.add_order_links(menu, order)

    menu.aboutToShow.connect(fill)
    button.setMenu(menu)
    return button
