"""Settings, "Appearance": follow the system's light or dark scheme, or always light or dark;
and the language (``views/language_settings.py``).

A part of the Settings page (``views/settings_page.py``) in a module of its own. The choice
is saved app-wide at once (``services/appearance_prefs.py``) and handed to the application's
theme follower (``views/theme.py``), which re-colours the open window.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from channelmanager_gui.models.db import Database
from channelmanager_gui.services import appearance_prefs
from channelmanager_gui.services.appearance_prefs import Appearance
from channelmanager_gui.views.language_settings import LanguageSettings
from channelmanager_gui.views.theme import follower

log = logging.getLogger(__name__)
CONTEXT = "AppearanceSettings"  # the context of appearance_prefs.LABELS' mark


class AppearanceSettings(QWidget):
    """``AppearanceSettings(db)``: a choice that acts at once, there is no Save."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        heading = QLabel(self.tr("Appearance"))
        heading.setObjectName("sectionTitle")
        layout.addWidget(heading)
        self.choice = QComboBox()
        for appearance, label in appearance_prefs.LABELS.items():
            self.choice.addItem(QCoreApplication.translate(CONTEXT, label), appearance.value)
        self.choice.setCurrentIndex(self.choice.findData(appearance_prefs.load(db).value))
        self.choice.currentIndexChanged.connect(self._on_choice_current_index_changed)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Light or dark:"), self.choice)
        self.language = LanguageSettings(db)
        form.addRow(self.tr("Language:"), self.language)
        layout.addLayout(form)

    def _on_choice_current_index_changed(self, _index: int) -> None:
        appearance = Appearance(self.choice.currentData())
        appearance_prefs.save(self._db, appearance)
        log.info("appearance: %s", appearance.value)
        theme = follower()
        if theme is not None:  # None in a page opened on its own (tests)
            theme.set_appearance(appearance)
