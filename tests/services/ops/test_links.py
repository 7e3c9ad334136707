"""Links out: the web addresses of an order and a product on Walmart and in the Commerce admin."""

from __future__ import annotations

from channelmanager_gui.models.account import MarketplaceAccount
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.models.order import Order
from channelmanager_gui.services.ops import links
from tests.models.marketplace_seed import add_amazon_account, move_to_amazon
from tests.models.order_seed import add_order, add_store


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


def test_amazon_orders_and_listings_open_on_amazon_in_the_accounts_marketplace() -> None:
    order = Order(marketplace="amazon", marketplace_order_id="114-3941689-8772232")
    seller, _commerce = links.order_links(None, order)
    assert (seller.text, seller.url) == (
        "Open in Seller Central",
        "https://sellercentral.amazon.com/orders-v3/order/114-3941689-8772232",
    )
    in_canada = links.order_links(None, order, "A2EUQ1WTGCTBG2")[0].url
    assert in_canada == "https://sellercentral.amazon.ca/orders-v3/order/114-3941689-8772232"
    listing = Listing(sku="A", marketplace="amazon", marketplace_item_id=None)
    assert links.listing_links(None, listing)[1].why_not == "Amazon has not given an ASIN yet."
    listing.marketplace_item_id = "B08N5WRWNW"
    shop = links.listing_links(None, listing, "A1AM78C64UM0Y8")[1]
    assert (shop.text, shop.url) == ("Open on Amazon", "https://www.amazon.com.mx/dp/B08N5WRWNW")


def test_an_orders_links_use_its_accounts_first_marketplace(db: Database) -> None:
    store = add_store(db)
    account = add_amazon_account(db, store)
    with db.session() as session:
        session.get_one(MarketplaceAccount, account).marketplace_ids = ["A2EUQ1WTGCTBG2"]
    order_id = add_order(db, store, "702-1111111-2222222")
    move_to_amazon(db, Order, [order_id], account)
    with db.session() as session:
        order = session.get_one(Order, order_id)
    (seller, _commerce) = links.links_for_order(db, order)
    assert seller.url == "https://sellercentral.amazon.ca/orders-v3/order/702-1111111-2222222"
