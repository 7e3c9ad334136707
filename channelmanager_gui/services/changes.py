"""What a write changed, as a value: operations return it, their caller publishes it once.

An operation (``services/ops/``) returns a frozen :class:`Changes` (as Anki's operations return
``OpChanges``); whoever called it publishes it, once, after the transaction committed: the
window's op runner (``qt_async.py``) on the window's :class:`ChangeBus`, the command line and
the sync process in the database's change log (``services/change_log.py``), which the window
watches (``services/db_watch.py``). Views decide whether to refresh (STYLE.md #4).

Inside the sync engine, a step that writes in a transaction it does not own (an outbox
handler's ``apply``, a loop's step) notes its kinds on the session (:func:`note`); the owner
of the transaction takes them (:func:`taken`) once it committed and publishes them.

Subscribers are plain callables, called on the thread that published (see
``services/subscribers.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.orm import Session

from channelmanager_gui.services.subscribers import Subscribers


class Change(StrEnum):
    ORDERS = "orders"
    LISTINGS = "listings"
    RETURNS = "returns"
    ACTIVITY = "activity"
    OUTBOX = "outbox"
    STORES = "stores"


@dataclass(frozen=True)
class Changes:
    """The kinds of data a write changed, and what the caller may want to say about it
    (``count``: how many things it did; ``id``: the row it made)."""

    kinds: frozenset[Change] = frozenset()
    count: int = 0
    id: int | None = None

    @classmethod
    def of(cls, *kinds: Change, count: int = 0, id: int | None = None) -> Changes:
        return cls(frozenset(kinds), count, id)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds, self.count + other.count, self.id or other.id)

    @property
    def queued(self) -> bool:
        """Outbox actions were queued or put back: the sync process's worker has work."""
        return Change.OUTBOX in self.kinds


NONE = Changes()

Subscriber = Callable[[frozenset[Change]], None]


def union(all_changes: Iterable[Changes]) -> Changes:
    total = NONE
    for changes in all_changes:
        total = total | changes
    return total


class ChangeBus:
    """Fan-out of change sets to subscribers; a failing subscriber never stops the publisher."""

    def __init__(self) -> None:
        self._subscribers: Subscribers[frozenset[Change]] = Subscribers("change")

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Add a subscriber; returns a function that removes it (once; later calls do nothing)."""
        return self._subscribers.add(callback)

    def publish(self, changes: Changes) -> None:
        if changes.kinds:
            self._subscribers.call(changes.kinds)


_NOTED = "changes_noted"


def note(session: Session, *kinds: Change) -> None:
    """Note on ``session`` what its transaction changes; its owner publishes it after commit."""
    session.info[_NOTED] = session.info.get(_NOTED, frozenset()) | frozenset(kinds)


def taken(session: Session) -> Changes:
    """What was noted on ``session`` (forgotten there: published once)."""
    return Changes(session.info.pop(_NOTED, frozenset()))
