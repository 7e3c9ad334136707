"""What every benchmark shares: the machine facts, the sandbox process, a store, an engine.

The sandboxes run in a separate process (``python -m channelmanager_gui sandbox``), so the CPU
time measured with ``time.process_time()`` in the benchmark process is the engine's alone, and
the two talk over real HTTP on loopback, as the app and a real store would.
"""

from __future__ import annotations

import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx

from channelmanager_gui.models.account import AMAZON, MarketplaceAccount
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.store import Store
from channelmanager_gui.services.amazon.rates import PLANS, Plan
from channelmanager_gui.services.engine.context import (
    MemorySecrets,
)
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.marketplace.amazon_adapter import AmazonAdapter
from channelmanager_gui.services.walmart.core import DEFAULT_SPACING

ENV_KEYS = ("WALMART_URL", "WALMART_CLIENT_ID", "WALMART_CLIENT_SECRET", "COMMERCE_URL",
            "COMMERCE_TOKEN", "AMAZON_URL", "AMAZON_LWA_URL", "AMAZON_CLIENT_ID",
            "AMAZON_CLIENT_SECRET", "AMAZON_REFRESH_TOKEN", "AMAZON_SELLER_ID")  # fmt: skip


# -- the machine ------------------------------------------------------------------------------


def _cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return platform.processor() or platform.machine()
    found = re.search(r"^model name\s*:\s*(.+)$", text, re.MULTILINE)
    return found.group(1).strip() if found else platform.machine()


def _ram_gb() -> float | None:
    try:
        text = Path("/proc/meminfo").read_text()
    except OSError:
        return None
    found = re.search(r"^MemTotal:\s*(\d+) kB", text, re.MULTILINE)
    return round(int(found.group(1)) / 1024 / 1024, 1) if found else None


def machine_facts() -> dict[str, Any]:
    """What a figure means depends on where it was measured: printed with every result."""
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gb": _ram_gb(),
        "python": platform.python_version(),
        "os": platform.platform(),
    }


def print_result(
    title: str, figures: dict[str, Any], budgets: dict[str, str] | None = None
) -> None:
    """One result block: the figures, their budgets when there are any, and the machine."""
    print(f"\n== {title} ==")
    for key, value in figures.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        budget = (budgets or {}).get(key)
        print(f"  {key:<34} {shown}" + (f"   (budget {budget})" if budget else ""))
    facts = machine_facts()
    print(f"  machine: {facts['cpu']}, {facts['cores']} cores, {facts['ram_gb']} GB RAM, "
          f"Python {facts['python']}, {facts['os']}")  # fmt: skip
    sys.stdout.flush()


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (p95 of 50 events is the 48th smallest)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def median(values: list[float]) -> float:
    return statistics.median(values)


def growth(sizes: list[int], seconds: list[float]) -> list[str]:
    """How time grows from one size to the next, against how the size grew (1.0 = linear)."""
    out = []
    for i in range(1, len(sizes)):
        (n0, t0), (n1, t1) = (sizes[i - 1], seconds[i - 1]), (sizes[i], seconds[i])
        ratio = (t1 / t0) / (n1 / n0) if t0 > 0 else float("nan")
        out.append(f"{n0}→{n1}: time ×{t1 / t0:.1f} for size ×{n1 // n0} (×{ratio:.2f} of linear)")
    return out


# -- the sandboxes -----------------------------------------------------------------------------


class Admin:
    """A sandbox's ``/_sandbox/`` admin API over one kept-alive connection."""

    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(base_url=f"{base_url}/_sandbox", timeout=600)

    def call(self, method: str, path: str, body: Any = None) -> Any:
        response = self.http.request(method, path, json=body)
        response.raise_for_status()
        return response.json()

    def close(self) -> None:
        self.http.close()


