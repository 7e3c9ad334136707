"""What the buyer paid on Walmart, next to what Commerce charged for the same order.

Walmart's charges (item, shipping and tax, per line) are the financial truth of a Walmart order.
The Commerce order is made through the REST cart flow, and Commerce prices that cart by its own
rules (Magento 2 source):

- items: ``POST /V1/carts/{id}/items`` goes through ``Quote\\Model\\Quote\\Item\\CartItemPersister``
  → ``$quote->addProduct($product, $buyRequest)``, whose buy request holds only the quantity and
  options (``CartItemOptionsProcessor::getBuyRequest``): the item's ``price`` field is ignored
  and there is no ``custom_price`` in the REST cart item. The price is the catalog's, in the
  website of the store view the REST call names (``/rest/{store_code}/V1/…``);
- shipping: ``POST /V1/carts/{id}/shipping-information`` takes addresses and a carrier/method
  code only (``Checkout\\Api\\Data\\ShippingInformationInterface``); the price is the carrier's:
  ``OfflineShipping\\Model\\Carrier\\Flatrate`` charges its configured price per item (type I)
  or per order (type O) plus a handling fee, ``freeshipping`` charges 0;
- tax: ``Tax\\Model\\Sales\\Total\\Quote\\Tax`` computes it from the tax rules for the product's
  tax class and the shipping address. No REST call sets an amount.

So the totals are equal only when the settings make them so (README, "Making Commerce totals
match Walmart"), never by construction. The order therefore records both totals, the order
detail shows the difference, and the Commerce order carries Walmart's amounts in its comment.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from channelmanager_gui.models.money import money_text, to_money
from channelmanager_gui.models.order import Order
from channelmanager_gui.services.engine.order_activity import note
from channelmanager_gui.text_marks import N_, T_


@dataclass(frozen=True)
class LineAmounts:
    """One Walmart line's charges, as imported (models/order.py OrderLine)."""

    line_number: str
    sku: str
    item: Decimal
    shipping: Decimal
    tax: Decimal


def charges_text(
    lines: list[LineAmounts], total: Decimal, currency: str, marketplace: str = "Walmart"
) -> str:
    """The Commerce order comment's account of what the buyer paid on the marketplace."""
    parts = [
        f"line {a.line_number} {a.sku}: item {a.item:.2f}, shipping {a.shipping:.2f}, "
        f"tax {a.tax:.2f}"
        for a in lines
    ]
    return f"{marketplace} charges: {'; '.join(parts)}. {marketplace} total {total:.2f} {currency}."


def record_commerce_total(session: Session, order: Order, grand_total: str | None) -> None:
    """The Commerce order's grand total as read back after placing it, and a timeline note
    when it is not what the buyer paid on Walmart."""
    if grand_total is None:
        return
    order.commerce_total = to_money(grand_total)
    if order.commerce_total != order.total:
        name = {"amazon": "Amazon"}.get(order.marketplace, "Walmart")
        text = difference_note(order.total, order.commerce_total, order.currency, name)
        note(session, order, "total_differs", text, "info")


def total_difference(walmart: Decimal, commerce: Decimal | None) -> Decimal | None:
    """Commerce's grand total minus Walmart's; None when Commerce's is not known or equal."""
    if commerce is None:
        return None
    difference = to_money(commerce) - to_money(walmart)
    return difference or None


def difference_note(
    walmart: Decimal, commerce: Decimal, currency: str, marketplace: str = "Walmart"
) -> str:
    """The timeline's words for two totals that differ (``walmart``: what the buyer paid on
    the order's marketplace)."""
    difference = to_money(commerce) - to_money(walmart)
    return (
        f"Commerce's total {commerce:.2f} {currency} differs from what the buyer paid on "
        f"{marketplace}, {walmart:.2f} {currency} ({difference:+.2f}): Commerce prices, ships "
        'and taxes the order by its own settings (see the README, "Making Commerce totals '
        'match Walmart").'
    )


_IN_COMMERCE = T_("CoreText", "{amount} in Commerce")  # "+$2.50 in Commerce"


def total_facts(walmart: Decimal, commerce: Decimal | None, currency: str) -> list[tuple[str, str]]:
    """The order detail's totals: what the buyer paid on Walmart, and — once the Commerce
    order exists — Commerce's total with the difference when the two are not equal."""
    facts = [(N_("Labels", "Walmart total"), money_text(walmart, currency))]
    if commerce is None:
        return facts
    facts.append((N_("Labels", "Commerce total"), money_text(commerce, currency)))
    difference = total_difference(walmart, commerce)
    if difference is not None:
        sign = "+" if difference > 0 else "−"
        facts.append(
            (
                N_("Labels", "Difference"),
                _IN_COMMERCE.format(amount=f"{sign}{money_text(abs(difference), currency)}"),
            )
        )
    return facts
