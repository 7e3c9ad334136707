"""The dashboard's two charts (QtCharts): orders per day by status, and sync delay per loop.

Each status keeps the colour of its pill in the order table, so the chart and the table read
alike; the legend names every colour (never colour alone). Colours come from the current
palette; when the colour scheme changes (a palette change event) the chart is drawn again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QFrame, QWidget

from channelmanager_gui.models.dashboard_queries import LoopDelay
from channelmanager_gui.models.order_table_queries import STATUS_ORDER
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.i18n import order_status, ui
from channelmanager_gui.views.pill_delegate import pill_colours
from channelmanager_gui.views.style import current
from channelmanager_gui.views.sync_text import loop_title


def _chart(title: str) -> QChart:
    p = current()
    chart = QChart()
    chart.setBackgroundBrush(QBrush(QColor(p.SURFACE)))
    chart.setBackgroundPen(QPen(QColor(p.BORDER)))
    chart.setTitleBrush(QBrush(QColor(p.TEXT)))
    chart.legend().setLabelColor(QColor(p.TEXT_MUTED))
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(6)
    return chart


def _colour_axes(chart: QChart) -> None:
    """Axis labels, titles, lines and grid in the current palette."""
    p = current()
    for axis in chart.axes():
        axis.setLabelsColor(QColor(p.TEXT_MUTED))
        axis.setTitleBrush(QBrush(QColor(p.TEXT_MUTED)))
        axis.setLinePenColor(QColor(p.CARD_BORDER))
        axis.setGridLineColor(QColor(p.BORDER))


class _Redrawn(QChartView):
    """A chart view that draws its last data again when the palette changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._redraw: Callable[[], None] | None = None

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._redraw is not None:
            self._redraw()


def _plain(view: QChartView) -> None:
    """No frame or grey canvas around the chart: it sits on the page like the cards."""
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setBackgroundBrush(QBrush(Qt.GlobalColor.transparent))
    view.setStyleSheet("background: transparent;")


ORDERS_TITLE = N_("Labels", "Orders per day by status (last 30 days)")


class OrdersChart(_Redrawn):
    """Stacked bars: one bar per local day, one segment per status."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _plain(self)
        self.setMinimumHeight(240)
        self.setChart(_chart(ui(ORDERS_TITLE)))

    def show_days(self, days: list[date], per_status: dict[str, list[int]]) -> None:
        self._redraw = lambda: self.show_days(days, per_status)
        chart = _chart(ui(ORDERS_TITLE))
        series = QStackedBarSeries()
        ordered = [s for s in STATUS_ORDER if s in per_status]
        ordered += sorted(s for s in per_status if s not in ordered)
        for status in ordered:
            bar = QBarSet(order_status(status))
            bar.append([float(v) for v in per_status[status]])
            bar.setColor(QColor(_bar_colour(status)))
            bar.setBorderColor(QColor(_bar_colour(status)))
            series.append(bar)
        chart.addSeries(series)
        # Thirty category labels do not fit under thin bars (QtCharts elides them all), so the
        # categories stay unlabelled and a date axis under them carries a few dates.
        categories = QBarCategoryAxis()
        categories.append([day.isoformat() for day in days])
        categories.setLabelsVisible(False)
        categories.setGridLineVisible(False)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        if days:
            chart.addAxis(_date_axis(days), Qt.AlignmentFlag.AlignBottom)
        totals = [sum(v[i] for v in per_status.values()) for i in range(len(days))]
        values = QValueAxis()
        values.setRange(0, max([*totals, 4]))
        values.setLabelFormat("%d")
        values.applyNiceNumbers()
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)
        chart.legend().setVisible(bool(ordered))
        if not ordered:
            chart.setTitle(self.tr("{title} — no orders yet").format(title=ui(ORDERS_TITLE)))
        _colour_axes(chart)
        self._replace(chart)

    def _replace(self, chart: QChart) -> None:
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()


DELAY_TITLE = N_("Labels", "Sync delay per loop, worst per 10 min (last 24 h)")
EMPTY_DELAY_TITLE = N_("Labels", "Sync delay per loop (last 24 h) — no sync runs yet")
DELAY_TIP = N_(
    "Labels",
    "For each sync loop: the longest a change could have waited before the loop carried it "
    "across — from the start of the loop's last successful run to the end of the next run. "
    "Intervals are set per store in Settings; a failing loop's delay keeps growing.",
)
SECONDS_UP_TO = 180.0  # above this worst delay the axis counts minutes


class DelayChart(_Redrawn):
    """One line per sync loop: its worst sync delay in each 10-minute slot of the last day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _plain(self)
        self.setMinimumHeight(240)
        self.setToolTip(ui(DELAY_TIP))
        self.setChart(_chart(ui(DELAY_TITLE)))

    def show_loops(self, loops: dict[str, list[LoopDelay]], now: datetime) -> None:
        self._redraw = lambda: self.show_loops(loops, now)
        chart = _chart(ui(DELAY_TITLE))
        colours = current().LOOP_COLOURS
        # Seven loop names elide to "c…" side by side under a narrow chart; stacked they read.
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        worst = max((p.worst_seconds for points in loops.values() for p in points), default=0.0)
        in_minutes = worst > SECONDS_UP_TO
        scale = 60.0 if in_minutes else 1.0
        lines = []
        for number, name in enumerate(sorted(loops)):
            line = QLineSeries()
            line.setName(loop_title(name).lower())
            for point in loops[name]:
                stamp = float(QDateTime(point.start).toMSecsSinceEpoch())
                line.append(stamp, point.worst_seconds / scale)
            line.setPen(QPen(QColor(colours[number % len(colours)]), 2))
            line.setPointsVisible(True)
            chart.addSeries(line)
            lines.append(line)
        hours = QDateTimeAxis()
        hours.setFormat("HH:mm")
        hours.setTickCount(5)  # every 6 hours: the labels fit beside the legend
        hours.setRange(QDateTime(now - timedelta(hours=24)), QDateTime(now))
        chart.addAxis(hours, Qt.AlignmentFlag.AlignBottom)
        amount = QValueAxis()
        amount.setTitleText(self.tr("minutes") if in_minutes else self.tr("seconds"))
        amount.setRange(0, max(worst / scale, 5.0) * 1.1)
        amount.setLabelFormat("%.0f")
        amount.applyNiceNumbers()
        chart.addAxis(amount, Qt.AlignmentFlag.AlignLeft)
        for line in lines:
            line.attachAxis(hours)
            line.attachAxis(amount)
        if not lines:
            chart.setTitle(ui(EMPTY_DELAY_TITLE))
        _colour_axes(chart)
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()


def _date_axis(days: list[date]) -> QDateTimeAxis:
    """Dates under the bars: each bar spans its day, so the axis runs from the first midnight
    to the midnight after the last day."""
    axis = QDateTimeAxis()
    axis.setFormat(QCoreApplication.translate("LocaleFormat", "MMM d"))
    axis.setTickCount(7)
    start = datetime.combine(days[0], time(0))
    end = datetime.combine(days[-1], time(0)) + timedelta(days=1)
    axis.setRange(QDateTime(start), QDateTime(end))
    axis.setGridLineVisible(False)
    return axis


def _bar_colour(status: str) -> str:
    """The pill's text colour: strong enough to read as a bar on the chart's surface."""
    _background, foreground = pill_colours(status)
    return foreground if status != "Cancelled" else current().CHART_GREY
