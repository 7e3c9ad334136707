"""No secret leaks: after a demo-like run (real clients, secrets from the keyring, DEBUG logs),
no file in the data folder — database and its WAL, logs, backups, settings, exports — holds the
Commerce token, the Walmart client secret (alone or Base64'd into Basic auth) or any access token
the Walmart sandbox issued; neither do the log records themselves. Plain http is refused for
any host but loopback, and TLS verification is on with no switch to turn it off."""

from __future__ import annotations

import base64
import inspect
import logging
import ssl
from pathlib import Path

import pytest
from sqlalchemy import select

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.logging_setup import setup_logging
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.order import Order
from channelmanager_gui.models.store import Store
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services import ops, stores
from channelmanager_gui.services.commerce.client import CommerceClient
from channelmanager_gui.services.credentials import CredentialStore
from channelmanager_gui.services.engine import fulfilment, listings_flow, orders_flow
from channelmanager_gui.services.engine.context import KeyringSecrets
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.http.transport import build_client, check_base_url
from channelmanager_gui.services.ops import validation
from channelmanager_gui.services.walmart.client import WalmartClient
from tests.engine.conftest import Admin
from tests.engine.fulfilment_support import skus


def _secrets(pair: SandboxPair) -> dict[str, str]:
    return {
        "commerce_token": pair.commerce.token,
        "walmart_client_id": pair.walmart.client_id,
        "walmart_client_secret": pair.walmart.client_secret,
    }


def _add_store(db: Database, pair: SandboxPair) -> Store:
    return stores.add_store(
        db, CredentialStore(), name="Secret store", commerce_url=pair.commerce.url,
        commerce_store_code="default", walmart_url=pair.walmart.url, secrets=_secrets(pair),
    )  # fmt: skip


async def _demo_run(db: Database, walmart_admin: Admin, lines: list[tuple[str, int]]) -> None:
    """Orders in, one shipped, one cancelled, everything synced (real clients and keyring)."""
    for sku, qty in lines:
        walmart_admin.post("/orders", {"lines": [{"sku": sku, "qty": qty}]})
    engine = SyncEngine(db, KeyringSecrets(), flows=[orders_flow, fulfilment, listings_flow])
    try:
        await engine.open()
        assert (await engine.run_once(drain_timeout=60)).ok
        shipped, cancelled = _two_created_orders(db)
        order = ops.order_for_action(db, shipped)
        request = validation.validate_shipment(
            order, "UPS", None, "Standard", "1Z999AA10123456784", None, None,
            {ln.line_number: ln.qty_open for ln in order.lines},
        )  # fmt: skip
        ops.ship(db, shipped, request)
        ops.cancel(db, cancelled, "SELLER_CANCEL_OUT_OF_STOCK")
        assert (await engine.run_once(drain_timeout=60)).ok
    finally:
        await engine.aclose()


def _two_created_orders(db: Database) -> tuple[int, int]:
    with db.session() as session:
        ids = list(session.scalars(select(Order.id).where(Order.commerce_entity_id.is_not(None))))
    return ids[0], ids[1]


def _export(db: Database, folder: Path) -> None:
    folder.mkdir()
    for fmt in ("csv", "json"):
        with (folder / f"orders.{fmt}").open("w") as out:
            assert ops.export_orders(db, fmt, out) >= 3
        with (folder / f"listings.{fmt}").open("w") as out:
            ops.export_listings(db, fmt, out)


async def test_no_secret_in_any_file_or_log_record(
    sandbox_pair: SandboxPair, walmart_admin: Admin, commerce_admin: Admin,
    cm_home: Path, caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    cm_home.mkdir(parents=True, exist_ok=True)
    log_file = setup_logging(logging.DEBUG, cm_home / "channelmanager.log", stderr=False)
    caplog.set_level(logging.DEBUG)
    db = open_database()
    try:
        _add_store(db, sandbox_pair)
        lines = [(sku, 2) for sku in skus(sandbox_pair, commerce_admin, 3, offset=20)]
        await _demo_run(db, walmart_admin, lines)
        _export(db, cm_home / "exports")
    finally:
        db.dispose()
    secrets = _secrets(sandbox_pair)
    basic = f"{secrets['walmart_client_id']}:{secrets['walmart_client_secret']}"
    issued = list(sandbox_pair.walmart.state.tokens.tokens)
    assert issued, "the run never fetched a Walmart token"
    forbidden = {
        "Commerce token": secrets["commerce_token"],
        "Walmart client secret": secrets["walmart_client_secret"],
        "Basic auth": base64.b64encode(basic.encode()).decode(),
        **{f"access token {n}": token for n, token in enumerate(issued)},
    }
    records = "\n".join(r.getMessage() for r in caplog.records)
    assert "/v3/token" in records  # the HTTP layer did log its requests
    for what, value in forbidden.items():
        assert value not in records, f"{what} in a log record"
    files = [p for p in cm_home.rglob("*") if p.is_file()]
    assert {p.suffix for p in files} >= {".sqlite3", ".log", ".csv", ".json"}
    for path in files:
        data = path.read_bytes()
        for what, value in forbidden.items():
            assert value.encode() not in data, f"{what} in {path.relative_to(cm_home)}"
    logging.getLogger("probe").debug(
        "headers %s", {"Authorization": f"Bearer {secrets['commerce_token']}"}
    )
    assert secrets["commerce_token"] not in log_file.read_text(encoding="utf-8")
    assert "***" in log_file.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "url", ["http://shop.example.com", "http://10.0.0.5:8080", "http://[2001:db8::1]/"]
)
def test_plain_http_is_refused_for_other_hosts(url: str, cm_home: Path) -> None:
    with pytest.raises(ValidationError):
        check_base_url(url)
    with pytest.raises(ValidationError):
        WalmartClient(url, "client-id", "client-secret-123")
    with pytest.raises(ValidationError):
        CommerceClient(url, "token-123456")
    db = open_database()
    try:
        with pytest.raises(ValidationError):
            stores.add_store(db, CredentialStore(), name="Plain", commerce_url=url,
                             commerce_store_code="default", walmart_url="https://x.example",
                             secrets={"commerce_token": "t" * 32, "walmart_client_id": "i",
                                      "walmart_client_secret": "s" * 20})  # fmt: skip
        assert stores.list_stores(db) == []
    finally:
        db.dispose()
    assert CredentialStore().get("store:1:commerce_token") is None


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080", "http://localhost:9000", "http://[::1]"])
def test_plain_http_is_allowed_to_loopback_only(url: str) -> None:
    assert check_base_url(url) == url


async def test_tls_verification_is_on_and_has_no_off_switch() -> None:
    for client in (
        WalmartClient("https://marketplace.walmartapis.com", "client-id", "client-secret-123"),
        CommerceClient("https://shop.example.com", "token-123456"),
    ):
        http = client.session.client
        # httpx's own transport keeps its context in httpcore's pool (no public accessor)
        context = http._transport._pool._ssl_context  # type: ignore[attr-defined]
        assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
        await client.aclose()
    for factory in (build_client, WalmartClient, CommerceClient):
        assert "verify" not in inspect.signature(factory).parameters
    with pytest.raises(TypeError):
        WalmartClient("https://x.example", "id", "secret-123", verify=False)  # type: ignore[call-arg]
