"""Orders as JSON: the v0 shapes (§2.4) and the v2026-01-01 shape (§2.5), with the PII gate.

v0: restricted address and buyer fields are dropped unless the caller's RDT covers the path and
data element (§1.5). v2026 has no RDTs: ``includedData=RECIPIENT``/``BUYER`` ask for them and the
app's roles decide (the sandbox's ``pii_roles`` switch); without the role the address is cut to
the same four fields as in v0 — an assumption, the reference does not say (§9).

v2026 sections come only when ``includedData`` asks for them: Amazon's model makes only
``orderId``, ``createdTime``, ``lastUpdatedTime``, ``salesChannel`` and ``orderItems`` (each with
``orderItemId``, ``quantityOrdered``, ``product``) required, and lists ``fulfillment``,
``proceeds``, ``recipient``, ``buyer``, ``packages`` and item ``cancellation`` under the
``includedData`` values of the same names. Whether Amazon returns ``fulfillment`` without
``FULFILLMENT`` is not documented; the sandbox is strict, so a client that forgets to ask
fails here rather than in production.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .clock import iso
from .orderstore import Item, Order

DAY = 86400.0
ADDRESS_STATUSES = {"Unshipped", "PartiallyShipped", "Shipped", "InvoiceUnconfirmed"}
OPEN_ADDRESS = ("City", "StateOrRegion", "PostalCode", "CountryCode")
V2026_STATUS = {
    "Pending": "PENDING",
    "Unshipped": "UNSHIPPED",
    "Canceled": "CANCELLED",
    "PartiallyShipped": "PARTIALLY_SHIPPED",
    "Shipped": "SHIPPED",
}
V0_STATUS = {v: k for k, v in V2026_STATUS.items()}


def money(amount: Decimal, currency: str = "USD") -> dict[str, str]:
    return {"CurrencyCode": currency, "Amount": f"{amount:.2f}"}


def money26(amount: Decimal, currency: str = "USD") -> dict[str, str]:
    return {"amount": f"{amount:.2f}", "currencyCode": currency}


def _v0_address(order: Order, full: bool) -> dict[str, str]:
    address = dict(order.address)
    if order.channel == "AFN":
        address.pop("Phone", None)  # suppressed for AFN orders (§1.5)
    return address if full else {k: address[k] for k in OPEN_ADDRESS if k in address}


def order_v0(order: Order, address: bool, buyer: bool) -> dict[str, Any]:
    status = order.status
    out: dict[str, Any] = {
        "AmazonOrderId": order.order_id,
        "PurchaseDate": iso(order.created),
        "LastUpdateDate": iso(order.updated),
        "OrderStatus": status,
        "FulfillmentChannel": order.channel,
        "SalesChannel": "Amazon.com",
        "ShipServiceLevel": "Std US D2D Dom",
        "ShipmentServiceLevelCategory": "Standard",
        "NumberOfItemsShipped": sum(i.shipped for i in order.items),
        "NumberOfItemsUnshipped": sum(i.unshipped for i in order.items),
        "PaymentMethod": "Other",
        "PaymentMethodDetails": ["Standard"],
        "MarketplaceId": order.marketplace_id,
        "OrderType": "StandardOrder",
        "EarliestShipDate": iso(order.created + DAY),
        "LatestShipDate": iso(order.created + 2 * DAY),
        "IsBusinessOrder": False,
        "IsPrime": order.channel == "AFN",
        "IsPremiumOrder": False,
        "IsReplacementOrder": False,
        "IsISPU": False,
        "BuyerInfo": {"BuyerEmail": order.buyer_email},
    }
    if status != "Pending":  # Pending orders have no prices yet (§2.3)
        out["OrderTotal"] = money(order.total())
    if status in ADDRESS_STATUSES:
        out["ShippingAddress"] = _v0_address(order, address)
    if buyer:
        out["BuyerInfo"]["BuyerName"] = order.buyer_name
    return out


def item_v0(order: Order, item: Item) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ASIN": item.asin,
        "SellerSKU": item.sku,
        "OrderItemId": item.item_id,
        "Title": item.title,
        "QuantityOrdered": item.qty,
        "QuantityShipped": item.shipped,
        "ProductInfo": {"NumberOfItems": "1"},
        "IsGift": "false",
        "ConditionId": "New",
        "ConditionSubtypeId": "New",
        "IsTransparency": False,
        "SerialNumberRequired": False,
        "BuyerRequestedCancel": {
            "IsBuyerRequestedCancel": "true" if item.cancel_reason else "false",
            "BuyerCancelReason": item.cancel_reason or "",
        },
    }
    if order.status != "Pending":
        out.update(
            ItemPrice=money(item.unit_price * item.qty),  # line total, not unit price (§2.4)
            ItemTax=money(item.tax),
            ShippingPrice=money(item.shipping),
            ShippingTax=money(Decimal(0)),
            PromotionDiscount=money(Decimal(0)),
            PromotionIds=[],
            TaxCollection={
                "Model": "MarketplaceFacilitator",
                "ResponsibleParty": "Amazon Services, Inc.",
            },
        )
    return out


def _item26(order: Order, item: Item, included: set[str]) -> dict[str, Any]:
    product: dict[str, Any] = {"asin": item.asin, "sellerSku": item.sku, "title": item.title}
    if order.status != "Pending":
        product["price"] = {"unitPrice": money26(item.unit_price)}
    out: dict[str, Any] = {
        "orderItemId": item.item_id,
        "quantityOrdered": item.qty,
        "product": product,
    }
    if "FULFILLMENT" in included:
        out["fulfillment"] = {
            "quantityFulfilled": item.shipped,
            "quantityUnfulfilled": item.unshipped,
        }
    if "CANCELLATION" in included and item.cancel_reason:
        out["cancellation"] = {
            "cancellationRequest": {"requester": "BUYER", "cancelReason": item.cancel_reason}
        }
    return out


def _address26(order: Order, full: bool) -> dict[str, str]:
    a = _v0_address(order, full)
    names = {
        "Name": "name",
        "AddressLine1": "addressLine1",
        "AddressLine2": "addressLine2",
        "City": "city",
        "StateOrRegion": "stateOrRegion",
        "PostalCode": "postalCode",
        "CountryCode": "countryCode",
        "Phone": "phone",
    }
    out = {names[k]: v for k, v in a.items() if k in names}
    if "AddressType" in a:
        out["addressType"] = a["AddressType"].upper()
    return out


def order_v2026(order: Order, included: set[str], roles: bool) -> dict[str, Any]:
    status = order.status
    out: dict[str, Any] = {
        "orderId": order.order_id,
        "createdTime": iso(order.created),
        "lastUpdatedTime": iso(order.updated),
        "salesChannel": {
            "channelName": "AMAZON",
            "marketplaceId": order.marketplace_id,
            "marketplaceName": "Amazon.com",
        },
        "orderItems": [_item26(order, i, included) for i in order.items],
    }
    if "FULFILLMENT" in included:
        out["fulfillment"] = {
            "fulfillmentStatus": V2026_STATUS[status],
            "fulfilledBy": "AMAZON" if order.channel == "AFN" else "MERCHANT",
            "fulfillmentServiceLevel": "STANDARD",
            "shipByWindow": {
                "earliestDateTime": iso(order.created + DAY),
                "latestDateTime": iso(order.created + 2 * DAY),
            },
        }
    if "PROCEEDS" in included and status != "Pending":
        out["proceeds"] = {"grandTotal": money26(order.total())}
    if "RECIPIENT" in included and status in ADDRESS_STATUSES:
        out["recipient"] = {"deliveryAddress": _address26(order, roles)}
    if "BUYER" in included:
        out["buyer"] = {"buyerEmail": order.buyer_email}
        if roles:
            out["buyer"]["buyerName"] = order.buyer_name
    if "PACKAGES" in included and order.packages:
        out["packages"] = [
            {
                "packageReferenceId": p.ref,
                "carrier": p.carrier_code,
                "trackingNumber": p.tracking,
                "shipTime": p.ship_date,
                "packageStatus": {"status": "SHIPPED"},
                "packageItems": [{"orderItemId": k, "quantity": v} for k, v in p.lines.items()],
            }
            for p in order.packages.values()
        ]
    return out
