"""Checks on what a merchant asks to ship or cancel, shared by the dialogs and the command line.

Both front ends call the same functions, so a tracking number the Ship dialog refuses is refused
by ``channelmanager-gui orders ship`` with the same words. Each problem raises
:class:`~channelmanager_gui.errors.ValidationError` naming the field (see ``FIELD_*``), so a
dialog can show the reason next to that field and keep its OK button disabled; nothing is queued
until the input is valid. ``can_ship``/``can_cancel`` say whether the buttons make sense at all.

Pass an ``Order`` with ``lines`` and ``shipments`` loaded (``ops.order_for_action``).
Walmart's vocabularies (carriers, methods, cancellation reasons) come from the Walmart client
(``services/walmart/order_requests.py``, reference §4) so there is one list in the project.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlsplit

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.order import Order, OrderLine
from channelmanager_gui.services.engine.cancelling import (
    BUYER_CANCEL,
    CANCEL_REASON_LABELS,
    COMMERCE_CANCEL_HELD,
)
from channelmanager_gui.services.engine.cancelling import OUT_OF_STOCK as OUT_OF_STOCK
from channelmanager_gui.services.ops import marketplace_rules
from channelmanager_gui.services.walmart.order_requests import (
    CANCEL_REASONS,
    CARRIERS,
    METHOD_CODES,
)
from channelmanager_gui.text_marks import N_, T_

# A field's name, shown before its problem in a bulk import's refusals ("tracking number: …").
FIELD = "Field"
FIELD_CARRIER = N_("Field", "carrier")
FIELD_OTHER_CARRIER = N_("Field", "carrier name")
FIELD_METHOD = N_("Field", "shipping method")
FIELD_TRACKING_NUMBER = N_("Field", "tracking number")
FIELD_TRACKING_URL = N_("Field", "tracking URL")
FIELD_SHIP_DATE = N_("Field", "ship date")
FIELD_LINES = N_("Field", "quantities")
FIELD_REASON = N_("Field", "cancellation reason")
FIELD_ORDER = "order"

OTHER_CARRIER = "Other"
# The carriers merchants use most first, then Walmart's list A–Z, then "Other" (with a name).
_COMMON = ("UPS", "USPS", "FedEx", "DHL", "DHL Ecommerce - US", "OnTrac", "LSO")
CARRIER_CHOICES: tuple[str, ...] = (
    *_COMMON,
    *sorted(CARRIERS - set(_COMMON), key=str.casefold),
    OTHER_CARRIER,
)

TRACKING_MIN, TRACKING_MAX = 4, 40
_TRACKING_CHARS = re.compile(r"[A-Za-z0-9-]+")
_CARRIER_BY_FOLD = {name.casefold(): name for name in CARRIERS}
_SHIP_DATE_FUTURE = timedelta(days=1)  # a label printed for tomorrow's pickup is fine


@dataclass(frozen=True)
class ShipRequest:
    """A checked shipment: what ``ops.ship`` writes and queues."""

    order_id: int
    carrier: str | None  # a Walmart carrier name, or None with ``other_carrier``
    other_carrier: str | None
    method_code: str
    tracking_number: str
    tracking_url: str | None
    ship_date: datetime  # aware, UTC
    lines: dict[str, int]  # Walmart line number → quantity (only lines shipped now)
    override_cancel_request: bool = False  # ship although the buyer asked to cancel

    @property
    def carrier_title(self) -> str:
        return self.carrier or self.other_carrier or ""


@dataclass(frozen=True)
class CancelRequest:
    order_id: int
    reason: str  # a reason code of the order's marketplace (Walmart: one of its five)


def line_field(line_number: str) -> str:
    """Field name of one line's quantity, e.g. ``"quantity of line 2"``."""
    return f"quantity of line {line_number}"


# One sentence per state, shared by Ship and Cancel (and so by every tooltip and the detail
# page's line beside the buttons), so the two never contradict each other (issue 20 #9).
CANCELLED = N_("CoreText", "The order is cancelled.")
NOT_IN_COMMERCE = N_(
    "CoreText", "The order is not in Commerce yet; ship it once it has been created there."
)
ALL_SHIPPED = N_("CoreText", "Everything on this order has been shipped.")
PART_SHIPPED = T_(
    "CoreText",
    "Part of the order has shipped; {marketplace} only cancels whole unshipped orders.",
)
NOTHING_OPEN = N_("CoreText", "Nothing is left to ship or cancel on this order.")


