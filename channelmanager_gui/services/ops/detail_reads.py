"""Reads of one thing for the window's detail panes, each in its own short transaction.

The views never open a session (CONTRIBUTING.md, Rules): they call these and get values that
outlive the session — frozen data, or rows detached with what the pane shows already loaded
(``expire_on_commit=False``, ``models/db.py``), never touched by a lazy load afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing_table_queries import MatchDetail
from channelmanager_gui.models.listing_table_queries import match_detail as _match_detail
from channelmanager_gui.models.order import Order
from channelmanager_gui.models.order_blockers import Blocker, order_blockers
from channelmanager_gui.models.outbox import Activity
from channelmanager_gui.services.activity import timeline
from channelmanager_gui.services.engine.fulfilment_common import load_order


@dataclass(frozen=True)
class OrderDetail:
    """An order with its lines and shipments, and its timeline, oldest first."""

    order: Order
    events: tuple[Activity, ...]
    blockers: tuple[Blocker, ...] = ()  # products disabled or out of stock in Commerce


def order_detail(db: Database, order_id: int) -> OrderDetail:
    """The order and its timeline read in one transaction (``ValidationError`` if it is gone)."""
    with db.session() as session:
        order = load_order(session, order_id)
        events = tuple(timeline(session, "order", order_id))
        return OrderDetail(order, events, tuple(order_blockers(session, order_id)))


def match_detail(db: Database, listing_id: int) -> MatchDetail | None:
    """A listing's row and Walmart candidates (None if it is gone): a primary-key read, cheap
    enough for the UI thread on every selection change."""
    with db.session() as session:
        return _match_detail(session, listing_id)
