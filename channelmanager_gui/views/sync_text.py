"""Words for the sync state, shared by the top bar, the status bar and the tray tooltip.

One place so the three always agree on what the merchant reads.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from channelmanager_gui.services.sync_status import SyncState, SyncStatusBoard
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.i18n import ui

STATE_TEXT = {
    SyncState.IDLE: N_("Labels", "Up to date"),
    SyncState.SYNCING: N_("Labels", "Syncing…"),
    SyncState.ERROR: N_("Labels", "Sync problem"),
    SyncState.PAUSED: N_("Labels", "Sync paused"),
}
# The engine's loops (services/engine/*_flow.py LOOPS) by the name they report under.
LOOP_TITLES = {
    "orders": N_("Labels", "Orders"),
    "catalog": N_("Labels", "Catalog"),
    "stock": N_("Labels", "Stock"),
    "inventory": N_("Labels", "Inventory"),
    "full_stock": N_("Labels", "Full stock"),
    "matching": N_("Labels", "Matching"),
    "shipments": N_("Labels", "Shipments"),
    "returns": N_("Labels", "Returns"),
    "cancellations": N_("Labels", "Cancellations"),
    "Sync process": N_("Labels", "Sync process"),  # views/engine_control.py CHILD_LOOP
}
CONTEXT = "SyncText"


def state_text(state: SyncState) -> str:
    return ui(STATE_TEXT[state])


def relative_time(when: datetime, now: datetime) -> str:
    """'just now', '5 min ago', '3 h ago', else the local date and time (in the locale)."""
    when = when if when.tzinfo else when.replace(tzinfo=UTC)
    seconds = (now - when).total_seconds()
    if seconds < 60:
        return QCoreApplication.translate("SyncText", "just now")
    # Plain names as counts, and no floor division in the calls: lupdate misses either.
    minutes, hours = int(seconds / 60), int(seconds / 3600)
    if seconds < 3600:
        return QCoreApplication.translate("SyncText", "%n min ago", "", minutes)
    if seconds < 12 * 3600:
        return QCoreApplication.translate("SyncText", "%n h ago", "", hours)
    return local_date_time(when)


def local_date_time(when: datetime) -> str:
    """A short local date and time in the chosen locale ("May 1, 14:05", "5月1日 14:05")."""
    local = when.astimezone()
    locale = QLocale()
    date = locale.toString(local.date(), QCoreApplication.translate("SyncText", "MMM d"))
    return f"{date}, {locale.toString(local.time(), 'HH:mm')}"


def loop_title(name: str) -> str:
    """'inventory_push' → 'Inventory push' (translated for the loops the engine runs)."""
    if name in LOOP_TITLES:
        return ui(LOOP_TITLES[name])
    text = name.replace("_", " ")
    return text[:1].upper() + text[1:]


def state_summary(board: SyncStatusBoard, now: datetime) -> str:
    """One line for the top bar: the overall state and, when known, the last sync."""
    state = board.overall()
    last = board.last_sync()
    if state is SyncState.IDLE and board.loops() == [] and last is None:
        return QCoreApplication.translate("SyncText", "Not synced yet")
    text = state_text(state)
    if state is SyncState.ERROR:
        failing = ", ".join(loop_title(s.name) for s in board.errors())
        return f"{text}: {failing}" if failing else text
    if last is not None and state is not SyncState.SYNCING:
        return QCoreApplication.translate("SyncText", "{state} · last sync {when}").format(
            state=text, when=relative_time(last, now)
        )
    return text


NEEDS_ATTENTION = N_("Labels", "Needs attention")


def tray_state(board: SyncStatusBoard) -> tuple[str, str]:
    """(icon name, words) for the tray. Orders or listings in error make the icon itself say
    "needs attention" (UX.md), outranking syncing/paused/idle; only a failing loop outranks it."""
    state = board.overall()
    if board.open_errors and state is not SyncState.ERROR:
        return "tray-attention", ui(NEEDS_ATTENTION)
    return f"tray-{state.value}", state_text(state)


def tray_tooltip(board: SyncStatusBoard, now: datetime) -> str:
    """Several lines: app name and state, last sync, open errors."""
    lines = [f"Channel Manager — {tray_state(board)[1]}"]
    last = board.last_sync()
    lines.append(
        QCoreApplication.translate("SyncText", "Last sync: {when}").format(
            when=relative_time(last, now)
        )
        if last
        else QCoreApplication.translate("SyncText", "Not synced yet")
    )
    for status in board.errors():
        if status.last_error:
            lines.append(f"{loop_title(status.name)}: {status.last_error}")
    if board.open_errors:
        split = board.open_errors_by_marketplace
        if set(split) == {"walmart"}:
            split = {}  # a Walmart-only shop's line stays as it was: nothing to tell apart
        names = {"walmart": "Walmart", "amazon": "Amazon"}
        which = ", ".join(f"{names.get(m, m)} {n}" for m, n in sorted(split.items()))
        count_text = SyncCounts().open_errors(board.open_errors)
        lines.append(f"{count_text} ({which})" if which else count_text)
    return "\n".join(lines)


class SyncCounts(QObject):
    """Counted words: lupdate marks plural forms ("1 error", "2 errors") only in ``tr``."""

    def open_errors(self, count: int) -> str:
        return self.tr("%n open error(s)", "", count)


def loop_times(board: SyncStatusBoard, now: datetime) -> list[str]:
    """['Orders 2 min ago', 'Inventory just now', …] in the order the loops first reported."""
    parts = []
    for status in board.loops():
        when = (
            relative_time(status.last_run, now)
            if status.last_run
            else QCoreApplication.translate("SyncText", "not yet")
        )
        parts.append(f"{loop_title(status.name)} {when}")
    return parts


def loops_summary(board: SyncStatusBoard, now: datetime) -> str:
    """One short line for many loops: how many have run and how old the oldest run is."""
    runs = [s.last_run for s in board.loops()]
    done = [r for r in runs if r is not None]
    if len(done) < len(runs):
        return QCoreApplication.translate(
            "SyncText", "Last sync: {done} of {total} loops have run"
        ).format(done=len(done), total=len(runs))
    return QCoreApplication.translate(
        "SyncText", "Last sync: {total} loops, the oldest {when}"
    ).format(total=len(runs), when=relative_time(min(done), now))