NO_SUCH_ORDER = T_("CoreText", "order #{order} does not exist")
FULFILLED_BY_MARKETPLACE = T_("CoreText", "{marketplace} fulfils this order itself (FBA).")


def can_ship(order: Order) -> tuple[bool, str]:
    """Whether the Ship button makes sense now, and if not, why (merchant words)."""
    if order.fulfilled_by == "marketplace":
        return False, FULFILLED_BY_MARKETPLACE.format(marketplace=marketplace_rules.name_of(order))
    if order.cancel_reason or _all_cancelled(order):
        return False, CANCELLED
    if order.commerce_entity_id is None:
        return False, NOT_IN_COMMERCE
    if not any(line.qty_open > 0 for line in order.lines):
        return False, ALL_SHIPPED if _any_shipped(order) else NOTHING_OPEN
    return True, ""


def can_cancel(order: Order) -> tuple[bool, str]:
    """Whether the Cancel button makes sense now, and if not, why (merchant words)."""
    if is_held(order):
        return True, ""
    if order.fulfilled_by == "marketplace":
        return False, FULFILLED_BY_MARKETPLACE.format(marketplace=marketplace_rules.name_of(order))
    if order.cancel_reason or _all_cancelled(order):
        return False, CANCELLED
    if not any(line.qty_open > 0 for line in order.lines):
        return False, ALL_SHIPPED if _any_shipped(order) else NOTHING_OPEN
    if _any_shipped(order):
        return False, PART_SHIPPED.format(marketplace=marketplace_rules.name_of(order))
    return True, ""


def _any_shipped(order: Order) -> bool:
    return bool(order.shipments) or any(line.qty_shipped for line in order.lines)


def is_held(order: Order) -> bool:
    """Cancelled in Commerce, waiting for the merchant to choose the reason for Walmart."""
    return order.error_step == COMMERCE_CANCEL_HELD


def validate_shipment(
    order: Order,
    carrier: str | None,
    other_carrier: str | None,
    method_code: str | None,
    tracking_number: str | None,
    tracking_url: str | None,
    ship_date: datetime | date | None,
    lines: Mapping[str, object],
    *,
    override_cancel_request: bool = False,
    now: datetime | None = None,
) -> ShipRequest:
    """Check a ship action; returns the clean request or raises ``ValidationError``.

    ``carrier`` is a Walmart carrier name (any case) or ``"Other"`` with ``other_carrier``
    (then a tracking URL is required, as Walmart requires it). ``lines`` maps line numbers to
    quantities; zero means "not in this shipment". ``ship_date`` defaults to now; a date alone
    means that day (now when it is today). ``method_code`` defaults to the order's method.
    """
    ok, why = can_ship(order)
    if not ok:
        raise ValidationError(FIELD_ORDER, why)
    if order.intent_to_cancel and not override_cancel_request:
        raise ValidationError(
            FIELD_ORDER,
            N_(
                "CoreText",
                "The buyer asked to cancel this order; confirm that you still want to ship it, "
                "or cancel it with the reason “Buyer asked to cancel”.",
            ),
        )
    if order.marketplace in (None, "walmart"):
        named, other, url = _carrier(carrier, other_carrier, tracking_url)
        method = _method(method_code or order.method_code or "Standard")
    else:  # the order's marketplace's carriers and methods (marketplace_rules)
        marketplace_rules.refuse_marketplace_fulfilled(order, "shipped")
        named, other = marketplace_rules.carrier_choice(order, carrier, other_carrier)
        url = check_tracking_url(tracking_url)
        method = marketplace_rules.ship_method(order, method_code)
    number = _tracking_number(order, tracking_number)
    request = ShipRequest(
        order_id=order.id,
        carrier=named,
        other_carrier=other,
        method_code=method,
        tracking_number=number,
        tracking_url=url,
        ship_date=_ship_date(order, ship_date, now or datetime.now(UTC)),
        lines=_quantities(order, lines),
        override_cancel_request=override_cancel_request,
    )
    return request


