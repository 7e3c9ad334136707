"""The offline shipping carriers, priced as Magento prices them, so totals differ as they would.

Magento 2's ``OfflineShipping`` module (source, ``Model/Carrier/Flatrate.php`` and
``Flatrate/ItemPriceCalculator.php``): *Flat Rate* charges its configured ``price`` × the
package quantity for type ``I`` (per item) or the ``price`` once for type ``O`` (per order),
then adds the handling fee (``AbstractCarrier::getFinalPriceWithHandlingFee``; the sandbox
models the fixed fee, handling type ``F``, charged once per order). *Free Shipping*
(``Model/Carrier/Freeshipping.php``) charges 0; Magento ships it disabled. Only active carriers
are offered, and choosing another one in ``shipping-information`` fails with "Carrier with such
method not found", as ``ShippingInformationManagement`` answers.

The defaults — flat rate at 5.00 per item, free shipping off, no tax rules (so no tax) — are the
sandbox store's settings; ``PUT /_sandbox/config {"carriers": {...}}`` changes them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

FLATRATE = ("flatrate", "flatrate")
FREESHIPPING = ("freeshipping", "freeshipping")
_TITLES = {FLATRATE: ("Flat Rate", "Fixed"), FREESHIPPING: ("Free Shipping", "Free")}


@dataclass
class Carriers:
    """``carriers/flatrate/*`` and ``carriers/freeshipping/active`` of the sandbox store."""

    flatrate_active: bool = True
    flatrate_type: str = "I"  # I: per item, O: per order
    flatrate_price: float = 5.00
    flatrate_handling_fee: float = 0.0
    freeshipping_active: bool = False

    def active(self) -> list[tuple[str, str]]:
        offered = [FLATRATE] if self.flatrate_active else []
        return offered + ([FREESHIPPING] if self.freeshipping_active else [])

    def price(self, method: tuple[str, str], package_qty: float) -> float:
        """What ``method`` charges for ``package_qty`` items (0 for free shipping)."""
        if method != FLATRATE:
            return 0.0
        per_order = self.flatrate_type == "O"
        base = self.flatrate_price if per_order else self.flatrate_price * package_qty
        return round(base + self.flatrate_handling_fee, 2)

    def method_json(self, method: tuple[str, str], package_qty: float) -> dict[str, Any]:
        amount = self.price(method, package_qty)
        carrier_title, method_title = _TITLES[method]
        return {
            "carrier_code": method[0],
            "method_code": method[1],
            "carrier_title": carrier_title,
            "method_title": method_title,
            "amount": amount,
            "base_amount": amount,
            "available": True,
            "error_message": "",
            "price_excl_tax": amount,
            "price_incl_tax": amount,
        }

    def update(self, body: dict[str, Any]) -> dict[str, Any]:
        """Apply the admin's changes (unknown keys or a type other than I/O: ``ValueError``)."""
        known = asdict(self)
        for key, value in body.items():
            if key not in known:
                raise ValueError(f"unknown carrier setting {key!r}")
            if key == "flatrate_type" and value not in ("I", "O"):
                raise ValueError("flatrate_type must be I (per item) or O (per order)")
            setattr(self, key, type(known[key])(value))
        return asdict(self)