@dataclass
class Sandboxes:
    """The running sandbox process: its ``KEY=VALUE`` lines and both admin APIs."""

    env: dict[str, str]
    walmart: Admin
    commerce: Admin
    seed: int
    products: int
    pid: int  # the sandbox process, for its CPU time (``sandbox_cpu_seconds``)
    amazon: Admin  # the CLI starts the Amazon sandbox too (bench/amazon_orders)

    def secrets(self, store_id: int, amazon_account: int | None = None) -> MemorySecrets:
        """The store's secrets, and the Amazon account's LWA ones when it has one."""
        env = self.env
        store = {"commerce_token": env["COMMERCE_TOKEN"],
                 "walmart_client_id": env["WALMART_CLIENT_ID"],
                 "walmart_client_secret": env["WALMART_CLIENT_SECRET"]}  # fmt: skip
        amazon = {"lwa_client_id": env["AMAZON_CLIENT_ID"],
                  "lwa_client_secret": env["AMAZON_CLIENT_SECRET"],
                  "lwa_refresh_token": env["AMAZON_REFRESH_TOKEN"]}  # fmt: skip
        accounts = {amazon_account: amazon} if amazon_account is not None else {}
        return MemorySecrets({store_id: store}, accounts)


@contextmanager
def sandboxes(
    *, products: int = 300, orders: int = 0, seed: int = 1, extra: list[str] | None = None,
    speed: float | None = None,
) -> Iterator[Sandboxes]:  # fmt: skip
    """``python -m channelmanager_gui sandbox`` in its own process: rate limits off and no added
    latency; or, with ``speed``, realistic conditions (issue 19: Walmart's limits as published
    and the realistic latency profile, sandbox/profile.py), ``speed`` times faster."""
    conditions = (
        ["--rate-limit-scale", "0"]
        if speed is None
        else ["--rate-limit-scale", "1", "--profile", "realistic", "--speed", f"{speed:g}"]
    )
    args = [sys.executable, "-m", "channelmanager_gui", "sandbox", "--seed", str(seed),
            "--products", str(products), "--orders", str(orders), *conditions,
            *(extra or [])]  # fmt: skip
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
    try:
        env = _read_env(proc)
        box = Sandboxes(env, Admin(env["WALMART_URL"]), Admin(env["COMMERCE_URL"]), seed,
                        products, proc.pid, Admin(env["AMAZON_URL"]))  # fmt: skip
        try:
            yield box
        finally:
            box.walmart.close()
            box.commerce.close()
            box.amazon.close()
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _read_env(proc: subprocess.Popen[str]) -> dict[str, str]:
    assert proc.stdout is not None
    env: dict[str, str] = {}
    while set(ENV_KEYS) - env.keys():
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the sandbox process ended early (exit {proc.wait()})")
        key, sep, value = line.strip().partition("=")
        if sep and key in ENV_KEYS:
            env[key] = value
    return env


def start_window(module: str, spec: dict[str, Any], *, piped: bool = True) -> subprocess.Popen[str]:
    """A window process (``python -m module``, offscreen unless ``QT_QPA_PLATFORM`` says
    otherwise) given ``spec`` as one JSON line on its stdin: secrets over the pipe, as the app
    hands them to its engine child, never in argv. ``piped``: its stdout to read."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    proc = subprocess.Popen(
        [sys.executable, "-m", module], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE if piped else None, text=True, env=env,
    )  # fmt: skip
    assert proc.stdin is not None
    proc.stdin.write(json.dumps(spec) + "\n")
    proc.stdin.close()
    return proc


def sandbox_cpu_seconds(pid: int) -> float:
    """User + system CPU of another process (Linux), e.g. to show what the sandboxes cost."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# -- the app side ------------------------------------------------------------------------------


@contextmanager
def bench_home() -> Iterator[Path]:
    """A throwaway ``CHANNELMANAGER_HOME``: a benchmark never touches the merchant's data."""
    old = os.environ.get("CHANNELMANAGER_HOME")
    with tempfile.TemporaryDirectory(prefix="cm-bench-") as home:
        os.environ["CHANNELMANAGER_HOME"] = home
        try:
            yield Path(home)
        finally:
            if old is None:
                os.environ.pop("CHANNELMANAGER_HOME", None)
            else:
                os.environ["CHANNELMANAGER_HOME"] = old


