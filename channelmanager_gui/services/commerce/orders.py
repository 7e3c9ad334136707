"""Orders: create through the cart flow, find, read, link, comment, cancel and invoice.

Creation is split into the cart steps of reference §5.1 so the sync engine can record progress
after each one and, after a crash or a lost answer, *find before it creates again*: the quote id
from ``create_cart`` is on the order (``find_orders(quote_id=…)``), and the Walmart order id is
written to ``ext_order_id`` right after placing (``find_orders(ext_order_id=…)``). That is why
``create_cart``, ``add_cart_item`` and ``place_order`` are never retried here: a repeat would
make a second cart, add the quantity twice, or place a second order.
"""

from __future__ import annotations

from typing import Any

from channelmanager_gui.errors import MalformedResponseError
from channelmanager_gui.services.commerce.base import CommerceBase, as_bool, as_int
from channelmanager_gui.services.commerce.models import Address, parse
from channelmanager_gui.services.commerce.sales_models import CartItem, Order
from channelmanager_gui.services.commerce.search import SearchCriteria

ItemQtys = list[tuple[int, float]]


def item_lines(items: ItemQtys) -> list[dict[str, Any]]:
    """``[(order_item_id, qty)]`` → the ``items`` body of ship, invoice and refund."""
    return [{"order_item_id": item_id, "qty": qty} for item_id, qty in items]


def _payment_codes(body: object) -> list[str]:
    methods = body.get("payment_methods") if isinstance(body, dict) else None
    if not isinstance(methods, list):
        raise MalformedResponseError(
            "Commerce did not list payment methods after the shipping step.",
            field="payment_methods",
            detail=repr(body)[:500],
        )
    return [m["code"] for m in methods if isinstance(m, dict) and isinstance(m.get("code"), str)]


