"""Every page opens in Simplified Chinese and in Korean (issue 21, Languages): the catalogs
load, the pages show their translated texts, dates and money follow the language, and the
window lays out without error at its smallest size."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.services import language_prefs
from channelmanager_gui.services.language_prefs import Language
from channelmanager_gui.views import i18n
from channelmanager_gui.views.language_settings import LanguageSettings
from channelmanager_gui.views.locale_format import date_text, money_text
from channelmanager_gui.views.navigation import Area
from tests.models.order_seed import seed_shop
from tests.views.i18n_support import shown_texts
from tests.views.test_page_wiring import build

_SCRIPT = {
    Language.CHINESE_SIMPLIFIED: re.compile(r"[\u4e00-\u9fff]"),
    Language.KOREAN: re.compile(r"[\uac00-\ud7a3]"),
}
_NAV = {
    Language.CHINESE_SIMPLIFIED: ("概览", "刊登", "匹配", "订单", "退货", "同步活动", "设置"),
    Language.KOREAN: ("대시보드", "상품 등록", "매칭", "주문", "반품", "동기화 활동", "설정"),
}


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


@pytest.fixture(params=[Language.CHINESE_SIMPLIFIED, Language.KOREAN])
def language(request: pytest.FixtureRequest) -> Iterator[Language]:
    before = QLocale()
    installed = i18n.install(request.param)
    assert len(installed.translators) == 2  # ours and Qt's own
    yield request.param
    installed.remove()
    QLocale.setDefault(before)


def test_every_page_shows_the_language(qtbot: QtBot, db: Database, language: Language) -> None:
    seed_shop(db)
    window, _pages, _ = build(qtbot, db)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    script = _SCRIPT[language]
    assert tuple(area.title for area in Area) == _NAV[language]
    for area in Area:
        window.show_area(area)
        qtbot.wait(50)
        texts = [text for _where, text in shown_texts(window) if text.strip()]
        translated = [text for text in texts if script.search(text)]
        # Most of what a page shows is words; the rest is the shop's data and numbers.
        assert len(translated) >= len(texts) / 2, (area, texts)
        title = window.page(area).findChild(QLabel, "pageTitle")
        if title is not None:
            assert script.search(title.text()), (area, title.text())
    assert window.menuBar().actions()[0].text() in ("文件(&F)", "파일(&F)")


def test_dates_and_money_follow_the_language(language: Language) -> None:
    day = datetime(2024, 5, 1, 14, 5)
    expected_day = {Language.CHINESE_SIMPLIFIED: "2024-05-01", Language.KOREAN: "2024. 5. 1."}
    assert date_text(day) == expected_day[language]
    # Walmart.com's own "$" in every language, as the core's order totals show it too.
    assert money_text(Decimal("1234.50")) == "$1,234.50"
    assert money_text(Decimal("12"), "EUR") == "12.00 EUR"


def test_the_choice_is_saved_and_system_follows_the_locale(db: Database) -> None:
    assert language_prefs.load(db) is Language.SYSTEM
    language_prefs.save(db, Language.KOREAN)
    assert language_prefs.load(db) is Language.KOREAN
    chinese, german = QLocale("zh_CN"), QLocale("de_DE")
    assert i18n.resolve(Language.SYSTEM, chinese) is Language.CHINESE_SIMPLIFIED
    assert i18n.resolve(Language.SYSTEM, german) is Language.ENGLISH
    assert i18n.locale_for(Language.SYSTEM, german) == german


def test_settings_saves_the_language_and_says_when_it_applies(qtbot: QtBot, db: Database) -> None:
    settings = LanguageSettings(db)
    qtbot.addWidget(settings)
    assert settings.choice.currentData() == Language.SYSTEM.value
    settings.choice.setCurrentIndex(settings.choice.findData(Language.KOREAN.value))
    assert language_prefs.load(db) is Language.KOREAN
    assert settings.notice.text() == "Channel Manager를 다시 시작하면 적용됩니다."
    assert not settings.notice.isHidden()
    settings.choice.setCurrentIndex(settings.choice.findData(Language.SYSTEM.value))
    assert language_prefs.load(db) is Language.SYSTEM
    assert settings.notice.isHidden()  # back to what this run shows: nothing to restart for
