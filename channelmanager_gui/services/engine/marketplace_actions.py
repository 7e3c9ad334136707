"""Outbox handlers that ship and cancel an order on its marketplace through the port.

They serve every marketplace account that is not Walmart's (Walmart keeps its own handlers,
``ship_handlers`` / ``cancel_handlers``, whose retries read Walmart's line statuses): the kinds
are ``{marketplace}.ship`` and ``{marketplace}.cancel`` (``amazon.ship``, ``amazon.cancel``),
and each talks to the order's own account (``StoreContext.account``).

- Ship: one ``confirm_shipment`` per recorded shipment, with the shipment's
  ``package_reference`` (written with the row, the same on every retry: Amazon's
  ``packageReferenceId``, §3.2). A retry passes ``retrying`` so the adapter first reads the
  order and skips a package it already shows with our tracking number.
- Cancel: ``cancel_order`` answers a submission (Amazon: the acknowledgement feed, §3.3). Its
  id is written into the action's payload in a transaction of its own before anything else,
  then the action waits (``Waiting``: neither an attempt nor a failure) and reads the
  submission with ``check_submission`` until it is processed; a later look never submits
  again. The Commerce cancellation queued after it waits for it (order within a subject).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from channelmanager_gui.errors import ChannelError, ValidationError
from channelmanager_gui.models.base import utcnow
from channelmanager_gui.models.order import Order, Shipment
from channelmanager_gui.models.outbox import OutboxAction
from channelmanager_gui.services.changes import Change
from channelmanager_gui.services.changes import note as note_changes
from channelmanager_gui.services.engine.context import EngineEnv
from channelmanager_gui.services.engine.fulfilment_common import (
    clear_error,
    load_order,
    note,
    set_error,
)
from channelmanager_gui.services.engine.order_records import marketplace_name
from channelmanager_gui.services.marketplace.port import (
    CancelRequest,
    MarketplacePort,
    ShipmentRequest,
)
from channelmanager_gui.services.outbox import ActionContext, Waiting

AMAZON_SHIP = "amazon.ship"
AMAZON_CANCEL = "amazon.cancel"
CHECK_EVERY = 30.0  # seconds between two looks at a submission being processed (§4.6)


def _order(env: EngineEnv, ctx: ActionContext) -> Order:
    with env.db.session() as session:
        return load_order(session, ctx.subject_id)


def _adapter(env: EngineEnv, ctx: ActionContext, order: Order) -> MarketplacePort:
    return env.store(ctx.store_id).account(order.account_id).adapter


class MarketplaceShipHandler:
    """``{marketplace}.ship``: one package confirmed on the order's marketplace."""

    lane = "marketplace.shipping"

    def __init__(self, env: EngineEnv) -> None:
        self.env = env

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
        order = _order(self.env, ctx)
        shipment = next((s for s in order.shipments if s.id == ctx.payload["shipment_id"]), None)
        if shipment is None:
            raise ChannelError(f"Shipment #{ctx.payload['shipment_id']} no longer exists.")
        if not shipment.package_reference:
            raise ValidationError("package", f"shipment #{shipment.id} has no package reference")
        by_id = {line.id: line for line in order.lines}
        request = ShipmentRequest(
            marketplace_order_id=order.marketplace_order_id,
            package_reference=shipment.package_reference,
            carrier=shipment.carrier or "Other",
            other_carrier=shipment.other_carrier or "",
            tracking_number=shipment.tracking_number,
            ship_date=shipment.ship_date,
            lines=tuple((by_id[sl.order_line_id].line_number, sl.qty) for sl in shipment.lines),
            method=shipment.method_code or "Standard",
        )
        adapter = _adapter(self.env, ctx, order)
        result = await adapter.confirm_shipment(request, retrying=ctx.retrying)
        return {"skipped": result.skipped, "request_id": result.request_id}

    def apply(self, session: Session, ctx: ActionContext, result: dict[str, Any] | None) -> None:
        shipment = session.get_one(Shipment, ctx.payload["shipment_id"])
        shipment.marketplace_sent_at = utcnow()
        order = load_order(session, ctx.subject_id)
        clear_error(order, ctx.kind)
        name = marketplace_name(order.marketplace)
        how = f"was already on {name}" if (result or {}).get("skipped") else f"sent to {name}"
        note(session, order, ctx.kind, f"Package {shipment.package_reference}, tracking "
             f"{shipment.tracking_number} {how}")  # fmt: skip
        note_changes(session, Change.ORDERS, Change.ACTIVITY)

    def failed(self, session: Session, ctx: ActionContext, error: ChannelError) -> None:
        order = load_order(session, ctx.subject_id)
        name = marketplace_name(order.marketplace)
        if isinstance(error, ValidationError):
            message = f"The shipment cannot be sent to {name}: {error}"
        else:
            message = f"{name} refused the shipment: {error}"
        set_error(session, order, ctx.kind, message)
        note_changes(session, Change.ORDERS, Change.ACTIVITY)


class MarketplaceCancelHandler:
    """``{marketplace}.cancel``: the whole order, with the reason in the payload."""

    lane = "marketplace.cancel"

    def __init__(self, env: EngineEnv) -> None:
        self.env = env

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
        order = _order(self.env, ctx)
        adapter = _adapter(self.env, ctx, order)
        name = marketplace_name(order.marketplace)
        submission = str(ctx.payload.get("submission_id") or "")
        if not submission:
            request = CancelRequest(order.marketplace_order_id, str(ctx.payload["reason"]))
            answer = await adapter.cancel_order(request)
            if not answer.submission_id:
                return {"skipped": answer.skipped}
            submission = answer.submission_id
            self._remember(ctx, submission)
        check = await adapter.check_submission(submission)
        if not check.finished:
            raise Waiting(f"{name} is processing the cancellation ({check.status or 'queued'}, "
                          f"submission {submission})", CHECK_EVERY)  # fmt: skip
        refused = check.refused.get(order.marketplace_order_id) or (
            "" if check.status == "DONE" else "; ".join(check.problems) or check.status
        )
        if refused:
            raise ChannelError(f"{name} refused the cancellation: {refused}")
        return {"submission_id": submission, "status": check.status}

    def _remember(self, ctx: ActionContext, submission: str) -> None:
        """The submission id, committed before anything else: a later look (or a retry after
        a crash) reads it instead of cancelling again."""
        with self.env.db.session() as session:
            action = session.get_one(OutboxAction, ctx.action_id)
            action.payload = {**(action.payload or {}), "submission_id": submission}

    def apply(self, session: Session, ctx: ActionContext, result: dict[str, Any] | None) -> None:
        order = load_order(session, ctx.subject_id)
        for line in order.lines:
            if line.qty_open == 0 and line.qty_cancelled:
                line.marketplace_status = "Cancelled"
        clear_error(order, ctx.kind)
        name = marketplace_name(order.marketplace)
        how = "was already cancelled" if (result or {}).get("skipped") else "cancelled"
        note(session, order, ctx.kind, f"Order {how} on {name}: {ctx.payload['reason']}")
        note_changes(session, Change.ORDERS, Change.ACTIVITY)

    def failed(self, session: Session, ctx: ActionContext, error: ChannelError) -> None:
        order = load_order(session, ctx.subject_id)
        name = marketplace_name(order.marketplace)
        set_error(session, order, ctx.kind, f"Cancelling on {name} failed: {error}")
        note_changes(session, Change.ORDERS, Change.ACTIVITY)
