"""The merchant of a chaos run: ships, ships in two parts, cancels and retries, through the
same services and checks the Ship and Cancel dialogs use.

Each order gets a fate the first time it is seen (seeded, so a run can be repeated): shipped
whole, shipped in two parts, cancelled, or left alone. Actions happen when the order allows them
(``can_ship`` once it is in Commerce, ``can_cancel`` before anything shipped), between engine
passes, so some land while the order's own actions are still queued or failing.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order, OrderStatus, Shipment
from channelmanager_gui.services import ops
from channelmanager_gui.services.changes import Changes
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.ops import validation

CARRIERS = ("UPS", "USPS", "FedEx", "DHL")
SELLER_REASONS = (
    "SELLER_CANCEL_OUT_OF_STOCK",
    "SELLER_CANCEL_PRICING_ERROR",
    "SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE",
)
AMAZON_REASONS = ("NoInventory", "GeneralAdjustment", "ShippingAddressUndeliverable")
SHIP, PARTIAL, CANCEL = "ship", "partial", "cancel"


class Merchant:
    def __init__(
        self,
        db: Database,
        engine: SyncEngine | None,
        plan: Any,
        rng: random.Random,
        counts: Counter[str],
    ) -> None:
        """``engine`` is None when the sync runs in another process (the crash tests)."""
        self.db = db
        self.engine = engine
        self.plan = plan
        self.rng = rng
        self.counts = counts
        self.fates: dict[int, str | None] = {}
        self.finished: set[int] = set()

    def _fate(self, order_id: int) -> str | None:
        if order_id not in self.fates:
            roll = self.rng.random()
            ship = self.plan.ship_share
            if roll < self.plan.cancel_share:
                self.fates[order_id] = CANCEL
            elif roll < self.plan.cancel_share + ship * self.plan.partial_share:
                self.fates[order_id] = PARTIAL
            elif roll < self.plan.cancel_share + ship:
                self.fates[order_id] = SHIP
            else:
                self.fates[order_id] = None
        return self.fates[order_id]

    def _orders(self) -> list[Order]:
        query = select(Order).options(
            selectinload(Order.lines), selectinload(Order.shipments).selectinload(Shipment.lines)
        )
        with self.db.session() as session:
            return list(session.scalars(query.order_by(Order.id)))

    def act(self) -> None:
        """Everything the merchant can do now."""
        for order in self._orders():
            fate = self._fate(order.id)
            if fate is None or order.id in self.finished:
                continue
            try:
                if fate == CANCEL:
                    self._cancel(order)
                else:
                    self._ship(order, partial=fate == PARTIAL)
            except ValidationError as exc:  # refused like the dialog refuses: counted, not lost
                self.counts[f"refused:{exc.field}"] += 1
                self.finished.add(order.id)

    def _cancel(self, order: Order) -> None:
        ok, _ = validation.can_cancel(order)
        if not ok:
            return
        reasons = AMAZON_REASONS if order.marketplace == "amazon" else SELLER_REASONS
        self._publish(ops.cancel(self.db, order.id, self.rng.choice(reasons)))
        self.counts["cancels"] += 1
        self.finished.add(order.id)

    def _ship(self, order: Order, *, partial: bool) -> None:
        ok, _ = validation.can_ship(order)
        if not ok:
            return
        open_lines = {ln.line_number: ln.qty_open for ln in order.lines if ln.qty_open > 0}
        units = sum(open_lines.values())
        first_of_two = partial and not order.shipments and units > 1
        if first_of_two:
            number, qty = next(iter(open_lines.items()))
            lines = {number: max(1, qty // 2)} if qty > 1 else {number: qty}
        else:
            lines = open_lines
        request = validation.validate_shipment(
            order,
            self.rng.choice(CARRIERS),
            None,
            "Standard",
            f"CHAOS{order.id:07d}N{len(order.shipments) + 1}",
            None,
            None,
            lines,
        )
        self._publish(ops.ship(self.db, order.id, request))
        self.counts["partial_ships" if first_of_two else "ships"] += 1
        if not first_of_two:
            self.finished.add(order.id)

    def retry_errors(self) -> None:
        """Retry every order in Error, as the merchant would once the storm is over."""
        for order in self._orders():
            if order.status != OrderStatus.ERROR:
                continue
            if self._publish(ops.retry(self.db, order.id)).count:
                self.counts["merchant_retries"] += 1

    def done(self) -> bool:
        """Every fate that can still happen has happened."""
        return all(fate is None or oid in self.finished for oid, fate in self.fates.items())

    def _publish(self, changes: Changes) -> Changes:
        """Publish what an operation changed, as the window's op runner does (the engine's
        worker wakes up for the queued actions)."""
        if self.engine is not None:
            self.engine.env.changes.publish(changes)
        return changes
