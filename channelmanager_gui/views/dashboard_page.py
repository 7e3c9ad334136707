"""The dashboard: cards for what needs the merchant now, and two charts to glance at.

Cards answer "is anything wrong?" and "what must ship today?"; each opens the table filtered
to what it counts (signals, wired by the composition root). The charts show orders per day by
status over 30 days and the sync delay of each loop over the last 24 hours. The numbers
come from ``dashboard_queries`` in a worker thread; the page refreshes when orders or listings
change and whenever it is shown again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui.models.dashboard_queries import Dashboard, DashboardCounts, load_dashboard
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import ListingState
from channelmanager_gui.models.listing_table_queries import IN_ERROR
from channelmanager_gui.models.order import OrderStatus
from channelmanager_gui.models.order_table_queries import Attention, OrderFilter
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services.changes import Change
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.dashboard_charts import DelayChart, OrdersChart
from channelmanager_gui.views.i18n import ui
from channelmanager_gui.views.locale_format import number_text
from channelmanager_gui.views.marketplace_filter import MarketplaceFilter
from channelmanager_gui.views.page_style import page_style
from channelmanager_gui.views.shown_refresh import ShownRefresh
from channelmanager_gui.views.table_support import threaded_runner
from channelmanager_gui.views.tables.paged import Runner
from channelmanager_gui.views.theme import themed

Clock = Callable[[], datetime]
REFRESH_DELAY_MS = 1000  # the dashboard may lag a second behind a burst of sync writes


@dataclass(frozen=True)
class Card:
    key: str  # DashboardCounts field
    title: str
    alert: bool  # a non-zero count needs the merchant (red), else neutral
    target: object  # OrderFilter for order cards, a listings tab for listing cards


_NEW = OrderFilter(status=OrderStatus.IMPORTED)
_TO_CREATE = OrderFilter(status=OrderStatus.ACKNOWLEDGED)
ORDER_CARDS = (
    Card("orders_to_acknowledge", N_("Labels", "To acknowledge"), False, _NEW),
    Card("orders_to_create", N_("Labels", "To create in Commerce"), False, _TO_CREATE),
    Card(
        "orders_due_today",
        N_("Labels", "Due to ship today"),
        True,
        OrderFilter(attention=Attention.DUE_TODAY),
    ),
    Card("orders_overdue", N_("Labels", "Overdue"), True, OrderFilter(attention=Attention.OVERDUE)),
    Card(
        "orders_in_error",
        N_("Labels", "Orders in error"),
        True,
        OrderFilter(status=OrderStatus.ERROR),
    ),
)
LISTING_CARDS = (
    Card("listings_active", N_("Labels", "Listings active"), False, ListingState.ACTIVE),
    Card("listings_unmatched", N_("Labels", "Unmatched"), True, ListingState.UNMATCHED),
    Card("listings_incomplete", N_("Labels", "Incomplete"), True, ListingState.INCOMPLETE),
    Card("listings_in_error", N_("Labels", "Listings in error"), True, IN_ERROR),
)


class CardButton(QPushButton):
    """A count with its meaning; the words carry the meaning, the colour only underlines it."""

    def __init__(self, card: Card, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self.setObjectName("dashboardCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(100)  # the count and a title wrapped on two lines
        layout = QVBoxLayout(self)
        self.count_label = QLabel("–")
        self.count_label.setObjectName("cardCount")
        self.title_label = QLabel(ui(card.title))
        self.title_label.setObjectName("cardTitle")
        self.title_label.setWordWrap(True)  # "To create in Commerce" at 1024 px (issue 20 #8)
        for label in (self.count_label, self.title_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)

    def set_count(self, count: int) -> None:
        self.count_label.setText(number_text(count))
        alert = self.card.alert and count > 0
        themed(self.count_label, lambda p: _count_style(p.PROBLEM_TEXT if alert else p.TEXT))
        title = ui(self.card.title)
        self.setAccessibleName(f"{count} {title}")
        self.setToolTip(
            self.tr("{count} {title} — click to open the list").format(
                count=number_text(count), title=title.lower()
            )
        )


def _count_style(colour: str) -> str:
    return f"font-size: 26px; font-weight: 600; color: {colour};"


class DashboardPage(QWidget):
    """``DashboardPage(db, ops, *, runner=None, clock=local now)``.

    Signals: ``orders_requested(OrderFilter)`` and ``listings_requested(str)`` (a Listings
    tab: a ListingState value or ``IN_ERROR``; the marketplace chosen here is
    ``marketplace.value()``) when a card is clicked; ``counts_changed`` (DashboardCounts) with
    every refresh: the whole store's numbers, of both marketplaces, which no page's search
    narrows, for the navigation badges.
    """

    orders_requested = Signal(object)
    listings_requested = Signal(str)
    counts_changed = Signal(object)

    def __init__(
        self,
        db: Database,
        ops: OpRunner,
        *,
        runner: Runner[Any] | None = None,
        clock: Clock = lambda: datetime.now(UTC).astimezone(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner or threaded_runner(ops, self.tr("Load the dashboard"))
        self._clock = clock
        self._store_id: int | None = None
        self.cards: dict[str, CardButton] = {}
        self.dashboard: Dashboard | None = None
        themed(self, page_style)
        self._setup_ui()
        # While the window shows: its counts are the navigation's Orders and Listings badges.
        self._refresh = ShownRefresh(self, REFRESH_DELAY_MS, self.refresh, whole_window=True)
        self.refresh()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        title = QLabel(self.tr("Dashboard"))
        title.setObjectName("pageTitle")
        title_row = QHBoxLayout()
        title_row.addWidget(title)
        title_row.addStretch(1)
        self.marketplace = MarketplaceFilter()  # both marketplaces, or split by one
        self.marketplace.currentIndexChanged.connect(self.refresh)
        title_row.addWidget(self.marketplace)
        layout.addLayout(title_row)
        layout.addLayout(self._card_row(self.tr("Orders"), ORDER_CARDS))
        layout.addLayout(self._card_row(self.tr("Listings"), LISTING_CARDS))
        charts = QHBoxLayout()
        self.orders_chart = OrdersChart()
        self.delay_chart = DelayChart()
        charts.addWidget(self.orders_chart, 1)
        charts.addWidget(self.delay_chart, 1)  # seven loop lines and their legend need room
        layout.addLayout(charts, 1)

    def _card_row(self, heading: str, cards: tuple[Card, ...]) -> QVBoxLayout:
        column = QVBoxLayout()
        label = QLabel(heading)
        label.setObjectName("sectionTitle")
        column.addWidget(label)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        for position, card in enumerate(cards):
            button = CardButton(card)
            button.clicked.connect(lambda _=False, c=card: self._on_card_clicked(c))
            self.cards[card.key] = button
            grid.addWidget(button, 0, position)
        column.addLayout(grid)
        return column

    # -- public API ----------------------------------------------------------------------------

    def set_store(self, store_id: int | None) -> None:
        self._store_id = store_id
        self.refresh()

    def on_changes(self, changes: frozenset[Change]) -> None:
        if changes & {Change.ORDERS, Change.LISTINGS}:
            self._refresh.request()

    def showEvent(self, event: QShowEvent) -> None:
        """Fresh numbers whenever the merchant comes back here: the delay chart moves with
        every sync run, and a quiet sync announces no data change."""
        super().showEvent(event)
        if self.dashboard is not None:  # else the first answer is still on its way
            self.refresh()

    def refresh(self) -> None:
        db, now, store_id = self._db, self._clock(), self._store_id
        marketplace = self.marketplace.value()
        self._runner(lambda: load_dashboard(db, now, store_id, marketplace), self._show)

    # -- internals -----------------------------------------------------------------------------

    def _show(self, dashboard: Dashboard) -> None:
        shown, self.dashboard = self.dashboard, dashboard
        counts: DashboardCounts = dashboard.counts
        for key, button in self.cards.items():
            button.set_count(getattr(counts, key))
        # A new chart takes QtCharts' whole layout (most of a refresh's CPU): only for new bars.
        if shown is None or (shown.days, shown.orders_per_day) != (
            dashboard.days,
            dashboard.orders_per_day,
        ):
            self.orders_chart.show_days(dashboard.days, dashboard.orders_per_day)
        self.delay_chart.show_loops(dashboard.loop_delays, self._clock())
        self.counts_changed.emit(dashboard.every_marketplace or counts)

    def _on_card_clicked(self, card: Card) -> None:
        if isinstance(card.target, OrderFilter):
            marketplace = self.marketplace.value() or None  # the list shows what was counted
            self.orders_requested.emit(replace(card.target, marketplace=marketplace))
        else:
            self.listings_requested.emit(str(card.target))
