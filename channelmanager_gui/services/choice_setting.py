"""One app-wide choice among an enum's values, kept in ``app_settings`` (appearance, language).

Nothing saved, or a value this version does not know (a newer version's, a hand edit), gives
the default, logged: a preference never stops the app from starting.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import TypeVar

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.store import AppSetting

log = logging.getLogger(__name__)
E = TypeVar("E", bound=StrEnum)


def load_choice(db: Database, key: str, default: E) -> E:
    with db.session() as session:
        row = session.get(AppSetting, key)
        value = row.value if row is not None else default.value
    try:
        return type(default)(value)
    except ValueError:
        log.warning("%s setting unreadable (%r): using %s", key, value, default.value)
        return default


def save_choice(db: Database, key: str, choice: StrEnum) -> None:
    with db.session() as session:
        row = session.get(AppSetting, key)
        if row is None:
            session.add(AppSetting(key=key, value=choice.value))
        else:
            row.value = choice.value
