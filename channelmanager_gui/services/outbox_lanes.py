"""Lanes of the outbox: work for one service or rate bucket never waits behind another's pacing.

Walmart paces each order action on its own bucket (acknowledge, shipping, cancel: 60 a minute
each, reference §11), Commerce not at all but ~1.5 s per order placed. With one queue for all,
a burst of acknowledgements held every worker slot while each waited a second for its turn,
so orders reached Commerce only once Walmart had acknowledged them all, and a ship clicked
meanwhile waited behind both (issue 19: 1,000 orders, ~17 minutes).

So each handler names its ``lane`` (a service, or one rate bucket of it), and the worker runs
each lane's actions on their own slots, claimed and paced apart; what a merchant clicks (ship,
cancel) has lanes of its own that background work never fills. Kinds whose handler names no
lane share :data:`DEFAULT_LANE`.

Order within a subject still holds across lanes (a Walmart ship waits for the Commerce ship
queued before it), with one exception: a handler marked ``independent`` (the acknowledgement,
which Walmart wants within 4 hours whatever Commerce does, and which nothing in Commerce
needs) holds back only the later actions of its own service, the kind's prefix ("walmart.").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import and_, false, not_, or_, true
from sqlalchemy.sql import ColumnElement

DEFAULT_LANE = "default"
# Slots of a lane when fewer than the worker's ``concurrency``. The HTTP pool holds 10
# connections per host (services/http/transport.py): background Commerce work (order creation,
# invoices, returns) filling all of them made a merchant's ship wait for a connection behind a
# flash sale's creations (issue 19: ship p95 0.58 s quiet, 1.06 s during the burst), and the
# stock and catalog loops' reads with it. With 8, two are always left for those.
LANE_SLOTS = {"commerce": 8}


def service_of(kind: str) -> str:
    """The service an action kind talks to: its prefix ("walmart.ship" → "walmart")."""
    return kind.partition(".")[0]


class Lanes:
    """Which lane each known kind runs in, and which kinds are independent, from the handlers
    (``lane`` and ``independent`` attributes, both optional)."""

    def __init__(self, handlers: Mapping[str, Any]) -> None:
        self.kinds: dict[str, set[str]] = {}
        for kind, handler in handlers.items():
            lane = getattr(handler, "lane", DEFAULT_LANE)
            self.kinds.setdefault(lane, set()).add(kind)
        self.kinds.setdefault(DEFAULT_LANE, set())
        self._named = {k for lane, kinds in self.kinds.items() if lane != DEFAULT_LANE
                       for k in kinds}  # fmt: skip
        self.independent = sorted(k for k, h in handlers.items() if getattr(h, "independent", 0))

    def names(self) -> list[str]:
        return sorted(self.kinds)

    @staticmethod
    def slots(lane: str, concurrency: int) -> int:
        """Actions ``lane`` runs at once: the worker's ``concurrency`` or its own cap."""
        return min(concurrency, LANE_SLOTS.get(lane, concurrency))

    def signature(self) -> tuple[Any, ...]:
        """What the lanes' SQL depends on, to reuse statements built for the same lanes."""
        lanes = tuple((lane, tuple(sorted(kinds))) for lane, kinds in sorted(self.kinds.items()))
        return lanes, tuple(self.independent)

    def only(self, kind: Any, lane: str | None) -> ColumnElement[bool]:
        """SQL: ``kind`` (a column) runs in ``lane`` (None: any lane)."""
        if lane is None:
            return true()
        if lane == DEFAULT_LANE:
            return kind.notin_(sorted(self._named)) if self._named else true()
        kinds = sorted(self.kinds.get(lane, ()))
        return kind.in_(kinds) if kinds else false()

    def holds_back(self, earlier_kind: Any, later_kind: Any) -> ColumnElement[bool]:
        """SQL: an unfinished ``earlier`` action of a subject holds back its ``later`` one."""
        free = [
            and_(earlier_kind == kind, not_(later_kind.startswith(service_of(kind) + ".")))
            for kind in self.independent
        ]
        return not_(or_(*free)) if free else true()
