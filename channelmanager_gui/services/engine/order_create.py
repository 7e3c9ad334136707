"""Outbox handler ``commerce.create_order``: a marketplace order (Walmart or Amazon) becomes
exactly one Commerce order.

Find before create, and write down every step before the remote call that depends on it:

a. look for an order already carrying ``ext_order_id`` = the purchase order id, and one made
   from our recorded cart (``quote_id``) — found means a previous attempt placed it: adopt it.
   Skipped when nothing can exist in Commerce yet (:func:`_nothing_made_yet`, from the
   database: first attempt, no cart recorded, imported unacknowledged);
b. no cart recorded → create one and COMMIT its id to the order row before adding anything;
c. add what the cart lacks (read first: adding is not repeatable), one item per SKU;
d. set the shipping and billing address, then place the order. Its entity id is committed
   with the action's outcome: a crash before that finds it again by the recorded cart (a);
e. store the purchase order id in ``ext_order_id`` and add the order comment. For an order
   just placed from our cart, the ``ext_order_id`` answer (the saved order) links it and no
   comment can be there yet; an adopted order is read and checked first, so neither is done
   twice.

A crash between any two calls leaves facts on the order row that the next attempt starts
from; a failure leaves the order in Error with the step, and Retry resumes from there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, update
from sqlalchemy.orm import Session

from channelmanager_gui.errors import ChannelError
from channelmanager_gui.models.order import Order
from channelmanager_gui.models.outbox import Activity
from channelmanager_gui.services.changes import Change, Changes
from channelmanager_gui.services.changes import note as note_changes
from channelmanager_gui.services.commerce.client import CommerceClient
from channelmanager_gui.services.commerce.sales_models import Order as CommerceOrder
from channelmanager_gui.services.engine.context import EngineEnv
from channelmanager_gui.services.engine.fba_orders import record_fba_shipment
from channelmanager_gui.services.engine.order_activity import SUBJECT, error_text, note
from channelmanager_gui.services.engine.order_address import commerce_address
from channelmanager_gui.services.engine.order_cart import (
    CartGone,
    add_missing,
    cart_items,
    wanted_quantities,
)
from channelmanager_gui.services.engine.order_invoice import queue_invoice
from channelmanager_gui.services.engine.order_money import (
    charges_text,
    record_commerce_total,
)
from channelmanager_gui.services.engine.order_records import marketplace_name
from channelmanager_gui.services.engine.order_snapshot import Snapshot, load_snapshot
from channelmanager_gui.services.engine.order_status import prefetch_orders, refresh_order_status
from channelmanager_gui.services.outbox import RETRYABLE, ActionContext

log = logging.getLogger(__name__)


def order_comment(snap: Snapshot) -> str:
    """The link a person reads in the Commerce admin, with the marketplace's charges and the
    buyer's relay address: the order's own e-mail is the merchant's (store settings), so
    Commerce mails nobody at the marketplace; whoever must reach the buyer finds the relay here
    (and in our database). Amazon has one order id (no separate customer order)."""
    name = marketplace_name(snap.marketplace)
    charges = charges_text(snap.amounts, snap.total, snap.currency, name)
    text = f"{name} order {snap.marketplace_order_id}"
    if snap.customer_order_id != snap.marketplace_order_id:
        text += f" (customer order {snap.customer_order_id})"
    if snap.customer_email:
        text += f"; buyer's {name} relay e-mail: {snap.customer_email}"
    return f"{text}. {charges}"


class CreateCommerceOrder:
    """The ``commerce.create_order`` action handler."""

    lane = "commerce"

    def __init__(self, env: EngineEnv) -> None:
        self.env = env
        self._steps: dict[int, str] = {}  # action id → step in progress, for failed()
        # action id → (entity id, cart id) of the order this attempt placed, written with the
        # action's outcome (or its retry note) instead of in a transaction of its own
        self._placed: dict[int, tuple[int, int]] = {}

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
        client = self.env.store(ctx.store_id).commerce
        self._placed.pop(ctx.action_id, None)  # left by an attempt cut short (stop, crash)
        snap = load_snapshot(self.env.db, ctx.subject_id)
        try:
            return await self._run(ctx, snap, client)
        except RETRYABLE as exc:
            step = self._steps.get(ctx.action_id, "create")
            message = f"Will try again ({step} step): {error_text(exc, 'Commerce')}"
            placed = self._placed.pop(ctx.action_id, None)

            def change(order: Order, session: Session) -> None:
                if placed is not None:
                    self._note_placed(session, order, *placed)
                note(session, order, "retry", message, "info")

            self._update(snap.order_id, change)
            raise

    async def _run(
        self, ctx: ActionContext, snap: Snapshot, client: CommerceClient
    ) -> dict[str, Any] | None:
        entity_id = snap.commerce_entity_id
        if entity_id is None and not _nothing_made_yet(ctx, snap):
            self._step(ctx, "find")
            found = await self._find_existing(client, snap)
            if found is not None:
                self._record_adopted(snap, found)
                entity_id = found.entity_id
        placed_now = entity_id is None
        if entity_id is None:
            wanted = wanted_quantities(snap.cart_lines)
            if not wanted:
                return {"skipped": "every line is cancelled"}
            entity_id = await self._create(ctx, snap, client, wanted)
            self._step(ctx, "link")
            order = await self._link_placed(ctx, snap, client, entity_id)
        else:
            self._step(ctx, "link")
            order = await client.get_order(entity_id)
            await self._link(ctx, snap, client, order)
        return {
            "entity_id": order.entity_id,
            "increment_id": order.increment_id,
            "items": {i.sku.casefold(): i.item_id for i in order.items if i.parent_item_id is None},
            "placed_now": placed_now,
            "grand_total": None if order.grand_total is None else str(order.grand_total),
        }

    async def _find_existing(self, client: CommerceClient, snap: Snapshot) -> CommerceOrder | None:
        by_ext = await client.find_orders(ext_order_id=snap.marketplace_order_id)
        if by_ext:
            return min(by_ext, key=lambda o: o.entity_id)
        if snap.commerce_cart_id is not None:
            by_quote = await client.find_orders(quote_id=snap.commerce_cart_id)
            if by_quote:
                return min(by_quote, key=lambda o: o.entity_id)
        return None

    async def _create(
        self, ctx: ActionContext, snap: Snapshot, client: CommerceClient, wanted: dict[str, int]
    ) -> int:
        self._step(ctx, "cart")
        cart_id = snap.commerce_cart_id
        have: dict[str, float] = {}
        if cart_id is not None:
            try:
                have = await cart_items(client, cart_id)
            except CartGone:
                cart_id = None
        cart_id = await self._fill(ctx, snap, client, cart_id, wanted, have)
        self._step(ctx, "shipping")
        settings = self.env.store(ctx.store_id).settings
        address = await commerce_address(client, snap.shipping_address, settings.order_email)
        await client.set_shipping_information(
            cart_id,
            address,
            carrier_code=settings.shipping_carrier_code,
            method_code=settings.shipping_method_code,
        )
        self._step(ctx, "place")
        entity_id = await client.place_order(cart_id, settings.payment_method)
        self._placed[ctx.action_id] = (entity_id, cart_id)
        return entity_id

    async def _fill(
        self,
        ctx: ActionContext,
        snap: Snapshot,
        client: CommerceClient,
        cart_id: int | None,
        wanted: dict[str, int],
        have: dict[str, float],
    ) -> int:
        """Items into the recorded cart, or into a new one when it is gone or unusable."""
        for _ in range(2):
            if cart_id is None:
                cart_id = await client.create_cart()
                self._record_cart(snap, cart_id)
                have = {}
            self._step(ctx, "items")
            try:
                await add_missing(client, cart_id, wanted, have)
                return cart_id
            except CartGone as exc:
                log.warning("order %s: %s; starting a new cart", snap.marketplace_order_id, exc)
                cart_id = None
        raise ChannelError("Commerce lost two carts in a row; press Retry to try again.")

    async def _link_placed(
        self, ctx: ActionContext, snap: Snapshot, client: CommerceClient, entity_id: int
    ) -> CommerceOrder:
        """Link the order this attempt just placed from our cart: it carries neither
        ``ext_order_id`` nor our comment yet. It is read first for its increment id, which
        the partial save must repeat (see ``set_ext_order_id``)."""
        order = await client.get_order(entity_id)
        await client.set_ext_order_id(entity_id, order.increment_id, snap.marketplace_order_id)
        self._step(ctx, "comment")
        await client.add_comment(entity_id, order_comment(snap))
        return order

    async def _link(
        self, ctx: ActionContext, snap: Snapshot, client: CommerceClient, order: CommerceOrder
    ) -> None:
        if order.ext_order_id and order.ext_order_id != snap.marketplace_order_id:
            # Never re-link another marketplace order's Commerce order (a wrong id in an answer).
            raise ChannelError(
                f"Commerce order {order.increment_id} belongs to "
                f"{marketplace_name(snap.marketplace)} order "
                f"{order.ext_order_id}, not {snap.marketplace_order_id}; check both in Commerce."
            )
        if order.ext_order_id != snap.marketplace_order_id:
            await client.set_ext_order_id(
                order.entity_id, order.increment_id, snap.marketplace_order_id
            )
        self._step(ctx, "comment")
        text = order_comment(snap)
        if not any(text in (c.comment or "") for c in order.comments):
            await client.add_comment(order.entity_id, text)

    # -- local bookkeeping between remote calls --------------------------------------------

    def _step(self, ctx: ActionContext, step: str) -> None:
        self._steps[ctx.action_id] = step

    def _update(self, order_id: int, change: Callable[[Order, Session], None]) -> None:
        with self.env.db.session() as session:
            order = session.get_one(Order, order_id)
            change(order, session)
        self.env.changes.publish(Changes.of(Change.ORDERS, Change.ACTIVITY))

    def _record_cart(self, snap: Snapshot, cart_id: int) -> None:
        """Committed before anything goes into the cart: after a crash, the order placed from
        it is found by its ``quote_id``. Two prebuilt Core statements on a plain connection
        (no ORM session or unit of work): this runs for every order."""
        now = self.env.clock()
        with self.env.db.engine.begin() as conn:
            conn.execute(_SET_CART, {"b_order": snap.order_id, "b_cart": cart_id, "b_now": now})
            conn.execute(_ADD_ACTIVITY, {
                "store_id": snap.store_id, "subject_type": SUBJECT, "subject_id": snap.order_id,
                "event": "cart_created", "outcome": "ok", "created_at": now,
                "message": f"Created Commerce cart {cart_id}.",
            })  # fmt: skip
        self.env.changes.publish(Changes.of(Change.ACTIVITY))

    def _record_adopted(self, snap: Snapshot, found: CommerceOrder) -> None:
        def change(order: Order, session: Session) -> None:
            order.commerce_entity_id = found.entity_id
            refresh_order_status(order)
            note(session, order, "order_placed", f"Found Commerce order {found.increment_id} "
                 "made earlier; using it.")  # fmt: skip

        self._update(snap.order_id, change)

    @staticmethod
    def _note_placed(session: Session, order: Order, entity_id: int, cart_id: int) -> None:
        order.commerce_entity_id = entity_id
        note(session, order, "order_placed", f"Placed Commerce order #{entity_id} from cart "
             f"{cart_id}.")  # fmt: skip

    # -- outbox bookkeeping -----------------------------------------------------------------

    def prepare(self, session: Session, ctxs: list[ActionContext]) -> None:
        prefetch_orders(session, (ctx.subject_id for ctx in ctxs))

    def apply(self, session: Session, ctx: ActionContext, result: dict[str, Any] | None) -> None:
        self._steps.pop(ctx.action_id, None)
        note_changes(session, Change.ORDERS, Change.ACTIVITY)
        order = session.get_one(Order, ctx.subject_id)
        placed = self._placed.pop(ctx.action_id, None)
        if placed is not None:
            self._note_placed(session, order, *placed)
        if result is None or "skipped" in result:
            note(session, order, "not_created", "Not created in Commerce: every line is "
                 f"cancelled on {marketplace_name(order.marketplace)}.", "info")  # fmt: skip
            refresh_order_status(order)
            return
        order.commerce_entity_id = int(result["entity_id"])
        order.commerce_increment_id = str(result["increment_id"])[:32] or None
        order.commerce_linked = True
        items: dict[str, int] = result.get("items") or {}
        for line in order.lines:
            line.commerce_item_id = items.get(line.sku.casefold(), line.commerce_item_id)
        if order.error_step in STEPS:
            order.error, order.error_step = None, None
        refresh_order_status(order)
        record_commerce_total(session, order, result.get("grand_total"))
        note(session, order, "created", f"Commerce order {order.commerce_increment_id} is "
             f"linked to {marketplace_name(order.marketplace)} order "
             f"{order.marketplace_order_id}.")  # fmt: skip
        # Its own outbox step, queued with this outcome. An order found rather than placed
        # by this attempt may be invoiced already (by an earlier run, or by hand): look first.
        queue_invoice(session, order, look_first=not result.get("placed_now"))
        record_fba_shipment(session, order, self.env.clock())

    def failed(self, session: Session, ctx: ActionContext, error: ChannelError) -> None:
        step = self._steps.pop(ctx.action_id, "create")
        note_changes(session, Change.ORDERS, Change.ACTIVITY)
        order = session.get_one(Order, ctx.subject_id)
        placed = self._placed.pop(ctx.action_id, None)
        if placed is not None:
            self._note_placed(session, order, *placed)
        order.error = error_text(error, "Commerce")
        order.error_step = f"commerce.{step}"[:32]
        refresh_order_status(order)
        note(session, order, "error", f"Creating the Commerce order failed at the {step} "
             f"step: {order.error}", "error")  # fmt: skip


_ORDERS, _ACTIVITY = cast(Table, Order.__table__), cast(Table, Activity.__table__)
_SET_CART = (
    update(_ORDERS)
    .where(_ORDERS.c.id == bindparam("b_order"))
    .values(commerce_cart_id=bindparam("b_cart"), updated_at=bindparam("b_now"))
)
_ADD_ACTIVITY = insert(_ACTIVITY)


def _nothing_made_yet(ctx: ActionContext, snap: Snapshot) -> bool:
    """True when no Commerce order can exist for this Walmart order, so looking is useless.

    All read from the database: the action's first attempt, no cart ever recorded, and the
    order was still unacknowledged on Walmart when imported here (another installation, or
    this one before its data was reset, acknowledges before it creates anything).
    """
    return not ctx.retrying and snap.commerce_cart_id is None and snap.ack_queued


STEPS = frozenset(
    f"commerce.{s}" for s in ("create", "find", "cart", "items", "shipping", "place", "link",
                              "comment")
)  # fmt: skip
