"""``AmazonSandbox``: the SP-API sandbox as one object to start, use and stop.

SP-API paths hang from ``url``; the LWA token endpoint is ``lwa_url`` (Amazon has it on another
host, ``api.amazon.com``, §1.4; here both share one server). The admin API is ``url/_sandbox/``.
"""

from __future__ import annotations

import hashlib
import threading
from types import TracebackType

from channelmanager_gui.sandbox.faults import FaultConfig
from channelmanager_gui.sandbox.runner import ServerThread

from .app import build_app
from .auth import Credentials
from .state import AmazonState


def demo_credentials(seed: int) -> Credentials:
    """Fixed, Amazon-looking credentials per seed, so demo settings survive restarts."""

    def part(name: str, length: int) -> str:
        return hashlib.sha256(f"amazon-{name}-{seed}".encode()).hexdigest()[:length]

    return Credentials(
        client_id=f"amzn1.application-oa2-client.{part('client', 32)}",
        client_secret=f"amzn1.oa2-cs.v1.{part('secret', 64)}",
        refresh_token=f"Atzr|{part('refresh', 64)}",
        seller_id="A" + part("seller", 13).upper(),
    )


class AmazonSandbox:
    def __init__(
        self,
        seed: int = 1,
        products: int = 300,
        orders: int = 20,
        port: int = 0,
        faults: FaultConfig | None = None,
        token_ttl: float = 3600.0,
        rate_limit_scale: float = 1.0,
        pending_seconds: float = 60.0,
        listing_seconds: float = 5.0,
        job_seconds: float = 2.0,
        order_stream_seconds: float | None = None,
    ) -> None:
        self.credentials = demo_credentials(seed)
        self._stream_seconds = order_stream_seconds
        self._stop = threading.Event()
        self._stream: threading.Thread | None = None
        self.faults = faults or FaultConfig()
        self.state = AmazonState(
            self.credentials,
            seed=seed,
            products=products,
            orders=orders,
            token_ttl=token_ttl,
            pending_seconds=pending_seconds,
            listing_seconds=listing_seconds,
            job_seconds=job_seconds,
            rate_limit_scale=rate_limit_scale,
        )
        self._server = ServerThread(build_app(self.state, self.faults), port)

    @property
    def url(self) -> str:
        return self._server.url

    @property
    def lwa_url(self) -> str:
        return f"{self._server.url}/auth/o2/token"

    def env_lines(self) -> list[str]:
        """The six ``AMAZON_*`` KEY=VALUE lines ``channelmanager-gui sandbox`` prints."""
        c = self.credentials
        return [
            f"AMAZON_URL={self.url}",
            f"AMAZON_LWA_URL={self.lwa_url}",
            f"AMAZON_CLIENT_ID={c.client_id}",
            f"AMAZON_CLIENT_SECRET={c.client_secret}",
            f"AMAZON_REFRESH_TOKEN={c.refresh_token}",
            f"AMAZON_SELLER_ID={c.seller_id}",
        ]

    def start(self) -> AmazonSandbox:
        self._server.start()
        if self._stream_seconds:
            self._stream = threading.Thread(
                target=self._run_stream, name="amazon-orders", daemon=True
            )
            self._stream.start()
        return self

    def _run_stream(self) -> None:
        """The demo's steady stream of buyers, as the Walmart sandbox's: one order per
        interval (``AmazonState.stream_order``)."""
        assert self._stream_seconds
        while not self._stop.wait(self._stream_seconds):
            self.state.stream_order()

    def stop(self) -> None:
        self._stop.set()
        if self._stream is not None:
            self._stream.join(5)
        self._server.stop()

    def __enter__(self) -> AmazonSandbox:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
