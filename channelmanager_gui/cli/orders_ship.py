"""``orders ship`` and ``orders cancel``: the Ship and Cancel dialogs, as commands.

The input goes through the very functions the dialogs use (``validation.validate_shipment``,
``ops.cancel`` which calls ``validate_cancel``), so a tracking number the dialog
refuses is refused here with the same words, naming the field; nothing is queued then. On
success the local facts and the outbox actions are written, and the changes published in the
database (the window shows them at once: ``ops.publish``); the running sync (window or
``channelmanager-gui sync``) sends them, or ``channelmanager-gui sync --once`` does.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import Any

from channelmanager_gui.cli import output
from channelmanager_gui.cli.common import UsageError, database
from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.order import Order
from channelmanager_gui.services import ops
from channelmanager_gui.services.marketplace.amazon_caps import (
    CAPABILITIES as AMAZON_CAPABILITIES,
)
from channelmanager_gui.services.ops.marketplace_rules import name_of, reason_label
from channelmanager_gui.services.ops.validation import (
    CANCEL_REASON_LABELS,
    FIELD_SHIP_DATE,
    validate_shipment,
)

MARKETPLACES = ("walmart", "amazon")


def add_marketplace(parser: argparse.ArgumentParser) -> None:
    """``--marketplace``: the order named must be of this marketplace (and picks it when the
    same number exists on both)."""
    parser.add_argument("--marketplace", choices=MARKETPLACES,
                        help="the order's marketplace (checked against the order)")  # fmt: skip


def find(db: Any, args: argparse.Namespace) -> int:
    return ops.find_order(db, args.po, getattr(args, "marketplace", None))


def register_ship(
    actions: argparse._SubParsersAction[argparse.ArgumentParser], parent: Any
) -> None:
    ship = actions.add_parser(
        "ship",
        parents=[parent],
        help="ship an order (all remaining quantities unless --line is given)",
    )
    ship.add_argument("po", metavar="PO", help="marketplace order id (or Commerce order #)")
    add_marketplace(ship)
    ship.add_argument(
        "--carrier", required=True, metavar="NAME",
        help='a carrier of the order\'s marketplace (Walmart: its list; Amazon: UPS, USPS, '
        'FedEx, DHL, ...), or "Other"',
    )  # fmt: skip
    ship.add_argument("--other-carrier", metavar="NAME", help="carrier name with --carrier Other")
    ship.add_argument(
        "--method", metavar="CODE", help="Standard, Express, ... (default: the order's)"
    )
    ship.add_argument("--tracking", required=True, metavar="NUMBER", help="tracking number")
    ship.add_argument("--tracking-url", metavar="URL",
                      help="Walmart needs it for an unlisted carrier")  # fmt: skip
    ship.add_argument(
        "--ship-date", metavar="DATE", help="YYYY-MM-DD or an ISO date-time (default: now)"
    )
    ship.add_argument(
        "--line",
        action="append",
        type=_line,
        metavar="LINE:QTY",
        help="ship QTY units of order line LINE (repeat for several lines)",
    )
    ship.add_argument(
        "--ship-anyway",
        action="store_true",
        help="ship although the buyer asked to cancel (the dialog's confirmation)",
    )
    ship.set_defaults(handler=_ship)


def register_cancel(
    actions: argparse._SubParsersAction[argparse.ArgumentParser], parent: Any
) -> None:
    reasons = "; ".join(f"{code} ({label})" for code, label in CANCEL_REASON_LABELS.items())
    amazon = ", ".join(code for code, _ in AMAZON_CAPABILITIES.cancel_reasons)
    cancel = actions.add_parser(
        "cancel",
        parents=[parent],
        help="cancel a whole unshipped order with a reason of its marketplace (or give the "
        "reason to an order cancelled in Commerce)",
    )
    cancel.add_argument("po", metavar="PO", help="marketplace order id (or Commerce order #)")
    add_marketplace(cancel)
    cancel.add_argument(
        "--reason", required=True, metavar="REASON",
        help=f"a code or its label; Walmart: {reasons}; Amazon: {amazon}",
    )  # fmt: skip
    cancel.set_defaults(handler=_cancel)


def register_tracking_url(
    actions: argparse._SubParsersAction[argparse.ArgumentParser], parent: Any
) -> None:
    link = actions.add_parser(
        "tracking-url",
        parents=[parent],
        help="add the tracking link Walmart needs for a shipment with an unlisted carrier",
    )
    link.add_argument("po", metavar="PO", help="Walmart purchase order id (or Commerce order #)")
    link.add_argument("url", metavar="URL", help="the carrier's tracking page for the parcel")
    link.add_argument(
        "--shipment", type=int, metavar="ID", help="which shipment (see orders show) when several"
    )
    link.set_defaults(handler=_tracking_url)


def _line(text: str) -> tuple[str, str]:
    """``LINE:QTY`` as typed; the quantity is checked by the shared validation."""
    number, sep, qty = text.partition(":")
    if not sep or not number.strip() or not qty.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not LINE:QTY (e.g. 1:2)")
    return number.strip(), qty.strip()


def _ship_date(text: str | None) -> datetime | date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text) if len(text.strip()) == 10 else datetime.fromisoformat(text)
    except ValueError:
        raise ValidationError(FIELD_SHIP_DATE, f"{text!r} is not YYYY-MM-DD") from None


def remaining(order: Order) -> dict[str, int]:
    """Every line's quantity still to ship: what "ship" means when no line is named."""
    return {line.line_number: line.qty_open for line in order.lines if line.qty_open > 0}


