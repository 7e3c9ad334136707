"""Builds the window's pages and wires them to each other, to the store selector and to the
app-level change signal. Part of the composition root (app.py), kept apart so app.py stays short.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QWidget

from channelmanager_gui.models.dashboard_queries import DashboardCounts
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.global_search import SearchHit
from channelmanager_gui.models.listing_table_queries import MatchGroup
from channelmanager_gui.models.order_table_queries import OrderFilter
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services import ops as core
from channelmanager_gui.services.changes import Change, ChangeBus, Changes
from channelmanager_gui.services.ops import CredentialStore, SecretSource
from channelmanager_gui.services.sync_status import SyncStatusBoard
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.activity_page import ActivityPage
from channelmanager_gui.views.add_products_dialog import (
    AddProductsDialog,
    StoreChoice,
    import_summary,
)
from channelmanager_gui.views.change_bridge import ChangeBridge
from channelmanager_gui.views.dashboard_page import DashboardPage
from channelmanager_gui.views.export_menu import ExportMenu
from channelmanager_gui.views.global_search import GlobalSearch
from channelmanager_gui.views.i18n import ui
from channelmanager_gui.views.listings_page import ListingsPage
from channelmanager_gui.views.main_window import MainWindow
from channelmanager_gui.views.matching_page import MatchingPage
from channelmanager_gui.views.navigation import Area, Badge
from channelmanager_gui.views.orders_page import OrdersPage
from channelmanager_gui.views.returns_page import ReturnsPage
from channelmanager_gui.views.settings_page import SettingsPage
from channelmanager_gui.views.table_support import threaded_runner
from channelmanager_gui.views.tables.paged import Runner
from channelmanager_gui.views.thumbnails import ThumbnailLoader

NO_ENGINE_FOR_IMPORT = N_("Labels", "Connect a store (Settings) before adding products.")


@dataclass
class Pages:
    dashboard: DashboardPage
    listings: ListingsPage
    matching: MatchingPage
    orders: OrdersPage
    returns: ReturnsPage
    activity: ActivityPage
    settings: SettingsPage
    search: GlobalSearch

    def with_store(self) -> list[Any]:
        """Pages that narrow to the store chosen in the top bar."""
        return [self.dashboard, self.listings, self.matching, self.orders, self.returns]

    def with_changes(self) -> list[Any]:
        return [*self.with_store(), self.activity]

    def with_state(self) -> list[Any]:
        """Pages that remember column widths and sort between runs."""
        return [self.listings, self.matching, self.orders, self.activity]

    def save_state(self, settings: QSettings) -> None:
        for page in self.with_state():
            page.save_state(settings)

    def restore_state(self, settings: QSettings) -> None:
        for page in self.with_state():
            page.restore_state(settings)


@dataclass
class PageDeps:
    window: MainWindow
    db: Database
    changes: ChangeBus
    change_bridge: ChangeBridge
    ops: OpRunner
    board: SyncStatusBoard
    # Where store secrets come from (keyring, or the demo's memory); None without a keyring.
    secrets: SecretSource | None
    sync_now: Callable[[str | None], None]  # every loop (None) or one (its board label)
    set_paused: Callable[[bool], None]
    runner: Runner[Any] | None = None  # tests run page queries inline; the app in threads
    thumbnails: ThumbnailLoader | None = None  # product images; none without a store's secrets


def mount_pages(deps: PageDeps) -> Pages:
    """Create every page, put it in its area, and connect what flows between them."""
    db, changes, ops = deps.db, deps.changes, deps.ops
    run: dict[str, Any] = {"runner": deps.runner} if deps.runner else {}
    both = {**run, "action_runner": deps.runner} if deps.runner else {}
    pages = Pages(
        dashboard=DashboardPage(db, ops, **run),
        listings=ListingsPage(db, changes, ops, **both),
        matching=MatchingPage(db, changes, ops, **both),
        orders=OrdersPage(db, changes, ops, **run),
        returns=ReturnsPage(db, ops, changes=changes, **run),
        activity=ActivityPage(db, deps.board, ops, **run),
        settings=SettingsPage(db, CredentialStore(), ops),
        search=GlobalSearch(
            db,
            deps.window.top_bar.search,
            deps.runner or threaded_runner(ops, QCoreApplication.translate("PageWiring", "Search")),
        ),
    )
    window = deps.window
    for area, page in (
        (Area.DASHBOARD, pages.dashboard),
        (Area.LISTINGS, pages.listings),
        (Area.MATCHING, pages.matching),
        (Area.ORDERS, pages.orders),
        (Area.RETURNS, pages.returns),
        (Area.SYNC_ACTIVITY, pages.activity),
        (Area.SETTINGS, pages.settings),
    ):
        window.set_page(area, page)
    _wire_navigation(deps, pages)
    _wire_actions(deps, pages)
    if deps.thumbnails is not None:
        _wire_thumbnails(deps.thumbnails, pages)
    for page in pages.with_changes():
        deps.change_bridge.changed.connect(page.on_changes)
    window.top_bar.store_changed.connect(lambda store_id: _set_store(pages, store_id))
    _wire_search(deps, pages)
    pages.settings.stores_changed.connect(lambda: changes.publish(Changes.of(Change.STORES)))
    window.export_menu = ExportMenu(window, window.file_menu, db, ops, window.top_bar.current_store)
    return pages


def _wire_thumbnails(loader: ThumbnailLoader, pages: Pages) -> None:
    """Product images in the Listings and Matching tables, the candidates and order lines."""
    pages.listings.model.set_thumbnails(loader, pages.listings.table)
    pages.matching.model.set_thumbnails(loader, pages.matching.table)
    pages.matching.panel.set_thumbnails(loader)
    pages.orders.detail.set_thumbnails(loader)


def _set_store(pages: Pages, store_id: int) -> None:
    """The selector sends -1 for "all stores"."""
    for page in [*pages.with_store(), pages.search]:
        page.set_store(store_id if store_id >= 0 else None)


def _wire_search(deps: PageDeps, pages: Pages) -> None:
    """The top bar's search opens what it finds on the page that shows it."""
    window, search = deps.window, pages.search
    search.setParent(window)
    window.top_bar.search_requested.connect(search.search)
    window.top_bar.set_search_enabled(True)
    search.notice.connect(window.status.notice)

    def open_order(order_id: int) -> None:
        window.show_area(Area.ORDERS)
        pages.orders.show_order(order_id)

    def open_listing(hit: SearchHit) -> None:
        window.show_area(Area.LISTINGS)
        pages.listings.show_listing(hit.id, hit.key)

    search.order_chosen.connect(open_order)
    search.listing_chosen.connect(open_listing)


