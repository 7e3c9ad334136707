"""The interface language: follow the system, or the merchant's choice (Settings, "Language").

Saved app-wide in ``app_settings`` under :data:`SETTING_KEY` as one of :class:`Language`'s
values; nothing saved (or something unreadable, logged) means follow the system's locale.
Qt-free: the window (``views/i18n.py``) turns the choice into translators and a ``QLocale``.
Only the window's texts, dates and money follow it; what goes to Walmart and Commerce keeps
their formats.
"""

from __future__ import annotations

from enum import StrEnum

from channelmanager_gui.models.db import Database
from channelmanager_gui.services.choice_setting import load_choice, save_choice
from channelmanager_gui.text_marks import N_

SETTING_KEY = "language"


class Language(StrEnum):
    SYSTEM = "system"
    ENGLISH = "en"
    CHINESE_SIMPLIFIED = "zh_CN"
    KOREAN = "ko_KR"


# Each language is named in itself, so a merchant finds theirs whatever is shown now.
LABELS: dict[Language, str] = {
    Language.SYSTEM: N_("LanguageSettings", "Follow the system"),
    Language.ENGLISH: "English",
    Language.CHINESE_SIMPLIFIED: "简体中文",
    Language.KOREAN: "한국어",
}


def load(db: Database) -> Language:
    return load_choice(db, SETTING_KEY, Language.SYSTEM)


def save(db: Database, language: Language) -> None:
    save_choice(db, SETTING_KEY, language)
