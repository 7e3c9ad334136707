"""``/_sandbox/*``: the merchant's side of the store, for tests, benchmarks and the demo.

Not a Commerce API. It does what a merchant does in the admin and lets tests inspect the store;
never faulted, no token. JSON in and out; errors are ``{"message": …}`` with 400/404.

- ``GET|PUT /faults``: fault switches (``FaultConfig.public()``; PUT takes switch values)
- ``PUT /config`` ``{"input_limits"?, "denied_resources"?: [acl id…], "store_id"?}``: webapi input
  limits (page size 300, arrays 20); ACL resources the token's integration lacks (401 on them);
  ``"store_id"?: int``, the default store view's id that new orders carry;
  ``"region_id_offset"?: int``, added to the install's region ids (another installation)
  ``{"carriers": {"flatrate_active", "flatrate_type": "I"|"O", "flatrate_price",
  "flatrate_handling_fee", "freeshipping_active"}}``: the offline carriers (carriers.py)
- ``PUT /products/{sku}`` ``{"price"?, "qty"?, "status"?, "name"?}``: price/status/name bump
  ``updated_at``; qty changes only the ``default`` source item, as MSI does
- ``POST /products/bulk`` ``{"count": N}``: grow the seeded catalog to N products
- ``GET /orders?ext_order_id=|increment_id=|quote_id=``: ``{"items": [order…]}`` (no key: all)
- ``POST /orders/bulk`` ``{"count": N}``: grow to N orders (placed via checkout, restocked)
- ``POST /orders/{id}/ship`` ``{"items"?: [{"order_item_id"|"sku", "qty"}], "tracks"?: […]}``
- ``POST /orders/{id}/invoice`` ``{"items"?}``
- ``POST /orders/{id}/cancel``: the admin's Cancel, which is ``POST /V1/orders/{id}/cancel``
  (reference §5.3, §7): uninvoiced, unshipped units to ``qty_canceled``, state/status
  ``canceled`` (``processing``/``complete`` when part was invoiced), the reservation released
  so the salable quantity comes back, ``updated_at`` bumped; ``{"canceled": false}`` when
  ``canCancel()`` says no — a fully invoiced order (every order the app makes) has no Cancel
- ``POST /orders/{id}/refund`` ``{"items"?, "return_to_stock"?: bool}``: the admin's Credit Memo
  ("Refund Offline"), invoicing first if need be. How a merchant cancels an invoiced order:
  a memo of its unshipped items. Items get ``qty_refunded``; refunded units never shipped leave
  ``getQtyToShip`` (``qty_ordered − qty_shipped − qty_refunded − qty_canceled``), so MSI's
  reservation for them is compensated and the salable quantity comes back; "return to stock"
  puts shipped units back in the source. The state follows ``Handler\\State::check``:
  ``closed`` once all invoiced is refunded (the shipping is refunded too, as the admin form
  does by default), ``complete`` when nothing is left to ship, else ``processing``;
  ``updated_at`` bumped. No items: everything still refundable, shipped or not.
- ``GET /stats``: request counts per route, faults injected, requests per User-Agent, counts of
  rows
"""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from channelmanager_gui.sandbox.commerce import lifecycle
from channelmanager_gui.sandbox.commerce.bulk import grow_orders
from channelmanager_gui.sandbox.commerce.catalog import grow_catalog
from channelmanager_gui.sandbox.commerce.creditmemos import create_creditmemo
from channelmanager_gui.sandbox.commerce.errors import ApiError
from channelmanager_gui.sandbox.commerce.invoices import create_invoice
from channelmanager_gui.sandbox.commerce.order_view import render_order
from channelmanager_gui.sandbox.commerce.records import Order
from channelmanager_gui.sandbox.commerce.shipments import create_shipment
from channelmanager_gui.sandbox.commerce.state import CommerceState
from channelmanager_gui.sandbox.commerce.stock import save_stock_item
from channelmanager_gui.sandbox.faults import FaultConfig