class OrdersMixin(CommerceBase):
    """Cart flow and order operations."""

    async def create_cart(self) -> int:
        """A new empty cart (quote); its id. Not retried: a repeat makes a second cart."""
        answer = await self.call("POST", self.path("carts") + "/", "cart id", repeatable=False)
        return as_int(answer, "cart id")

    async def add_cart_item(self, cart_id: int, sku: str, qty: float) -> CartItem:
        """Add ``qty`` of ``sku``. Not retried: a repeat would add the quantity again."""
        body = {"cartItem": {"sku": sku, "qty": qty, "quote_id": str(cart_id)}}
        path = self.path("carts", cart_id, "items")
        answer = await self.call("POST", path, "cart item", body=body, repeatable=False)
        return parse(CartItem, answer, "cart item")

    async def get_cart_items(self, cart_id: int) -> list[CartItem]:
        """What the cart holds now, so a step interrupted by a lost answer is not repeated
        blindly; ``NotFoundError`` when the cart is gone (ordered or expired)."""
        answer = await self.get(self.path("carts", cart_id, "items"), "cart items")
        if not isinstance(answer, list):
            raise MalformedResponseError(
                "Commerce sent the cart items in an unexpected shape.",
                field="cart items",
                detail=repr(answer)[:500],
            )
        return [parse(CartItem, raw, "cart item") for raw in answer]

    async def set_shipping_information(
        self,
        cart_id: int,
        address: Address,
        billing: Address | None = None,
        *,
        carrier_code: str = "flatrate",
        method_code: str = "flatrate",
    ) -> list[str]:
        """Set addresses and shipping method; returns the payment method codes now offered.

        Retried: it sets the same values again. ``billing`` defaults to the shipping address;
        a guest order takes its e-mail and name from the billing address.
        """
        info = {
            "shipping_address": address.to_request(),
            "billing_address": (billing or address).to_request(),
            "shipping_carrier_code": carrier_code,
            "shipping_method_code": method_code,
        }
        path = self.path("carts", cart_id, "shipping-information")
        body = {"addressInformation": info}
        answer = await self.call("POST", path, "shipping information", body=body, repeatable=True)
        return _payment_codes(answer)

    async def place_order(self, cart_id: int, payment_method: str = "checkmo") -> int:
        """Turn the cart into an order; returns its ``entity_id`` (not the increment id).

        Not retried: after a lost answer, look for the order with ``find_orders(quote_id=…)``.
        """
        body = {"paymentMethod": {"method": payment_method}}
        path = self.path("carts", cart_id, "order")
        answer = await self.call("PUT", path, "order id", body=body, repeatable=False)
        return as_int(answer, "order id")

    async def find_orders(
        self,
        ext_order_id: str | None = None,
        quote_id: int | None = None,
        increment_id: str | None = None,
    ) -> list[Order]:
        """Orders matching every given key; an empty list when none do."""
        criteria = SearchCriteria(page_size=50)
        for name, value in (
            ("ext_order_id", ext_order_id),
            ("quote_id", quote_id),
            ("increment_id", increment_id),
        ):
            if value is not None:
                criteria = criteria.where(name, value)
        if not criteria.groups:
            raise ValueError("find_orders needs ext_order_id, quote_id or increment_id")
        return await self.list_models(Order, self.path("orders"), criteria, "order")

    async def get_order(self, entity_id: int) -> Order:
        """One order by ``entity_id``; ``NotFoundError`` when it does not exist."""
        return await self.get_model(Order, self.path("orders", entity_id), "order")

    async def set_ext_order_id(self, entity_id: int, increment_id: str, ext_order_id: str) -> None:
        """Store the marketplace order id on the order (partial ``POST /V1/orders``, §5.1).

        The body names the order's own ``increment_id`` on purpose: this route is
        ``OrderRepositoryInterface::save`` on a new object holding only the given keys, and
        before 2.4.7 ``Sales\\Model\\ResourceModel\\EntityAbstract::_beforeSave`` drew a new
        increment id from the sales sequence for any object without one, entity id or not
        (2.4.7 also checks ``getEntityId() == null``). Sent with its current value, the number
        the merchant and the buyer know stays as it is on every release. ``PUT
        /V1/orders/create`` is the same service method, so it is no safer.

        Only the given columns are written, so this is an absolute write and is retried. The
        answer is not used: some versions echo only what was sent.
        """
        if not increment_id:
            raise MalformedResponseError(
                f"Commerce sent order #{entity_id} without its increment id; it is not linked "
                "until it does (a save without one would renumber it).",
                field="increment_id",
            )
        body = {
            "entity": {
                "entity_id": entity_id,
                "increment_id": increment_id,
                "ext_order_id": ext_order_id,
            }
        }
        await self.call("POST", self.path("orders"), "order", body=body, repeatable=True)

    async def add_comment(self, entity_id: int, comment: str, status: str | None = None) -> bool:
        """Add a status-history comment; ``status`` must belong to the order's current state.

        Not retried: a repeat after a lost answer would add the comment twice.
        """
        history: dict[str, Any] = {
            "comment": comment,
            "is_customer_notified": 0,
            "is_visible_on_front": 0,
        }
        if status is not None:
            history["status"] = status
        path = self.path("orders", entity_id, "comments")
        answer = await self.call(
            "POST", path, "comment result", body={"statusHistory": history}, repeatable=False
        )
        return as_bool(answer, "comment result")

    async def cancel_order(self, entity_id: int) -> bool:
        """Cancel what is neither shipped nor invoiced. ``False`` (a normal answer) when the
        order cannot be cancelled: already canceled, complete, closed, fully invoiced, on hold.

        Retried: cancelling twice leaves the order canceled (the repeat answers ``False``).
        """
        path = self.path("orders", entity_id, "cancel")
        answer = await self.call("POST", path, "cancel result", repeatable=True)
        return as_bool(answer, "cancel result")

    async def invoice_order(
        self, entity_id: int, items: ItemQtys | None = None, *, capture: bool = False
    ) -> int:
        """Invoice the order (all of it when ``items`` is None); an offline refund needs one.

        Not retried: a repeat would invoice the remaining quantity or fail.
        """
        body: dict[str, Any] = {"capture": capture, "notify": False}
        if items is not None:
            body["items"] = item_lines(items)
        path = self.path("order", entity_id, "invoice")
        return as_int(
            await self.call("POST", path, "invoice id", body=body, repeatable=False), "invoice id"
        )
