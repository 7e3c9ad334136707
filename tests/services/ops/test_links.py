"""Links out: the web addresses of an order and a product on Walmart and in the Commerce admin."""

from __future__ import annotations

from channelmanager_gui.models.listing import Listing
from channelmanager_gui.models.order import Order
from channelmanager_gui.services.ops import links


def test_seller_center_order_page_is_filtered_to_the_po() -> None:
    assert links.seller_center_order_url("1234 5&x") == (
        "https://seller.walmart.com/orders/manage-orders?orderGroups=All&poNumber=1234+5%26x"
    )


def test_walmart_item_page_quotes_the_id() -> None:
    assert links.walmart_item_url("55/66") == "https://www.walmart.com/ip/55%2F66"


def test_commerce_admin_urls_from_the_store_base_or_its_rest_base() -> None:
    for base in (
        "https://shop.example.com",
        "https://shop.example.com/",
        "https://shop.example.com/rest",
    ):
        assert links.commerce_order_url(base, 42) == (
            "https://shop.example.com/admin/sales/order/view/order_id/42/"
        )
    assert links.commerce_product_url("https://shop.example.com/m2", 7) == (
        "https://shop.example.com/m2/admin/catalog/product/edit/id/7/"
    )


def test_order_links_say_why_commerce_is_missing() -> None:
    order = Order(marketplace_order_id="999", commerce_entity_id=None)
    seller, commerce = links.order_links("https://shop.example.com", order)
    assert seller.url is not None and seller.url.endswith("poNumber=999")
    assert commerce.url is None and commerce.why_not
    order.commerce_entity_id = 5
    assert links.order_links("https://shop.example.com", order)[1].url == (
        "https://shop.example.com/admin/sales/order/view/order_id/5/"
    )


def test_listing_links() -> None:
    listing = Listing(sku="A", commerce_product_id=12, marketplace_item_id=None)
    admin, walmart = links.listing_links("https://shop.example.com", listing)
    assert admin.url == "https://shop.example.com/admin/catalog/product/edit/id/12/"
    assert walmart.url is None and walmart.why_not
    listing.marketplace_item_id = "777"
    assert links.listing_links(None, listing)[1].url == "https://www.walmart.com/ip/777"
    assert links.listing_links(None, listing)[0].url is None
