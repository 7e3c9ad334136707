"""The order dashboard's filters: search, status (with counts), date range, and the
"needs attention" chips (in error, overdue, due today, buyer asked to cancel) with counts.

The chips answer the merchant's first two questions — is anything wrong, what must ship
today — in one click; the status box narrows further. Both show how many orders of the
current store, date range and search each choice holds. The bar only describes the filter;
the page applies it (``filter_changed``), and typing is debounced there.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui.models.order_table_queries import (
    STATUS_ORDER,
    Attention,
    OrderCounts,
    OrderFilter,
)
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.i18n import order_status, ui
from channelmanager_gui.views.locale_format import number_text
from channelmanager_gui.views.marketplace_filter import MarketplaceFilter
from channelmanager_gui.views.style import Palette
from channelmanager_gui.views.theme import themed

# (attention kind or None for every order, chip title); red first: what is wrong, then time.
CHIPS: tuple[tuple[Attention | None, str], ...] = (
    (None, N_("Labels", "All orders")),
    (Attention.ERROR, N_("Labels", "In error")),
    (Attention.OVERDUE, N_("Labels", "Overdue")),
    (Attention.DUE_TODAY, N_("Labels", "Due today")),
    (Attention.CANCEL_REQUESTED, N_("Labels", "Buyer asked to cancel")),
)
DATE_PRESETS: tuple[tuple[str, int | None], ...] = (
    (N_("Labels", "Any date"), None),
    (N_("Labels", "Today"), 0),
    (N_("Labels", "Last 7 days"), 6),
    (N_("Labels", "Last 30 days"), 29),
    (N_("Labels", "Last 90 days"), 89),
    (N_("Labels", "Custom range"), -1),
)
CUSTOM = len(DATE_PRESETS) - 1


def chip_style(p: Palette) -> str:
    """The attention chips' stylesheet in palette ``p``."""
    return f"""
QPushButton#attentionChip {{
    border: 1px solid {p.INPUT_BORDER}; border-radius: 13px; padding: 3px 12px;
    background: {p.SURFACE}; color: {p.TEXT};
}}
QPushButton#attentionChip:checked {{
    background: {p.ACCENT_BG}; border-color: {p.ACCENT}; color: {p.ACCENT_TEXT};
}}
QPushButton#attentionChip[alert="true"] {{ color: {p.ERROR_TEXT}; }}
QPushButton#attentionChip[alert="true"]:checked {{
    background: {p.ERROR_BG}; border-color: {p.DANGER};
}}
"""


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class OrderFilterBar(QWidget):
    """Emits ``filter_changed()`` for a choice and ``search_edited()`` while typing."""

    filter_changed = Signal()
    search_edited = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.chips: dict[Attention | None, QPushButton] = {}
        self._setup_ui()

    def _setup_ui(self) -> None:
        themed(self, chip_style)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("pageSearch")
        self.search.setPlaceholderText(
            self.tr(
                "Search marketplace order, customer order, Commerce order, customer or "
                "tracking number"
            )
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.search_edited)
        self.search.returnPressed.connect(self.filter_changed)
        row.addWidget(self.search, 1)
        self.marketplace = MarketplaceFilter()
        self.marketplace.currentIndexChanged.connect(self.filter_changed)
        row.addWidget(self.marketplace)
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        self.status.addItem(self.tr("Any status"), None)
        for status in STATUS_ORDER:
            self.status.addItem(order_status(status.value), status.value)
        self.status.currentIndexChanged.connect(self.filter_changed)
        row.addWidget(self.status)
        row.addLayout(self._date_row())
        column.addLayout(row)
        column.addLayout(self._chip_row())

    def _date_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(4)
        self.dates = QComboBox()
        self.dates.setAccessibleName("Order date")
        for title, _days in DATE_PRESETS:
            self.dates.addItem(ui(title))
        self.dates.currentIndexChanged.connect(self._on_dates_currentIndexChanged)
        row.addWidget(self.dates)
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit, start in (
            (self.date_from, self._today - timedelta(days=6)),
            (self.date_to, self._today),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(_qdate(start))
            edit.dateChanged.connect(self.filter_changed)
            edit.hide()
        self.date_dash = QLabel("–")
        self.date_dash.hide()
        for widget in (self.date_from, self.date_dash, self.date_to):
            row.addWidget(widget)
        return row

    def _chip_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self._chip_group = QButtonGroup(self)
        self._chip_group.setExclusive(True)
        for kind, title in CHIPS:
            chip = QPushButton(ui(title))
            chip.setObjectName("attentionChip")
            chip.setCheckable(True)
            chip.setProperty("alert", kind in (Attention.ERROR, Attention.OVERDUE))
            chip.toggled.connect(self._on_chip_toggled)
            self._chip_group.addButton(chip)
            self.chips[kind] = chip
            row.addWidget(chip)
        self.chips[None].setChecked(True)
        row.addStretch(1)
        return row

    # -- public API ----------------------------------------------------------------------------

    def build_filter(self, store_id: int | None) -> OrderFilter:
        date_from, date_to = self.date_range()
        return OrderFilter(
            store_id=store_id,
            status=self.status.currentData(),
            attention=self.attention(),
            date_from=date_from,
            date_to=date_to,
            search=self.search.text().strip(),
            marketplace=self.marketplace.value() or None,
        )

    def attention(self) -> Attention | None:
        return next((kind for kind, chip in self.chips.items() if chip.isChecked()), None)

    def set_attention(self, kind: Attention | None) -> None:
        self.chips[kind].setChecked(True)

    def show_only(
        self, status: str | None, attention: Attention | None, marketplace: str = ""
    ) -> None:
        """Exactly what a dashboard card counts: one status and/or one chip (of one
        marketplace or both), any date, no search (one ``filter_changed`` at the end), so the
        list matches the card's number."""
        self.blockSignals(True)
        self.marketplace.set_value(marketplace)
        self.search.clear()
        self.dates.setCurrentIndex(0)
        index = self.status.findData(status) if status is not None else 0
        self.status.setCurrentIndex(max(index, 0))
        self.chips[attention].setChecked(True)
        self.blockSignals(False)
        self.filter_changed.emit()

    def date_range(self) -> tuple[date | None, date | None]:
        index = self.dates.currentIndex()
        if index == CUSTOM:
            return self.date_from.date().toPython(), self.date_to.date().toPython()
        days = DATE_PRESETS[index][1]
        if days is None:
            return None, None
        return self._today - timedelta(days=days), self._today

    def set_today(self, today: date) -> None:
        """Presets count back from the merchant's today (the page updates it on refresh)."""
        self._today = today

    def is_narrowed(self) -> bool:
        """Whether anything but "all orders, any date" is chosen."""
        return (
            bool(self.search.text().strip())
            or self.status.currentIndex() > 0
            or bool(self.marketplace.value())
            or (self.dates.currentIndex() > 0 or self.attention() is not None)
        )

    def clear(self) -> None:
        """Back to every order (one ``filter_changed`` at the end)."""
        self.blockSignals(True)
        self.search.clear()
        self.status.setCurrentIndex(0)
        self.marketplace.set_value("")
        self.dates.setCurrentIndex(0)
        self.chips[None].setChecked(True)
        self.blockSignals(False)
        self.filter_changed.emit()

    def set_counts(self, counts: OrderCounts) -> None:
        for kind, title in CHIPS:
            count = counts.total if kind is None else counts.attention.get(kind, 0)
            self.chips[kind].setText(f"{ui(title)}  {number_text(count)}")
        self.status.setItemText(
            0, self.tr("Any status ({count})").format(count=number_text(counts.total))
        )
        for index in range(1, self.status.count()):
            status = self.status.itemData(index)
            count = number_text(counts.by_status.get(status, 0))
            self.status.setItemText(index, f"{order_status(status)} ({count})")

    # -- slots ---------------------------------------------------------------------------------

    def _on_dates_currentIndexChanged(self, index: int) -> None:
        custom = index == CUSTOM
        for widget in (self.date_from, self.date_dash, self.date_to):
            widget.setVisible(custom)
        self.filter_changed.emit()

    def _on_chip_toggled(self, checked: bool) -> None:
        if checked:  # the exclusive group also un-toggles the previous chip: one signal only
            self.filter_changed.emit()
