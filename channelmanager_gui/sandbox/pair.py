"""Start the sandboxes together, as ``channelmanager-gui sandbox`` and demo mode do.

Walmart and Commerce always; Amazon when asked (``with_amazon``): the CLI and the demo start it,
tests and benchmarks that only need the first two do not pay for a third server.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import TracebackType

from channelmanager_gui.sandbox.amazon import AmazonSandbox
from channelmanager_gui.sandbox.commerce import CommerceSandbox
from channelmanager_gui.sandbox.faults import FaultConfig
from channelmanager_gui.sandbox.profile import apply_profile, feed_seconds
from channelmanager_gui.sandbox.walmart import WalmartSandbox


@dataclass
class SandboxPair:
    """Running Walmart and Commerce sandboxes (and maybe Amazon) sharing one demo catalog."""

    walmart: WalmartSandbox
    commerce: CommerceSandbox
    amazon: AmazonSandbox | None = None

    def env_lines(self) -> list[str]:
        """The ``KEY=VALUE`` lines scripts read to point any client at the sandboxes; the Amazon
        lines come last so the first five stay where scripts look for them."""
        lines = [
            f"WALMART_URL={self.walmart.url}",
            f"WALMART_CLIENT_ID={self.walmart.client_id}",
            f"WALMART_CLIENT_SECRET={self.walmart.client_secret}",
            f"COMMERCE_URL={self.commerce.url}",
            f"COMMERCE_TOKEN={self.commerce.token}",
        ]
        return lines + (self.amazon.env_lines() if self.amazon else [])

    def stop(self) -> None:
        if self.amazon:
            self.amazon.stop()
        self.walmart.stop()
        self.commerce.stop()

    def __enter__(self) -> SandboxPair:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def start_pair(
    *,
    seed: int = 1,
    products: int = 300,
    orders: int = 20,
    walmart_port: int = 0,
    commerce_port: int = 0,
    walmart_faults: FaultConfig | None = None,
    commerce_faults: FaultConfig | None = None,
    order_stream_seconds: float | None = None,
    rate_limit_scale: float = 1.0,
    with_amazon: bool = False,
    amazon_port: int = 0,
    amazon_faults: FaultConfig | None = None,
    profile: str = "instant",
    speed: float = 1.0,
    walmart_feed_seconds: float | None = None,
) -> SandboxPair:
    """Start the servers; each runs in its own thread, off the caller's event loop.

    ``profile`` (sandbox/profile.py) sets each server's latency; ``speed`` divides every
    latency and multiplies every rate limit (``rate_limit_scale``), as benchmarks scale.
    ``walmart_feed_seconds``: Walmart's feed processing time at speed 1 (None: the profile's),
    divided by ``speed`` like every latency."""
    walmart_faults = apply_profile(walmart_faults, profile, "walmart", speed)
    commerce_faults = apply_profile(commerce_faults, profile, "commerce", speed)
    rate_limit_scale *= speed
    commerce = CommerceSandbox(
        seed=seed, products=products, port=commerce_port, faults=commerce_faults
    ).start()
    try:
        walmart = WalmartSandbox(
            seed=seed,
            products=products,
            orders=orders,
            port=walmart_port,
            faults=walmart_faults,
            rate_limit_scale=rate_limit_scale,
            order_stream_seconds=order_stream_seconds,
            feed_seconds=feed_seconds(profile, speed, walmart_feed_seconds),
        ).start()
    except BaseException:
        commerce.stop()
        raise
    pair = SandboxPair(walmart=walmart, commerce=commerce)
    if with_amazon:
        try:
            pair.amazon = AmazonSandbox(
                seed=seed,
                products=products,
                orders=orders,
                port=amazon_port,
                faults=apply_profile(amazon_faults, profile, "amazon", speed),
                rate_limit_scale=rate_limit_scale,
                order_stream_seconds=order_stream_seconds,
            ).start()
        except BaseException:
            pair.stop()
            raise
    return pair
