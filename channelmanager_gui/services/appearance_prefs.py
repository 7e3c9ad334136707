"""Light or dark: follow the system, or the merchant's choice (Settings, "Appearance").

Saved app-wide in ``app_settings`` under :data:`SETTING_KEY` as one of :class:`Appearance`'s
values; nothing saved (or something unreadable, logged) means follow the system. Qt-free: the
window (``views/theme.py``) turns the choice into a palette.
"""

from __future__ import annotations

import logging
from enum import StrEnum

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.store import AppSetting

SETTING_KEY = "appearance"
log = logging.getLogger(__name__)


class Appearance(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


LABELS: dict[Appearance, str] = {
    Appearance.SYSTEM: "Follow the system",
    Appearance.LIGHT: "Light",
    Appearance.DARK: "Dark",
}


def load(db: Database) -> Appearance:
    with db.session() as session:
        row = session.get(AppSetting, SETTING_KEY)
        value = row.value if row is not None else Appearance.SYSTEM.value
    try:
        return Appearance(value)
    except ValueError:
        log.warning("appearance setting unreadable (%r): following the system", value)
        return Appearance.SYSTEM


def save(db: Database, appearance: Appearance) -> None:
    with db.session() as session:
        row = session.get(AppSetting, SETTING_KEY)
        if row is None:
            session.add(AppSetting(key=SETTING_KEY, value=appearance.value))
        else:
            row.value = appearance.value
