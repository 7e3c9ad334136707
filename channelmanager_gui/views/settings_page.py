"""Settings: the merchant's stores, added, edited and removed here; below them the desktop
settings (start at login, notifications: ``views/desktop_settings.py``) and the appearance
(light or dark: ``views/appearance_settings.py``).

Each change is announced with ``stores_changed`` so the composition root can refresh the store
selector and reconnect the sync engine; the page itself never touches the engine.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui.launcher import self_command
from channelmanager_gui.models.db import Database
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.qt_text import plain_label, verbatim
from channelmanager_gui.services import ops
from channelmanager_gui.services.autostart import Autostart
from channelmanager_gui.services.ops import (
    CANCEL_REASON_LABELS,
    Changes,
    CredentialStore,
    ListingRules,
    StoreSettings,
)
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.amazon_account_dialog import AmazonAccountDialog
from channelmanager_gui.views.appearance_settings import AppearanceSettings
from channelmanager_gui.views.desktop_settings import DesktopSettings
from channelmanager_gui.views.i18n import core, ui
from channelmanager_gui.views.listing_rules_dialog import ListingRulesDialog
from channelmanager_gui.views.page_style import page_style
from channelmanager_gui.views.store_dialog import INTERVAL_LABELS, StoreDialog
from channelmanager_gui.views.table_support import Confirm, ask_confirmation
from channelmanager_gui.views.theme import themed

# (parent, db, creds, ops, store_id) -> saved id or None: StoreDialog.ask, or a test's stand-in.
AskStore = Callable[[QWidget, Database, CredentialStore, OpRunner, "int | None"], "int | None"]
# (parent, db, store_id) -> the saved rules' changes or None: ListingRulesDialog.ask, or a stand-in.
AskRules = Callable[[QWidget, Database, int], "Changes | None"]
# (parent, db, creds, ops, store_id) -> the saved account's id or None: AmazonAccountDialog.ask.
AskAccount = Callable[[QWidget, Database, CredentialStore, OpRunner, int], "int | None"]
STORE_ID_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = (
    N_("Labels", "Store"),
    N_("Labels", "Commerce"),
    N_("Labels", "Store view"),
    N_("Labels", "Walmart API"),
    N_("Labels", "Amazon account"),  # its seller id, or — (the store sells on Walmart only)
)


class SettingsPage(QWidget):
    """``SettingsPage(db, creds, ops)``; signal ``stores_changed()`` after add/edit/remove."""

    stores_changed = Signal()

    def __init__(
        self,
        db: Database,
        creds: CredentialStore,
        ops: OpRunner,
        *,
        ask_store: AskStore = StoreDialog.ask,
        ask_rules: AskRules = ListingRulesDialog.ask,
        ask_account: AskAccount = AmazonAccountDialog.ask,
        confirm: Confirm = ask_confirmation,
        autostart: Autostart | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._creds = creds
        self._ops = ops
        self._ask_store = ask_store
        self._ask_rules = ask_rules
        self._ask_account = ask_account
        self._confirm = confirm
        self._autostart = autostart or Autostart(self_command())
        themed(self, page_style)
        self._setup_ui()
        self.reload()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(self.tr("Settings"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        heading = QLabel(self.tr("Stores"))
        heading.setObjectName("sectionTitle")
        layout.addWidget(heading)
        explain = QLabel(
            self.tr(
                "Each store links a Commerce store view to a Walmart seller account and, if "
                "you add one, an Amazon seller account (Amazon account…). Sync "
                "intervals and identifier attributes are set per store (Edit), the stock and "
                "prices sent to marketplaces under Listing rules. Secrets stay in the system "
                "keyring."
            )
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("storeTable")
        self.table.setHorizontalHeaderLabels([ui(title) for title in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)  # a URL elided on one line, not broken over two
        # Store, Commerce, Store view, Walmart API; the Amazon account takes the rest, so
        # both URLs stay readable at 1024 px.
        for column, width in enumerate((170, 220, 90, 220)):
            self.table.horizontalHeader().resizeSection(column, width)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        self.table.cellDoubleClicked.connect(lambda *_: self.edit_selected())
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add store…"))
        self.add_button.setObjectName("primaryButton")
        self.add_button.clicked.connect(self.add_store)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.rules_button = QPushButton(self.tr("Listing rules…"))
        self.rules_button.setToolTip(self.tr("Stock and price rules of the selected store"))
        self.rules_button.clicked.connect(self.edit_rules_selected)
        self.amazon_button = QPushButton(self.tr("Amazon account…"))
        self.amazon_button.setToolTip(self.tr("Add, edit and test the store's Amazon account"))
        self.amazon_button.clicked.connect(self.edit_amazon_selected)
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.add_button, self.edit_button, self.rules_button, self.amazon_button,
                       self.remove_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.notice = plain_label()
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        heading = QLabel(self.tr("Sync and rules of the selected store"))
        heading.setObjectName("sectionTitle")
        layout.addWidget(heading)
        # Our own markup, with what the merchant typed escaped in settings_summary
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setObjectName("storeSummary")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # It takes the room left (stretch 1) rather than forcing the page past 700 px, and
        # scrolls when that is too little: at 1024 × 700 its last lines were cut off unseen.
        self.summary_scroll = QScrollArea()
        self.summary_scroll.setObjectName("storeSummaryScroll")
        self.summary_scroll.setWidgetResizable(True)
        self.summary_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.summary_scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.summary_scroll.setWidget(self.summary)
        layout.addWidget(self.summary_scroll, 1)
        # Side by side: stacked, the page would not fit a 1024 × 700 window (issue 20 #8)
        desktop_row = QHBoxLayout()
        self.desktop = DesktopSettings(self._db, self._autostart)
        desktop_row.addWidget(self.desktop, 1)
        self.appearance = AppearanceSettings(self._db)
        desktop_row.addWidget(self.appearance, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(desktop_row)

    # -- public API ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the stores again (a handful of rows: cheap on the UI thread)."""
        known = ops.list_stores(self._db)
        amazon = amazon_sellers(self._db)
        self.table.setRowCount(len(known))
        for row, store in enumerate(known):
            name = self.tr("{name} (demo)").format(name=store.name) if store.is_demo else store.name
            values = (
                name,
                store.commerce_url,
                store.commerce_store_code,
                store.walmart_url,
                amazon.get(store.id, "—"),
            )
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(verbatim(text))
                self.table.setItem(row, column, item)
            self.table.item(row, 0).setData(STORE_ID_ROLE, store.id)
        self._fit_table(len(known))
        if not known:
            self.notice.setText(
                self.tr("No store yet: add your Commerce store and Walmart account.")
            )
        elif self.selected_store() is None:
            self.table.selectRow(0)
        self._on_table_item_selection_changed()

    def _fit_table(self, rows: int) -> None:
        """As tall as its stores (three rows' room, up to five, then it scrolls): the rules
        below get the rest of a 700 px window."""
        table = self.table
        shown = min(max(rows, 3), 5)
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        table.setFixedHeight(height + shown * table.verticalHeader().defaultSectionSize())

    def selected_store(self) -> int | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if not rows:
            return None
        item = self.table.item(min(rows), 0)
        return int(item.data(STORE_ID_ROLE)) if item else None

    def add_store(self) -> None:
        saved = self._ask_store(self, self._db, self._creds, self._ops, None)
        self._after(saved, self.tr("Store added. Syncing picks up the change."))

    def edit_selected(self) -> None:
        store_id = self.selected_store()
        if store_id is not None:
            saved = self._ask_store(self, self._db, self._creds, self._ops, store_id)
            self._after(saved, self.tr("Store saved. Syncing picks up the change."))

    def edit_rules_selected(self) -> None:
        """The listing rules editor; its changes are announced like a store edit's."""
        store_id = self.selected_store()
        if store_id is not None and self._ask_rules(self, self._db, store_id) is not None:
            self._after(store_id, self.tr("listing rules saved"))

    def edit_amazon_selected(self) -> None:
        """The store's Amazon account (added when it has none); announced like a store edit."""
        store_id = self.selected_store()
        if store_id is None:
            return
        saved = self._ask_account(self, self._db, self._creds, self._ops, store_id)
        if saved is not None:
            self._after(store_id, self.tr("Amazon account saved"))

    def remove_selected(self) -> None:
        store_id = self.selected_store()
        if store_id is None:
            return
        name = next(s.name for s in ops.list_stores(self._db) if s.id == store_id)
        text = self.tr(
            "Remove “{name}”? Its listings, orders and history are deleted from this computer "
            "and its secrets from the keyring. Nothing changes in Commerce or on Walmart."
        ).format(name=name)
        if self._confirm(self, self.tr("Remove {name}").format(name=name), text):
            ops.store.remove(self._db, self._creds, store_id)
            self._after(store_id, self.tr("Store removed. Syncing picks up the change."))

    # -- internals -----------------------------------------------------------------------------

    def _after(self, store_id: int | None, done: str) -> None:
        if store_id is None:
            return
        self.reload()
        self.notice.setText(done)
        self.stores_changed.emit()

    def _on_table_item_selection_changed(self) -> None:
        store_id = self.selected_store()
        self.edit_button.setEnabled(store_id is not None)
        self.rules_button.setEnabled(store_id is not None)
        self.amazon_button.setEnabled(store_id is not None)
        self.remove_button.setEnabled(store_id is not None)
        store = next((s for s in ops.list_stores(self._db) if s.id == store_id), None)
        self.summary.setText(
            settings_summary(StoreSettings.from_json(store.settings)) if store else ""
        )


