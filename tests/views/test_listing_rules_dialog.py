"""The listing rules editor: the live example follows every edit, Save waits for valid rules
with the reason shown, rows reorder, Save writes through the operation and hands back its
changes; it fits a 1024 × 700 screen; Settings opens it for the selected store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog
from pytestqt.qtbot import QtBot

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.store import Store
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services.changes import Change, Changes
from channelmanager_gui.services.credentials import CredentialStore
from channelmanager_gui.services.ops import listing_rules
from channelmanager_gui.views.listing_rules_dialog import ListingRulesDialog
from channelmanager_gui.views.price_rules_table import AMOUNT, CHANGE, NAME, STOP
from channelmanager_gui.views.settings_page import SettingsPage
from tests.models.marketplace_seed import add_amazon_account
from tests.models.order_seed import add_store


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


def dialog_for(qtbot: QtBot, db: Database, settings: dict[str, object]) -> ListingRulesDialog:
    store_id = add_store(db)
    with db.session() as session:
        session.get_one(Store, store_id).settings = settings
    dialog = ListingRulesDialog(db, store_id)
    qtbot.addWidget(dialog)
    return dialog


def test_example_follows_the_rules_and_save_waits_for_valid_ones(
    qtbot: QtBot, db: Database
) -> None:
    dialog = dialog_for(qtbot, db, {"safety_buffer": 3, "price_adjustment_pct": 10})
    assert dialog.held_back.value() == 3  # an old store's buffer, shown as held back
    assert dialog.example.text() == "is listed at $21.99 (after Store price adjustment)."
    table = dialog.price_rules
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)  # "Rule 2", +5 %
    assert dialog.example.text() == "is listed at $23.09 (after Store price adjustment, Rule 2)."

    table.table.item(1, AMOUNT).setText("abc")
    assert not dialog.save_button.isEnabled()
    assert dialog.reason.text() == "Price rule 2: “Rule 2”: amount 'abc' is not a number."
    table.table.item(1, AMOUNT).setText("2.50")
    change = table.table.cellWidget(1, CHANGE)
    assert isinstance(change, QComboBox)
    change.setCurrentIndex(change.findData("decrease fixed"))
    assert dialog.save_button.isEnabled() and dialog.reason.text() == ""
    assert dialog.example.text() == "is listed at $19.49 (after Store price adjustment, Rule 2)."

    table.table.selectRow(1)  # the fixed decrease first, then the 10 %: (19.99 − 2.50) × 1.1
    qtbot.mouseClick(table.up_button, Qt.MouseButton.LeftButton)
    assert table.table.item(0, NAME).text() == "Rule 2"
    assert dialog.example.text() == "is listed at $19.24 (after Rule 2, Store price adjustment)."
    table.table.item(0, STOP).setCheckState(Qt.CheckState.Checked)
    assert dialog.example.text() == "is listed at $17.49 (after Rule 2)."

    dialog.example_price.setText("2.00")
    assert dialog.example.text() == "is not sent a price: the rules bring it under $0.01."
    dialog.threshold.setValue(2)
    dialog.maximum.setValue(50)

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.changes == Changes.of(Change.STORES, id=dialog.store_id)
    rules, problem = listing_rules.check(listing_rules.load_rules(db, dialog.store_id))
    assert problem is None  # saved on the store's Walmart account (rules are per account)
    assert (rules.safety_buffer, rules.out_of_stock_threshold, rules.max_quantity) == (3, 2, 50)
    assert [(r.name, r.stop_further) for r in rules.price_rules] == [
        ("Rule 2", True),
        ("Store price adjustment", False),
    ]


def test_the_dialog_fits_a_small_screen_with_rules(qtbot: QtBot, db: Database) -> None:
    many = [{"name": f"Rule {i}", "amount": "1"} for i in range(12)]
    dialog = dialog_for(qtbot, db, {"listing_rules": {"price_rules": many}})
    dialog.show()
    qtbot.waitExposed(dialog)
    hint = dialog.sizeHint()
    assert hint.width() <= 1024 and hint.height() <= 700, hint
    assert dialog.minimumSizeHint().height() <= 700


def test_settings_opens_the_rules_of_the_selected_store(qtbot: QtBot, db: Database) -> None:
    store_id = add_store(db)
    asked: list[int] = []

    def ask_rules(_parent: object, _db: Database, chosen: int) -> Changes:
        asked.append(chosen)
        return Changes.of(Change.STORES, id=chosen)

    ops = OpRunner(lambda exc, label: pytest.fail(f"{label}: {exc!r}"))
    page = SettingsPage(db, CredentialStore(), ops, ask_rules=ask_rules)
    qtbot.addWidget(page)
    assert "Listed stock:" in page.summary.text()
    with qtbot.waitSignal(page.stores_changed):
        qtbot.mouseClick(page.rules_button, Qt.MouseButton.LeftButton)
    assert asked == [store_id]


def test_each_account_has_its_own_rules(qtbot: QtBot, db: Database) -> None:
    """A store selling on Walmart and Amazon picks the account; each keeps its own rules."""
    dialog = dialog_for(qtbot, db, {"safety_buffer": 3})
    amazon_id = add_amazon_account(db, dialog.store_id, "Amazon US")
    dialog = ListingRulesDialog(db, dialog.store_id)
    qtbot.addWidget(dialog)
    assert not dialog.account.isHidden()
    assert [dialog.account.itemText(i) for i in range(dialog.account.count())] == [
        "Walmart",
        "Amazon US",
    ]
    dialog.account.setCurrentIndex(1)
    assert dialog.account_id() == amazon_id
    assert dialog.held_back.value() == 3  # no rules of its own yet: the store's, as a start
    dialog.threshold.setValue(5)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    amazon, _ = listing_rules.check(listing_rules.load_rules(db, dialog.store_id, amazon_id))
    walmart, _ = listing_rules.check(listing_rules.load_rules(db, dialog.store_id))
    assert (amazon.out_of_stock_threshold, walmart.out_of_stock_threshold) == (5, 0)


def test_a_store_with_one_account_shows_no_account_choice(qtbot: QtBot, db: Database) -> None:
    dialog = dialog_for(qtbot, db, {})
    assert dialog.account.isHidden() and dialog.account.count() == 1
