"""Settings: store dialog validation, secrets to the keyring only, Test connection against the
sandboxes, the store list, and the first-run wizard."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from channelmanager_gui.errors import CredentialsError
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.sandbox.pair import SandboxPair, start_pair
from channelmanager_gui.services import stores
from channelmanager_gui.services.credentials import FIX_HINT, SERVICE, CredentialStore
from channelmanager_gui.services.engine.settings import DEFAULT_ORDER_EMAIL, StoreSettings
from channelmanager_gui.services.ops import store_writes as store_form
from channelmanager_gui.views.first_run import FirstRunWizard
from channelmanager_gui.views.settings_page import SettingsPage, settings_summary
from channelmanager_gui.views.store_dialog import SAVED_PLACEHOLDER, TEST_FAILED, StoreDialog
from tests.memory_keyring import MemoryKeyring
from tests.models.marketplace_seed import add_amazon_account

MATCH = Qt.MatchFlag.MatchContains
GOOD = {
    "commerce_token": "tok-123",
    "walmart_client_id": "client-1",
    "walmart_client_secret": "very-secret-value",
}


@pytest.fixture(scope="module")
def pair() -> Iterator[SandboxPair]:
    with start_pair(products=20, orders=2, rate_limit_scale=0) as running:
        yield running


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


@pytest.fixture
def ops() -> OpRunner:
    return OpRunner(lambda exc, label: pytest.fail(f"{label}: {exc!r}"))


def _dialog(qtbot: QtBot, db: Database, ops: OpRunner, store_id: int | None = None) -> StoreDialog:
    dialog = StoreDialog(db, CredentialStore(), ops, store_id)
    qtbot.addWidget(dialog)
    return dialog


def _fill(dialog: StoreDialog, secrets: dict[str, str] = GOOD, **fields: str) -> None:
    values = {
        "name": "Main shop",
        "commerce_url": "https://shop.example.com",
        "walmart_url": "https://marketplace.walmartapis.com",
        **fields,
    }
    for name, text in values.items():
        getattr(dialog, name).setText(text)
    for key, edit in dialog.secret_fields.items():
        edit.setText(secrets.get(key, ""))


@pytest.mark.parametrize(
    ("fields", "secrets", "reason"),
    [
        ({"commerce_url": "shop.example.com"}, GOOD, "Commerce URL"),
        ({"commerce_url": "http://shop.example.com"}, GOOD, "https"),
        ({"walmart_url": "ftp://x"}, GOOD, "Walmart URL"),
        ({"name": "  "}, GOOD, "name"),
        ({}, {**GOOD, "commerce_token": ""}, "Commerce access token is required"),
        ({}, {**GOOD, "walmart_client_secret": " "}, "Walmart Client Secret is required"),
    ],
)
def test_invalid_input_blocks_save_with_the_reason(
    qtbot: QtBot, db: Database, ops: OpRunner, fields: dict[str, str],
    secrets: dict[str, str], reason: str,
) -> None:  # fmt: skip
    dialog = _dialog(qtbot, db, ops)
    _fill(dialog, secrets, **fields)
    assert not dialog.save_button.isEnabled()
    assert reason in dialog.reason.text()
    _fill(dialog)
    assert dialog.save_button.isEnabled()
    assert dialog.reason.text() == ""


def test_rules_and_identifier_mapping_are_validated(
    qtbot: QtBot, db: Database, ops: OpRunner
) -> None:
    dialog = _dialog(qtbot, db, ops)
    _fill(dialog)
    dialog.identifiers.set_mapping({})
    assert "Map at least one" in dialog.reason.text()
    dialog.identifiers.set_mapping({"barcode": "EAN", "upc": "UPC"})
    assert dialog.save_button.isEnabled()


def test_ship_from_source_is_a_store_setting(qtbot: QtBot, db: Database, ops: OpRunner) -> None:
    dialog = _dialog(qtbot, db, ops)
    _fill(dialog)
    assert dialog.ship_source.text() == "default"
    dialog.ship_source.setText("east warehouse")
    assert not dialog.save_button.isEnabled()
    assert "source code without spaces" in dialog.reason.text()
    dialog.ship_source.setText(" east ")
    dialog.save_button.click()
    assert dialog.store_id is not None
    [store] = stores.list_stores(db)
    assert StoreSettings.from_json(store.settings).ship_source_code == "east"
    assert _dialog(qtbot, db, ops, dialog.store_id).ship_source.text() == "east"


def test_order_email_is_checked_saved_and_defaults_to_one_that_reaches_nobody(
    qtbot: QtBot, db: Database, ops: OpRunner
) -> None:
    dialog = _dialog(qtbot, db, ops)
    _fill(dialog)
    assert dialog.answer().settings.order_email == DEFAULT_ORDER_EMAIL  # left empty
    dialog.order_email.setText("not an address")
    assert not dialog.save_button.isEnabled() and "order e-mail" in dialog.reason.text().lower()
    dialog.order_email.setText("walmart-orders@shop.example")
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()
    [store] = stores.list_stores(db)
    settings = StoreSettings.from_json(store.settings)
    assert settings.order_email == "walmart-orders@shop.example"
    assert "walmart-orders@shop.example" in settings_summary(settings)
    edited = _dialog(qtbot, db, ops, store.id)
    assert edited.order_email.text() == "walmart-orders@shop.example"


def test_save_puts_secrets_in_the_keyring_and_never_in_the_database(
    qtbot: QtBot, db: Database, ops: OpRunner, memory_keyring: MemoryKeyring
) -> None:
    dialog = _dialog(qtbot, db, ops)
    _fill(dialog, commerce_url="https://shop.example.com/rest/V1/")
    dialog.intervals["orders"].setValue(45)
    dialog.identifiers.set_mapping({"barcode": "EAN"})
    dialog.save_button.click()
    assert dialog.result() == StoreDialog.DialogCode.Accepted
    store_id = dialog.store_id
    assert store_id is not None
    assert memory_keyring.secrets[(SERVICE, f"store:{store_id}:commerce_token")] == "tok-123"
    [store] = stores.list_stores(db)
    settings = StoreSettings.from_json(store.settings)
    assert settings.intervals["orders"] == 45
    assert settings.identifier_attributes == {"barcode": "EAN"}
    db.dispose()
    raw = b"".join(f.read_bytes() for f in db.path.parent.glob(db.path.name + "*"))
    for secret in GOOD.values():
        assert secret.encode() not in raw


def test_edit_never_shows_secrets_and_blank_keeps_them(
    qtbot: QtBot, db: Database, ops: OpRunner, memory_keyring: MemoryKeyring
) -> None:
    first = _dialog(qtbot, db, ops)
    _fill(first)
    first.save_button.click()
    store_id = first.store_id
    assert store_id is not None
    dialog = _dialog(qtbot, db, ops, store_id)
    for edit in dialog.secret_fields.values():
        assert edit.text() == ""
        assert edit.placeholderText() == SAVED_PLACEHOLDER
    assert dialog.save_button.isEnabled()
    dialog.name.setText("Renamed shop")
    dialog.secret_fields["walmart_client_secret"].setText("new-secret")
    dialog.save_button.click()
    assert [s.name for s in stores.list_stores(db)] == ["Renamed shop"]
    creds = CredentialStore()
    assert creds.get(f"store:{store_id}:commerce_token") == "tok-123"
    assert creds.get(f"store:{store_id}:walmart_client_secret") == "new-secret"


def _test(dialog: StoreDialog, loop: qasync.QEventLoop) -> str:
    dialog.test_button.click()
    assert dialog.test_task is not None
    loop.run_until_complete(asyncio.wait([dialog.test_task]))
    return dialog.test_result.text()


def test_test_connection_against_the_sandboxes(
    qtbot: QtBot, db: Database, ops: OpRunner, pair: SandboxPair, qasync_loop: qasync.QEventLoop
) -> None:
    dialog = _dialog(qtbot, db, ops)
    secrets = {
        "commerce_token": pair.commerce.token,
        "walmart_client_id": pair.walmart.client_id,
        "walmart_client_secret": pair.walmart.client_secret,
    }
    _fill(dialog, secrets, commerce_url=pair.commerce.url, walmart_url=pair.walmart.url)
    text = _test(dialog, qasync_loop)
    assert "Connected to Commerce" in text
    assert "Connected to Walmart" in text
    assert text.count("✔") == 2


def test_test_connection_reports_bad_credentials_clearly(
    qtbot: QtBot, db: Database, ops: OpRunner, pair: SandboxPair, qasync_loop: qasync.QEventLoop
) -> None:
    dialog = _dialog(qtbot, db, ops)
    wrong = {**GOOD, "walmart_client_id": pair.walmart.client_id}
    _fill(dialog, wrong, commerce_url=pair.commerce.url, walmart_url=pair.walmart.url)
    text = _test(dialog, qasync_loop)
    assert text.count("✖") == 2
    assert "Commerce refused the access token" in text
    assert "Walmart refused the credentials" in text
    assert dialog.test_button.isEnabled()
    # Issue 20: Save stayed enabled after a failed test, and the verdict stayed after the
    # details it was about changed.
    assert not dialog.save_button.isEnabled()
    assert dialog.reason.text() == TEST_FAILED
    dialog.walmart_url.setText(pair.walmart.url + "/")
    assert dialog.test_result.text() == ""
    assert dialog.save_button.isEnabled() and dialog.reason.text() == ""


def test_the_client_id_is_shown_and_the_secrets_masked(
    qtbot: QtBot, db: Database, ops: OpRunner
) -> None:
    dialog = _dialog(qtbot, db, ops)
    modes = {key: edit.echoMode() for key, edit in dialog.secret_fields.items()}
    assert modes["walmart_client_id"] == QLineEdit.EchoMode.Normal
    assert modes["walmart_client_secret"] == modes["commerce_token"] == QLineEdit.EchoMode.Password


def test_settings_page_adds_edits_and_removes_stores(
    qtbot: QtBot, db: Database, ops: OpRunner, memory_keyring: MemoryKeyring
) -> None:
    asked: list[int | None] = []

    def ask_store(parent, db_, creds, ops_, store_id):  # type: ignore[no-untyped-def]
        asked.append(store_id)
        if store_id is None:
            return stores.add_store(
                db_, creds, name="Shop", commerce_url="https://a.example.com",
                commerce_store_code="default", walmart_url="https://b.example.com",
                secrets=GOOD,
            ).id  # fmt: skip
        return store_id

    page = SettingsPage(db, CredentialStore(), ops, ask_store=ask_store, confirm=lambda *_: True)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 0
    assert not page.edit_button.isEnabled()
    with qtbot.waitSignal(page.stores_changed):
        page.add_button.click()
    assert page.table.item(0, 0).text() == "Shop"
    page.table.selectRow(0)
    # the summary is our markup (bold labels), not "<p><b>…" shown as typed
    assert page.summary.textFormat() == Qt.TextFormat.RichText
    assert "Listed stock:" in page.summary.text()
    with qtbot.waitSignal(page.stores_changed):
        page.edit_button.click()
    assert asked == [None, page.selected_store()]
    with qtbot.waitSignal(page.stores_changed):
        page.remove_button.click()
    assert page.table.rowCount() == 0
    assert memory_keyring.secrets == {}


def test_first_run_offers_the_demo_and_connecting_a_store(
    qtbot: QtBot, db: Database, ops: OpRunner
) -> None:
    wizard = FirstRunWizard(db, CredentialStore(), ops, ask_store=lambda *_: 7)
    qtbot.addWidget(wizard)
    with qtbot.waitSignal(wizard.demo_requested):
        wizard.demo_button.click()
    with qtbot.waitSignal(wizard.store_added) as added:
        wizard.connect_button.click()
    assert added.args == [7]
    cancelled = FirstRunWizard(db, CredentialStore(), ops, ask_store=lambda *_: None)
    qtbot.addWidget(cancelled)
    with qtbot.assertNotEmitted(cancelled.store_added):
        cancelled.connect_button.click()


def test_settings_summary_reads_as_a_sentence_with_names_kept() -> None:
    text = settings_summary(StoreSettings())
    assert "new marketplace orders every 10 s" in text  # Walmart's and Amazon's
    # Amazon's loops in words, not their names ("amazon_push every 30 s" in the demo)
    assert "price and stock changes to Amazon every 30 s" in text
    assert "listings report from Amazon every 30 min" in text
    assert "amazon_" not in text and "Walmart buyer" not in text
    assert "Walmart returns every" in text  # a proper noun keeps its capital
    assert "product changes in Commerce every 10 s" in text
    shipped_from = settings_summary(StoreSettings(ship_source_code="east<1>"))
    assert "from the Commerce source “east&lt;1&gt;”" in shipped_from


def test_store_reason_for_cancellations_in_commerce_is_saved(
    qtbot: QtBot, db: Database, ops: OpRunner, memory_keyring: MemoryKeyring
) -> None:
    first = _dialog(qtbot, db, ops)
    _fill(first)
    assert first.commerce_cancel.currentData() is None  # held by default: no reason picked
    first.commerce_cancel.setCurrentIndex(
        first.commerce_cancel.findText("Out of stock", flags=MATCH)
    )
    first.save_button.click()
    (store,) = stores.list_stores(db)
    settings = StoreSettings.from_json(store.settings)
    assert settings.commerce_cancel_reason == "SELLER_CANCEL_OUT_OF_STOCK"
    again = _dialog(qtbot, db, ops, store.id)
    assert again.commerce_cancel.currentData() == "SELLER_CANCEL_OUT_OF_STOCK"
    assert "cancelled on Walmart as “Out of stock”" in settings_summary(settings)
    assert "held until you choose" in settings_summary(StoreSettings())


def test_dialog_keeps_its_layout_with_the_keyring_message(
    qtbot: QtBot, db: Database, ops: OpRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 20 #2: the keyring's long fix squeezed the fields into slivers and was cut."""
    dialog = _dialog(qtbot, db, ops)
    _fill(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    def no_keyring(*_: object) -> int:
        raise CredentialsError(FIX_HINT)

    monkeypatch.setattr(store_form, "save", no_keyring)
    dialog.save_button.click()
    QApplication.processEvents()
    assert dialog.reason.text() == FIX_HINT
    for edit in (dialog.name, dialog.commerce_url, *dialog.secret_fields.values()):
        assert edit.height() >= edit.minimumSizeHint().height(), edit.placeholderText()
    reason = dialog.reason
    # a full-width line, not a column squeezed beside the buttons
    assert reason.width() >= dialog.width() * 0.9
    assert reason.height() >= reason.heightForWidth(reason.width())  # the whole fix is shown
    assert dialog.save_button.isVisible()
    assert dialog.height() <= 640  # still fits a 1024 × 700 screen with its title bar


def test_a_new_store_form_starts_in_its_first_field_without_scolding(
    qtbot: QtBot, db: Database, ops: OpRunner
) -> None:
    """Under Xvfb: the typing went to the tab bar, and "Give the store a name." was in red
    before anything was typed."""
    dialog = _dialog(qtbot, db, ops)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.name
    assert dialog.reason.text() == "" and not dialog.save_button.isEnabled()
    assert "name" in dialog.save_button.toolTip()
    qtbot.keyClicks(dialog.name, "My shop")
    assert "Commerce URL" in dialog.reason.text()  # typed: now it says what is missing


def test_the_stores_table_shows_each_stores_amazon_account(
    qtbot: QtBot, db: Database, ops: OpRunner, memory_keyring: MemoryKeyring
) -> None:
    """A store selling on Amazon too says so in the list (only "Walmart API" before)."""
    shop = stores.add_store(
        db, CredentialStore(), name="Shop", commerce_url="https://a.example.com",
        commerce_store_code="default", walmart_url="https://b.example.com", secrets=GOOD,
    ).id  # fmt: skip
    page = SettingsPage(db, CredentialStore(), ops)
    qtbot.addWidget(page)
    header = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
    assert header[-1] == "Amazon account" and page.table.item(0, 4).text() == "—"
    add_amazon_account(db, shop, name="Amazon US")
    page.reload()
    assert page.table.item(0, 4).text() == "A3FHEXAMPLEYWS (Amazon US)"
