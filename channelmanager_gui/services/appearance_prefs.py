"""Light or dark: follow the system, or the merchant's choice (Settings, "Appearance").

Saved app-wide in ``app_settings`` under :data:`SETTING_KEY` as one of :class:`Appearance`'s
values; nothing saved (or something unreadable, logged) means follow the system. Qt-free: the
window (``views/theme.py``) turns the choice into a palette.
"""

from __future__ import annotations

from enum import StrEnum

from channelmanager_gui.models.db import Database
from channelmanager_gui.services.choice_setting import load_choice, save_choice
from channelmanager_gui.text_marks import N_

SETTING_KEY = "appearance"


class Appearance(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


LABELS: dict[Appearance, str] = {
    Appearance.SYSTEM: N_("AppearanceSettings", "Follow the system"),
    Appearance.LIGHT: N_("AppearanceSettings", "Light"),
    Appearance.DARK: N_("AppearanceSettings", "Dark"),
}


def load(db: Database) -> Appearance:
    return load_choice(db, SETTING_KEY, Appearance.SYSTEM)


def save(db: Database, appearance: Appearance) -> None:
    save_choice(db, SETTING_KEY, appearance)
