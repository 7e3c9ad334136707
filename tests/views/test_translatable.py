"""Every text the merchant sees goes through Qt's translation (issue 21, Languages).

A pseudo-translation built from the current sources turns each marked text into ⟦text⟧; every
page, menu and dialog is then opened and each visible text must carry the mark, except the
shop's own data (order numbers, SKUs, names, money, dates, counts) listed in ``_DATA``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.order import Order
from channelmanager_gui.models.store import Store
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services import language_prefs
from channelmanager_gui.services import ops as core
from channelmanager_gui.services.language_prefs import Language
from channelmanager_gui.services.ops import DEFAULT_ORDER_EMAIL, DEFAULT_SOURCE, CredentialStore
from channelmanager_gui.services.ops import validation as v
from channelmanager_gui.services.ops.bulk_ship import load_orders as load_by_po
from channelmanager_gui.services.ops.packing_slip import load_orders
from channelmanager_gui.views.amazon_account_dialog import AmazonAccountDialog
from channelmanager_gui.views.bulk_ship_dialog import BulkShipDialog
from channelmanager_gui.views.cancel_dialog import CancelDialog
from channelmanager_gui.views.first_run import FirstRunWizard
from channelmanager_gui.views.keyring_dialog import KeyringDialog
from channelmanager_gui.views.listing_rules_dialog import ListingRulesDialog
from channelmanager_gui.views.marketplace_filter import MarketplaceFilter
from channelmanager_gui.views.navigation import Area
from channelmanager_gui.views.packing_slips import PackingSlipDialog
from channelmanager_gui.views.ship_dialog import ShipDialog
from channelmanager_gui.views.store_dialog import StoreDialog
from tests.models.order_seed import seed_shop
from tests.views import i18n_support
from tests.views.i18n_support import OPEN, shown_texts
from tests.views.test_page_wiring import build

# Texts that are data, not interface: numbers and money, dates and times, ids.
_DATA = re.compile(
    r"""^(
        [\d\s.,:/+\-−$%]*                      # counts, money, dates, times
      | \d{4}-\d{2}-\d{2}.*                    # ISO dates and times
      | [A-Z0-9\-]+                            # order numbers, SKUs, item ids
      | —                                      # an empty value
      | https://\S+                            # example addresses, tracking links
      | <a\ href="https://[^"]+">[^<]+</a>      # a tracking number linked to its carrier
    )$""",
    re.VERBOSE,
)
# Each language named in itself (Settings, Language), so a merchant finds theirs whatever the
# window shows now: never translated.
_OWN_NAMES = frozenset(
    label for language, label in language_prefs.LABELS.items() if language is not Language.SYSTEM
) | frozenset(core.MARKETPLACE_NAMES.values())  # "Walmart", "Amazon": their own names


KEYRING_PROBLEM = "No recommended backend was available."


@pytest.fixture(scope="module")
def pseudo(tmp_path_factory: pytest.TempPathFactory) -> QTranslator:
    return i18n_support.pseudo_translator(Path(tmp_path_factory.mktemp("pseudo")))


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


def _shop_data(db: Database) -> frozenset[str]:
    """What the shop's database holds and the window shows as it is: names, methods, SKUs."""
    with db.session() as session:
        orders = session.scalars(select(Order)).all()
        values = {o.customer_name or "" for o in orders} | {o.method_code or "" for o in orders}
        values |= {line.product_name for o in orders for line in o.lines}
        values |= {s.name for s in session.scalars(select(Store))}
    # Walmart's carrier names and the default values of a store's fields, shown as Walmart and
    # Commerce spell them; the keyring's own error text (the keyring dialog's message).
    values |= set(v.CARRIER_CHOICES) | set(v.METHOD_CODES)
    values |= {DEFAULT_SOURCE, DEFAULT_ORDER_EMAIL, KEYRING_PROBLEM}
    return frozenset(values)


def _unmarked(top: QWidget, data: frozenset[str] = frozenset()) -> list[str]:
    return sorted(
        f"{where}: {text!r}"
        for where, text in shown_texts(top)
        if text.strip()
        and OPEN not in text
        and not _DATA.match(text.strip())
        and text not in _OWN_NAMES
        and text not in data
    )


def test_every_page_and_menu_shows_translated_texts(
    qtbot: QtBot, db: Database, pseudo: QTranslator
) -> None:
    seed_shop(db)
    i18n_support.install(pseudo)
    try:
        window, pages, _ = build(qtbot, db)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        problems: list[str] = []
        for area in Area:
            window.show_area(area)
            qtbot.wait(100)
            problems += [f"{area.value}: {line}" for line in _unmarked(window)]
        window.show_area(Area.MATCHING)
        pages.matching.undo_button.show()  # shown after a pick, with its tooltip
        problems += [f"matching undo: {line}" for line in _unmarked(window)]
        assert not sorted(set(problems)), "\n".join(sorted(set(problems)))
    finally:
        i18n_support.remove(pseudo)


def test_order_detail_and_every_dialog_show_translated_texts(
    qtbot: QtBot, db: Database, pseudo: QTranslator
) -> None:
    ids = seed_shop(db)
    data = _shop_data(db)
    i18n_support.install(pseudo)
    try:
        window, pages, _ = build(qtbot, db)
        window.show()
        qtbot.waitExposed(window)
        problems: list[str] = []
        for kind in ("error", "asked", "shipped"):
            window.show_area(Area.ORDERS)
            pages.orders.show_order(ids[kind])
            qtbot.wait(100)
            problems += [f"detail {kind}: {line}" for line in _unmarked(window, data)]
        for name, dialog in _dialogs(db, ids).items():
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitExposed(dialog)
            problems += [f"{name}: {line}" for line in _unmarked(dialog, data)]
            dialog.close()
        assert not sorted(set(problems)), "\n".join(sorted(set(problems)))
    finally:
        i18n_support.remove(pseudo)


def _dialogs(db: Database, ids: dict[str, int]) -> dict[str, QWidget]:
    order = core.order_for_action(db, ids["due"])
    orders = load_orders(db, [ids["due"], ids["late"]])
    ops = OpRunner(lambda exc, label: pytest.fail(f"{label}: {exc!r}"))
    rules = ListingRulesDialog(db, ids["store"])
    rules.price_rules.add_button.click()  # a rule's row: its scope and change choices
    return {
        "ship": ShipDialog(order),
        "cancel": CancelDialog(order),
        "cancel asked": CancelDialog(core.order_for_action(db, ids["asked"])),
        "bulk ship": BulkShipDialog(orders, partial(load_by_po, db)),
        "packing slips": PackingSlipDialog(orders),
        "add store": StoreDialog(db, CredentialStore(), ops),
        "edit store": StoreDialog(db, CredentialStore(), ops, ids["store"]),
        "first run": FirstRunWizard(db, CredentialStore(), ops, ask_store=lambda *_: None),
        "first run, no keyring": FirstRunWizard(
            db, CredentialStore(), ops, ask_store=lambda *_: None, keyring_missing=True
        ),
        "listing rules": rules,
        "keyring": KeyringDialog(KEYRING_PROBLEM),
        "amazon account": AmazonAccountDialog(db, CredentialStore(), ops, ids["store"]),
        "marketplace filter": MarketplaceFilter(),
        "marketplace filter, compact": MarketplaceFilter(compact=True),
    }
