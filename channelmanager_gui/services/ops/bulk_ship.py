"""Ship many orders at once: rows of purchase order, carrier, tracking (and a tracking link),
typed in a table or read from a CSV file, each checked by the Ship dialog's own rules.

Every row goes through ``validation.validate_shipment`` (what the Ship dialog and
``orders ship`` use), shipping everything still open on the order with its own shipping
method, dated now. A carrier not on the order's marketplace's list is taken as "Other" with
that name, which on Walmart then needs a tracking link, as in the dialog. Rows are refused,
with the reason and the CSV line, for an unknown or repeated purchase order or anything the
validation refuses; refused rows never stop the accepted ones. Accepted rows are written by
``ops.ship``, the single Ship dialog's path (local facts and the outbox, sent by the sync's
outbox worker).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from channelmanager_gui.errors import FIELD_PROBLEM, ValidationError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order
from channelmanager_gui.services.changes import NONE, Changes
from channelmanager_gui.services.ops import validation as v
from channelmanager_gui.services.ops.capability_reads import carrier_choices
from channelmanager_gui.services.ops.order_reads import find_order, order_for_action
from channelmanager_gui.services.ops.order_writes import ship
from channelmanager_gui.text_marks import N_, T_, marked

# Header names a merchant's spreadsheet may use (case, spaces, dashes and underscores ignored).
_COLUMNS: dict[str, tuple[str, ...]] = {
    "po": ("purchaseorder", "purchaseorderid", "po", "ponumber", "walmartpo", "order"),
    "carrier": ("carrier", "carriername", "shippingcarrier"),
    "tracking": ("tracking", "trackingnumber", "trackingno", "tracking#"),
    "tracking_url": ("trackingurl", "trackinglink", "url"),
}
_POSITIONS = ("po", "carrier", "tracking", "tracking_url")  # a file without a header row


@dataclass(frozen=True)
class ShipRow:
    """One shipment as entered; ``line`` is the CSV line (or table row) it came from."""

    line: int
    po: str
    carrier: str
    tracking: str
    tracking_url: str = ""


@dataclass(frozen=True)
class Refusal:
    line: int
    po: str
    reason: str


@dataclass
class BulkCheck:
    """What would ship (row and checked request) and what was refused (and why)."""

    accepted: list[tuple[ShipRow, v.ShipRequest]] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    changes: Changes = NONE  # what ``ship_accepted`` wrote (the op runner publishes it)

    def summary(self) -> str:
        ok, bad = len(self.accepted), len(self.refused)
        return f"{ok} order{'s' if ok != 1 else ''} ready to ship, {bad} refused."


def parse_csv(text: str) -> tuple[list[ShipRow], list[Refusal]]:
    """Rows of a CSV file (comma, semicolon or tab; a UTF-8 BOM is ignored) and the lines
    that are not rows (too few cells)."""
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    rows: list[ShipRow] = []
    refused: list[Refusal] = []
    positions: dict[str, int] | None = None
    for cells in reader:
        line = reader.line_num
        cells = [cell.strip() for cell in cells]
        if not any(cells):
            continue
        if positions is None:
            positions = _header(cells)
            if positions is not None:
                continue
            positions = {name: index for index, name in enumerate(_POSITIONS)}
        row = _row(line, cells, positions)
        if isinstance(row, Refusal):
            refused.append(row)
        else:
            rows.append(row)
    return rows, refused


_ALREADY_ON_LINE = T_("CoreText", "the order is already on line {line}")


def check_rows(
    rows: Iterable[ShipRow], orders: Mapping[str, Order], *, now: datetime | None = None
) -> BulkCheck:
    """Each row checked against its order (``orders`` by purchase order id, as loaded now)."""
    result = BulkCheck()
    seen: dict[int, int] = {}
    for row in rows:
        if not row.po:
            result.refused.append(Refusal(row.line, "", N_("CoreText", "no purchase order number")))
            continue
        order = orders.get(row.po)
        if order is None:
            result.refused.append(
                Refusal(row.line, row.po, N_("CoreText", "no order has this number"))
            )
            continue
        if order.id in seen:  # by order: its PO and its Commerce number are the same order
            reason = _ALREADY_ON_LINE.format(line=seen[order.id])
            result.refused.append(Refusal(row.line, row.po, reason))
            continue
        seen[order.id] = row.line
        try:
            result.accepted.append((row, _request(order, row, now)))
        except ValidationError as exc:
            result.refused.append(Refusal(row.line, row.po, _reason(exc)))
    return result


def load_orders(db: Database, purchase_orders: Iterable[str]) -> dict[str, Order]:
    """The orders these numbers name (PO or Commerce order number), by the number given;
    numbers that name no single order are left out (``check_rows`` refuses them)."""
    found: dict[str, Order] = {}
    for number in dict.fromkeys(p for p in purchase_orders if p):
        try:
            found[number] = order_for_action(db, find_order(db, number))
        except ValidationError:
            continue
    return found


def ship_accepted(db: Database, check: BulkCheck) -> BulkCheck:
    """Write every accepted shipment through the Ship dialog's path; a row refused at write
    time (another shipment arrived meanwhile) moves to the refused list."""
    done = BulkCheck(refused=list(check.refused))
    for row, request in check.accepted:
        try:
            changes = ship(db, request.order_id, request)
        except ValidationError as exc:
            done.refused.append(Refusal(row.line, row.po, _reason(exc)))
        else:
            done.accepted.append((row, request))
            done.changes = done.changes | changes
    return done


def _reason(exc: ValidationError) -> str:
    """The message, naming its field unless the whole order is meant ("order: The order…")."""
    if exc.field == v.FIELD_ORDER:
        return exc.reason
    return FIELD_PROBLEM.format(field=marked(v.FIELD, exc.field), problem=exc.reason)


def _request(order: Order, row: ShipRow, now: datetime | None) -> v.ShipRequest:
    choices = carrier_choices(order.marketplace)  # the order's marketplace's carriers
    listed = row.carrier.casefold() in {value.casefold() for value, _label in choices}
    carrier, other = (
        (row.carrier, None) if listed or not row.carrier else (v.OTHER_CARRIER, row.carrier)
    )
    everything = {line.line_number: max(line.qty_open, 0) for line in order.lines}
    return v.validate_shipment(
        order, carrier, other, None, row.tracking, row.tracking_url, None, everything, now=now
    )


def _delimiter(text: str) -> str:
    """The separator of the first line: comma, or the semicolon a European spreadsheet
    writes, or tab (``csv.Sniffer`` guesses wrong on lines with empty cells)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    return max(",;\t", key=first.count)


def _header(cells: Sequence[str]) -> dict[str, int] | None:
    """Column positions when ``cells`` is a header row naming at least PO and tracking."""
    keys = ["".join(ch for ch in cell.casefold() if ch not in " -_") for cell in cells]
    found = {}
    for name, aliases in _COLUMNS.items():
        for index, key in enumerate(keys):
            if key in aliases and name not in found:
                found[name] = index
    return found if {"po", "tracking"} <= found.keys() else None


def _row(line: int, cells: Sequence[str], positions: Mapping[str, int]) -> ShipRow | Refusal:
    def cell(name: str) -> str:
        index = positions.get(name)
        return cells[index] if index is not None and index < len(cells) else ""

    needed = max(positions[n] for n in ("po", "tracking") if n in positions)
    if len(cells) <= needed:
        return Refusal(
            line,
            cell("po"),
            N_("CoreText", "the line has too few columns (purchase order, carrier, tracking)"),
        )
    return ShipRow(line, cell("po"), cell("carrier"), cell("tracking"), cell("tracking_url"))
