"""The seeded catalog: ``demo_catalog()`` products as a Magento store holds them.

The identifier sits in ``custom_attributes`` under the product's own attribute code (upc, ean,
isbn, gtin), as merchants create one (reference §3). Stock is one MSI source item on source
``default`` in stock 1, which in single-source mode is also the legacy stock item.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from channelmanager_gui.sandbox.commerce.records import Product, SourceItem
from channelmanager_gui.sandbox.commerce.state import DEFAULT_SOURCE, CommerceState
from channelmanager_gui.sandbox.seed import DemoProduct, demo_catalog

SEED_EPOCH = datetime(2024, 1, 1)  # UTC; seeded rows are dated from here, one per minute


def _product(product_id: int, index: int, demo: DemoProduct) -> Product:
    created = str(SEED_EPOCH + timedelta(minutes=index))  # "YYYY-MM-DD HH:MM:SS"
    attrs: dict[str, object] = {
        "description": f"<p>{demo.name} by {demo.brand}.</p>",
        "url_key": demo.sku.lower(),
        "tax_class_id": "2",
        "brand": demo.brand,  # merchant-created text attribute (no core brand attribute)
        "options_container": "container2",
        "required_options": "0",
        "has_options": "0",
    }
    if demo.id_attribute and demo.id_value:
        attrs[demo.id_attribute] = demo.id_value
    return Product(
        id=product_id,
        sku=demo.sku,
        name=demo.name,
        price=demo.price,
        status=1 if demo.enabled else 2,
        weight=demo.weight,
        created_at=created,
        updated_at=created,
        attrs=attrs,
    )


def add_product(state: CommerceState, product: Product, qty: float) -> None:
    state.products[product.sku.casefold()] = product
    state.products_by_id[product.id] = product
    state.products_by_update[product.id] = product
    item = SourceItem(product.sku, DEFAULT_SOURCE, float(qty), 1 if qty > 0 else 0)
    state.sources[product.sku.casefold()] = {DEFAULT_SOURCE: item}
    state.changed("source_items")


def grow_catalog(state: CommerceState, count: int) -> int:
    """Grow the seeded catalog to ``count`` demo products (same seed, same rows); returns added."""
    with state.lock:
        if count <= state.seeded:
            return 0
        added = 0
        for index, demo in enumerate(demo_catalog(state.seed, count)[state.seeded :], state.seeded):
            if demo.sku.casefold() in state.products:
                continue  # a merchant already created this SKU by hand
            add_product(state, _product(state.next_id("product"), index, demo), demo.qty)
            added += 1
        state.seeded = count
        state.changed("products", "source_items")
        return added
