"""``WalmartSandbox``: the Walmart Marketplace sandbox as one object to start, use and stop.

Used by the demo mode, tests and benchmarks. Real paths are ``url + "/v3/..."``; the admin API is
under ``url + "/_sandbox/..."``.
"""

from __future__ import annotations

import random
import threading
import uuid
from types import TracebackType

from channelmanager_gui.sandbox.faults import FaultConfig
from channelmanager_gui.sandbox.runner import ServerThread

from .app import build_app
from .ratelimit import RateLimiter
from .state import WalmartState


def demo_credentials(seed: int) -> tuple[str, str]:
    """Fixed client id and secret for a seed, so demo settings survive restarts."""
    rng = random.Random(f"walmart-credentials-{seed}")
    client_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    secret = "".join(
        rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        for _ in range(86)
    )
    return client_id, secret


class WalmartSandbox:
    def __init__(
        self,
        seed: int = 1,
        products: int = 300,
        orders: int = 20,
        port: int = 0,
        faults: FaultConfig | None = None,
        token_ttl: float = 900.0,
        rate_limit_scale: float = 1.0,
        order_stream_seconds: float | None = None,
        feed_seconds: float = 0.5,
    ) -> None:
        self.client_id, self.client_secret = demo_credentials(seed)
        self.faults = faults or FaultConfig()
        self.state = WalmartState(seed, products, orders, token_ttl, feed_seconds)
        self.limiter = RateLimiter(rate_limit_scale)
        app = build_app(self.state, self.faults, self.limiter, self.client_id, self.client_secret)
        self._server = ServerThread(app, port)
        self._stream_seconds = order_stream_seconds
        self._stop = threading.Event()
        self._stream: threading.Thread | None = None

    @property
    def url(self) -> str:
        return self._server.url

    def start(self) -> WalmartSandbox:
        self._server.start()
        if self._stream_seconds:
            self._stream = threading.Thread(
                target=self._run_stream, name="walmart-orders", daemon=True
            )
            self._stream.start()
        return self

    def _run_stream(self) -> None:
        """The demo's steady stream of buyers: one new Created order per interval."""
        assert self._stream_seconds
        while not self._stop.wait(self._stream_seconds):
            self.state.create_orders(1)

    def stop(self) -> None:
        self._stop.set()
        if self._stream is not None:
            self._stream.join(5)
        self._server.stop()

    def __enter__(self) -> WalmartSandbox:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
