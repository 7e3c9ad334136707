"""Take the dark-mode screenshots in this folder: ``dark-*.png``.

Runs the demo offscreen in a throwaway data folder, turns Appearance to Dark, opens the main
pages one after another and grabs the window. From the repository's root:

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_dark.py

``take_languages.py`` takes the Chinese and Korean ones with the same steps (``shoot``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from take import run_demo  # this folder's light screenshots: the same demo run

HERE = Path(__file__).resolve().parent
STEP_MS = 1_500
SIZE = (1280, 800)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return run_demo(lambda: shoot("dark", _dark))


def _dark(window: QWidget) -> None:
    from channelmanager_gui.services.appearance_prefs import Appearance
    from channelmanager_gui.views.navigation import Area
    from channelmanager_gui.views.settings_page import SettingsPage

    settings = window.page(Area.SETTINGS)  # type: ignore[attr-defined]
    assert isinstance(settings, SettingsPage)
    choice = settings.appearance.choice  # as the merchant does it: Settings, Appearance
    choice.setCurrentIndex(choice.findData(Appearance.DARK.value))


def shoot(prefix: str, prepare: Callable[[QWidget], None] | None = None) -> None:
    """Open the main pages one after another and save ``{prefix}-{page}.png`` of each."""
    from channelmanager_gui.views.main_window import MainWindow
    from channelmanager_gui.views.navigation import Area
    from channelmanager_gui.views.orders_page import OrdersPage
    from channelmanager_gui.views.tables.orders import ORDER_ID_ROLE, STATUS_ROLE

    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    window.resize(*SIZE)
    if prepare is not None:
        prepare(window)
    orders = window.page(Area.ORDERS)
    assert isinstance(orders, OrdersPage)

    def open_detail() -> None:
        """An order in error: its banner is on the page with the pill and the timeline."""
        window.show_area(Area.ORDERS)
        rows = range(orders.model.rowCount())
        errors = [r for r in rows if orders.model.index(r, 0).data(STATUS_ROLE) == "Error"]
        order_id = orders.model.index(errors[0] if errors else 0, 0).data(ORDER_ID_ROLE)
        if order_id is not None:
            orders.show_order(order_id)

    steps = [
        ("dashboard", lambda: window.show_area(Area.DASHBOARD)),
        ("orders", lambda: window.show_area(Area.ORDERS)),
        ("order-detail", open_detail),
        ("listings", lambda: window.show_area(Area.LISTINGS)),
        ("matching", lambda: window.show_area(Area.MATCHING)),
        ("activity", lambda: window.show_area(Area.SYNC_ACTIVITY)),
        ("settings", lambda: window.show_area(Area.SETTINGS)),
    ]

    def run(index: int) -> None:
        if index == len(steps):
            window.quit_requested.emit()
            return
        name, show = steps[index]
        show()
        QTimer.singleShot(STEP_MS, lambda: _grab(name, index))

    def _grab(name: str, index: int) -> None:
        window.grab().save(str(HERE / f"{prefix}-{name}.png"))
        print(f"SCREENSHOT={prefix}-{name}.png", flush=True)
        run(index + 1)

    run(0)


if __name__ == "__main__":
    sys.exit(main())
