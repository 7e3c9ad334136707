"""The real headless sync (``python -m channelmanager_gui sync``) killed with SIGKILL at random
moments while Walmart orders flow and the merchant ships and cancels, restarted each time; at
the end the database is intact, the outbox resumed, and the invariants hold.

CI kills it ``KILLS`` = 8 times over 30 orders (each restart pays the interpreter's start-up and
the real client's one-second spacing of Walmart order actions); the long run documented in
docs/reliability.md sets ``CM_RELIABILITY_KILLS=25 CM_RELIABILITY_ORDERS=120``. The child
reads its secrets from the keyring like a merchant's install: a test-only file keyring shared
with this process (file_keyring.py).

Killed mid-action, an action stays ``running`` until its 60-second lease runs out; a restarted
process leaves it alone meanwhile. Before the final pass the test ages those leases instead of
waiting a minute (``_wait_out_leases``): the same effect as the time passing.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import keyring
import pytest
from sqlalchemy import func, select, update

from channelmanager_gui.harness import chaos
from channelmanager_gui.harness.chaos_merchant import Merchant
from channelmanager_gui.harness.invariants import check_invariants
from channelmanager_gui.harness.remote_state import commerce_baseline, read_remote_state
from channelmanager_gui.models.base import utcnow
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction
from channelmanager_gui.models.store import Store
from channelmanager_gui.sandbox.pair import SandboxPair, start_pair
from channelmanager_gui.services import stores
from channelmanager_gui.services.credentials import CredentialStore
from channelmanager_gui.services.engine.settings import DEFAULT_INTERVALS
from tests.reliability.file_keyring import FILE_ENV, TestFileKeyring

ORDERS = int(os.environ.get("CM_RELIABILITY_ORDERS", "30"))
KILLS = int(os.environ.get("CM_RELIABILITY_KILLS", "8"))
REPO = Path(__file__).resolve().parents[2]
PLAN = chaos.ChaosPlan(orders=ORDERS, seed=31)


@pytest.fixture
def pair() -> Iterator[SandboxPair]:
    with start_pair(seed=PLAN.seed, products=150, orders=0, rate_limit_scale=0) as started:
        yield started


@pytest.fixture
def child_env(cm_home: Path) -> dict[str, str]:
    """The child's environment: same data dir, the shared test keyring."""
    cm_home.mkdir(parents=True, exist_ok=True)
    keyring.set_keyring(TestFileKeyring(cm_home / "keyring.json"))  # restored by conftest
    return {
        **os.environ,
        "CHANNELMANAGER_HOME": str(cm_home),
        "PYTHON_KEYRING_BACKEND": "tests.reliability.file_keyring.TestFileKeyring",
        FILE_ENV: str(cm_home / "keyring.json"),
        "PYTHONPATH": str(REPO),
    }


def _add_store(db: Database, pair: SandboxPair) -> int:
    store = stores.add_store(
        db,
        CredentialStore(),
        name="Crash store",
        commerce_url=pair.commerce.url,
        commerce_store_code="default",
        walmart_url=pair.walmart.url,
        secrets={
            "commerce_token": pair.commerce.token,
            "walmart_client_id": pair.walmart.client_id,
            "walmart_client_secret": pair.walmart.client_secret,
        },
    )
    with db.session() as session:  # every loop as often as allowed: more to interrupt
        session.get_one(Store, store.id).settings = {
            "intervals": dict.fromkeys(DEFAULT_INTERVALS, 1.0)
        }
    return store.id


def _sync(env: dict[str, str], log: Path, *args: str) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "channelmanager_gui", "sync", *args],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def _wait_until_syncing(child: subprocess.Popen[bytes], log: Path, starts: int) -> None:
    """Until the child has opened its engine (it prints "Syncing …"), so the random moment of
    the kill falls in its work, not in the interpreter's start-up (seconds on a busy machine)."""
    deadline = time.monotonic() + 120
    while log.read_text(errors="replace").count("Syncing ") < starts:
        assert child.poll() is None, log.read_text()[-3000:]
        assert time.monotonic() < deadline, "the sync did not start"
        time.sleep(0.05)


def _wait_out_leases(db: Database) -> int:
    """Age the leases of actions a killed process held (as if their minute had passed)."""
    with db.session() as session:
        result = session.execute(
            update(OutboxAction)
            .where(OutboxAction.status == ActionStatus.RUNNING)
            .values(updated_at=utcnow() - timedelta(minutes=2))
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]


def test_sigkilled_sync_restarts_and_loses_nothing(
    pair: SandboxPair, child_env: dict[str, str], cm_home: Path
) -> None:
    rng = random.Random(PLAN.seed)
    db = open_database()
    _add_store(db, pair)
    skus = chaos.orderable_skus(pair)
    baseline = commerce_baseline(pair)
    pos = chaos.make_orders(pair, skus, ORDERS, rng)
    counts: Counter[str] = Counter()
    merchant = Merchant(db, None, PLAN, rng, counts)
    log = cm_home / "child.log"

    for _ in range(KILLS):
        child = _sync(child_env, log)
        _wait_until_syncing(child, log, counts["kills"] + 1)
        deadline = time.monotonic() + rng.uniform(0.2, 3.0)
        while time.monotonic() < deadline and child.poll() is None:
            merchant.act()  # ships and cancels land while the child is sending
            time.sleep(0.2)
        assert child.poll() is None, log.read_text()[-3000:]
        child.send_signal(signal.SIGKILL)
        assert child.wait(10) == -signal.SIGKILL
        counts["kills"] += 1

    for _ in range(6):  # restart for good: `sync --once` until the merchant has done it all
        counts["leases_aged"] += _wait_out_leases(db)
        merchant.act()
        once = _sync(child_env, log, "--once")
        code = once.wait(300)
        if code == 0 and merchant.done():
            break
    assert code == 0, log.read_text()[-3000:]

    with sqlite3.connect(db.path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with db.session() as session:
        resumed = session.scalar(
            select(func.count(OutboxAction.id)).where(OutboxAction.attempts > 1)
        )
    report = check_invariants(
        db, read_remote_state(pair, pos), expected_pos=pos, baseline_entity_id=baseline
    )
    print(f"{counts['kills']} kills, {resumed} actions resumed after a kill, {dict(counts)}; "
          + report.summary())  # fmt: skip
    db.dispose()
    assert report.ok, report.summary()
    assert report.in_error == {}
    assert counts["kills"] == KILLS
    assert resumed, "no kill interrupted an action: the test proved nothing about resuming"
    assert counts["ships"] and counts["cancels"]
