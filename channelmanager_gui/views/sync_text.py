"""Words for the sync state, shared by the top bar, the status bar and the tray tooltip.

One place so the three always agree on what the merchant reads.
"""

from __future__ import annotations

from datetime import UTC, datetime

from channelmanager_gui.services.sync_status import SyncState, SyncStatusBoard

STATE_TEXT = {
    SyncState.IDLE: "Up to date",
    SyncState.SYNCING: "Syncing…",
    SyncState.ERROR: "Sync problem",
    SyncState.PAUSED: "Sync paused",
}


def relative_time(when: datetime, now: datetime) -> str:
    """'just now', '5 min ago', '3 h ago', else the local date and time."""
    when = when if when.tzinfo else when.replace(tzinfo=UTC)
    seconds = (now - when).total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 12 * 3600:
        return f"{int(seconds // 3600)} h ago"
    return when.astimezone().strftime("%b %d, %H:%M")


def loop_title(name: str) -> str:
    """'inventory_push' → 'Inventory push'."""
    text = name.replace("_", " ")
    return text[:1].upper() + text[1:]


def state_summary(board: SyncStatusBoard, now: datetime) -> str:
    """One line for the top bar: the overall state and, when known, the last sync."""
    state = board.overall()
    last = board.last_sync()
    if state is SyncState.IDLE and board.loops() == [] and last is None:
        return "Not synced yet"
    text = STATE_TEXT[state]
    if state is SyncState.ERROR:
        failing = ", ".join(loop_title(s.name) for s in board.errors())
        return f"{text}: {failing}" if failing else text
    if last is not None and state is not SyncState.SYNCING:
        return f"{text} · last sync {relative_time(last, now)}"
    return text


NEEDS_ATTENTION = "Needs attention"


def tray_state(board: SyncStatusBoard) -> tuple[str, str]:
    """(icon name, words) for the tray. Orders or listings in error make the icon itself say
    "needs attention" (UX.md), outranking syncing/paused/idle; only a failing loop outranks it."""
    state = board.overall()
    if board.open_errors and state is not SyncState.ERROR:
        return "tray-attention", NEEDS_ATTENTION
    return f"tray-{state.value}", STATE_TEXT[state]


def tray_tooltip(board: SyncStatusBoard, now: datetime) -> str:
    """Several lines: app name and state, last sync, open errors."""
    lines = [f"Channel Manager — {tray_state(board)[1]}"]
    last = board.last_sync()
    lines.append(f"Last sync: {relative_time(last, now)}" if last else "Not synced yet")
    for status in board.errors():
        if status.last_error:
            lines.append(f"{loop_title(status.name)}: {status.last_error}")
    if board.open_errors:
        plural = "s" if board.open_errors != 1 else ""
        split = board.open_errors_by_marketplace
        if set(split) == {"walmart"}:
            split = {}  # a Walmart-only shop's line stays as it was: nothing to tell apart
        names = {"walmart": "Walmart", "amazon": "Amazon"}
        which = ", ".join(f"{names.get(m, m)} {n}" for m, n in sorted(split.items()))
        lines.append(f"{board.open_errors} open error{plural}" + (f" ({which})" if which else ""))
    return "\n".join(lines)


def loop_times(board: SyncStatusBoard, now: datetime) -> list[str]:
    """['Orders 2 min ago', 'Inventory just now', …] in the order the loops first reported."""
    parts = []
    for status in board.loops():
        when = relative_time(status.last_run, now) if status.last_run else "not yet"
        parts.append(f"{loop_title(status.name)} {when}")
    return parts


def loops_summary(board: SyncStatusBoard, now: datetime) -> str:
    """One short line for many loops: how many have run and how old the oldest run is."""
    runs = [s.last_run for s in board.loops()]
    done = [r for r in runs if r is not None]
    if len(done) < len(runs):
        return f"Last sync: {len(done)} of {len(runs)} loops have run"
    return f"Last sync: {len(runs)} loops, the oldest {relative_time(min(done), now)}"
