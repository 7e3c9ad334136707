"""Settings, "Desktop": start at login, and which events notify.

A part of the Settings page (``views/settings_page.py``) in a module of its own. The login
item is the system's (``services/autostart.py``): the box shows what is there now, and a
system that refuses the change says why and the box goes back. The notification choices are
saved app-wide at each click (``services/notify_prefs.py``); the tray reads them at each
notice.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from channelmanager_gui.models.db import Database
from channelmanager_gui.qt_text import plain_label
from channelmanager_gui.services import notify_prefs
from channelmanager_gui.services.autostart import Autostart
from channelmanager_gui.services.sync_notices import NoticeKind
from channelmanager_gui.text_marks import N_

log = logging.getLogger(__name__)
AUTOSTART_LABEL = N_("DesktopSettings", "Start Channel Manager when I log in")


class DesktopSettings(QWidget):
    """``DesktopSettings(db, autostart)``: its boxes act at once, there is no Save."""

    def __init__(self, db: Database, autostart: Autostart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._autostart = autostart
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        heading = QLabel(self.tr("Desktop"))
        heading.setObjectName("sectionTitle")
        layout.addWidget(heading)
        self.autostart_box = QCheckBox(self.tr(AUTOSTART_LABEL))
        self.autostart_box.setChecked(self._autostart_on())
        self.autostart_box.toggled.connect(self._on_autostart_toggled)
        layout.addWidget(self.autostart_box)
        layout.addWidget(QLabel(self.tr("Show a desktop notification for:")))
        prefs = notify_prefs.load(db)
        self.notify_boxes: dict[NoticeKind, QCheckBox] = {}
        for kind, label in notify_prefs.KIND_LABELS.items():
            box = QCheckBox(self.tr(label))  # marked in notify_prefs, same context
            box.setChecked(prefs.allows(kind))
            box.toggled.connect(lambda on, kind=kind: self._on_notify_toggled(kind, on))
            layout.addWidget(box)
            self.notify_boxes[kind] = box
        self.notice = plain_label()
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)

    def _autostart_on(self) -> bool:
        try:
            return self._autostart.enabled()
        except OSError as exc:
            log.warning("cannot read the login item: %s", exc)
            return False

    def _on_autostart_toggled(self, on: bool) -> None:
        try:
            self._autostart.set_enabled(on)
        except OSError as exc:
            log.error("cannot %s the login item: %s", "write" if on else "remove", exc)
            self.notice.setText(
                self.tr("The system refused to change the login item: {exc}").format(exc=exc)
            )
            self.autostart_box.blockSignals(True)
            self.autostart_box.setChecked(self._autostart_on())
            self.autostart_box.blockSignals(False)
            return
        self.notice.setText("")
        log.info("start at login %s", "on" if on else "off")

    def _on_notify_toggled(self, kind: NoticeKind, on: bool) -> None:
        notify_prefs.save(self._db, notify_prefs.load(self._db).with_kind(kind, on))
