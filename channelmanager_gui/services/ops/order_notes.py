"""Read and write the merchant's note on an order (``models/order_note.py``): local only.

An empty note removes the row, so "has a note" means there is something to read.
"""

from __future__ import annotations

from sqlalchemy import delete, select

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order
from channelmanager_gui.models.order_note import NOTE_MAX, OrderNote
from channelmanager_gui.services.ops.validation import NO_SUCH_ORDER
from channelmanager_gui.text_marks import T_

_TOO_LONG = T_("CoreText", "at most {most} characters ({typed} typed)")


def read_note(db: Database, order_id: int) -> str:
    with db.session() as session:
        text = session.scalar(select(OrderNote.text).where(OrderNote.order_id == order_id))
        return text or ""


def save_note(db: Database, order_id: int, text: str) -> str:
    """Store ``text`` (trimmed) as the order's note; returns what was stored. No table or
    count shows notes (the search reads them when asked), so there is no change to announce."""
    clean = text.strip()
    if len(clean) > NOTE_MAX:
        too_long = _TOO_LONG.format(most=NOTE_MAX, typed=len(clean))
        raise ValidationError("note", too_long)
    with db.session() as session:
        if session.get(Order, order_id) is None:
            raise ValidationError("order", NO_SUCH_ORDER.format(order=order_id))
        note = session.scalar(select(OrderNote).where(OrderNote.order_id == order_id))
        if not clean:
            session.execute(delete(OrderNote).where(OrderNote.order_id == order_id))
        elif note is None:
            session.add(OrderNote(order_id=order_id, text=clean))
        else:
            note.text = clean
    return clean
