"""Enumerations the order API validates against, copied from the reference (§3, §4).

Kept apart from the logic so the lists can be compared with the reference at a glance.
"""

from __future__ import annotations

# Spec carrier enum (2023) plus the names later docs add (reference §4).
CARRIERS = frozenset(
    (
        "UPS",
        "USPS",
        "FedEx",
        "Airborne",
        "OnTrac",
        "DHL Ecommerce - US",
        "DHL",
        "LS",
        "UDS",
        "UPSMI",
        "FDX",
        "PILOT",
        "ESTES",
        "SAIA",
        "FDS Express",
        "Seko Worldwide",
        "HIT Delivery",
        "FEDEXSP",
        "RL Carriers",
        "Metropolitan Warehouse & Delivery",
        "China Post",
        "YunExpress",
        "Yellow Freight Sys",
        "AIT Worldwide Logistics",
        "Chukou1",
        "Sendle",
        "Landmark Global",
        "Sunyou",
        "Yanwen",
        "4PX",
        "GLS",
        "OSM Worldwide",
        "FIRST MILE",
        "AM Trucking",
        "CEVA",
        "India Post",
        "SF Express",
        "CNE",
        "TForce Freight",
        "AxleHire",
        "LSO",
        "Royal Mail",
        "ABF Freight System",
        "WanB",
        "Roadrunner Freight",
        "Meyer Distribution",
        "AAA Cooper",
        "Canada Post",
        "Southeastern Freight Lines",
        "Japan Post",
        "Correos de Mexico",
        "XPO Logistics",
        "JD Logistics",
        "YDH",
        "JCEX",
        "Flyt",
        "Deutsche Post",
        "Better Trucks",
        "Asendia",
        "SFC",
        "UBI",
        "ePost Global",
        "YF Logistics",
        "RXO",
        "Estes Express",
        "Shypmax",
        "WIN.IT America",
        "PITT OHIO",
        "PostNord Sweden",
        "Equick",
        "Whistl",
        "Aramex",
        "Xindus",
        "Spreetail",
        "P2PG",
        "UniUni",
        "GOFO",
        "SwiftX",
        "Exelot",
        "DoorDash",
        "SpeedX",
    )
)

METHOD_CODES = frozenset(("Standard", "Express", "OneDay", "Freight", "WhiteGlove", "Value"))

CANCEL_REASONS = frozenset(
    (
        "CUSTOMER_REQUESTED_SELLER_TO_CANCEL",
        "SELLER_CANCEL_PRICING_ERROR",
        "SELLER_CANCEL_OUT_OF_STOCK",
        "SELLER_CANCEL_FRAUD_STOP_SHIPMENT",
        "SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE",
    )
)
BUYER_CANCEL = "CUSTOMER_REQUESTED_SELLER_TO_CANCEL"

REFUND_REASONS = frozenset(
    (
        "BillingError",
        "TaxExemptCustomer",
        "ItemNotAsAdvertised",
        "IncorrectItemReceived",
        "CancelledYetShipped",
        "ItemNotReceivedByCustomer",
        "IncorrectShippingPrice",
        "DamagedItem",
        "DefectiveItem",
        "CustomerChangedMind",
        "CustomerReceivedItemLate",
        "Missing Parts / Instructions",
        "Finance -> Goodwill",
        "Finance -> Rollback",
        "Buyer canceled",
        "Customer returned item",
        "General adjustment",
        "Merchandise not received",
        "Quality -> Missing Parts / Instructions",
        "Shipping & Delivery -> Damaged",
        "Shipping & Delivery -> Shipping Price Discrepancy",
        "Others",
    )
)

ORDER_STATUSES = ("Created", "Acknowledged", "Shipped", "Delivered", "Cancelled")
HIGHER = ("Shipped", "Delivered", "Cancelled", "Refund")
SHIPPED = ("Shipped", "Delivered")
