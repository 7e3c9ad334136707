"""Settings, Desktop: the login item and the notification choices act at once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from channelmanager_gui.models.db import Database
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services import notify_prefs
from channelmanager_gui.services.autostart import Autostart
from channelmanager_gui.services.credentials import CredentialStore
from channelmanager_gui.services.sync_notices import NoticeKind
from channelmanager_gui.views.desktop_settings import DesktopSettings
from channelmanager_gui.views.settings_page import SettingsPage


def _linux(tmp_path: Path) -> Autostart:
    return Autostart(["/opt/cm/channelmanager"], platform="linux",
                     env={"XDG_CONFIG_HOME": str(tmp_path / "config")}, home=tmp_path)  # fmt: skip


def test_the_login_box_writes_and_removes_the_autostart_entry(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    autostart = _linux(tmp_path)
    widget = DesktopSettings(db, autostart)
    qtbot.addWidget(widget)
    assert not widget.autostart_box.isChecked()
    widget.autostart_box.click()
    entry = tmp_path / "config" / "autostart" / "channelmanager.desktop"
    assert entry.is_file() and "Exec=/opt/cm/channelmanager\n" in entry.read_text()
    again = DesktopSettings(db, autostart)  # shows what is on the system now
    qtbot.addWidget(again)
    assert again.autostart_box.isChecked()
    again.autostart_box.click()
    assert not entry.exists()


def test_a_refused_change_is_explained_and_the_box_goes_back(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    autostart = _linux(tmp_path)

    def refuse(on: bool) -> None:
        raise PermissionError(13, "Permission denied", str(autostart.path()))

    monkeypatch.setattr(autostart, "set_enabled", refuse)
    widget = DesktopSettings(db, autostart)
    qtbot.addWidget(widget)
    widget.autostart_box.click()
    assert not widget.autostart_box.isChecked()
    assert "refused" in widget.notice.text() and "Permission denied" in widget.notice.text()


def test_notification_boxes_save_the_choice(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    widget = DesktopSettings(db, _linux(tmp_path))
    qtbot.addWidget(widget)
    assert all(box.isChecked() for box in widget.notify_boxes.values())
    # Amazon's new orders notify too: the box does not say "Walmart" only.
    assert widget.notify_boxes[NoticeKind.NEW_ORDERS].text() == "New marketplace orders"
    widget.notify_boxes[NoticeKind.NEW_ORDERS].click()
    prefs = notify_prefs.load(db)
    assert not prefs.allows(NoticeKind.NEW_ORDERS) and prefs.allows(NoticeKind.SYNC_ERRORS)
    again = DesktopSettings(db, _linux(tmp_path))
    qtbot.addWidget(again)
    assert not again.notify_boxes[NoticeKind.NEW_ORDERS].isChecked()


def test_the_settings_page_holds_the_desktop_settings(qtbot: QtBot, db: Database) -> None:
    """By default the login item runs this app again, under $XDG_CONFIG_HOME (the tests')."""
    page = SettingsPage(
        db, CredentialStore(), OpRunner(lambda exc, label: pytest.fail(f"{label}: {exc!r}"))
    )
    qtbot.addWidget(page)
    page.desktop.autostart_box.click()
    entry = Path(os.environ["XDG_CONFIG_HOME"]) / "autostart" / "channelmanager.desktop"
    assert "-m channelmanager_gui" in entry.read_text()
