"""Ship, Cancel and Retry, the same whether started from the order list or the order detail.

Each action loads the order as stored now, asks the merchant (Ship/Cancel dialog), then calls
the operation — ``ops.ship``, ``ops.cancel``, ``ops.retry`` — which only writes the local facts
and the outbox; the sync process's outbox worker sends them to Walmart and Commerce. The write
runs in a worker thread through the op runner (STYLE.md #3), so a busy database never freezes
the window, and failures (say, a second shipment arrived meanwhile) reach the one error
presenter. The op runner publishes the changes the operation returned, once, on the UI thread.
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
from channelmanager_gui.services import ops
from channelmanager_gui.services.changes import ChangeBus, Changes, union
from channelmanager_gui.views.cancel_dialog import CancelDialog
from channelmanager_gui.views.i18n import core
from channelmanager_gui.views.marketplace_filter import marketplace_name
from channelmanager_gui.views.ship_dialog import ShipDialog, local_now

Clock = Callable[[], datetime]
Possible = tuple[bool, str]  # (possible, why not)


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
        changes: ChangeBus,
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
        return ops.order_for_action(self._db, order_id)

    def availability(self, order_ids: Sequence[int]) -> tuple[Possible, Possible]:
        """Whether Ship and Cancel make sense for a selection, and if not, why (the tooltips
        of the list's buttons). Both act on one order at a time."""
        if len(order_ids) != 1:
            why = (
                self.tr("Select one order.")
                if not order_ids
                else self.tr("Ship and cancel one order at a time.")
            )
            return (False, why), (False, why)
        try:
            order = self.load(order_ids[0])
        except ValidationError as exc:
            return (False, core("CoreText", exc.message)), (False, core("CoreText", exc.message))
        return ops.can_ship(order), ops.can_cancel(order)

    def ship(self, order_id: int) -> asyncio.Task[Any] | None:
        """Ask for the shipment and queue it; None when the merchant closed the dialog."""
        order = self.load(order_id)
        request = ShipDialog.ask(self._parent, order, clock=self._clock)
        if request is None:
            return None
        units = sum(request.lines.values())
        done = self.tr(
            "Shipment of %n item(s) of order {order} queued for {marketplace} and Commerce.",
            "",
            units,
        ).format(order=order.marketplace_order_id, marketplace=marketplace_name(order.marketplace))
        work = asyncio.to_thread(ops.ship, self._db, order_id, request)
        label = self.tr("Ship order {order}").format(order=order.marketplace_order_id)
        return self._run(work, label, done)

    def cancel(self, order_id: int, suggested: str | None = None) -> asyncio.Task[Any] | None:
        """Ask for the reason (``suggested`` chosen already) and queue the cancellation; None
        when the order is kept."""
        order = self.load(order_id)
        request = CancelDialog.ask(self._parent, order, suggested)
        if request is None:
            return None
        reason = core("CancelReason", ops.cancel_reason_label(order.marketplace, request.reason))
        if ops.is_held(order):
            done = self.tr("Order {order} cancelled ({reason}); {marketplace} is being told.")
        else:
            done = self.tr(
                "Order {order} cancelled ({reason}); {marketplace} and Commerce are being told."
            )
        done = done.format(
            order=order.marketplace_order_id,
            reason=reason,
            marketplace=marketplace_name(order.marketplace),
        )
        work = asyncio.to_thread(ops.cancel, self._db, order_id, request.reason)
        label = self.tr("Cancel order {order}").format(order=order.marketplace_order_id)
        return self._run(work, label, done)

    def retry(self, order_ids: Sequence[int]) -> asyncio.Task[Any] | None:
        """Clear the errors of these orders and queue their failed steps again."""
        ids = list(order_ids)
        if not ids:
            return None

        def work() -> Changes:
            return union(ops.retry(self._db, order_id) for order_id in ids)

        label = self.tr("Retry %n order(s)", "", len(ids))
        return self._run(
            asyncio.to_thread(work), label, self.tr("Retrying %n order(s).", "", len(ids))
        )

    def _run(self, work: Any, label: str, done: str) -> asyncio.Task[Any]:
        def on_success(_result: object) -> None:
            self.changed.emit()
            self.notice.emit(done)

        return self._ops.run_op(work, label=label, changes=self._changes, on_success=on_success)