def _ship(args: argparse.Namespace) -> int:
    with database() as db:
        order = ops.order_for_action(db, find(db, args))
        lines: dict[str, object] = dict(args.line) if args.line else dict(remaining(order))
        request = validate_shipment(
            order,
            args.carrier,
            args.other_carrier,
            args.method,
            args.tracking,
            args.tracking_url,
            _ship_date(args.ship_date),
            lines,
            override_cancel_request=args.ship_anyway,
        )
        shipped = ops.ship(db, order.id, request)
        ops.publish(db, shipped)
        after = ops.order_for_action(db, order.id)
    data = {
        "marketplace": order.marketplace,
        "purchase_order_id": order.marketplace_order_id,
        "marketplace_order_id": order.marketplace_order_id,
        "shipment_id": shipped.id,
        "carrier": request.carrier_title,
        "method_code": request.method_code,
        "tracking_number": request.tracking_number,
        "tracking_url": request.tracking_url,
        "ship_date": request.ship_date,
        "lines": request.lines,
        "status": after.status,
    }
    if args.json:
        output.print_json(data)
    else:
        units = sum(request.lines.values())
        print(
            f"Order {order.marketplace_order_id}: shipment of {units} unit(s) with "
            f"{request.carrier_title}, tracking {request.tracking_number}, queued for Commerce "
            f"and {name_of(order)}. Status: {after.status}."
        )
    return 0


def _cancel(args: argparse.Namespace) -> int:
    with database() as db:
        order_id = find(db, args)
        held = ops.is_held(ops.order_for_action(db, order_id))  # cancelled in Commerce already
        ops.publish(db, ops.cancel(db, order_id, args.reason))
        after = ops.order_for_action(db, order_id)
    data = {
        "marketplace": after.marketplace,
        "purchase_order_id": after.marketplace_order_id,
        "marketplace_order_id": after.marketplace_order_id,
        "reason": after.cancel_reason,
        "status": after.status,
        "lines": {ln.line_number: ln.qty_cancelled for ln in after.lines},
    }
    if args.json:
        output.print_json(data)
    else:
        reason = reason_label(after, after.cancel_reason or "")
        name = name_of(after)
        print(
            f"Order {after.marketplace_order_id}: cancellation ({reason}) "
            f"queued for {name if held else name + ' and Commerce'}. Status: {after.status}."
        )
    return 0


def _tracking_url(args: argparse.Namespace) -> int:
    with database() as db:
        order = ops.order_for_action(db, ops.find_order(db, args.po))
        shipment_id = args.shipment or _shipment_without_link(order)
        if shipment_id not in {s.id for s in order.shipments}:
            raise ValidationError(
                "shipment", f"order {order.marketplace_order_id} has no shipment #{shipment_id}"
            )
        ops.publish(db, ops.set_tracking_url(db, shipment_id, args.url))
        after = ops.order_for_action(db, order.id)
    if args.json:
        output.print_json(
            {
                "marketplace": order.marketplace,
                "purchase_order_id": order.marketplace_order_id,
                "marketplace_order_id": order.marketplace_order_id,
                "shipment_id": shipment_id,
                "status": after.status,
            }
        )
    else:
        print(
            f"Order {order.marketplace_order_id}: tracking link added to shipment #{shipment_id}."
        )
    return 0


def _shipment_without_link(order: Order) -> int:
    """The one shipment still waiting for a tracking link; several need ``--shipment``."""
    waiting = [s.id for s in order.shipments if not s.tracking_url]
    if len(waiting) == 1:
        return waiting[0]
    if not waiting:
        raise ValidationError(
            "shipment",
            f"order {order.marketplace_order_id} has no shipment without a tracking link",
        )
    ids = ", ".join(f"#{i}" for i in waiting)
    raise UsageError(
        f"several shipments lack a tracking link ({ids}): choose one with --shipment ID"
    )
