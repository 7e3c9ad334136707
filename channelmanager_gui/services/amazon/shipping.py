"""MFN shipment confirmation: ``confirmShipment`` per package (reference §3.2).

``POST /orders/v0/orders/{orderId}/shipmentConfirmation`` answers 204 with no body. The call is
never repeated blindly: a lost answer (timeout, dropped connection, 5xx) surfaces as
``UnavailableError(maybe_sent=True)`` and the caller must read the order (``get_order``; its
``packages`` and per-item shipped quantities) before sending again. ``packageReferenceId`` is a
*string* holding a positive integer, unique per order (§3.2; a JSON number is refused,
§6.7); the caller supplies it and keeps it stable across retries, so a resend of the same
package edits it instead of adding a second one (§5.2, assumed semantics).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.services.amazon.core import AmazonCore
from channelmanager_gui.services.amazon.marketplaces import marketplace
from channelmanager_gui.services.amazon.wire import iso_utc
from channelmanager_gui.services.http import Priority
from channelmanager_gui.services.walmart.core import segment

OTHER = "Other"
# §3.2 shows ``UPS`` and ``Other`` only; the rest are Amazon's long-standing codes for the big
# North American carriers (MWS-era CarrierCode list) (?). Anything else goes as Other + name.
_CARRIER_CODES = {
    "ups": "UPS",
    "usps": "USPS",
    "fedex": "FedEx",
    "fdx": "FedEx",
    "dhl": "DHL",
    "dhl ecommerce": "DHL eCommerce",
    "ontrac": "OnTrac",
    "canada post": "Canada Post",
    "purolator": "Purolator",
}
_POSITIVE = re.compile(r"[1-9][0-9]{0,17}")


def carrier_code(carrier: str) -> tuple[str, str]:
    """``(carrierCode, carrierName)`` for a Commerce carrier code or title.

    ``ups``/``UPS``/``United Parcel Service``→``("UPS", "UPS")``; an unknown carrier →
    ``("Other", <its name>)`` since ``carrierName`` is required with ``Other`` (§3.2).
    """
    name = " ".join((carrier or "").split())
    if not name:
        raise ValidationError("carrier", "is required to confirm a shipment")
    key = name.lower().replace("federal express", "fedex").replace("united parcel service", "ups")
    key = key.replace("united states postal service", "usps").replace("_", " ")
    code = _CARRIER_CODES.get(key)
    return (code, code) if code else (OTHER, name)


@dataclass(frozen=True)
class PackageLine:
    order_item_id: str
    quantity: int


@dataclass(frozen=True)
class ShipPackage:
    """One package of one order; ``package_reference_id`` e.g. "1", stable across retries."""

    package_reference_id: str
    carrier: str
    tracking_number: str
    ship_date: datetime
    lines: tuple[PackageLine, ...]
    shipping_method: str = ""

    def to_wire(self, marketplace_id: str) -> dict[str, Any]:
        if not _POSITIVE.fullmatch(self.package_reference_id or ""):
            raise ValidationError(
                "package_reference_id", "must be a positive whole number, such as 1"
            )
        if not self.tracking_number.strip():
            raise ValidationError("tracking_number", "is required to confirm a shipment")
        if not self.lines:
            raise ValidationError("lines", "a package must hold at least one item")
        code, name = carrier_code(self.carrier)
        items = [{"orderItemId": _item_id(line), "quantity": _quantity(line)}
                 for line in self.lines]  # fmt: skip
        detail: dict[str, Any] = {
            "packageReferenceId": self.package_reference_id,
            "carrierCode": code,
            "carrierName": name,
            "trackingNumber": self.tracking_number.strip(),
            "shipDate": iso_utc(self.ship_date, "ship_date"),
            "orderItems": items,
        }
        if self.shipping_method.strip():
            detail["shippingMethod"] = self.shipping_method.strip()
        return {"marketplaceId": marketplace(marketplace_id).marketplace_id,
                "packageDetail": detail}  # fmt: skip


class ShippingApi(AmazonCore):
    async def confirm_shipment(
        self,
        order_id: str,
        package: ShipPackage,
        *,
        marketplace_id: str,
        priority: Priority = Priority.BACKGROUND,
    ) -> str:
        """Confirm one package; returns Amazon's request id. Sent at most once (see above)."""
        reply = await self._call(
            "POST",
            f"/orders/v0/orders/{segment(order_id, 'order_id')}/shipmentConfirmation",
            what=f"the shipment of order {order_id}",
            op="orders.confirmShipment",
            json=package.to_wire(marketplace_id),
            repeatable=False,
            priority=priority,
        )
        return reply.correlation_id


def _item_id(line: PackageLine) -> str:
    if not str(line.order_item_id).strip():
        raise ValidationError("order_item_id", "is required for every package line")
    return str(line.order_item_id).strip()


def _quantity(line: PackageLine) -> int:
    if isinstance(line.quantity, bool) or not isinstance(line.quantity, int) or line.quantity < 1:
        raise ValidationError("quantity", "must be a whole number of at least 1")
    return line.quantity
