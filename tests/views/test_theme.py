"""The window follows the system's colour scheme, or the merchant's Appearance choice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
import shiboken6
from PySide6.QtCharts import QStackedBarSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order_table_queries import OrderFilter
from channelmanager_gui.models.store import AppSetting
from channelmanager_gui.services import appearance_prefs
from channelmanager_gui.services.appearance_prefs import Appearance
from channelmanager_gui.views import theme
from channelmanager_gui.views.appearance_settings import AppearanceSettings
from channelmanager_gui.views.dashboard_charts import OrdersChart
from channelmanager_gui.views.main_window import MainWindow
from channelmanager_gui.views.pill_delegate import StatusPill, pill_colours
from channelmanager_gui.views.style import DARK, LIGHT, current
from channelmanager_gui.views.tables.orders import COL_CUSTOMER, OrdersTableModel
from tests.models.order_seed import NOW, seed_shop


@pytest.fixture(autouse=True)
def back_to_light(qapp: QApplication) -> Iterator[None]:
    """Every test leaves the light palette and no follower behind (other tests expect both)."""
    yield
    follower = theme.follower(qapp)
    if follower is not None:
        shiboken6.delete(follower)
    theme.apply(LIGHT)


def _system_says(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """What the platform does when the desktop's scheme changes."""
    app.styleHints().colorSchemeChanged.emit(scheme)


def _status_bar_colour(window: MainWindow) -> str:
    bar = window.statusBar()
    image = bar.grab().toImage()
    return image.pixelColor(bar.width() // 2, bar.height() - 2).name()


def test_a_scheme_change_restyles_the_open_window(
    qtbot: QtBot, qapp: QApplication, window: MainWindow, db: Database
) -> None:
    seed = seed_shop(db)
    model = OrdersTableModel(db, clock=lambda: NOW)
    model.set_filter(OrderFilter(store_id=seed["store"]))
    pill = StatusPill("Error")
    qtbot.addWidget(pill)
    window.show()
    qtbot.waitExposed(window)
    theme.follow(qapp, Appearance.SYSTEM)
    _system_says(qapp, Qt.ColorScheme.Light)
    assert current() is LIGHT
    assert _status_bar_colour(window) == LIGHT.SURFACE
    light_tints = _tints(model)

    _system_says(qapp, Qt.ColorScheme.Dark)

    assert current() is DARK
    assert _status_bar_colour(window) == DARK.SURFACE
    assert DARK.WINDOW_BG in window.styleSheet() and LIGHT.WINDOW_BG not in window.styleSheet()
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == DARK.WINDOW_BG
    assert qapp.palette().color(QPalette.ColorRole.Text).name() == DARK.TEXT
    assert pill_colours("Error") == (DARK.ERROR_BG, DARK.ERROR_TEXT)
    assert DARK.ERROR_BG in pill.styleSheet()
    dark_tints = _tints(model)
    assert LIGHT.ERROR_TINT in light_tints and DARK.ERROR_TINT in dark_tints
    assert not light_tints & dark_tints

    _system_says(qapp, Qt.ColorScheme.Unknown)  # unknown counts as light
    assert current() is LIGHT and _status_bar_colour(window) == LIGHT.SURFACE


def _tints(model: OrdersTableModel) -> set[str]:
    brushes = (
        model.index(row, COL_CUSTOMER).data(Qt.ItemDataRole.BackgroundRole)
        for row in range(model.rowCount())
    )
    return {brush.color().name() for brush in brushes if brush is not None}


def test_the_merchants_choice_wins_over_the_system(qapp: QApplication) -> None:
    follower = theme.follow(qapp, Appearance.DARK)
    _system_says(qapp, Qt.ColorScheme.Light)
    assert current() is DARK
    follower.set_appearance(Appearance.LIGHT)
    _system_says(qapp, Qt.ColorScheme.Dark)
    assert current() is LIGHT
    follower.set_appearance(Appearance.SYSTEM)
    _system_says(qapp, Qt.ColorScheme.Dark)
    assert current() is DARK
    assert theme.follow(qapp, Appearance.LIGHT) is follower  # one follower per application


def test_settings_choice_is_saved_and_applied(
    qtbot: QtBot, qapp: QApplication, db: Database
) -> None:
    theme.follow(qapp, appearance_prefs.load(db))
    widget = AppearanceSettings(db)
    qtbot.addWidget(widget)
    assert widget.choice.currentData() == Appearance.SYSTEM.value
    widget.choice.setCurrentIndex(widget.choice.findData(Appearance.DARK.value))
    assert appearance_prefs.load(db) is Appearance.DARK
    assert current() is DARK
    again = AppearanceSettings(db)
    qtbot.addWidget(again)
    assert again.choice.currentText() == "Dark"


def test_an_unreadable_choice_follows_the_system(db: Database) -> None:
    with db.session() as session:
        session.add(AppSetting(key=appearance_prefs.SETTING_KEY, value="sepia"))
    assert appearance_prefs.load(db) is Appearance.SYSTEM


def test_charts_are_drawn_again_in_the_new_palette(qtbot: QtBot) -> None:
    chart = OrdersChart()
    qtbot.addWidget(chart)
    chart.show_days([date(2026, 1, 1), date(2026, 1, 2)], {"Shipped": [1, 2]})
    assert chart.chart().backgroundBrush().color().name() == LIGHT.SURFACE
    theme.apply(DARK)  # the palette change event is posted
    qtbot.waitUntil(lambda: chart.chart().backgroundBrush().color().name() == DARK.SURFACE)
    series = chart.chart().series()[0]
    assert isinstance(series, QStackedBarSeries)
    assert series.barSets()[0].color().name() == DARK.GREEN_TEXT
