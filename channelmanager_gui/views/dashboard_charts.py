"""The dashboard's two charts (QtCharts): orders per day by status, and order import delay.

Each status keeps the colour of its pill in the order table, so the chart and the table read
alike; the legend names every colour (never colour alone).
"""

from __future__ import annotations

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
from PySide6.QtCore import QDateTime, QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QFrame, QWidget

from channelmanager_gui.models.dashboard_queries import DelayPoint
from channelmanager_gui.models.order_queries import STATUS_ORDER
from channelmanager_gui.views.pill_delegate import pill_colours


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(6)
    return chart


def _plain(view: QChartView) -> None:
    """No frame or grey canvas around the chart: it sits on the page like the cards."""
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setBackgroundBrush(QBrush(Qt.GlobalColor.transparent))
    view.setStyleSheet("background: transparent;")


ORDERS_TITLE = "Orders per day by status (last 30 days)"


class OrdersChart(QChartView):
    """Stacked bars: one bar per local day, one segment per status."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _plain(self)
        self.setMinimumHeight(240)
        self.setChart(_chart(ORDERS_TITLE))

    def show_days(self, days: list[date], per_status: dict[str, list[int]]) -> None:
        chart = _chart(ORDERS_TITLE)
        series = QStackedBarSeries()
        ordered = [s for s in STATUS_ORDER if s in per_status]
        ordered += sorted(s for s in per_status if s not in ordered)
        for status in ordered:
            bar = QBarSet(status)
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
            chart.setTitle(f"{ORDERS_TITLE} — no orders yet")
        self._replace(chart)

    def _replace(self, chart: QChart) -> None:
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()


class DelayChart(QChartView):
    """Average and worst minutes from a Walmart order to its import, per hour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _plain(self)
        self.setMinimumHeight(240)
        self.setChart(_chart("Order sync delay, minutes (last 24 h)"))

    def show_points(self, points: list[DelayPoint], now: datetime) -> None:
        chart = _chart(self.chart().title().split(" — ")[0])
        average = QLineSeries()
        average.setName("Average")
        worst = QLineSeries()
        worst.setName("Slowest")
        for point in points:
            stamp = float(QDateTime(point.hour).toMSecsSinceEpoch())
            average.append(stamp, point.average_minutes)
            worst.append(stamp, point.max_minutes)
        average.setPen(QPen(QColor("#2f6fd6"), 2))
        worst.setPen(QPen(QColor("#d97706"), 2, Qt.PenStyle.DashLine))
        for line in (average, worst):
            line.setPointsVisible(True)
            chart.addSeries(line)
        hours = QDateTimeAxis()
        hours.setFormat("HH:mm")
        hours.setTickCount(7)
        hours.setRange(QDateTime(now - timedelta(hours=24)), QDateTime(now))
        chart.addAxis(hours, Qt.AlignmentFlag.AlignBottom)
        minutes = QValueAxis()
        top = max([p.max_minutes for p in points] + [5.0])
        minutes.setRange(0, top * 1.1)
        minutes.setLabelFormat("%.0f")
        minutes.applyNiceNumbers()
        chart.addAxis(minutes, Qt.AlignmentFlag.AlignLeft)
        for line in (average, worst):
            line.attachAxis(hours)
            line.attachAxis(minutes)
        if not points:
            chart.setTitle(f"{chart.title()} — no orders imported in the last 24 h")
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()


def _date_axis(days: list[date]) -> QDateTimeAxis:
    """Dates under the bars: each bar spans its day, so the axis runs from the first midnight
    to the midnight after the last day."""
    axis = QDateTimeAxis()
    axis.setFormat("MMM d")
    axis.setTickCount(7)
    start = datetime.combine(days[0], time(0))
    end = datetime.combine(days[-1], time(0)) + timedelta(days=1)
    axis.setRange(QDateTime(start), QDateTime(end))
    axis.setGridLineVisible(False)
    return axis


def _bar_colour(status: str) -> str:
    """The pill's text colour: strong enough to read as a bar on white."""
    _background, foreground = pill_colours(status)
    return foreground if status != "Cancelled" else "#9ca3af"
