"""The Amazon account dialog: Save blocked with the reason until valid, secrets to the keyring
only, Test connection against the Amazon sandbox naming each failure in words (a bad refresh
token, a marketplace the account does not sell in), and Settings opening it for a store."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
import qasync
from pytestqt.qtbot import QtBot

from channelmanager_gui.errors import CredentialsError
from channelmanager_gui.models.db import Database
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.sandbox.amazon import AmazonSandbox
from channelmanager_gui.services import ops as core
from channelmanager_gui.services.credentials import CredentialStore
from channelmanager_gui.views.amazon_account_dialog import AmazonAccountDialog
from channelmanager_gui.views.settings_page import SettingsPage
from tests.memory_keyring import MemoryKeyring
from tests.models.marketplace_seed import add_amazon_account
from tests.models.order_seed import add_store

US, MX = "ATVPDKIKX0DER", "A1AM78C64UM0Y8"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[AmazonSandbox]:
    with AmazonSandbox(seed=7, products=20, orders=0) as running:
        yield running


@pytest.fixture
def ops() -> OpRunner:
    return OpRunner(lambda exc, label: pytest.fail(f"{label}: {exc!r}"))


def dialog_for(qtbot: QtBot, db: Database, ops: OpRunner, sandbox: AmazonSandbox,
               refresh_token: str | None = None) -> AmazonAccountDialog:  # fmt: skip
    dialog = AmazonAccountDialog(db, CredentialStore(), ops, add_store(db))
    qtbot.addWidget(dialog)
    c = sandbox.credentials
    dialog.seller_id.setText(c.seller_id)
    dialog.api_url.setText(sandbox.url)
    dialog.auth_url.setText(sandbox.lwa_url)
    values = {"lwa_client_id": c.client_id, "lwa_client_secret": c.client_secret,
              "lwa_refresh_token": refresh_token or c.refresh_token}  # fmt: skip
    for key, value in values.items():
        dialog.secret_fields[key].setText(value)
    return dialog


def run_test(dialog: AmazonAccountDialog, loop: qasync.QEventLoop) -> str:
    dialog.test_button.click()
    assert dialog.test_task is not None
    loop.run_until_complete(asyncio.wait([dialog.test_task]))
    return dialog.test_result.text()


def test_save_is_blocked_with_the_reason_until_the_form_is_complete(
    qtbot: QtBot, db: Database, ops: OpRunner, sandbox: AmazonSandbox
) -> None:
    dialog = dialog_for(qtbot, db, ops, sandbox)
    assert dialog.save_button.isEnabled() and dialog.reason.text() == ""
    dialog.secret_fields["lwa_refresh_token"].clear()
    assert not dialog.save_button.isEnabled()
    assert dialog.reason.text() == "The refresh token is required."
    dialog.secret_fields["lwa_refresh_token"].setText("Atzr|x")
    dialog.marketplace_boxes[US].setChecked(False)
    assert "at least one marketplace" in dialog.reason.text().lower()


def test_a_bad_refresh_token_is_named_in_words_and_blocks_save(
    qtbot: QtBot, db: Database, ops: OpRunner, sandbox: AmazonSandbox,
    qasync_loop: qasync.QEventLoop,
) -> None:  # fmt: skip
    dialog = dialog_for(qtbot, db, ops, sandbox, refresh_token="Atzr|not-the-right-one")
    text = run_test(dialog, qasync_loop)
    assert "✖" in text and "refresh token" in text
    assert not dialog.save_button.isEnabled() and "test failed" in dialog.reason.text()
    dialog.secret_fields["lwa_refresh_token"].setText(sandbox.credentials.refresh_token)
    assert dialog.test_result.text() == "" and dialog.save_button.isEnabled()  # stale verdict gone


def test_a_marketplace_the_account_does_not_sell_in_is_named(
    qtbot: QtBot, db: Database, ops: OpRunner, sandbox: AmazonSandbox,
    qasync_loop: qasync.QEventLoop,
) -> None:  # fmt: skip
    dialog = dialog_for(qtbot, db, ops, sandbox)
    assert "✔" in run_test(dialog, qasync_loop)
    dialog.marketplace_boxes[MX].setChecked(True)
    assert "not registered in Amazon.com.mx" in run_test(dialog, qasync_loop)


def test_saved_secrets_land_in_the_keyring_only(
    qtbot: QtBot, db: Database, ops: OpRunner, sandbox: AmazonSandbox,
    memory_keyring: MemoryKeyring,
) -> None:  # fmt: skip
    dialog = dialog_for(qtbot, db, ops, sandbox)
    dialog.save_button.click()
    assert dialog.account_id is not None
    saved = {user: value for (_s, user), value in memory_keyring.secrets.items()}
    token = sandbox.credentials.refresh_token
    assert saved[f"account:{dialog.account_id}:lwa_refresh_token"] == token
    (account,) = [a for a in core.accounts.list_accounts(db) if a.marketplace == "amazon"]
    assert token not in repr(account) and account.marketplace_ids == (US,)
    again = AmazonAccountDialog(db, CredentialStore(), ops, account.store_id, account.id)
    qtbot.addWidget(again)
    assert all(edit.text() == "" for edit in again.secret_fields.values())  # never shown back
    assert again.seller_id.text() == sandbox.credentials.seller_id and again.save_button.isEnabled()


def test_settings_opens_the_dialog_for_the_selected_store(
    qtbot: QtBot, db: Database, ops: OpRunner
) -> None:
    asked: list[int] = []

    def ask(_parent: object, _db: object, _creds: object, _ops: object, store_id: int) -> int:
        asked.append(store_id)
        return 7

    page = SettingsPage(db, CredentialStore(), ops, ask_account=ask)
    qtbot.addWidget(page)
    store_id = add_store(db)
    page.reload()
    page.table.selectRow(0)
    with qtbot.waitSignal(page.stores_changed):
        page.amazon_button.click()
    assert asked == [store_id]


class NoKeyring(CredentialStore):
    """A machine without a usable keyring (the demo under Xvfb): every read refuses."""

    def get(self, key: str) -> str | None:
        raise CredentialsError("Channel Manager keeps your secrets in the keyring; none here.\n…")


def test_test_connection_without_a_keyring_says_so_instead_of_failing_silently(
    qtbot: QtBot, qasync_loop: qasync.QEventLoop, db: Database, ops: OpRunner,
    sandbox: AmazonSandbox,
) -> None:  # fmt: skip
    """An edit with the secrets left blank cannot read them back: the result says why and
    what to do (it raised and the button did nothing); typed secrets are tested anyway."""
    store_id = add_store(db)
    dialog = AmazonAccountDialog(db, NoKeyring(), ops, store_id, add_amazon_account(db, store_id))
    qtbot.addWidget(dialog)
    dialog.test_button.click()
    assert dialog.test_task is None
    assert (
        "The saved secrets cannot be read: Channel Manager keeps your secrets in the keyring; "
        "none here. Type them above to test."
    ) in dialog.test_result.text()
    c = sandbox.credentials
    dialog.seller_id.setText(c.seller_id)
    dialog.api_url.setText(sandbox.url)
    dialog.auth_url.setText(sandbox.lwa_url)
    typed = {"lwa_client_id": c.client_id, "lwa_client_secret": c.client_secret,
             "lwa_refresh_token": c.refresh_token}  # fmt: skip
    for key, value in typed.items():
        dialog.secret_fields[key].setText(value)
    assert "Connected" in run_test(dialog, qasync_loop)
