"""Shared set-up of the command line tests: one sandbox pair, data dir and keyring per module.

The commands run in process through ``main([...])`` (stdout/stderr captured), against the
sandboxes over real HTTP on loopback. A module is one merchant's story (store added, products
imported, orders synced), so its data dir and keyring live for the module, not for each test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring
import pytest
from sqlalchemy import func, select

from channelmanager_gui.cli import main
from channelmanager_gui.models.db import open_database
from channelmanager_gui.models.outbox import OutboxAction
from channelmanager_gui.sandbox.pair import SandboxPair, start_pair
from tests.engine.conftest import COMMERCE_PRODUCTS, Admin
from tests.engine.conftest import SEED as ENGINE_SEED
from tests.memory_keyring import MemoryKeyring

# The engine tests' seed and Commerce catalog size, so tests.engine.conftest.orderable_skus
# (SKUs sold on Walmart and in stock in Commerce) holds for this pair too.
SEED = ENGINE_SEED
PRODUCTS = COMMERCE_PRODUCTS
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", autouse=True)
def cm_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Overrides the per-test data dir of tests/conftest.py: one per module here."""
    home = tmp_path_factory.mktemp("cli-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHANNELMANAGER_HOME", str(home))
        yield home


@pytest.fixture(scope="module", autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="module")
def pair() -> Iterator[SandboxPair]:
    with start_pair(seed=SEED, products=PRODUCTS, orders=0, rate_limit_scale=0) as running:
        yield running


@pytest.fixture(scope="module")
def walmart_admin(pair: SandboxPair) -> Iterator[Admin]:
    admin = Admin(pair.walmart.url)
    yield admin
    admin.close()


@pytest.fixture(scope="module")
def commerce_admin(pair: SandboxPair) -> Iterator[Admin]:
    admin = Admin(pair.commerce.url)
    yield admin
    admin.close()


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class Cli:
    """Runs ``channelmanager-gui`` in process and captures what it printed."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys

    def __call__(self, *args: str) -> Result:
        self.capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse: usage errors (2) and --help (0)
            code = int(exc.code or 0)
        captured = self.capsys.readouterr()
        return Result(code, captured.out, captured.err)

    def ok(self, *args: str) -> Result:
        result = self(*args)
        assert result.code == 0, result
        return result

    def json(self, *args: str) -> Any:
        return self.ok(*args, "--json").json()


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(capsys)


def add_store(pair: SandboxPair, name: str = "Shop") -> None:
    """``store add`` with the secrets in CM_* variables, as a script would."""
    env = {
        "CM_COMMERCE_TOKEN": pair.commerce.token,
        "CM_WALMART_CLIENT_ID": pair.walmart.client_id,
        "CM_WALMART_CLIENT_SECRET": pair.walmart.client_secret,
    }
    with pytest.MonkeyPatch.context() as patch:
        for key, value in env.items():
            patch.setenv(key, value)
        code = main(["store", "add", "--name", name, "--commerce-url", pair.commerce.url,
                     "--walmart-url", pair.walmart.url])  # fmt: skip
    assert code == 0


def outbox_count() -> int:
    db = open_database()
    try:
        with db.session() as session:
            return int(session.scalar(select(func.count(OutboxAction.id))) or 0)
    finally:
        db.dispose()


def run_process(*args: str) -> Result:
    """``python -m channelmanager_gui ...`` in a child process (the real entry point)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "channelmanager_gui", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr)