def recheck_shipment(order: Order, request: ShipRequest) -> None:
    """Check a request again against the order as it is now (just before it is written):
    another shipment may have arrived between the dialog and the click."""
    ok, why = can_ship(order)
    if not ok:
        raise ValidationError(FIELD_ORDER, why)
    _tracking_number(order, request.tracking_number)
    _quantities(order, request.lines)


def validate_cancel(order: Order, reason: str | None) -> CancelRequest:
    """Check a cancel action (whole order only); returns the request or raises."""
    ok, why = can_cancel(order)
    if not ok:
        raise ValidationError(FIELD_ORDER, why)
    if order.marketplace not in (None, "walmart"):
        marketplace_rules.refuse_marketplace_fulfilled(order, "cancelled")
        return CancelRequest(order.id, marketplace_rules.cancel_reason(order, reason))
    code = (reason or "").strip()
    by_label = {label.casefold(): key for key, label in CANCEL_REASON_LABELS.items()}
    code = by_label.get(code.casefold(), code.upper())
    if not code:
        raise ValidationError(FIELD_REASON, N_("CoreText", "choose why the order is cancelled"))
    if code not in CANCEL_REASONS:
        choices = ", ".join(CANCEL_REASON_LABELS.values())
        raise ValidationError(
            FIELD_REASON,
            T_("CoreText", "“{reason}” is not a Walmart reason ({choices})").format(
                reason=reason, choices=choices
            ),
        )
    if code == BUYER_CANCEL and not order.intent_to_cancel:
        raise ValidationError(
            FIELD_REASON,
            N_(
                "CoreText",
                "“Buyer asked to cancel” is only allowed when the buyer asked on Walmart; "
                "choose another reason",
            ),
        )
    return CancelRequest(order_id=order.id, reason=code)


def _all_cancelled(order: Order) -> bool:
    return bool(order.lines) and all(ln.qty_cancelled >= ln.qty_ordered for ln in order.lines)


def _carrier(
    carrier: str | None, other_carrier: str | None, tracking_url: str | None
) -> tuple[str | None, str | None, str | None]:
    choice = (carrier or "").strip()
    url = check_tracking_url(tracking_url)
    if not choice:
        raise ValidationError(FIELD_CARRIER, N_("CoreText", "choose the carrier"))
    if choice.casefold() != OTHER_CARRIER.casefold():
        named = _CARRIER_BY_FOLD.get(choice.casefold())
        if named is None:
            raise ValidationError(
                FIELD_CARRIER,
                T_(
                    "CoreText",
                    "“{carrier}” is not on Walmart's carrier list; "
                    "choose “Other” and type its name",
                ).format(carrier=choice),
            )
        return named, None, url
    other = " ".join((other_carrier or "").split())
    if not other:
        raise ValidationError(FIELD_OTHER_CARRIER, N_("CoreText", "type the carrier's name"))
    if len(other) > 64:
        raise ValidationError(FIELD_OTHER_CARRIER, N_("CoreText", "at most 64 characters"))
    listed = _CARRIER_BY_FOLD.get(other.casefold())
    if listed is not None:
        return listed, None, url  # typed a listed carrier under "Other": send it as listed
    if url is None:
        raise ValidationError(
            FIELD_TRACKING_URL,
            N_("CoreText", "Walmart needs a tracking link when the carrier is not listed"),
        )
    return None, other, url


def check_tracking_url(value: str | None) -> str | None:
    """A clean http(s) tracking link, or None when left empty."""
    url = (value or "").strip()
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in url:
        raise ValidationError(
            FIELD_TRACKING_URL, N_("CoreText", "enter a web address starting with https://")
        )
    if len(url) > 500:
        raise ValidationError(FIELD_TRACKING_URL, N_("CoreText", "at most 500 characters"))
    return url


