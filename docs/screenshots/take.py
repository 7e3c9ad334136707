"""Take the light screenshots in this folder at 1440 × 900 (``<page>.png``) and 1024 × 700
(``<page>-1024.png``), and ``main-window.png`` (the README's).

Runs the demo in a throwaway data folder on a real X server (Xvfb), opens the main pages one
after another at each size and grabs the window; the ship and store dialogs are grabbed once.
From the repository's root, with an X server on ``$DISPLAY`` (e.g. ``Xvfb :99 -screen 0
1440x900x24 & DISPLAY=:99``):

    python docs/screenshots/take.py

The dark ones are ``take_dark.py``'s.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
WAIT_MS = 45_000  # the demo's first catalog import, order sync and matching pass
STEP_MS = 2_500  # a page's rows and their product images
SIZES = {"": (1440, 900), "-1024": (1024, 700)}


def main() -> int:
    return run_demo(_shoot)


def run_demo(shoot: Callable[[], None]) -> int:
    """Run the demo in a throwaway data folder and call ``shoot`` once its data is in."""
    os.environ["CHANNELMANAGER_HOME"] = tempfile.mkdtemp(prefix="cm-shots-")
    os.environ["PYTHONPATH"] = str(ROOT)  # the sync process runs this checkout too
    sys.path.insert(0, str(ROOT))
    from channelmanager_gui.app import run_app

    app = QApplication(sys.argv[:1])  # run_app uses it; the timer needs it to exist
    QTimer.singleShot(WAIT_MS, shoot)
    code = run_app(True, sys.argv[:1])
    del app
    return code


def _shoot() -> None:
    from channelmanager_gui.models.listing_table_queries import MatchGroup
    from channelmanager_gui.views.main_window import MainWindow
    from channelmanager_gui.views.matching_page import MatchingPage
    from channelmanager_gui.views.navigation import Area
    from channelmanager_gui.views.orders_page import OrdersPage
    from channelmanager_gui.views.settings_page import SettingsPage
    from channelmanager_gui.views.tables.orders import ORDER_ID_ROLE, STATUS_ROLE

    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    orders, matching, settings = (
        window.page(a) for a in (Area.ORDERS, Area.MATCHING, Area.SETTINGS)
    )
    assert isinstance(orders, OrdersPage) and isinstance(matching, MatchingPage)
    assert isinstance(settings, SettingsPage)

    def order_with(status: str) -> int | None:
        rows = range(orders.model.rowCount())
        found = [r for r in rows if orders.model.index(r, 0).data(STATUS_ROLE) == status]
        return orders.model.index(found[0] if found else 0, 0).data(ORDER_ID_ROLE)

    def show_orders() -> None:
        window.show_area(Area.ORDERS)
        orders.show_list()

    def open_detail() -> None:
        """An order in error: its banner is on the page with the pill and the timeline."""
        window.show_area(Area.ORDERS)
        order_id = order_with("Error")
        if order_id is not None:
            orders.show_order(order_id)

    def open_matching() -> None:
        """The first listing to pick for, its candidates side by side."""
        window.show_area(Area.MATCHING)
        matching.show_group(MatchGroup.CHOOSE)
        if matching.model.rowCount():
            matching.table.selectRow(0)

    def ship_dialog() -> None:
        show_orders()
        order_id = order_with("Created in Commerce")
        if order_id is not None:
            QTimer.singleShot(STEP_MS, lambda: _grab_dialog("ship-dialog"))
            orders.ship(order_id)

    def store_dialog() -> None:
        window.show_area(Area.SETTINGS)
        settings.table.selectRow(0)
        QTimer.singleShot(STEP_MS, lambda: _grab_dialog("store-dialog"))
        settings.edit_selected()

    pages: list[tuple[str, Callable[[], None]]] = [
        ("dashboard", lambda: window.show_area(Area.DASHBOARD)),
        ("orders", show_orders),
        ("order-detail", open_detail),
        ("listings", lambda: window.show_area(Area.LISTINGS)),
        ("matching", open_matching),
        ("returns", lambda: window.show_area(Area.RETURNS)),
        ("activity", lambda: window.show_area(Area.SYNC_ACTIVITY)),
        ("settings", lambda: window.show_area(Area.SETTINGS)),
    ]
    steps: list[tuple[str, Callable[[], None]]] = []
    for suffix, size in SIZES.items():
        steps.append(("", lambda size=size: window.resize(*size)))
        steps += [(name + suffix, show) for name, show in pages]
    steps.append(("", lambda: window.resize(*SIZES[""])))
    steps.append(("main-window", lambda: window.show_area(Area.DASHBOARD)))
    dialogs = [ship_dialog, store_dialog]

    def run(index: int) -> None:
        if index == len(steps):
            run_dialogs(0)
            return
        name, show = steps[index]
        show()
        QTimer.singleShot(STEP_MS if name else 300, lambda: grab(name, index))

    def grab(name: str, index: int) -> None:
        if name:
            _save(window, name)
        run(index + 1)

    def run_dialogs(index: int) -> None:
        if index == len(dialogs):
            window.quit_requested.emit()
            return
        dialogs[index]()  # a modal dialog: its own timer grabs and closes it
        QTimer.singleShot(STEP_MS * 2, lambda: run_dialogs(index + 1))

    run(0)


def _grab_dialog(name: str) -> None:
    dialog = QApplication.activeModalWidget()
    if dialog is not None:
        _save(dialog, name)
        dialog.close()


def _save(widget: QWidget, name: str) -> None:
    widget.grab().save(str(HERE / f"{name}.png"))
    print(f"SCREENSHOT={name}.png {widget.width()}x{widget.height()}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
