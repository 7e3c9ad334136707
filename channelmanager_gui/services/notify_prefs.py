"""Which events the merchant wants a desktop notification for (Settings, "Notifications").

Saved app-wide in ``app_settings`` under :data:`SETTING_KEY` as ``{kind: bool}`` for every
:class:`NoticeKind`; a kind missing there (one added by a later version) is on. The tray asks
:func:`load` at each notice, so a change in Settings counts at once. Qt-free.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.store import AppSetting
from channelmanager_gui.services.sync_notices import NoticeKind
from channelmanager_gui.text_marks import N_

SETTING_KEY = "notifications"
log = logging.getLogger(__name__)

KIND_LABELS: dict[NoticeKind, str] = {
    NoticeKind.NEW_ORDERS: N_("DesktopSettings", "New marketplace orders"),  # Walmart, Amazon
    NoticeKind.SYNC_ERRORS: N_("DesktopSettings", "Sync problems (a sync step starts failing)"),
    NoticeKind.CANCELLATIONS: N_("DesktopSettings", "Orders cancelled in Commerce that need you"),
}


@dataclass(frozen=True)
class NotifyPrefs:
    """The kinds turned off; everything else notifies."""

    off: frozenset[NoticeKind] = frozenset()

    def allows(self, kind: NoticeKind) -> bool:
        return kind not in self.off

    def with_kind(self, kind: NoticeKind, on: bool) -> NotifyPrefs:
        return NotifyPrefs(self.off - {kind} if on else self.off | {kind})


def load(db: Database) -> NotifyPrefs:
    """The saved choice; everything on when none is saved or it cannot be read (logged)."""
    with db.session() as session:
        row = session.get(AppSetting, SETTING_KEY)
        value = row.value if row is not None else {}
    if not isinstance(value, dict):
        log.warning("notification settings unreadable (%r): every notification on", value)
        return NotifyPrefs()
    off = set()
    for kind in NoticeKind:
        chosen = value.get(kind.value, True)
        if not isinstance(chosen, bool):
            log.warning("notification setting %s=%r is not true/false: on", kind.value, chosen)
        elif not chosen:
            off.add(kind)
    return NotifyPrefs(frozenset(off))


def save(db: Database, prefs: NotifyPrefs) -> None:
    value = {kind.value: prefs.allows(kind) for kind in NoticeKind}
    with db.session() as session:
        row = session.get(AppSetting, SETTING_KEY)
        if row is None:
            session.add(AppSetting(key=SETTING_KEY, value=value))
        else:
            row.value = value
