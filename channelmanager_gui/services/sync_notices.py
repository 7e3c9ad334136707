"""Which sync events deserve a desktop notification: new orders (saying which marketplace
they came from), orders cancelled in Commerce that need the merchant (a reason to choose, or a
partly shipped order Walmart cannot cancel), and a loop newly failing.

Qt-free policy over SyncStatusBoard snapshots; the window decides how to show a notice (the
tray's balloon). A loop that stays in error is announced once, not at every retry, and a
notice for new orders comes once per finished run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from channelmanager_gui.services.sync_status import SyncState, SyncStatusBoard

ORDER_LOOP = "orders"  # the loop's name, or "<store>/orders" when there are several stores
CANCEL_LOOP = "cancellations"  # orders cancelled in the Commerce admin
MARKETPLACES = {"walmart": "Walmart", "amazon": "Amazon"}  # count key suffix -> shop name


class NoticeKind(StrEnum):
    """Which event a notice is about: the merchant turns each kind on or off in Settings
    (``services/notify_prefs.py``). The values are stored there: do not rename them."""

    NEW_ORDERS = "new_orders"
    SYNC_ERRORS = "sync_errors"
    CANCELLATIONS = "cancellations"


class NoticeEvent(StrEnum):
    """What a notice says, for a window that words it in the merchant's language."""

    NEW_ORDERS = "new_orders"
    LOOP_FAILING = "loop_failing"
    CANCEL_HELD = "cancel_held"
    CANCEL_REFUSED = "cancel_refused"


@dataclass(frozen=True)
class Notice:
    """``title`` and ``text`` in English; ``event``, ``count`` and ``where`` (the store, or the
    failing loop) let the window say the same in the language it shows."""

    title: str
    text: str
    warning: bool = False
    kind: NoticeKind = field(default=NoticeKind.NEW_ORDERS, compare=False)
    event: NoticeEvent | None = field(default=None, compare=False)
    count: int = field(default=0, compare=False)
    where: str = field(default="", compare=False)
    # New orders: (marketplace, count) for each marketplace they were sold on.
    sold_on: tuple[tuple[str, int], ...] = field(default=(), compare=False)


class SyncNotices:
    """Call ``check(board)`` after every board change; ``emit`` gets each new Notice of a
    kind that ``allowed`` accepts (asked at each notice: the merchant may change it any time).
    A notice turned off is still counted as given: turning it on does not replay old ones."""

    def __init__(
        self,
        emit: Callable[[Notice], None],
        allowed: Callable[[NoticeKind], bool] = lambda _kind: True,
    ) -> None:
        self._give = emit
        self._allowed = allowed
        self._failing: set[str] = set()
        self._seen_runs: dict[str, datetime | None] = {}

    def check(self, board: SyncStatusBoard) -> None:
        for status in board.loops():
            self._check_error(status.name, status.state, status.last_error)
            previous = self._seen_runs.get(status.name)
            self._seen_runs[status.name] = status.last_run
            finished = status.last_run is not None and status.last_run != previous
            if finished and _is_loop(status.name, ORDER_LOOP):
                self._check_new_orders(status.name, status.counts)
            if finished and _is_loop(status.name, CANCEL_LOOP):
                self._check_cancellations(status.name, status.counts)

    def _emit(self, notice: Notice) -> None:
        if self._allowed(notice.kind):
            self._give(notice)

    def _check_error(self, name: str, state: SyncState, error: str | None) -> None:
        # Only a clean finish counts as recovered: the scheduler retries through SYNCING, and
        # a retry that fails again must not announce the same problem again.
        if state is SyncState.IDLE:
            self._failing.discard(name)
        if state is not SyncState.ERROR:
            return
        if name in self._failing:
            return
        self._failing.add(name)
        title = f"Sync problem: {name[:1].upper()}{name[1:]}"
        text = error or "The last sync run failed."
        failing = NoticeEvent.LOOP_FAILING
        self._emit(Notice(title, text, True, NoticeKind.SYNC_ERRORS, failing, where=name))

    def _check_new_orders(self, name: str, counts: Mapping[str, int]) -> None:
        split = {m: counts.get(f"new_{m}", 0) for m in MARKETPLACES}
        new = sum(split.values()) or counts.get("new", 0)
        if new <= 0:
            return
        store = name.rpartition("/")[0]
        where = f" for {store}" if store else ""
        plural, them = ("s", "them") if new != 1 else ("", "it")
        # Which marketplace: the loop's per-marketplace counts ("new_amazon": 2) when it gives
        # them; a loop that only counts "new" is the Walmart-only loop of before accounts.
        sold_on = [m for m, count in split.items() if count] or ["walmart"]
        if len(sold_on) == 1:
            title = f"{new} new {MARKETPLACES[sold_on[0]]} order{plural}{where}"
        else:
            each = ", ".join(f"{MARKETPLACES[m]} {split[m]}" for m in sold_on)
            title = f"{new} new order{plural}{where} ({each})"
        text = f"Open Orders to see {them}."
        sold = tuple((m, split[m] or new) for m in sold_on)
        event = NoticeEvent.NEW_ORDERS
        notice = Notice(title, text, kind=NoticeKind.NEW_ORDERS, event=event, count=new)
        self._emit(replace(notice, where=store, sold_on=sold))

    def _check_cancellations(self, name: str, counts: Mapping[str, int]) -> None:
        store = name.rpartition("/")[0]
        where = f" ({store})" if store else ""
        held, refused = counts.get("held", 0), counts.get("refused", 0)
        if held > 0:
            self._emit(
                Notice(
                    f"{held} order(s) cancelled in Commerce{where}",
                    "Choose the marketplace's reason: open Orders, In error.",  # either's
                    True,
                    NoticeKind.CANCELLATIONS,
                    NoticeEvent.CANCEL_HELD,
                    held,
                    store,
                )
            )
        if refused > 0:
            self._emit(
                Notice(
                    f"{refused} partly shipped order(s) cancelled in Commerce{where}",
                    "A partly shipped order cannot be cancelled on the marketplace from here; "
                    "nothing was sent. Open Orders, In error.",
                    True,
                    NoticeKind.CANCELLATIONS,
                    NoticeEvent.CANCEL_REFUSED,
                    refused,
                    store,
                )
            )


def _is_loop(name: str, loop: str) -> bool:
    return name == loop or name.endswith(f"/{loop}")
