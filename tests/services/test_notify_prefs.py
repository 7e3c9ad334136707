"""Notification settings: saved in app_settings, and the notices they turn off are not given."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.store import AppSetting
from channelmanager_gui.services import notify_prefs
from channelmanager_gui.services.notify_prefs import NotifyPrefs
from channelmanager_gui.services.sync_notices import Notice, NoticeKind, SyncNotices
from channelmanager_gui.services.sync_status import SyncState, SyncStatusBoard

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def test_everything_notifies_until_the_merchant_chooses(db: Database) -> None:
    prefs = notify_prefs.load(db)
    assert all(prefs.allows(kind) for kind in NoticeKind)


def test_a_choice_is_saved_and_read_back(db: Database) -> None:
    notify_prefs.save(db, NotifyPrefs().with_kind(NoticeKind.NEW_ORDERS, False))
    assert notify_prefs.load(db) == NotifyPrefs(frozenset({NoticeKind.NEW_ORDERS}))
    with db.session() as session:
        saved = session.get(AppSetting, notify_prefs.SETTING_KEY)
        assert saved is not None
        assert saved.value == {"new_orders": False, "sync_errors": True, "cancellations": True}
    notify_prefs.save(db, notify_prefs.load(db).with_kind(NoticeKind.NEW_ORDERS, True))
    assert notify_prefs.load(db) == NotifyPrefs()


def test_an_unreadable_setting_means_on_and_is_logged(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    with db.session() as session:
        session.add(AppSetting(key=notify_prefs.SETTING_KEY, value={"sync_errors": "no"}))
    with caplog.at_level(logging.WARNING):
        assert notify_prefs.load(db).allows(NoticeKind.SYNC_ERRORS)
    assert "sync_errors='no'" in caplog.text


def test_notices_of_a_kind_turned_off_are_not_given(db: Database) -> None:
    """The tray's filter (app.py passes this ``allowed``): asked at each notice."""
    seen: list[Notice] = []
    notices = SyncNotices(seen.append, allowed=lambda kind: notify_prefs.load(db).allows(kind))
    board = SyncStatusBoard()
    board.subscribe(notices.check)
    notify_prefs.save(db, NotifyPrefs().with_kind(NoticeKind.NEW_ORDERS, False))
    board.update("orders", state=SyncState.IDLE, last_run=T0, counts={"new": 3})
    board.update("inventory", state=SyncState.ERROR, last_error="Walmart said 500")
    assert [notice.kind for notice in seen] == [NoticeKind.SYNC_ERRORS]
    notify_prefs.save(db, NotifyPrefs())  # on again: the next run's orders are announced
    board.update("orders", state=SyncState.IDLE, last_run=T0.replace(hour=13), counts={"new": 1})
    assert seen[-1] == Notice("1 new Walmart order", "Open Orders to see it.")
    assert seen[-1].kind is NoticeKind.NEW_ORDERS


def test_each_event_has_its_kind() -> None:
    seen: list[Notice] = []
    board = SyncStatusBoard()
    board.subscribe(SyncNotices(seen.append).check)
    board.update("orders", state=SyncState.IDLE, last_run=T0, counts={"new": 1})
    board.update("cancellations", state=SyncState.IDLE, last_run=T0, counts={"held": 1})
    board.update("inventory", state=SyncState.ERROR, last_error="down")
    assert [notice.kind for notice in seen] == [
        NoticeKind.NEW_ORDERS, NoticeKind.CANCELLATIONS, NoticeKind.SYNC_ERRORS
    ]  # fmt: skip