def amazon_sellers(db: Database) -> dict[int, str]:
    """Each store's Amazon account(s) as the stores table shows them: seller id (name)."""
    sellers: dict[int, list[str]] = {}
    for account in ops.accounts.list_accounts(db):
        if account.marketplace == "amazon":
            text = f"{account.seller_id or '—'} ({account.name})"
            sellers.setdefault(account.store_id, []).append(text)
    return {store_id: ", ".join(texts) for store_id, texts in sellers.items()}


def settings_summary(settings: StoreSettings) -> str:
    """The rules in a few lines of rich text, to read without opening the dialog."""
    every = ", ".join(
        QCoreApplication.translate("SettingsSummary", "{check} every {interval}").format(
            check=_lower_first(ui(INTERVAL_LABELS.get(name, name))), interval=_seconds(value)
        )
        for name, value in settings.intervals.items()
    )
    attributes = ", ".join(
        f"{html.escape(code)} ({html.escape(kind)})"
        for code, kind in settings.identifier_attributes.items()
    )
    reason = settings.commerce_cancel_reason
    cancel = (
        QCoreApplication.translate("SettingsSummary", "cancelled on Walmart as “{reason}”").format(
            reason=core("CancelReason", CANCEL_REASON_LABELS[reason])
        )
        if reason
        else QCoreApplication.translate("SettingsSummary", "held until you choose Walmart's reason")
    )
    return rules_summary(settings.listing_rules) + QCoreApplication.translate(
        "SettingsSummary",
        "<p><b>Order cancelled in Commerce:</b> {cancel}.</p>"
        "<p><b>Identifiers read from:</b> {attributes}.</p>"
        "<p><b>Shipments:</b> from the Commerce source “{source}”, which Commerce takes the "
        "stock from.</p>"
        "<p><b>Checks:</b> {checks}.</p>"
        "<p><b>Commerce order e-mail:</b> {email} (Commerce's order, invoice and shipment "
        "e-mails go there, never to the marketplace's buyer).</p>",
    ).format(
        cancel=cancel,
        attributes=attributes or QCoreApplication.translate("SettingsSummary", "none"),
        source=html.escape(settings.ship_source_code),
        checks=every,
        email=html.escape(settings.order_email),
    )


