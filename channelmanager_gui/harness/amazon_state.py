"""Amazon's side of the reliability invariants: listings pushed, returns refunded.

Kept apart from ``remote_state``/``invariants`` (Walmart orders) so each marketplace's checks
stay small. Read through the Amazon sandbox's admin API (never faulted, no auth) after the
faults are switched off and the queue has drained:

- nothing lost: every pushable Amazon listing shows on Amazon what the listing rules say it
  should (stock and price), or carries its reason in words (refused, never applied);
- nothing left pretending: no listing counts a value as sent that Amazon does not show;
- nothing refunded twice: a return refunded locally has exactly one refund per item on its
  Amazon order, and none is refunded on Amazon that is not refunded (or being refunded) here;
- nothing hanging: no Amazon action pending or running.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import httpx
from sqlalchemy import select

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing, MatchStatus
from channelmanager_gui.models.order import Return
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction

Json = dict[str, Any]


@dataclass
class AmazonState:
    listings: dict[str, Json]  # sku → {"quantity", "price"} as Amazon shows them
    orders: dict[str, Json]  # Amazon order id → the sandbox's order (with its refunds)


@dataclass
class AmazonReport:
    listings: int = 0
    refunds: int = 0
    violations: list[str] = field(default_factory=list)
    explained: dict[str, str] = field(default_factory=dict)  # sku → the reason in words

    @property
    def ok(self) -> bool:
        return not self.violations


def read_amazon_state(url: str, order_ids: Iterable[str]) -> AmazonState:
    with httpx.Client(base_url=f"{url}/_sandbox", timeout=60) as admin:
        answer = admin.get("/listings")
        answer.raise_for_status()
        orders = {}
        for order_id in order_ids:
            reply = admin.get(f"/orders/{order_id}")
            reply.raise_for_status()
            orders[order_id] = reply.json()
        return AmazonState(answer.json(), orders)


def check_amazon(
    db: Database, state: AmazonState, wanted: dict[str, tuple[int, Decimal]]
) -> AmazonReport:
    """``wanted``: sku → (quantity, price) the account's rules give (the test's expectation)."""
    report = AmazonReport()
    with db.session() as session:
        query = select(Listing).where(
            Listing.marketplace == "amazon", Listing.match_status == MatchStatus.MATCHED
        )
        rows = session.scalars(query)
        for row in rows:
            if row.sku in wanted:
                report.listings += 1
                _check_listing(report, row, state.listings.get(row.sku), wanted[row.sku])
        for ret in session.scalars(select(Return).where(Return.marketplace == "amazon")):
            _check_return(report, ret, state.orders.get(ret.customer_order_id))
        hanging = session.scalars(select(OutboxAction).where(
            OutboxAction.kind.like("amazon.%"),
            OutboxAction.status.in_((ActionStatus.PENDING, ActionStatus.RUNNING)),
        ))  # fmt: skip
        for action in hanging:
            report.violations.append(f"{action.kind} #{action.id} left {action.status}")
    return report


def _check_listing(
    report: AmazonReport, row: Listing, shown: Json | None, wanted: tuple[int, Decimal]
) -> None:
    if shown is None:
        report.violations.append(f"{row.sku}: not on Amazon any more")
        return
    qty, price = int(shown["quantity"]), Decimal(str(shown["price"]))
    if (qty, price) == wanted:
        if row.last_qty_sent != qty or row.last_price_sent != price:
            report.violations.append(f"{row.sku}: Amazon is in step, the listing does not say so")
        return
    if row.sync_error:  # lost? No: the merchant sees why, in words
        report.explained[row.sku] = row.sync_error
        return
    if (row.last_qty_sent, row.last_price_sent) == wanted:
        report.violations.append(f"{row.sku}: counted as sent, Amazon shows {qty} at {price}")
    else:
        report.violations.append(f"{row.sku}: lost: Amazon shows {qty} at {price}, not {wanted}")


def _check_return(report: AmazonReport, ret: Return, order: Json | None) -> None:
    refunds = Counter(str(r.get("orderItemId")) for r in (order or {}).get("refunds", []))
    doubled = [item for item, n in refunds.items() if n > 1]
    if doubled:
        report.violations.append(f"return {ret.return_order_id}: refunded twice ({doubled})")
    if ret.marketplace_refunded_at is not None:
        report.refunds += 1
        if not refunds:
            report.violations.append(f"return {ret.return_order_id}: refunded here, not on Amazon")
    elif refunds and ret.status != "REFUND_SENT":
        report.violations.append(f"return {ret.return_order_id}: refunded on Amazon, not here")