def _tracking_number(order: Order, value: str | None) -> str:
    """Trimmed, inner spaces removed (pasted "1Z 999 AA1…"), letters/digits/dashes only."""
    number = "".join((value or "").split())
    if not number:
        raise ValidationError(
            FIELD_TRACKING_NUMBER, N_("CoreText", "enter the carrier's tracking number")
        )
    if not _TRACKING_CHARS.fullmatch(number):
        raise ValidationError(
            FIELD_TRACKING_NUMBER,
            N_("CoreText", "use only letters, digits and dashes (as on the label)"),
        )
    if not TRACKING_MIN <= len(number) <= TRACKING_MAX:
        raise ValidationError(
            FIELD_TRACKING_NUMBER,
            T_("CoreText", "a tracking number has {least} to {most} characters").format(
                least=TRACKING_MIN, most=TRACKING_MAX
            ),
        )
    if any(s.tracking_number.casefold() == number.casefold() for s in order.shipments):
        raise ValidationError(
            FIELD_TRACKING_NUMBER,
            T_("CoreText", "{number} is already used by a shipment of this order").format(
                number=number
            ),
        )
    return number


def _method(value: str) -> str:
    by_fold = {code.casefold(): code for code in METHOD_CODES}
    code = by_fold.get(value.strip().casefold())
    if code is None:
        choices = ", ".join(METHOD_CODES)
        raise ValidationError(
            FIELD_METHOD, T_("CoreText", "choose one of {choices}").format(choices=choices)
        )
    return code


def _ship_date(order: Order, value: datetime | date | None, now: datetime) -> datetime:
    if value is None:
        moment = now
    elif isinstance(value, datetime):
        moment = value if value.tzinfo else value.astimezone()  # naive = the computer's time
    elif value == now.astimezone().date():
        moment = now
    else:
        moment = datetime.combine(value, time(12)).astimezone()
    moment = moment.astimezone(UTC)
    if moment > now + _SHIP_DATE_FUTURE:
        raise ValidationError(FIELD_SHIP_DATE, N_("CoreText", "cannot be later than tomorrow"))
    if moment.date() < order.order_date.astimezone(UTC).date() - timedelta(days=1):
        raise ValidationError(FIELD_SHIP_DATE, N_("CoreText", "cannot be before the order date"))
    return moment


def _quantities(order: Order, wanted: Mapping[str, object]) -> dict[str, int]:
    by_number: dict[str, OrderLine] = {str(ln.line_number): ln for ln in order.lines}
    chosen: dict[str, int] = {}
    for key, raw in wanted.items():
        number = str(key).strip()
        line = by_number.get(number)
        if line is None:
            raise ValidationError(
                FIELD_LINES, T_("CoreText", "the order has no line {line}").format(line=number)
            )
        qty = _whole_number(line_field(number), raw)
        if qty > line.qty_open:
            raise ValidationError(line_field(number), _too_many(line, qty))
        if qty:
            chosen[number] = qty
    if not chosen:
        raise ValidationError(
            FIELD_LINES, N_("CoreText", "ship at least one item (all quantities are 0)")
        )
    return chosen


def _whole_number(field: str, raw: object) -> int:
    if isinstance(raw, str) and raw.strip().isdigit():
        raw = int(raw.strip())
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise ValidationError(field, N_("CoreText", "enter a whole number"))
    if raw < 0:
        raise ValidationError(field, N_("CoreText", "cannot be negative"))
    return raw


# "5 is more than the 2 left to ship (…)": one sentence per case, so each translates whole.
_TOO_MANY = {
    (False, False): T_(
        "CoreText", "{qty} is more than the {left} left to ship ({sku}: {ordered} ordered)"
    ),
    (True, False): T_(
        "CoreText",
        "{qty} is more than the {left} left to ship ({sku}: {ordered} ordered, {shipped} shipped)",
    ),
    (False, True): T_(
        "CoreText",
        "{qty} is more than the {left} left to ship "
        "({sku}: {ordered} ordered, {cancelled} cancelled)",
    ),
    (True, True): T_(
        "CoreText",
        "{qty} is more than the {left} left to ship "
        "({sku}: {ordered} ordered, {shipped} shipped and {cancelled} cancelled)",
    ),
}


def _too_many(line: OrderLine, qty: int) -> str:
    template = _TOO_MANY[bool(line.qty_shipped), bool(line.qty_cancelled)]
    return template.format(
        qty=qty,
        left=line.qty_open,
        sku=line.sku,
        ordered=line.qty_ordered,
        shipped=line.qty_shipped,
        cancelled=line.qty_cancelled,
    )