def rules_summary(rules: ListingRules) -> str:
    """The listing rules in two lines of rich text (rule names escaped: merchant-typed)."""
    stock = QCoreApplication.translate("RulesSummary", "the Commerce salable quantity")
    if rules.safety_buffer:
        stock += QCoreApplication.translate("RulesSummary", ", less {units} held back").format(
            units=rules.safety_buffer
        )
    if rules.out_of_stock_threshold:
        stock += QCoreApplication.translate("RulesSummary", "; 0 at or below {units}").format(
            units=rules.out_of_stock_threshold
        )
    if rules.max_quantity is not None:
        stock += QCoreApplication.translate("RulesSummary", "; at most {units}").format(
            units=rules.max_quantity
        )
    price = QCoreApplication.translate("RulesSummary", "the Commerce price")
    if rules.price_rules:
        names = ", ".join(html.escape(rule.name) for rule in rules.ordered())
        price += QCoreApplication.translate(
            "RulesSummary", " through the price rules {names}"
        ).format(names=names)
    return QCoreApplication.translate(
        "RulesSummary", "<p><b>Listed stock:</b> {stock}.</p><p><b>Listed price:</b> {price}.</p>"
    ).format(stock=stock, price=price)


PROPER_NOUNS = ("Walmart", "Commerce")  # keep their capital in the middle of a sentence


def _lower_first(text: str) -> str:
    if text.startswith(PROPER_NOUNS):
        return text
    return text[:1].lower() + text[1:]


def _seconds(value: float) -> str:
    if value >= 120:
        return QCoreApplication.translate("SettingsSummary", "{minutes} min").format(
            minutes=f"{value / 60:g}"
        )
    return QCoreApplication.translate("SettingsSummary", "{seconds} s").format(seconds=f"{value:g}")
