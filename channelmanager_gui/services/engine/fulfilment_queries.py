"""Reads the Ship/Cancel dialogs, the Returns screen and the command line need.

The validation functions (``services/validation.py``) take an ``Order`` with its lines and
shipments loaded; ``order_for_fulfilment`` gives exactly that, detached and safe to keep in a
dialog while the sync goes on.
"""

from __future__ import annotations

from sqlalchemy import select

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order, Return
from channelmanager_gui.services.engine.fulfilment_common import load_order


def order_for_fulfilment(db: Database, order_id: int) -> Order:
    """The order with lines and shipments loaded (``ValidationError`` if it is gone)."""
    with db.session() as session:
        return load_order(session, order_id)


def list_returns(
    db: Database, store_id: int | None = None, *, open_only: bool = False
) -> list[Return]:
    """Walmart returns, newest first; ``open_only`` keeps those not refunded on Walmart yet."""
    query = select(Return).order_by(Return.created_at.desc(), Return.id.desc())
    if store_id is not None:
        query = query.where(Return.store_id == store_id)
    if open_only:
        query = query.where(Return.walmart_refunded_at.is_(None))
    with db.session() as session:
        return list(session.scalars(query))
