"""The line protocol between the window and its sync engine child (one JSON object a line).

The sync loops run in a child process (``services/engine_child.py``) so that their C-heavy
work (HTTP, JSON, SQLite rows) and garbage collections never hold the window's GIL. The two
talk over the child's stdin and stdout, each line ``{"op": ..., ...}``:

parent → child
    ``start`` (first line: the stores' secrets, the pause switch, the demo store to fill),
    ``sync_now`` (``loop`` or null), ``pause``, ``resume``, ``wake`` (the window queued outbox
    actions: send them now), ``stop``. End of file means the parent is gone: the child stops
    too.
child → parent
    ``ready`` (``pid``, the names of its ``loops``) or ``failed`` (``reason``), ``loop``
    (one loop's status, every field),
    ``remove`` (``name``), ``demo`` (``summary`` or ``error``).

What the child changes in the database is not on this pipe: it publishes it in the database's
change log, the one way changes reach the window (``services/change_log.py``).

Secrets travel only in the ``start`` line, through the pipe: never argv, env or disk.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from typing import Any

from channelmanager_gui.models.account import MarketplaceAccount
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.store import Store
from channelmanager_gui.services import stores
from channelmanager_gui.services.credentials import CredentialsError
from channelmanager_gui.services.marketplace import Marketplace
from channelmanager_gui.services.marketplace.factory import AMAZON_SECRETS, WALMART_SECRETS
from channelmanager_gui.services.secret_sources import SecretSource
from channelmanager_gui.services.sync_status import LoopStatus, SyncState, SyncStatusBoard

log = logging.getLogger(__name__)

Message = dict[str, Any]


def encode(message: Message) -> bytes:
    return json.dumps(message, separators=(",", ":")).encode() + b"\n"


def decode(line: bytes) -> Message | None:
    """The message on ``line``, or None (logged) for anything that is not one."""
    try:
        message = json.loads(line)
    except ValueError:
        log.warning("sync engine protocol: not a message: %r", line[:200])
        return None
    if not isinstance(message, dict) or not isinstance(message.get("op"), str):
        log.warning("sync engine protocol: not a message: %r", line[:200])
        return None
    return message


# -- board -------------------------------------------------------------------------------------


def loop_message(status: LoopStatus) -> Message:
    return {
        "op": "loop",
        "name": status.name,
        "state": status.state.value,
        "last_run": _iso(status.last_run),
        "next_run": _iso(status.next_run),
        "last_error": status.last_error,
        "counts": dict(status.counts),
    }


def apply_loop(board: SyncStatusBoard, message: Message) -> None:
    """Copy a child's loop status onto the window's board (every field, errors included)."""
    board.update(
        str(message["name"]),
        state=SyncState(message["state"]),
        last_run=_datetime(message.get("last_run")),
        next_run=_datetime(message.get("next_run")),
        last_error=message.get("last_error"),
        counts=message.get("counts") or {},
    )


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _datetime(text: object) -> datetime | None:
    return datetime.fromisoformat(text) if isinstance(text, str) else None


# -- secrets -----------------------------------------------------------------------------------


def collect_secrets(db: Database, secrets: SecretSource) -> Message:
    """Every store's and account's secrets as the window reads them (keyring, or memory in
    demo mode), and why one could not be read: the child then reports that store or account
    as not connected, as an engine in the window would."""
    values: dict[str, dict[str, str]] = {}
    missing: dict[str, dict[str, str]] = {}
    account_values: dict[str, dict[str, str]] = {}
    account_missing: dict[str, dict[str, str]] = {}
    for store in stores.list_stores(db):
        for name in stores.SECRET_NAMES:
            try:
                values.setdefault(str(store.id), {})[name] = secrets.secret(store, name)
            except Exception as exc:  # the keyring's own errors too: the child says why
                missing.setdefault(str(store.id), {})[name] = str(exc) or type(exc).__name__
        for account in store.accounts:
            for name in _secret_names(account):
                try:
                    value = secrets.account_secret(account, name)
                except Exception as exc:
                    why = str(exc) or type(exc).__name__
                    account_missing.setdefault(str(account.id), {})[name] = why
                else:
                    account_values.setdefault(str(account.id), {})[name] = value
    return {"values": values, "missing": missing,
            "accounts": account_values, "accounts_missing": account_missing}  # fmt: skip


def _secret_names(account: MarketplaceAccount) -> tuple[str, ...]:
    return WALMART_SECRETS if account.marketplace == Marketplace.WALMART else AMAZON_SECRETS


class SentSecrets:
    """The child's :class:`SecretSource`: what the window sent on the ``start`` line."""

    def __init__(self, sent: Message) -> None:
        self._values: dict[str, dict[str, str]] = sent.get("values", {})
        self._missing: dict[str, dict[str, str]] = sent.get("missing", {})
        self._accounts: dict[str, dict[str, str]] = sent.get("accounts", {})
        self._accounts_missing: dict[str, dict[str, str]] = sent.get("accounts_missing", {})

    def secret(self, store: Store, name: str) -> str:
        value = self._values.get(str(store.id), {}).get(name)
        if value:
            return value
        reason = self._missing.get(str(store.id), {}).get(name)
        raise CredentialsError(reason or f"No {name} is known for the store {store.name}.")

    def account_secret(self, account: MarketplaceAccount, name: str) -> str:
        value = self._accounts.get(str(account.id), {}).get(name)
        if value:
            return value
        reason = self._accounts_missing.get(str(account.id), {}).get(name)
        raise CredentialsError(reason or f"No {name} is known for the account {account.name}.")
