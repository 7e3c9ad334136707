"""Token endpoint, token detail, header checks and token expiry (reference §1–§2, §10)."""

from __future__ import annotations

import httpx

from channelmanager_gui.sandbox.walmart import WalmartSandbox
from tests.sandbox.conftest import WalmartClient


def test_token_and_detail(wm, walmart_schemas):
    r = wm.http.post(
        "/v3/token",
        data={"grant_type": "client_credentials"},
        auth=(wm.sandbox.client_id, wm.sandbox.client_secret),
        headers=wm.headers(),
    )
    assert r.status_code == 200
    walmart_schemas.validate("auth", "OAuthToken", r.json())
    assert r.json()["token_type"] == "Bearer" and r.json()["expires_in"] == 900
    detail = wm.http.get(
        "/v3/token/detail", headers=wm.headers(**{"WM_SEC.ACCESS_TOKEN": r.json()["access_token"]})
    )
    assert detail.status_code == 200
    walmart_schemas.validate("auth", "TokenDetailResponse", detail.json())
    assert detail.json()["is_valid"] is True and detail.json()["scopes"]["orders"] == "full_access"


def test_token_refusals(wm):
    form = {"grant_type": "client_credentials"}
    wrong = wm.http.post(
        "/v3/token", data=form, auth=(wm.sandbox.client_id, "nope"), headers=wm.headers()
    )
    assert wrong.status_code == 401
    assert wrong.json()["error"][0]["code"] == "UNAUTHORIZED.GMP_GATEWAY_API"
    assert wm.http.post("/v3/token", data=form, headers=wm.headers()).status_code == 401
    grant = wm.http.post(
        "/v3/token",
        data={"grant_type": "password"},
        auth=(wm.sandbox.client_id, wm.sandbox.client_secret),
        headers=wm.headers(),
    )
    assert grant.status_code == 400
    no_corr = wm.http.post(
        "/v3/token",
        data=form,
        auth=(wm.sandbox.client_id, wm.sandbox.client_secret),
        headers={"WM_SVC.NAME": "Walmart Marketplace"},
    )
    assert no_corr.status_code == 400


def test_business_calls_need_the_walmart_token_header(wm):
    token = wm.token or wm.new_token()
    bearer = wm.http.get("/v3/orders", headers=wm.headers(Authorization=f"Bearer {token}"))
    assert bearer.status_code == 401
    err = bearer.json()["error"][0]
    assert err["code"] == "UNAUTHORIZED.GMP_GATEWAY_API" and err["severity"] == "ERROR"
    assert {"field", "description", "info", "category", "causes", "errorIdentifiers"} <= set(err)
    junk = wm.http.get("/v3/items", headers=wm.headers(**{"WM_SEC.ACCESS_TOKEN": "junk"}))
    assert junk.status_code == 401 and "x-current-token-count" in junk.headers


def test_missing_headers_are_400(wm):
    token = wm.token or wm.new_token()
    for missing in ("WM_QOS.CORRELATION_ID", "WM_SVC.NAME"):
        headers = wm.headers(**{"WM_SEC.ACCESS_TOKEN": token})
        del headers[missing]
        r = wm.http.get("/v3/orders", headers=headers)
        assert r.status_code == 400
        err = r.json()["error"][0]
        assert err["code"] == "MISSING_REQUEST_HEADER.GMP_GATEWAY_API" and err["field"] == missing


def test_expire_all_tokens_through_admin(wm):
    token = wm.new_token()
    assert wm.get("/v3/orders", params={"limit": "1"}).status_code == 200
    assert wm.admin("POST", "/token/expire").json()["expired"] >= 1
    r = wm.http.get("/v3/orders", headers=wm.headers(**{"WM_SEC.ACCESS_TOKEN": token}))
    assert r.status_code == 401
    wm.new_token()
    assert wm.get("/v3/orders", params={"limit": "1"}).status_code == 200


def test_short_token_ttl():
    with WalmartSandbox(seed=2, orders=1, rate_limit_scale=0, token_ttl=0.0001) as sandbox:
        client = WalmartClient(sandbox)
        client.new_token()
        assert client.get("/v3/orders").status_code == 401
        client.http.close()


def test_unknown_path_and_method(wm):
    r = wm.get("/v3/nothing/here")
    assert r.status_code == 404
    assert r.json()["error"][0]["code"] == "URI_NOT_FOUND.GMP_GATEWAY_API"
    r = wm.request("PATCH", "/v3/orders")
    assert r.status_code == 405
    assert r.json()["error"][0]["code"] == "METHOD_NOT_ALLOWED.GMP_GATEWAY_API"
    assert httpx.get(wm.sandbox.url + "/").status_code == 404