def add_store(db: Database, box: Sandboxes, settings: dict[str, Any] | None = None) -> int:
    with db.session() as session:
        store = Store(
            name="Bench store",
            commerce_url=box.env["COMMERCE_URL"],
            commerce_store_code="default",
            walmart_url=box.env["WALMART_URL"],
            settings=settings or {},
        )
        session.add(store)
        session.flush()
        return store.id


US = "ATVPDKIKX0DER"


def add_amazon_account(db: Database, store_id: int, env: dict[str, str]) -> int:
    """The store's Amazon account (US marketplace) on the Amazon sandbox."""
    with db.session() as session:
        account = MarketplaceAccount(
            store_id=store_id, marketplace=AMAZON, name="Amazon US", api_url=env["AMAZON_URL"],
            auth_url=env["AMAZON_LWA_URL"], seller_id=env["AMAZON_SELLER_ID"],
            marketplace_ids=[US], settings={},
        )  # fmt: skip
        session.add(account)
        session.flush()
        return account.id


def scaled_spacing(speed: float) -> dict[str, float]:
    """The app's spacing of Walmart calls, ``speed`` times shorter: the client paces at the
    limits of a sandbox that runs ``speed`` times faster."""
    return {key: seconds / speed for key, seconds in DEFAULT_SPACING.items()}


def scaled_client_options(speed: float) -> dict[str, dict[str, Any]]:
    """The app's pacing of Walmart and Amazon calls at ``speed``: Amazon's buckets as the
    sandbox scales them (sandbox/amazon/ratelimit.py: rate and burst × speed)."""
    plans = {k: Plan(p.rate * speed, max(1, round(p.burst * speed))) for k, p in PLANS.items()}
    return {"walmart": {"spacing": scaled_spacing(speed)}, "amazon": {"plans": plans}}


def scale_capabilities(engine: SyncEngine, speed: float) -> None:
    """An opened engine's Amazon pacing that is not its clients' ÷ ``speed`` too: the spacing
    between order searches, and between polls of a report being made."""
    for ctx in engine.env.stores.values():
        for account in ctx.accounts.values():
            adapter = account.adapter
            spacing = adapter.capabilities.orders_poll_seconds / speed
            adapter.capabilities = replace(adapter.capabilities, orders_poll_seconds=spacing)  # type: ignore[misc]
            if isinstance(adapter, AmazonAdapter):
                adapter.poll_interval /= speed


async def open_engine(
    db: Database, box: Sandboxes, store_id: int, flows: list[ModuleType] | None, *,
    unspaced: bool = True, speed: float | None = None, secrets: MemorySecrets | None = None,
    **kwargs: Any,
) -> SyncEngine:  # fmt: skip
    """An opened engine on the bench store (``flows=None``: every flow, as the app runs).
    ``speed``: the app's pacing, that many times faster (for a sandbox run at that speed);
    ``secrets``: the store's own by default (``Sandboxes.secrets``)."""
    # Without the client-side spacing of Walmart calls (or with the app's, scaled): the
    # sandbox runs with rate limits off, so the benchmark measures the engine, not the quotas.
    spacing: dict[str, float] | None = {} if unspaced else None
    options = {"walmart": {"spacing": spacing}} if spacing is not None else None
    if speed is not None:
        options = scaled_client_options(speed)
    engine = SyncEngine(db, secrets or box.secrets(store_id), flows=flows,
                        client_options=options, **kwargs)  # fmt: skip
    await engine.open()
    if speed is not None:
        scale_capabilities(engine, speed)
    return engine


def fresh_database() -> Database:
    return open_database()


class Stopwatch:
    """Wall and CPU (this process only) time of a block."""

    def __enter__(self) -> Stopwatch:
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall0
        self.cpu = time.process_time() - self.cpu0


def dump(path: str | None, data: dict[str, Any]) -> None:
    """Optionally keep the figures as JSON (``--json FILE``) next to the printed block."""
    if path:
        Path(path).write_text(json.dumps({**data, "machine": machine_facts()}, indent=2))
