"""Outbox handlers that ship and cancel an order on its marketplace through the port.

One handler per step serves every marketplace: each kind ``{marketplace}.ship`` /
``{marketplace}.cancel`` (``walmart.ship``, ``amazon.ship``, ``walmart.cancel``,
``amazon.cancel``: the kinds stored in users' outboxes) is a registration of the same class
with the lane of that marketplace's rate bucket, and each action talks to its order's own
account (``order.account_id`` → ``StoreContext.account``). What differs is the adapter's:

- Ship: one ``confirm_shipment`` per recorded shipment. A retry passes ``retrying`` so the
  adapter first reads the order (Walmart sends only the units it does not show Shipped with
  our tracking number; Amazon skips a package it shows with it). Where packages name
  themselves (``Capabilities.package_references``: Amazon's ``packageReferenceId``, §3.2) the
  shipment's ``package_reference``, written with the row, goes the same on every retry.
  Walmart also gets the Commerce order number (its ``sellerOrderId``), the buyer-cancel
  override, and answers the lines' statuses, written back to the order's lines.
- Cancel: by line where the marketplace cancels lines (Walmart, synchronous: the payload's
  ``lines``, or the cancelled ``totals`` of a cancellation made in Commerce), the whole order
  where it cancels only whole orders (``cancel_whole_order_only``: Amazon). An answer with a
  submission (Amazon's acknowledgement feed, §3.3) is decided later: its id is written into
  the action's payload in a transaction of its own before anything else, then the action
  waits (``Waiting``: neither an attempt nor a failure) and reads the submission with
  ``check_submission`` until it is processed; a later look never submits again. The Commerce
  cancellation queued after it waits for it (order within a subject).
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
from channelmanager_gui.services.engine.cancelling import WALMART_CANCEL, cancel_label
from channelmanager_gui.services.engine.context import EngineEnv
from channelmanager_gui.services.engine.fulfilment_common import (
    clear_error,
    load_order,
    note,
    set_error,
)
from channelmanager_gui.services.engine.order_records import marketplace_name
from channelmanager_gui.services.engine.shipping import WALMART_SHIP
from channelmanager_gui.services.marketplace.port import (
    CancelRequest,
    Capabilities,
    MarketplacePort,
    ShipmentRequest,
)
from channelmanager_gui.services.outbox import ActionContext, Waiting

AMAZON_SHIP = "amazon.ship"
AMAZON_CANCEL = "amazon.cancel"
# Each kind's lane: Walmart paces each order action on its own bucket (reference §11).
SHIP_LANES = {WALMART_SHIP: "walmart.shipping", AMAZON_SHIP: "marketplace.shipping"}
CANCEL_LANES = {WALMART_CANCEL: "walmart.cancel", AMAZON_CANCEL: "marketplace.cancel"}
CHECK_EVERY = 30.0  # seconds between two looks at a submission being processed (§4.6)


def _order(env: EngineEnv, ctx: ActionContext) -> Order:
    with env.db.session() as session:
        return load_order(session, ctx.subject_id)


def _adapter(env: EngineEnv, ctx: ActionContext, order: Order) -> MarketplacePort:
    return env.store(ctx.store_id).account(order.account_id).adapter


class MarketplaceShipHandler:
    """``{marketplace}.ship``: one recorded shipment confirmed on the order's marketplace."""

    def __init__(self, env: EngineEnv, lane: str = "marketplace.shipping") -> None:
        self.env = env
        self.lane = lane  # the marketplace's shipping bucket (services/outbox_lanes.py)

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
        order = _order(self.env, ctx)
        shipment = next((s for s in order.shipments if s.id == ctx.payload["shipment_id"]), None)
        if shipment is None:
            raise ChannelError(f"Shipment #{ctx.payload['shipment_id']} no longer exists.")
        adapter = _adapter(self.env, ctx, order)
        _check(adapter.capabilities, order, shipment)
        package = adapter.capabilities.package_references
        by_id = {line.id: line for line in order.lines}
        request = ShipmentRequest(
            marketplace_order_id=order.marketplace_order_id,
            package_reference=shipment.package_reference or "",
            carrier=shipment.carrier or "",
            other_carrier=shipment.other_carrier or "",
            tracking_number=shipment.tracking_number,
            ship_date=shipment.ship_date,
            lines=tuple((by_id[sl.order_line_id].line_number, sl.qty) for sl in shipment.lines),
            method=shipment.method_code or "Standard",
            tracking_url=shipment.tracking_url or "",
            seller_order_id=order.commerce_increment_id or "",
            intent_to_cancel_override=bool(ctx.payload.get("intent_to_cancel_override")),
        )
        result = await adapter.confirm_shipment(request, retrying=ctx.retrying)
        return {"skipped": result.skipped, "request_id": result.request_id,
                "lines": dict(result.line_statuses),
                "package": request.package_reference if package else ""}  # fmt: skip

    def apply(self, session: Session, ctx: ActionContext, result: dict[str, Any] | None) -> None:
        result = result or {}
        shipment = session.get_one(Shipment, ctx.payload["shipment_id"])
        shipment.marketplace_sent_at = utcnow()
        order = load_order(session, ctx.subject_id)
        for line in order.lines:
            status = (result.get("lines") or {}).get(line.line_number)
            if status:
                line.marketplace_status = status
        clear_error(order, ctx.kind)
        name = marketplace_name(order.marketplace)
        how = f"was already on {name}" if result.get("skipped") else f"sent to {name}"
        package = result.get("package")
        what = f"Package {package}, tracking" if package else "Tracking"
        note(session, order, ctx.kind, f"{what} {shipment.tracking_number} {how}")
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
    """``{marketplace}.cancel``: with the reason in the payload, by line or the whole order."""

    def __init__(self, env: EngineEnv, lane: str = "marketplace.cancel") -> None:
        self.env = env
        self.lane = lane  # a merchant's click: its own bucket and lane (outbox_lanes.py)

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
        order = _order(self.env, ctx)
        adapter = _adapter(self.env, ctx, order)
        name = marketplace_name(order.marketplace)
        by_line = not adapter.capabilities.cancel_whole_order_only
        submission = str(ctx.payload.get("submission_id") or "")
        if not submission:
            answer = await adapter.cancel_order(_cancel_request(ctx, order, by_line))
            if not answer.submission_id:
                done: dict[str, Any] = {"skipped": answer.skipped}
                return {**done, "cancelled": dict(answer.quantities)} if by_line else done
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
        result = result or {}
        order = load_order(session, ctx.subject_id)
        sent = _asked(ctx) if "cancelled" in result else {}  # by line, else the whole order
        for line in order.lines:
            # a line cancelled in part stays open on the marketplace
            if line.qty_open == 0 and line.qty_cancelled and (not sent or line.line_number in sent):
                line.marketplace_status = "Cancelled"
        clear_error(order, ctx.kind)
        name = marketplace_name(order.marketplace)
        label = cancel_label(ctx.payload["reason"])
        if "cancelled" in result:  # by line: how many units this attempt sent
            units = sum(result["cancelled"].values())
            message = f"Cancelled on {name} ({units} unit(s) sent): {label}"
        else:
            how = "was already cancelled" if result.get("skipped") else "cancelled"
            message = f"Order {how} on {name}: {label}"
        note(session, order, ctx.kind, message)
        note_changes(session, Change.ORDERS, Change.ACTIVITY)

    def failed(self, session: Session, ctx: ActionContext, error: ChannelError) -> None:
        order = load_order(session, ctx.subject_id)
        name = marketplace_name(order.marketplace)
        set_error(session, order, ctx.kind, f"Cancelling on {name} failed: {error}")
        note_changes(session, Change.ORDERS, Change.ACTIVITY)


