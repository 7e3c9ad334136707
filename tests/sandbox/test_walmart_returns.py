"""Returns (reference §5): a buyer return through the admin API, then list and refund it."""

from __future__ import annotations

import time

from tests.sandbox.test_walmart_order_actions import ship_body


def shipped_order(wm, qty: int = 2) -> str:
    po = wm.new_order([(wm.skus()[6], qty)])
    assert wm.post(f"/v3/orders/{po}/shipping", json=ship_body("1", qty)).status_code == 200
    return po


def test_return_list_and_refund(wm, walmart_schemas):
    po = shipped_order(wm)
    made = wm.admin(
        "POST", "/returns", json={"purchaseOrderId": po, "lineNumber": 1, "quantity": 2}
    )
    assert made.status_code == 200, made.text
    rma, customer = made.json()["returnOrderId"], made.json()["customerOrderId"]
    r = wm.get("/v3/returns", params={"returnOrderId": rma})
    assert r.status_code == 200
    walmart_schemas.validate("returns", "GetReturnOrdersResponse", r.json())
    ret = r.json()["returnOrders"][0]
    assert ret["returnOrderLines"][0]["purchaseOrderId"] == po
    assert ret["returnOrderLines"][0]["status"] == "INITIATED"
    body = {
        "customerOrderId": customer,
        "refundLines": [
            {"returnOrderLineNumber": 1, "quantity": {"unitOfMeasure": "EA", "measurementValue": 1}}
        ],
    }
    refund = wm.post(f"/v3/returns/{rma}/refund", json=body)
    assert refund.status_code == 200
    walmart_schemas.validate("returns", "RefundResponse", refund.json())
    assert refund.json()["returnOrderId"] == rma
    body["refundLines"][0]["quantity"]["measurementValue"] = 5
    over = wm.post(f"/v3/returns/{rma}/refund", json=body)
    assert over.status_code == 400 and over.json()["errors"][0]["code"].startswith("INVALID")
    body["refundLines"][0]["quantity"]["measurementValue"] = 1
    assert wm.post(f"/v3/returns/{rma}/refund", json=body).status_code == 200
    done = wm.get("/v3/returns", params={"returnOrderId": rma}).json()["returnOrders"][0]
    assert done["returnOrderLines"][0]["status"] == "COMPLETED"
    assert wm.post("/v3/returns/000/refund", json=body).status_code == 404
    wrong = {**body, "customerOrderId": "1"}
    assert wm.post(f"/v3/returns/{rma}/refund", json=wrong).status_code == 400


def test_returns_filters_and_cursor(wm):
    for _ in range(3):
        po = shipped_order(wm, 1)
        wm.admin("POST", "/returns", json={"purchaseOrderId": po, "lineNumber": 1, "quantity": 1})
    seen: list[str] = []
    r = wm.get("/v3/returns", params={"limit": "2"})
    while True:
        seen += [x["returnOrderId"] for x in r.json()["returnOrders"]]
        cursor = r.json()["meta"].get("nextCursor")
        if not cursor:
            break
        r = wm.get("/v3/returns" + cursor)
    assert len(seen) == len(set(seen)) == r.json()["meta"]["totalCount"] >= 3
    assert wm.get("/v3/returns", params={"status": "COMPLETED", "limit": "200"}).status_code == 200
    future = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 86400))
    later = wm.get("/v3/returns", params={"returnCreationStartDate": future}).json()
    assert later["returnOrders"] == [] and later["meta"]["totalCount"] == 0


def test_buyer_cannot_return_unshipped_quantity(wm):
    po = wm.new_order([(wm.skus()[6], 1)])
    r = wm.admin("POST", "/returns", json={"purchaseOrderId": po, "lineNumber": 1, "quantity": 1})
    assert r.status_code == 400
