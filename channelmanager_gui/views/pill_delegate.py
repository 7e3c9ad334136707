"""Order statuses drawn as coloured pills with their text, and a note after the pill.

UX.md: status is shown as a coloured pill *with text*, never colour alone. The note (why an
Error row stands out, or that the buyer asked to cancel) follows the pill in the same cell, so
the reason is readable without hovering. ``StatusPill`` is the same look as a label, for the
order detail's header.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from channelmanager_gui.models.order import OrderStatus
from channelmanager_gui.views.i18n import order_status
from channelmanager_gui.views.style import colour, current
from channelmanager_gui.views.tables.orders import NOTE_ROLE, STATUS_ROLE
from channelmanager_gui.views.theme import themed

# (background, text) colour names per status: red for what needs the merchant, amber for
# in-between, green for done, grey for closed. Names, read in the palette of the moment.
STATUS_COLOURS: dict[str, tuple[str, str]] = {
    OrderStatus.ERROR: ("ERROR_BG", "ERROR_TEXT"),
    OrderStatus.IMPORTED: ("BLUE_BG", "BLUE_TEXT"),
    OrderStatus.ACKNOWLEDGED: ("SKY_BG", "SKY_TEXT"),
    OrderStatus.CREATED: ("AMBER_BG", "AMBER_TEXT"),
    OrderStatus.PARTIALLY_SHIPPED: ("ORANGE_BG", "ORANGE_TEXT"),
    OrderStatus.SHIPPED: ("GREEN_BG", "GREEN_TEXT"),
    OrderStatus.RETURN_REQUESTED: ("PURPLE_BG", "PURPLE_TEXT"),
    OrderStatus.REFUNDED: ("VIOLET_BG", "VIOLET_TEXT"),
    OrderStatus.CANCELLED: ("NEUTRAL_BG", "TEXT_MUTED"),
}
_DEFAULT = ("NEUTRAL_BG", "TEXT_STRONG")
_H_PAD, _V_PAD, _GAP = 8, 3, 8


def pill_colours(status: str) -> tuple[str, str]:
    """The pill's (background, text) colours for ``status`` in the current palette."""
    background, foreground = STATUS_COLOURS.get(status, _DEFAULT)
    return colour(background), colour(foreground)


class StatusPillDelegate(QStyledItemDelegate):
    """Paints ``STATUS_ROLE`` as a pill and ``NOTE_ROLE`` after it, elided to the cell."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        status = index.data(STATUS_ROLE)
        if not status:
            super().paint(painter, option, index)
            return
        # Let the style draw selection and row background, then draw our text on top.
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        base.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect: QRect = option.rect
        metrics = QFontMetrics(option.font)
        pill = self._pill_rect(rect, metrics, self.pill_text(status))
        background, foreground = pill_colours(status)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(QColor(foreground))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, self.pill_text(status))
        note = index.data(NOTE_ROLE) or ""
        if note:
            note_rect = QRect(
                pill.right() + _GAP, rect.top(), rect.right() - pill.right() - _GAP, rect.height()
            )
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            note_colour = QColor(current().ERROR_TEXT)
            painter.setPen(option.palette.highlightedText().color() if selected else note_colour)
            elided = metrics.elidedText(note, Qt.TextElideMode.ElideRight, note_rect.width())
            painter.drawText(
                note_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided
            )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        status = self.pill_text(index.data(STATUS_ROLE) or "")
        metrics = QFontMetrics(option.font)
        width = metrics.horizontalAdvance(status) + 2 * _H_PAD + 2 * _GAP
        return QSize(
            max(hint.width(), width), max(hint.height(), metrics.height() + 2 * _V_PAD + 4)
        )

    def pill_text(self, value: str) -> str:
        """The words on the pill: the status in the language shown (the role holds the value,
        which also picks the colours)."""
        return order_status(value)

    @staticmethod
    def _pill_rect(cell: QRect, metrics: QFontMetrics, status: str) -> QRect:
        width = metrics.horizontalAdvance(status) + 2 * _H_PAD
        height = min(cell.height() - 4, metrics.height() + 2 * _V_PAD)
        top = cell.top() + (cell.height() - height) // 2
        return QRect(cell.left() + 6, top, min(width, cell.width() - 12), height)


class StatusPill(QLabel):
    """The pill as a standalone label (order detail header)."""

    def __init__(self, status: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusPill")
        self.set_status(status)

    def set_status(self, status: str) -> None:
        self.setText(order_status(status))
        self.setAccessibleName(self.tr("Status: {status}").format(status=order_status(status)))
        themed(self, lambda _palette: _pill_style(status))


def _pill_style(status: str) -> str:
    background, foreground = pill_colours(status)
    return (
        f"QLabel#statusPill {{ background: {background}; color: {foreground};"
        f" border-radius: 10px; padding: 2px 10px; font-weight: 600; }}"
    )
