"""What the Orders page shows instead of an empty table: why it is empty and what to do next.

Three cases a merchant meets: no orders at all yet (say when they will come, or how to fetch
them now), an attention chip with nothing in it (good news, said plainly), and filters that
match nothing (with one click back to every order).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from channelmanager_gui.models.order_table_queries import Attention, OrderCounts
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.i18n import ui

NO_ORDERS_HINT = N_(
    "Labels",
    "Walmart orders appear here after the next sync; click “Sync now” at the top to fetch "
    "them right away.",
)
EMPTY_ATTENTION = {
    Attention.ERROR: N_("Labels", "No order is in error."),
    Attention.OVERDUE: N_("Labels", "No order is overdue."),
    Attention.DUE_TODAY: N_("Labels", "Nothing else is due to ship today."),
    Attention.CANCEL_REQUESTED: N_("Labels", "No buyer is waiting for a cancellation."),
}


class OrdersEmptyState(QWidget):
    """Emits ``clear_requested()`` from its "Show all orders" button."""

    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hint = NO_ORDERS_HINT
        self._setup_ui()

    def _setup_ui(self) -> None:
        column = QVBoxLayout(self)
        column.addStretch(1)
        self.title = QLabel()
        self.title.setObjectName("emptyTitle")
        self.message = QLabel()
        self.message.setObjectName("emptyMessage")
        self.message.setWordWrap(True)
        for label in (self.title, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label)
        self.show_all_button = QPushButton(self.tr("Show all orders"))
        self.show_all_button.clicked.connect(self.clear_requested)
        column.addWidget(self.show_all_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)

    def set_hint(self, text: str) -> None:
        """The next step when there are no orders at all, e.g. "the next sync is in 40 s"."""
        self._hint = text

    def describe(self, counts: OrderCounts, *, narrowed: bool, kind: Attention | None) -> None:
        """Say why nothing is listed, given the counts and the filters chosen."""
        if counts.total == 0 and not narrowed:
            title, message = self.tr("No orders yet"), ui(self._hint)
        elif kind is not None and counts.attention.get(kind, 0) == 0:
            title, message = ui(EMPTY_ATTENTION[kind]), self.tr("Nothing needs you here right now.")
        else:
            title = self.tr("No orders match these filters")
            message = self.tr(
                "Search looks in both order numbers, the customer order and the customer."
            )
        self.title.setText(title)
        self.message.setText(message)
        self.show_all_button.setVisible(narrowed)
