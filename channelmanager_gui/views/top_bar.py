"""The bar above the pages: store selector, global search, sync state and "Sync now"."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from channelmanager_gui.resources import icon_path
from channelmanager_gui.services.sync_status import SyncState, SyncStatusBoard
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.i18n import ui
from channelmanager_gui.views.sync_text import state_summary

SEARCH_OFF_TIP = N_("Labels", "Search becomes available once orders and listings have been synced.")
SYNC_TIP = N_("Labels", "Check both stores for changes right away")
RESUME_TIP = N_("Labels", "Syncing is paused; start it again")


def state_icon(state: SyncState) -> QIcon:
    return QIcon(str(icon_path(f"tray-{state.value}")))


class TopBar(QWidget):
    """Signals: ``store_changed(store id)``, ``search_requested(text)``, ``sync_now_clicked()``,
    ``resume_clicked()`` (the same button reads "Resume sync" while syncing is paused)."""

    store_changed = Signal(int)
    search_requested = Signal(str)
    sync_now_clicked = Signal()
    resume_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._paused = False
        self._setup_ui()
        self.set_stores([])
        self.set_search_enabled(False)

    def _setup_ui(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(12)
        self.store_combo = QComboBox()
        self.store_combo.setAccessibleName(self.tr("Store"))
        self.store_combo.setMinimumWidth(180)
        self.store_combo.currentIndexChanged.connect(self._on_store_combo_index_changed)
        layout.addWidget(self.store_combo)
        self.search = QLineEdit()
        self.search.setObjectName("globalSearch")
        self.search.setPlaceholderText(self.tr("Find an order, SKU or tracking number"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(280)
        self.search.setMaximumWidth(480)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        layout.addWidget(self.search, 1)
        layout.addStretch(0)
        self.state_icon = QLabel()
        self.state_icon.setFixedSize(QSize(18, 18))
        layout.addWidget(self.state_icon)
        self.state_label = QLabel()
        self.state_label.setObjectName("syncState")
        layout.addWidget(self.state_label)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("primaryButton")
        self.sync_button.setToolTip(SYNC_TIP)
        self.sync_button.clicked.connect(self._on_sync_button_clicked)
        layout.addWidget(self.sync_button)

    def set_stores(self, stores: Sequence[tuple[int, str]]) -> None:
        """(id, name) pairs; the selector only shows when there is a choice to make."""
        self.store_combo.blockSignals(True)
        self.store_combo.clear()
        for store_id, name in stores:
            self.store_combo.addItem(name, store_id)
        self.store_combo.blockSignals(False)
        self.store_combo.setVisible(len(stores) > 1)

    def current_store(self) -> int | None:
        data = self.store_combo.currentData()
        return int(data) if data is not None else None

    def set_search_enabled(self, enabled: bool) -> None:
        self.search.setEnabled(enabled)
        self.search.setToolTip("" if enabled else ui(SEARCH_OFF_TIP))

    def show_board(self, board: SyncStatusBoard, now: datetime) -> None:
        state = board.overall()
        self.state_icon.setPixmap(state_icon(state).pixmap(QSize(18, 18)))
        self.state_icon.setToolTip(state.value)
        # Before any loop has reported there is no state worth an icon (a green check would
        # claim all is well when nothing has been checked).
        self.state_icon.setVisible(bool(board.loops()) or board.paused)
        self.state_label.setText(state_summary(board, now))
        self._paused = board.paused
        self.sync_button.setText(self.tr("Resume sync") if self._paused else self.tr("Sync now"))
        self.sync_button.setToolTip(ui(RESUME_TIP if self._paused else SYNC_TIP))
        self.sync_button.setEnabled(state is not SyncState.SYNCING)

    def _on_sync_button_clicked(self) -> None:
        if self._paused:
            self.resume_clicked.emit()
        else:
            self.sync_now_clicked.emit()

    def _on_store_combo_index_changed(self, index: int) -> None:
        if index >= 0:
            self.store_changed.emit(int(self.store_combo.itemData(index)))

    def _on_search_return_pressed(self) -> None:
        text = self.search.text().strip()
        if text:
            self.search_requested.emit(text)
