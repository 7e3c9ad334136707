"""Ship, Cancel and Retry, the same whether started from the order list or the order detail.

Each action loads the order as stored now, asks the merchant (Ship/Cancel dialog), then calls
the engine's service — ``shipping.ship_order``, ``cancelling.cancel_order``,
``order_queries.retry_order`` — which only writes the local facts and the outbox; the engine's
outbox worker sends them to Walmart and Commerce. The write runs in a worker thread through
the op runner (STYLE.md #3), so a busy database never freezes the window, and failures (say,
a second shipment arrived meanwhile) reach the one error presenter.

The services are called without the change bus: the change is announced here, on the UI
thread, once the write has committed, so subscribers never run on the worker thread.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services.changes import Change, ChangeBus
from channelmanager_gui.services.engine.cancelling import cancel_label, cancel_order
from channelmanager_gui.services.engine.fulfilment_queries import order_for_fulfilment
from channelmanager_gui.services.engine.order_queries import retry_order
from channelmanager_gui.services.engine.shipping import ship_order
from channelmanager_gui.services.validation import can_cancel, can_ship, is_held
from channelmanager_gui.views.cancel_dialog import CancelDialog
from channelmanager_gui.views.ship_dialog import ShipDialog, local_now

Clock = Callable[[], datetime]
Possible = tuple[bool, str]  # (possible, why not)
ORDER_CHANGES = (Change.ORDERS, Change.ACTIVITY, Change.OUTBOX)


class OrderActions(QObject):
    """``changed`` follows every committed action (the pages reload); ``notice(str)`` is a
    one-line confirmation for the status bar."""

    changed = Signal()
    notice = Signal(str)

    def __init__(
        self,
        db: Database,
        ops: OpRunner,
        dialog_parent: QWidget,
        *,
        changes: ChangeBus | None = None,
        clock: Clock = local_now,
    ) -> None:
        super().__init__(dialog_parent)
        self._db = db
        self._ops = ops
        self._parent = dialog_parent
        self._changes = changes
        self._clock = clock

    def load(self, order_id: int) -> Order:
        """The order with lines and shipments, detached (what the dialogs and checks need)."""
        return order_for_fulfilment(self._db, order_id)

    def availability(self, order_ids: Sequence[int]) -> tuple[Possible, Possible]:
        """Whether Ship and Cancel make sense for a selection, and if not, why (the tooltips
        of the list's buttons). Both act on one order at a time."""
        if len(order_ids) != 1:
            why = "Select one order." if not order_ids else "Ship and cancel one order at a time."
            return (False, why), (False, why)
        try:
            order = self.load(order_ids[0])
        except ValidationError as exc:
            return (False, exc.message), (False, exc.message)
        return can_ship(order), can_cancel(order)

    def ship(self, order_id: int) -> asyncio.Task[Any] | None:
        """Ask for the shipment and queue it; None when the merchant closed the dialog."""
        order = self.load(order_id)
        request = ShipDialog.ask(self._parent, order, clock=self._clock)
        if request is None:
            return None
        units = sum(request.lines.values())
        done = (
            f"Shipment of {units} item(s) of order {order.purchase_order_id} queued for "
            "Walmart and Commerce."
        )
        work = asyncio.to_thread(ship_order, self._db, order_id, request)
        return self._run(work, f"Ship order {order.purchase_order_id}", done)

    def cancel(self, order_id: int, suggested: str | None = None) -> asyncio.Task[Any] | None:
        """Ask for the reason (``suggested`` chosen already) and queue the cancellation; None
        when the order is kept."""
        order = self.load(order_id)
        request = CancelDialog.ask(self._parent, order, suggested)
        if request is None:
            return None
        told = "Walmart is" if is_held(order) else "Walmart and Commerce are"
        done = (
            f"Order {order.purchase_order_id} cancelled ({cancel_label(request.reason)}); "
            f"{told} being told."
        )
        work = asyncio.to_thread(cancel_order, self._db, order_id, request.reason)
        return self._run(work, f"Cancel order {order.purchase_order_id}", done)

    def retry(self, order_ids: Sequence[int]) -> asyncio.Task[Any] | None:
        """Clear the errors of these orders and queue their failed steps again."""
        ids = list(order_ids)
        if not ids:
            return None

        def work() -> int:
            return sum(retry_order(self._db, order_id) for order_id in ids)

        which = "1 order" if len(ids) == 1 else f"{len(ids)} orders"
        return self._run(asyncio.to_thread(work), f"Retry {which}", f"Retrying {which}.")

    def _run(self, work: Any, label: str, done: str) -> asyncio.Task[Any]:
        def on_success(_result: object) -> None:
            if self._changes is not None:
                self._changes.publish(*ORDER_CHANGES)
            self.changed.emit()
            self.notice.emit(done)

        return self._ops.run(work, label=label, on_success=on_success)
