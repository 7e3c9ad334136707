"""LWA token exchange, the access-token check and the headers every answer carries (§1.1–§1.3,
§5.2 transport/auth)."""

from __future__ import annotations

import uuid

from .conftest import US, AmazonClient, error

SELLERS = "/sellers/v1/marketplaceParticipations"


def test_lwa_accepts_form_and_json(amazon: AmazonClient) -> None:
    form = amazon.lwa()
    c = amazon.creds
    as_json = amazon.http.post(
        "/auth/o2/token",
        json={
            "grant_type": "refresh_token",
            "refresh_token": c.refresh_token,
            "client_id": c.client_id,
            "client_secret": c.client_secret,
        },
    )
    for answer in (form, as_json):
        assert answer.status_code == 200
        body = answer.json()
        assert body["access_token"].startswith("Atza|")
        assert body["token_type"] == "bearer" and body["expires_in"] == 3600


def test_lwa_errors_are_oauth_shaped(amazon: AmazonClient) -> None:
    bad_grant = amazon.lwa(refresh_token="Atzr|nope")
    assert bad_grant.status_code == 400 and bad_grant.json()["error"] == "invalid_grant"
    bad_client = amazon.lwa(client_secret="wrong")
    assert bad_client.status_code == 401 and bad_client.json()["error"] == "invalid_client"


def test_missing_and_garbage_tokens_get_amazons_403(amazon: AmazonClient) -> None:
    missing = amazon.http.get(SELLERS)
    assert missing.status_code == 403
    assert error(missing) == {
        "code": "Unauthorized",
        "message": "Access to requested resource is denied.",
        "details": "Access token is missing in the request header.",
    }
    assert "x-amzn-RateLimit-Limit" not in missing.headers  # never on 403 (§1.2)
    garbage = amazon.get(SELLERS, token="Atza|garbage")
    assert error(garbage)["details"] == (
        "The access token you provided is revoked, malformed or invalid."
    )


def test_expired_token_then_refresh(amazon: AmazonClient) -> None:
    amazon.admin("PUT", "switches", {"tokenTtl": 30})
    try:
        token = amazon.refresh()
        assert amazon.lwa().json()["expires_in"] == 30
        assert amazon.get(SELLERS, token=token).status_code == 200
        amazon.advance(31)
        expired = amazon.get(SELLERS, token=token)
        assert expired.status_code == 403
        assert error(expired)["details"] == "The access token you provided has expired."
        assert amazon.get(SELLERS, token=amazon.refresh()).status_code == 200
    finally:
        amazon.admin("PUT", "switches", {"tokenTtl": 3600})


def test_request_id_rate_header_and_sigv4_ignored(amazon: AmazonClient) -> None:
    answer = amazon.get(
        SELLERS, headers={"Authorization": "AWS4-HMAC-SHA256 Credential=AKIA/x, Signature=ab"}
    )
    assert answer.status_code == 200
    uuid.UUID(answer.headers["x-amzn-RequestId"])
    assert answer.headers["x-amzn-RateLimit-Limit"] == "0.016"
    payload = answer.json()["payload"]
    assert US in [p["marketplace"]["id"] for p in payload]
    assert {"marketplace", "participation", "storeName"} <= set(payload[0])


def test_marketplaces_outside_na_403_unknown_400(amazon: AmazonClient) -> None:
    params = {"identifiers": "012345678905", "identifiersType": "UPC"}
    uk = amazon.get(
        "/catalog/2022-04-01/items", params={**params, "marketplaceIds": "A1F83G8C2ARO7P"}
    )
    assert uk.status_code == 403 and error(uk)["code"] == "Unauthorized"
    bogus = amazon.get("/catalog/2022-04-01/items", params={**params, "marketplaceIds": "XYZ"})
    assert bogus.status_code == 400 and error(bogus)["code"] == "InvalidInput"
