"""Sync notices in the window's language (``views/notice_words.py``): in English they say
exactly what the core's notice says, so the two wordings cannot drift apart; in Chinese and
Korean they are translated."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale

from channelmanager_gui.services.language_prefs import Language
from channelmanager_gui.services.sync_notices import Notice, SyncNotices
from channelmanager_gui.services.sync_status import SyncState, SyncStatusBoard
from channelmanager_gui.views import i18n
from channelmanager_gui.views.notice_words import NoticeWords

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def _every_kind_of_notice() -> list[Notice]:
    board = SyncStatusBoard()
    seen: list[Notice] = []
    board.subscribe(SyncNotices(seen.append).check)
    board.update("orders", last_run=T0, counts={"new": 1})
    board.update("Outlet/orders", last_run=T0, counts={"new": 3})
    board.update("cancellations", last_run=T0, counts={"held": 2, "refused": 1})
    board.update("Outlet/cancellations", last_run=T0, counts={"held": 1})
    board.update("inventory", state=SyncState.ERROR, last_error="Walmart is down")
    assert len(seen) == 6
    return seen


@pytest.fixture
def korean() -> Iterator[None]:
    before = QLocale()
    installed = i18n.install(Language.KOREAN)
    yield
    installed.remove()
    QLocale.setDefault(before)


def test_in_english_the_window_says_what_the_core_says() -> None:
    """The same words, with the plural the English catalog picks where the core says "(s)"."""
    for notice in _every_kind_of_notice():
        plural = "" if notice.count == 1 else "s"
        expected = (notice.title.replace("(s)", plural), notice.text)
        assert NoticeWords().of(notice) == expected


@pytest.mark.usefixtures("korean")
def test_in_korean_every_notice_is_translated() -> None:
    for notice in _every_kind_of_notice():
        title, text = NoticeWords().of(notice)
        assert title != notice.title, title
        if notice.text != "Walmart is down":  # the service's own error stays as it is
            assert text != notice.text, text
    new_orders = NoticeWords().of(_every_kind_of_notice()[1])
    assert new_orders == ("새 Walmart 주문 3건 (Outlet)", "주문 화면에서 확인하세요.")


def test_new_orders_name_their_marketplace() -> None:
    """Amazon's orders say Amazon; orders from both marketplaces name each with its count."""
    board = SyncStatusBoard()
    seen: list[Notice] = []
    board.subscribe(SyncNotices(seen.append).check)
    board.update("orders", last_run=T0, counts={"new_amazon": 2})
    board.update("Outlet/orders", last_run=T0, counts={"new_walmart": 1, "new_amazon": 2})
    words = [NoticeWords().of(notice)[0] for notice in seen]
    assert words == ["2 new Amazon orders", "3 new orders for Outlet (Walmart 1, Amazon 2)"]
    assert words == [notice.title for notice in seen]  # the same words as the core's
