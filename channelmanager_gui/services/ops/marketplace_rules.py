"""What the order operations accept for an order of a marketplace other than Walmart: its
carriers, ship methods and cancel reasons come from the adapter's ``Capabilities`` (Amazon:
``amazon_caps``), so the ship and cancel dialogs, the command line and the engine agree.

Walmart's rules stay in ``validation.py`` (its five reasons, its carrier list with a tracking
link for another carrier). Amazon (reference §3.2, §3.3): any carrier, an unlisted one sent as
``Other`` with its name (no link needed); the shipping method is free text; whole orders are
cancelled with one of ``OrderAcknowledgement.xsd``'s reasons, never once anything shipped; FBA
orders are Amazon's to ship and cancel.
"""

from __future__ import annotations

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.order import Order
from channelmanager_gui.services.marketplace.amazon_caps import CAPABILITIES as AMAZON
from channelmanager_gui.services.marketplace.port import Capabilities, FulfilledBy
from channelmanager_gui.services.marketplace.walmart_adapter import CAPABILITIES as WALMART
from channelmanager_gui.text_marks import N_, T_

FIELD_CARRIER = N_("Field", "carrier")
FIELD_OTHER_CARRIER = N_("Field", "carrier name")
FIELD_REASON = N_("Field", "reason")
FIELD_ORDER = "order"
OTHER = "Other"
_BY_MARKETPLACE = {"walmart": WALMART, "amazon": AMAZON}
# Whole sentences per action, so each translates whole.
_MARKETPLACE_FULFILS = {
    "shipped": T_(
        "CoreText", "{marketplace} fulfils this order itself (FBA): it cannot be shipped from here"
    ),
    "cancelled": T_(
        "CoreText",
        "{marketplace} fulfils this order itself (FBA): it cannot be cancelled from here",
    ),
}
_NOT_LISTED = T_(
    "CoreText",
    "“{carrier}” is not on {marketplace}'s carrier list; choose “Other” and type its name",
)
_NOT_A_REASON = T_("CoreText", "“{reason}” is not one of {marketplace}'s reasons ({choices})")


def capabilities(order: Order) -> Capabilities:
    """What the order's marketplace can do (Walmart when the row predates accounts)."""
    return _BY_MARKETPLACE.get(order.marketplace or "walmart", WALMART)


def name_of(order: Order) -> str:
    return capabilities(order).marketplace.value.capitalize()


def refuse_marketplace_fulfilled(order: Order, action: str) -> None:
    if order.fulfilled_by == FulfilledBy.MARKETPLACE.value:
        sentence = _MARKETPLACE_FULFILS[action].format(marketplace=name_of(order))
        raise ValidationError(FIELD_ORDER, sentence)


def carrier_choice(
    order: Order, carrier: str | None, other_carrier: str | None
) -> tuple[str | None, str | None]:
    """``(listed carrier code, None)`` or ``(None, the carrier's name)`` for ``Other``."""
    caps = capabilities(order)
    choice = " ".join((carrier or "").split())
    if not choice:
        raise ValidationError(FIELD_CARRIER, N_("CoreText", "choose the carrier"))
    listed = {code.casefold(): code for code, _label in caps.carriers if code != OTHER}
    labels = {label.casefold(): code for code, label in caps.carriers if code != OTHER}
    if choice.casefold() != OTHER.casefold():
        code = listed.get(choice.casefold()) or labels.get(choice.casefold())
        if code is None:
            sentence = _NOT_LISTED.format(carrier=choice, marketplace=name_of(order))
            raise ValidationError(FIELD_CARRIER, sentence)
        return code, None
    other = " ".join((other_carrier or "").split())
    if not other:
        raise ValidationError(FIELD_OTHER_CARRIER, N_("CoreText", "type the carrier's name"))
    if len(other) > 64:
        raise ValidationError(FIELD_OTHER_CARRIER, N_("CoreText", "at most 64 characters"))
    code = listed.get(other.casefold())
    return (code, None) if code else (None, other)


def ship_method(order: Order, value: str | None) -> str:
    """Amazon's ``shippingMethod`` is free text (§3.2): the merchant's, else the order's."""
    method = " ".join((value or order.method_code or "Standard").split())
    return method[:16] or "Standard"


def cancel_reason(order: Order, reason: str | None) -> str:
    """One of the marketplace's reason codes, given as its code or its label (any case)."""
    caps = capabilities(order)
    text = " ".join((reason or "").split())
    if not text:
        raise ValidationError(FIELD_REASON, N_("CoreText", "choose why the order is cancelled"))
    by_fold = {code.casefold(): code for code, _ in caps.cancel_reasons}
    by_fold.update({label.casefold(): code for code, label in caps.cancel_reasons})
    code = by_fold.get(text.casefold())
    if code is None:
        choices = ", ".join(code for code, _ in caps.cancel_reasons)
        sentence = _NOT_A_REASON.format(reason=reason, marketplace=name_of(order), choices=choices)
        raise ValidationError(FIELD_REASON, sentence)
    return code


def reason_label(order: Order, code: str) -> str:
    return dict(capabilities(order).cancel_reasons).get(code, code)
