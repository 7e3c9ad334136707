"""Bottom bar: passing notices on the left; slow-op progress and per-loop sync times right."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from channelmanager_gui.services.sync_status import SyncStatusBoard
from channelmanager_gui.views.sync_text import loop_times, loops_summary

NOTICE_MS = 10_000
LISTED_LOOPS = 4  # more loops than this are summarised (the full list is in the tooltip)


class StatusBar(QStatusBar):
    """``notice`` shows a passing message; ``set_busy`` shows what slow op is running."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.busy_label = QLabel()
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # indeterminate: ops report no fraction
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setMaximumHeight(12)
        self.busy_bar.setTextVisible(False)
        self.loops_label = QLabel()
        self.loops_label.setObjectName("loopTimes")
        self.addPermanentWidget(self.busy_label)
        self.addPermanentWidget(self.busy_bar)
        self.addPermanentWidget(self.loops_label)
        self.set_busy("")

    def notice(self, text: str, timeout_ms: int = NOTICE_MS) -> None:
        self.showMessage(text, timeout_ms)

    def set_busy(self, label: str) -> None:
        """Show ``label`` with a moving bar; "" hides both."""
        self.busy_label.setText(f"{label}…" if label else "")
        self.busy_label.setVisible(bool(label))
        self.busy_bar.setVisible(bool(label))

    def show_board(self, board: SyncStatusBoard, now: datetime) -> None:
        parts = loop_times(board, now)
        if not parts:
            text = self.tr("No sync has run yet")
        elif len(parts) <= LISTED_LOOPS:
            text = self.tr("Last sync: {loops}").format(loops=" · ".join(parts))
        else:
            text = loops_summary(board, now)
        self.loops_label.setText(text)
        self.loops_label.setToolTip("\n".join(parts))