def _check(caps: Capabilities, order: Order, shipment: Shipment) -> None:
    """What the marketplace needs of a shipment that the merchant can add, said in words
    before anything is sent (the adapter's client would refuse it with a field name)."""
    if caps.package_references and not shipment.package_reference:
        raise ValidationError("package", f"shipment #{shipment.id} has no package reference")
    if caps.other_carrier_needs_url and shipment.other_carrier and not shipment.tracking_url:
        raise ValidationError(
            "tracking URL",
            f"{marketplace_name(order.marketplace)} needs a tracking link for the carrier "
            f"“{shipment.other_carrier}”, which is not on its list: add the link to the "
            "shipment (Order > Shipments), or name a listed carrier in Commerce",
        )


def _asked(ctx: ActionContext) -> dict[str, int]:
    """The payload's lines: ``totals`` (a cancellation made in Commerce, see ``cancelling``)
    or ``lines`` (the merchant's Cancel); {} for a whole-order cancellation."""
    return dict(ctx.payload.get("totals") or ctx.payload.get("lines") or {})


def _cancel_request(ctx: ActionContext, order: Order, by_line: bool) -> CancelRequest:
    reason = str(ctx.payload["reason"])
    if not by_line:  # whole orders only: the lines the merchant saw open are all of them
        return CancelRequest(order.marketplace_order_id, reason)
    asked = _asked(ctx)
    if not asked:
        raise ChannelError(f"The cancellation of order {order.marketplace_order_id} names no "
                           "line to cancel.")  # fmt: skip
    return CancelRequest(order.marketplace_order_id, reason, tuple(asked.items()),
                         totals=bool(ctx.payload.get("totals")))  # fmt: skip
