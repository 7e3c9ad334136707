"""The one place an order's status is derived from facts.

The merchant sees one word per order; it must never drift from what actually happened, so
nothing stores a status by hand. Every flow (import, acknowledge, create, ship, cancel, return)
changes *facts* — acknowledged_at, commerce_entity_id, line quantities, error, returns — and then
calls :func:`refresh_order_status`.

Precedence, highest first: an error needs the merchant, so it wins; returns and refunds come
after the goods left; then cancellation and shipping progress; then how far creation got.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain

from sqlalchemy import event, select
from sqlalchemy.orm import Session, UOWTransaction, object_session, selectinload

from channelmanager_gui.models.order import Order, OrderLine, OrderStatus, Return

# Walmart/our return states that mean "nothing more will happen on this return".
_CLOSED_RETURN = frozenset({"REFUNDED", "COMPLETED", "CLOSED", "CANCELLED", "CANCELED"})
# session.info keys of prefetch_orders: order ids known to have no return, and the loaded
# orders (the identity map holds objects weakly: unreferenced, they would be read again).
_NO_RETURNS, _LOADED = "orders_without_returns", "prefetched_orders"


def derive_status(order: Order, returns: Sequence[Return] = ()) -> OrderStatus:
    """The status the facts of ``order`` (and its returns) add up to."""
    if order.error:
        return OrderStatus.ERROR
    return_status = _return_status(order.lines, returns)
    if return_status is not None:
        return return_status
    return _goods_status(order)


def _return_status(lines: Sequence[OrderLine], returns: Sequence[Return]) -> OrderStatus | None:
    open_returns = [r for r in returns if not _return_done(r)]
    if open_returns:
        return OrderStatus.RETURN_REQUESTED
    if any(r.marketplace_refunded_at for r in returns) or any(ln.qty_refunded > 0 for ln in lines):
        return OrderStatus.REFUNDED
    return None


def _return_done(ret: Return) -> bool:
    return ret.marketplace_refunded_at is not None or ret.status.upper() in _CLOSED_RETURN


def _goods_status(order: Order) -> OrderStatus:
    ordered = sum(ln.qty_ordered for ln in order.lines)
    shipped = sum(ln.qty_shipped for ln in order.lines)
    cancelled = sum(ln.qty_cancelled for ln in order.lines)
    if ordered > 0 and cancelled >= ordered:
        return OrderStatus.CANCELLED
    if shipped > 0 and shipped + cancelled >= ordered:
        return OrderStatus.SHIPPED
    if shipped > 0:
        return OrderStatus.PARTIALLY_SHIPPED
    if order.commerce_entity_id is not None:
        return OrderStatus.CREATED
    if order.acknowledged_at is not None:
        return OrderStatus.ACKNOWLEDGED
    return OrderStatus.IMPORTED


def prefetch_orders(session: Session, order_ids: Iterable[int]) -> None:
    """Load these orders with their lines, and learn which have no return, in two queries.

    The outbox finishes many order actions in one transaction; per order, a get, the lazy
    load of its lines and the returns query each forced a flush of the previous order's
    changes (a quarter of the engine's SQL time on the order benchmark). The "no return"
    knowledge is dropped as soon as a return is added, changed or deleted in the session.
    """
    ids = set(order_ids)
    query = select(Order).where(Order.id.in_(ids)).options(selectinload(Order.lines))
    session.info.setdefault(_LOADED, []).extend(session.scalars(query))
    with_returns = set(session.scalars(select(Return.order_id).where(Return.order_id.in_(ids))))
    known_without_returns(session, ids - with_returns)


def known_without_returns(session: Session, order_ids: Iterable[int]) -> None:
    """These orders have no return as of now (e.g. just inserted): the status needs no query
    for them in this session until a return is added, changed or deleted in it."""
    if _NO_RETURNS not in session.info:
        session.info[_NO_RETURNS] = set()
        event.listen(session, "after_flush", _forget_when_returns_change)
    session.info[_NO_RETURNS] |= set(order_ids)


def _forget_when_returns_change(session: Session, _flush: UOWTransaction) -> None:
    if _returns_changing(session):
        session.info[_NO_RETURNS] = set()


def _returns_changing(session: Session) -> bool:
    return any(isinstance(o, Return) for o in chain(session.new, session.dirty, session.deleted))


def order_returns(order: Order) -> list[Return]:
    """The returns linked to ``order`` (none while it is not yet in a session)."""
    session = object_session(order)
    if session is None or order.id is None:
        return []
    if order.id in session.info.get(_NO_RETURNS, ()) and not _returns_changing(session):
        return []
    return list(session.scalars(select(Return).where(Return.order_id == order.id)))


def refresh_order_status(order: Order) -> None:
    """Recompute ``order.status`` from its facts; call after every change to them.

    The order must belong to a session (returns are read through it); the caller commits.
    """
    order.status = derive_status(order, order_returns(order))
