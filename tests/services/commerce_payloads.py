"""Realistic Commerce answers (shapes from reference §3, §5, §7-§9), shared by the tests."""

from __future__ import annotations

from typing import Any

PRODUCT: dict[str, Any] = {
    "id": 12,
    "sku": "MUG-001",
    "name": "Classic Coffee Mug",
    "attribute_set_id": 4,
    "price": 12.5,
    "status": 1,
    "visibility": 4,
    "type_id": "simple",
    "created_at": "2024-04-01 09:00:00",
    "updated_at": "2024-05-01 10:20:30",
    "weight": 0.4,
    "extension_attributes": {"website_ids": [1], "category_links": []},
    "product_links": [],
    "options": [],
    "media_gallery_entries": [],
    "tier_prices": [],
    "custom_attributes": [
        {"attribute_code": "upc", "value": "036000291452"},
        {"attribute_code": "category_ids", "value": ["3", "5"]},
        {"attribute_code": "color", "value": "49"},
        {"attribute_code": "description", "value": None},
    ],
}

ADDRESS: dict[str, Any] = {
    "address_type": "shipping",
    "firstname": "Ada",
    "lastname": "Lovelace",
    "street": ["1 Main St", "Apt 2"],
    "city": "Austin",
    "postcode": "78701",
    "region": "Texas",
    "region_code": "TX",
    "region_id": 57,
    "country_id": "US",
    "telephone": "5125550100",
    "email": "ada@example.com",
}

ORDER: dict[str, Any] = {
    "entity_id": 5,
    "increment_id": "000000005",
    "state": "processing",
    "status": "processing",
    "quote_id": 12,
    "ext_order_id": None,
    "grand_total": 30,
    "order_currency_code": "USD",
    "created_at": "2024-05-01 10:00:00",
    "updated_at": "2024-05-01 10:05:00",
    "customer_email": "ada@example.com",
    "customer_firstname": "Ada",
    "customer_lastname": "Lovelace",
    "customer_is_guest": 1,
    "billing_address": {**ADDRESS, "address_type": "billing"},
    "payment": {"method": "checkmo", "additional_information": []},
    "status_histories": [
        {"comment": "Walmart order 108-1", "status": "pending", "created_at": "2024-05-01 10:00:01"}
    ],
    "items": [
        {
            "item_id": 9,
            "order_id": 5,
            "sku": "MUG-001",
            "name": "Classic Coffee Mug",
            "product_type": "simple",
            "parent_item_id": None,
            "price": 12.5,
            "qty_ordered": 2,
            "qty_invoiced": 0,
            "qty_shipped": 1,
            "qty_canceled": 0,
            "qty_refunded": 0,
            "qty_backordered": None,
        }
    ],
    "extension_attributes": {
        "shipping_assignments": [
            {
                "shipping": {"address": ADDRESS, "method": "flatrate_flatrate", "total": {}},
                "items": [],
            }
        ]
    },
}

SHIPMENT: dict[str, Any] = {
    "entity_id": 3,
    "increment_id": "000000003",
    "order_id": 5,
    "total_qty": 1,
    "created_at": "2024-05-02 08:00:00",
    "items": [{"order_item_id": 9, "sku": "MUG-001", "qty": 1}],
    "tracks": [{"track_number": "1Z999", "title": "UPS", "carrier_code": "ups"}],
    "comments": [],
    "extension_attributes": {"source_code": "default"},
}

CREDITMEMO: dict[str, Any] = {
    "entity_id": 4,
    "increment_id": "000000004",
    "order_id": 5,
    "invoice_id": 2,
    "state": 2,
    "grand_total": 12.5,
    "created_at": "2024-05-03 08:00:00",
    "items": [{"order_item_id": 9, "sku": "MUG-001", "qty": 1, "price": 12.5, "row_total": 12.5}],
    "comments": [],
}

RMA: dict[str, Any] = {
    "entity_id": 7,
    "increment_id": "000000007",
    "order_id": 5,
    "order_increment_id": "000000005",
    "store_id": 1,
    "customer_id": None,
    "date_requested": "2024-05-04 08:00:00",
    "status": "pending",
    "items": None,
    "comments": None,
    "tracks": None,
}


def list_answer(items: list[dict[str, Any]], total: int, size: int, page: int) -> dict[str, Any]:
    """The ``{items, search_criteria, total_count}`` envelope every list GET returns."""
    return {
        "items": items,
        "search_criteria": {"filter_groups": [], "page_size": size, "current_page": page},
        "total_count": total,
    }
