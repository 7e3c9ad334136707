"""The window hands the engine child every secret it needs, accounts' included: Amazon's LWA
secrets by account id, and why one could not be read (the child then names that account)."""

from __future__ import annotations

import pytest

from channelmanager_gui.errors import CredentialsError
from channelmanager_gui.models.account import AMAZON, MarketplaceAccount
from channelmanager_gui.models.db import open_database
from channelmanager_gui.models.store import Store
from channelmanager_gui.services.engine.context import MemorySecrets
from channelmanager_gui.services.engine_protocol import SentSecrets, collect_secrets


def test_account_secrets_cross_the_pipe() -> None:
    db = open_database()
    try:
        with db.session() as session:
            store = Store(name="S", commerce_url="http://127.0.0.1:1",
                          walmart_url="http://127.0.0.1:2", settings={})  # fmt: skip
            store.accounts.append(MarketplaceAccount(marketplace=AMAZON, name="Amazon US",
                                                     api_url="http://127.0.0.1:3"))  # fmt: skip
            store.accounts.append(MarketplaceAccount(marketplace=AMAZON, name="Amazon CA",
                                                     api_url="http://127.0.0.1:3"))  # fmt: skip
            session.add(store)
            session.flush()
            walmart, us, ca = store.accounts
            store_id, us_id = store.id, us.id
        lwa = {"lwa_client_id": "id", "lwa_client_secret": "secret", "lwa_refresh_token": "r"}
        own = {"commerce_token": "t", "walmart_client_id": "w", "walmart_client_secret": "ws"}
        secrets = MemorySecrets({store_id: own}, {us_id: lwa})
        sent = SentSecrets(collect_secrets(db, secrets))
        assert sent.account_secret(us, "lwa_refresh_token") == "r"
        assert sent.account_secret(walmart, "walmart_client_secret") == "ws"
        with pytest.raises(CredentialsError, match="Amazon CA"):  # the window's reason
            sent.account_secret(ca, "lwa_client_id")
    finally:
        db.dispose()
