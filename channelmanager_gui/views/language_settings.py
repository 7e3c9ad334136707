"""Settings, "Language": follow the system's language, or English, 简体中文 or 한국어.

A row of the Appearance box (``views/appearance_settings.py``). The choice is saved app-wide at
once (``services/language_prefs.py``) and applies at the next start (``views/i18n.py`` says
why not live); the line under it says so, in the language chosen, so the merchant can read it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from channelmanager_gui.models.db import Database
from channelmanager_gui.services import language_prefs
from channelmanager_gui.services.language_prefs import Language

log = logging.getLogger(__name__)
CONTEXT = "LanguageSettings"  # the context of language_prefs.LABELS' mark
# The restart notice in each language: the new catalog is not loaded yet when it is shown.
RESTART_NOTICE: dict[Language, str] = {
    Language.ENGLISH: "Applies when Channel Manager is next started.",
    Language.CHINESE_SIMPLIFIED: "下次启动 Channel Manager 时生效。",
    Language.KOREAN: "Channel Manager를 다시 시작하면 적용됩니다.",
}


class LanguageSettings(QWidget):
    """``LanguageSettings(db)``: the choice is saved at once and shown at the next start."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.choice = QComboBox()
        for language, label in language_prefs.LABELS.items():
            self.choice.addItem(QCoreApplication.translate(CONTEXT, label), language.value)
        self._started_with = language_prefs.load(db)
        self.choice.setCurrentIndex(self.choice.findData(self._started_with.value))
        self.choice.currentIndexChanged.connect(self._on_choice_current_index_changed)
        layout.addWidget(self.choice)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        layout.addWidget(self.notice)

    def _on_choice_current_index_changed(self, _index: int) -> None:
        language = Language(self.choice.currentData())
        language_prefs.save(self._db, language)
        log.info("language chosen: %s (applies at the next start)", language.value)
        changed = language is not self._started_with
        shown = language if language is not Language.SYSTEM else Language.ENGLISH
        self.notice.setText(RESTART_NOTICE[shown] if changed else "")
        self.notice.setVisible(changed)