def _wire_navigation(deps: PageDeps, pages: Pages) -> None:
    window = deps.window
    nav = window.navigation
    # The Orders and Listings badges count the whole store (the dashboard's numbers), not what
    # a page's search shows, so they never vanish while the merchant searches (issue 20 #7).
    pages.dashboard.counts_changed.connect(lambda c: nav.set_badges(Area.ORDERS, order_badges(c)))
    pages.dashboard.counts_changed.connect(
        lambda c: nav.set_badges(Area.LISTINGS, listing_badges(c))
    )
    if pages.dashboard.dashboard is not None:  # its first numbers came before this wiring
        pages.dashboard.counts_changed.emit(pages.dashboard.dashboard.counts)

    def matching_badges(counts: dict[Any, int]) -> None:
        if not pages.matching.search.text().strip():  # else the counts are the search's
            nav.set_badges(Area.MATCHING, _matching_badges(counts))

    pages.matching.counts_changed.connect(matching_badges)
    pages.orders.notice.connect(window.status.notice)
    pages.returns.notice.connect(window.status.notice)

    def open_orders(order_filter: OrderFilter) -> None:
        window.show_area(Area.ORDERS)
        pages.orders.show_filter(order_filter)

    def open_listings(tab: str) -> None:
        window.show_area(Area.LISTINGS)
        pages.listings.show_tab(tab, pages.dashboard.marketplace.value())

    reloads: dict[Area, Callable[[], None]] = {
        Area.DASHBOARD: pages.dashboard.refresh,
        Area.LISTINGS: pages.listings.model.refresh,
        Area.MATCHING: pages.matching.model.refresh,
        Area.ORDERS: pages.orders.refresh,
        Area.RETURNS: pages.returns.refresh,
        Area.SYNC_ACTIVITY: pages.activity.model.refresh,
    }
    window.refresh_requested.connect(lambda area: reloads.get(area, lambda: None)())
    pages.dashboard.orders_requested.connect(open_orders)
    pages.dashboard.listings_requested.connect(open_listings)


def _wire_actions(deps: PageDeps, pages: Pages) -> None:
    pages.activity.sync_now_requested.connect(lambda: deps.sync_now(None))
    pages.activity.pause_toggled.connect(deps.set_paused)
    pages.activity.loop_sync_now_requested.connect(deps.sync_now)
    pages.listings.add_products_requested.connect(lambda: _add_products(deps, pages.listings))


def _add_products(deps: PageDeps, parent: QWidget) -> None:
    """Open the Add products dialog on the chosen store (else the first); its operations open
    the store's clients themselves, and the op runner publishes the import's changes."""
    known = core.list_stores(deps.db)  # a handful of rows
    if deps.secrets is None or not known:
        deps.window.status.notice(ui(NO_ENGINE_FOR_IMPORT))
        return
    chosen = deps.window.top_bar.current_store()
    store = next((s for s in known if s.id == chosen), known[0])
    choice = StoreChoice(deps.db, deps.secrets, store.id, store.name)
    result = AddProductsDialog.ask(parent, choice, deps.ops, deps.changes)
    if result is not None:
        deps.window.status.notice(
            QCoreApplication.translate("PageWiring", "Products imported: {summary}").format(
                summary=import_summary(result)
            ),
            8000,
        )


def order_badges(counts: DashboardCounts) -> list[Badge]:
    """The Orders area's badges: errors and late orders in red, due today."""
    return [
        Badge(
            counts.orders_in_error,
            N_("Labels", "orders in error"),
            alert=True,
            label=N_("Labels", "in error"),
        ),
        Badge(
            counts.orders_overdue,
            N_("Labels", "orders overdue (past their ship-by date)"),
            True,
            N_("Labels", "late"),
        ),
        Badge(
            counts.orders_due_today,
            N_("Labels", "orders due to ship today"),
            label=N_("Labels", "today"),
        ),
    ]


def listing_badges(counts: DashboardCounts) -> list[Badge]:
    return [
        Badge(
            counts.listings_in_error,
            N_("Labels", "listings in error"),
            alert=True,
            label=N_("Labels", "in error"),
        )
    ]


def _matching_badges(counts: dict[Any, int]) -> list[Badge]:
    choose = counts.get(MatchGroup.CHOOSE, 0)
    return [
        Badge(
            choose,
            N_("Labels", "listings need you to pick a Walmart item"),
            label=N_("Labels", "to pick"),
        )
    ]