async def _json(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw.strip():
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        raise ApiError(400, "body is not JSON") from None
    if not isinstance(data, dict):
        raise ApiError(400, "body must be a JSON object")
    return data


def _lines(order: Order, items: Any) -> list[dict[str, Any]] | None:
    """Admin item lines may name the order item by ``order_item_id`` or by ``sku``."""
    if not items:
        return None
    lines = []
    for line in items:
        item_id = line.get("order_item_id")
        if item_id is None:
            sku = str(line.get("sku", "")).casefold()
            match = next((i for i in order.items if i.sku.casefold() == sku), None)
            if match is None:
                raise ApiError(400, f"order has no item with sku {line.get('sku')!r}")
            item_id = match.item_id
        lines.append({"order_item_id": int(item_id), "qty": line.get("qty", 0)})
    return lines


class Admin:
    def __init__(self, state: CommerceState, faults: FaultConfig) -> None:
        self.state = state
        self.faults = faults

    async def run(self, request: Request) -> Response:
        """Dispatch by route name; Commerce-shaped errors as ``{"message": …}``."""
        handler = getattr(self, "_" + request.scope["route"].name)
        try:
            body = await _json(request) if request.method in ("PUT", "POST") else {}
            with self.state.lock:
                result = handler(request, body)
        except ApiError as error:
            return JSONResponse(error.body(), error.status)
        except KeyError as error:
            return JSONResponse({"message": f"unknown field {error}"}, 400)
        return JSONResponse(result)

    def _get_faults(self, request: Request, body: dict[str, Any]) -> Any:
        return self.faults.public()

    def _put_faults(self, request: Request, body: dict[str, Any]) -> Any:
        self.faults.update(body)
        return self.faults.public()

    def _put_config(self, request: Request, body: dict[str, Any]) -> Any:
        if "input_limits" in body:
            self.state.input_limits = bool(body["input_limits"])
        if "store_id" in body:
            self.state.store_id = int(body["store_id"])
        if "region_id_offset" in body:
            self.state.region_id_offset = int(body["region_id_offset"])
        if "denied_resources" in body:
            self.state.denied_resources = {str(r) for r in body["denied_resources"] or ()}
        carriers = body.get("carriers", {})
        try:
            shipping = self.state.carriers.update(carriers if isinstance(carriers, dict) else {})
        except (TypeError, ValueError) as exc:
            raise ApiError(400, str(exc)) from None
        return {
            "input_limits": self.state.input_limits,
            "denied_resources": sorted(self.state.denied_resources),
            "store_id": self.state.store_id,
            "region_id_offset": self.state.region_id_offset,
            "flavour": self.state.flavour,
            "carriers": shipping,
        }

    def _put_product(self, request: Request, body: dict[str, Any]) -> Any:
        product = self.state.product(request.path_params["sku"])
        if "qty" in body:  # MSI: only the default source item changes, not the product row
            save_stock_item(self.state, product, {"qty": body["qty"]})
        if {"price", "status", "name"} & body.keys():
            product.price = float(body.get("price", product.price))
            product.status = int(body.get("status", product.status))
            product.name = str(body.get("name", product.name))
            self.state.touch_product(product)
        source = self.state.source_item(product.sku)
        return {
            "sku": product.sku,
            "price": product.price,
            "status": product.status,
            "qty": source.quantity if source else 0.0,
            "updated_at": product.updated_at,
            "salable_qty": self.state.salable_quantity(product.sku),
        }

    def _bulk_products(self, request: Request, body: dict[str, Any]) -> Any:
        added = grow_catalog(self.state, int(body.get("count", 0)))
        return {"added": added, "total": len(self.state.products)}

    def _find_orders(self, request: Request, body: dict[str, Any]) -> Any:
        q, s = request.query_params, self.state
        keys = {"ext_order_id", "increment_id", "quote_id"} & q.keys()
        ids: set[int] = set() if keys else set(s.orders)  # no key: every order
        if "ext_order_id" in q:
            ids |= s.orders_by_ext.get(q["ext_order_id"].casefold(), set())
        if "increment_id" in q and q["increment_id"] in s.orders_by_increment:
            ids.add(s.orders_by_increment[q["increment_id"]])
        if "quote_id" in q and q["quote_id"].isdigit():
            found = s.orders_by_quote.get(int(q["quote_id"]))
            ids |= {found} if found is not None else set()
        return {"items": [render_order(s.orders[i]) for i in sorted(ids)]}

    def _bulk_orders(self, request: Request, body: dict[str, Any]) -> Any:
        added = grow_orders(self.state, int(body.get("count", 0)))
        return {"added": added, "total": len(self.state.orders)}

    def _ship(self, request: Request, body: dict[str, Any]) -> Any:
        order = self.state.order(request.path_params["id"])
        doc = create_shipment(
            self.state,
            order,
            _lines(order, body.get("items")),
            body.get("tracks"),
            body.get("comment"),
            origin="admin",
        )
        return {"shipment_id": doc.entity_id, "order": render_order(order)}

    def _cancel(self, request: Request, body: dict[str, Any]) -> Any:
        order = self.state.order(request.path_params["id"])
        return {"canceled": lifecycle.cancel(self.state, order), "order": render_order(order)}

    def _refund(self, request: Request, body: dict[str, Any]) -> Any:
        """A credit memo from the admin, invoicing first what it refunds if need be."""
        order = self.state.order(request.path_params["id"])
        lines = _lines(order, body.get("items"))
        by_id = {i.item_id: i for i in order.items}
        wanted = lines or [
            {"order_item_id": i.item_id, "qty": i.qty_ordered - i.qty_canceled - i.qty_refunded}
            for i in order.items
        ]
        to_invoice = [
            {
                "order_item_id": w["order_item_id"],
                "qty": float(w["qty"]) - lifecycle.qty_to_refund(by_id[w["order_item_id"]]),
            }
            for w in wanted
            if w["order_item_id"] in by_id
        ]
        to_invoice = [t for t in to_invoice if t["qty"] > 0]
        if to_invoice:
            create_invoice(self.state, order, to_invoice)
        back = [w["order_item_id"] for w in wanted] if body.get("return_to_stock") else []
        doc = create_creditmemo(
            self.state,
            order,
            lines,
            {"extension_attributes": {"return_to_stock_items": back}},
            origin="admin",
        )
        return {"creditmemo_id": doc.entity_id, "order": render_order(order)}

    def _invoice(self, request: Request, body: dict[str, Any]) -> Any:
        order = self.state.order(request.path_params["id"])
        doc = create_invoice(self.state, order, _lines(order, body.get("items")))
        return {"invoice_id": doc.entity_id, "order": render_order(order)}

    def _mails(self, request: Request, body: dict[str, Any]) -> Any:
        return list(self.state.mails)

    def _stats(self, request: Request, body: dict[str, Any]) -> Any:
        s = self.state
        return {
            "requests": dict(s.requests),
            "requests_total": sum(s.requests.values()),
            "faults_injected": dict(self.faults.injected),
            "user_agents": self.faults.user_agents(),
            "products": len(s.products),
            "orders": len(s.orders),
            "quotes": len(s.quotes),
            "invoices": len(s.invoices),
            "shipments": len(s.shipments),
            "admin_shipments": sum(1 for d in s.shipments.values() if d.origin == "admin"),
            "creditmemos": len(s.creditmemos),
            "rmas": len(s.rmas),
        }


def admin_routes(state: CommerceState, faults: FaultConfig) -> list[Route]:
    run = Admin(state, faults).run
    return [
        Route("/faults", run, methods=["GET"], name="get_faults"),
        Route("/faults", run, methods=["PUT"], name="put_faults"),
        Route("/config", run, methods=["PUT"], name="put_config"),
        Route("/products/bulk", run, methods=["POST"], name="bulk_products"),
        Route("/products/{sku:path}", run, methods=["PUT"], name="put_product"),
        Route("/orders", run, methods=["GET"], name="find_orders"),
        Route("/orders/bulk", run, methods=["POST"], name="bulk_orders"),
        Route("/orders/{id:int}/ship", run, methods=["POST"], name="ship"),
        Route("/orders/{id:int}/cancel", run, methods=["POST"], name="cancel"),
        Route("/orders/{id:int}/refund", run, methods=["POST"], name="refund"),
        Route("/orders/{id:int}/invoice", run, methods=["POST"], name="invoice"),
        Route("/stats", run, methods=["GET"], name="stats"),
        Route("/mails", run, methods=["GET"], name="mails"),
    ]
