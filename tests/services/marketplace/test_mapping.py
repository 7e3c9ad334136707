"""Payloads shaped like the references' examples, with nulls and missing keys, into the port's
records: money exact, nothing invented (Amazon reference §2.5, §2.3; Walmart reference §3)."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

from channelmanager_gui.services.amazon.models import Order as AmazonOrder
from channelmanager_gui.services.marketplace import FulfilledBy, Marketplace
from channelmanager_gui.services.marketplace.amazon_mapping import incoming_order as from_amazon
from channelmanager_gui.services.marketplace.walmart_mapping import incoming_order as from_walmart
from channelmanager_gui.services.walmart.order_models import Order as WalmartOrder

# Amazon reference §2.5's searchOrders example order, as printed there.
AMAZON = {
    "orderId": "113-4471892-0031557",
    "createdTime": "2026-08-04T13:20:05Z",
    "lastUpdatedTime": "2026-08-04T13:51:40Z",
    "salesChannel": {"channelName": "AMAZON", "marketplaceId": "ATVPDKIKX0DER",
                     "marketplaceName": "Amazon.com"},
    "fulfillment": {"fulfillmentStatus": "UNSHIPPED", "fulfilledBy": "MERCHANT",
                    "fulfillmentServiceLevel": "STANDARD",
                    "shipByWindow": {"earliestDateTime": "2026-08-05T07:00:00Z",
                                     "latestDateTime": "2026-08-06T06:59:59Z"}},
    "proceeds": {"grandTotal": {"amount": "42.97", "currencyCode": "USD"}},
    "recipient": {"deliveryAddress": {"name": "J. Doe", "addressLine1": "100 Main St",
                                      "city": "PORTLAND", "stateOrRegion": "OR",
                                      "postalCode": "97205-2214", "countryCode": "US",
                                      "addressType": "RESIDENTIAL"}},
    "orderItems": [
        {"orderItemId": "40873516255061", "quantityOrdered": 2,
         "product": {"asin": "B0CXJ4L2ZQ", "sellerSku": "MUG-BLK-16OZ",
                     "price": {"unitPrice": {"amount": "17.99", "currencyCode": "USD"}}},
         "fulfillment": {"quantityFulfilled": 0, "quantityUnfulfilled": 2}},
    ],
}  # fmt: skip


def test_amazon_example_maps_exactly() -> None:
    order = from_amazon(AmazonOrder.model_validate(AMAZON))
    assert order.marketplace is Marketplace.AMAZON
    assert order.marketplace_order_id == order.customer_order_id == "113-4471892-0031557"
    assert order.total == Decimal("42.97") and order.currency == "USD"
    (line,) = order.lines
    assert (line.line_id, line.sku, line.marketplace_item_id) == (
        "40873516255061", "MUG-BLK-16OZ", "B0CXJ4L2ZQ")  # fmt: skip
    assert line.unit_price == Decimal("17.99") and line.line_price == Decimal("35.98")
    assert order.ready_to_create and order.fulfilled_by is FulfilledBy.MERCHANT
    assert order.shipping_address["address1"] == "100 Main St"
    assert order.shipping_address["postal_code"] == "97205-2214"
    assert order.ship_by is not None and order.sales_channel == "ATVPDKIKX0DER"


def test_amazon_pending_with_nulls_and_missing_keys() -> None:
    raw: dict[str, Any] = copy.deepcopy(AMAZON)
    raw["fulfillment"]["fulfillmentStatus"] = "PENDING"
    raw["proceeds"] = None
    del raw["recipient"]
    raw["orderItems"][0]["product"]["price"] = {"unitPrice": {"amount": None}}
    raw["orderItems"][0]["fulfillment"] = {"quantityFulfilled": None}
    order = from_amazon(AmazonOrder.model_validate(raw))
    assert order.total is None and order.lines[0].unit_price is None
    assert order.lines[0].line_price is None and order.lines[0].qty_shipped == 0
    assert order.shipping_address == {} and not order.ready_to_create
    assert order.currency == "USD"  # from the marketplace when no money says it


def test_amazon_fba_and_buyer_cancel_request() -> None:
    raw: dict[str, Any] = copy.deepcopy(AMAZON)
    raw["fulfillment"]["fulfilledBy"] = "AMAZON"
    raw["orderItems"][0]["cancellation"] = {
        "cancellationRequest": {"buyerCancelReason": "Found it cheaper"}
    }
    order = from_amazon(AmazonOrder.model_validate(raw))
    assert order.fulfilled_by is FulfilledBy.MARKETPLACE and not order.ready_to_create
    assert order.buyer_cancel_requested and order.buyer_cancel_reason == "Found it cheaper"


# Walmart reference §3's order shape (strings for quantities, nullable tax, no orderSummary).
WALMART = {
    "purchaseOrderId": "1796277083022", "customerOrderId": "5281956426648",
    "customerEmailId": "3A31739D8B0A45A1B23F7F8C81C8747F@relay.walmart.com",
    "orderDate": 1568466571000,
    "shippingInfo": {"phone": None, "estimatedShipDate": 1569438000000, "methodCode": "Value",
                     "postalAddress": {"name": "Kathryn Cole", "address1": "3258BWarners rd",
                                       "address2": None, "city": "Garfield",
                                       "state": "NY", "postalCode": "07026", "country": "USA",
                                       "addressType": "RESIDENTIAL"}},
    "orderLines": {"orderLine": [{
        "lineNumber": "1",
        "item": {"productName": "Beats Solo3", "sku": "test1"},
        "charges": {"charge": [
            {"chargeType": "PRODUCT", "chargeName": "ItemPrice",
             "chargeAmount": {"currency": "USD", "amount": 39.84},
             "tax": {"taxName": "Tax1", "taxAmount": {"currency": "USD", "amount": 2.51}}},
            {"chargeType": "SHIPPING", "chargeName": "Shipping",
             "chargeAmount": {"currency": "USD", "amount": 4.99}, "tax": None}]},
        "orderLineQuantity": {"unitOfMeasurement": "EACH", "amount": "2"},
        "orderLineStatuses": {"orderLineStatus": [
            {"status": "Created", "statusQuantity": {"unitOfMeasurement": "EACH", "amount": "2"},
             "cancellationReason": None, "trackingInfo": None}]},
        "intentToCancel": None,
    }]},
}  # fmt: skip


def test_walmart_example_maps_as_the_engine_stores_it() -> None:
    order = from_walmart(WalmartOrder.model_validate(WALMART))
    (line,) = order.lines
    assert line.line_price == Decimal("39.84") and line.unit_price == Decimal("19.92")
    assert line.tax == Decimal("2.51") and line.shipping == Decimal("4.99")
    assert line.shipping_tax == Decimal("0")
    # No orderSummary: the total is every charge, exactly (engine.order_records._sum_charges).
    assert order.total == Decimal("47.34")
    assert order.needs_acknowledgement and order.ready_to_create
    assert order.shipping_address["phone"] is None and order.shipping_address["country"] == "USA"
    assert order.buyer_email.endswith("@relay.walmart.com") and order.ship_method == "Value"
    assert not order.buyer_cancel_requested
