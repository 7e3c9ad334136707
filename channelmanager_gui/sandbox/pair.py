"""Start both sandboxes together, as ``channelmanager-gui sandbox`` and demo mode do."""

from __future__ import annotations

from dataclasses import dataclass
from types import TracebackType

from channelmanager_gui.sandbox.commerce import CommerceSandbox
from channelmanager_gui.sandbox.faults import FaultConfig
from channelmanager_gui.sandbox.walmart import WalmartSandbox


@dataclass
class SandboxPair:
    """A running Walmart sandbox and Commerce sandbox sharing one demo catalog."""

    walmart: WalmartSandbox
    commerce: CommerceSandbox

    def env_lines(self) -> list[str]:
        """The ``KEY=VALUE`` lines scripts read to point any client at the sandboxes."""
        return [
            f"WALMART_URL={self.walmart.url}",
            f"WALMART_CLIENT_ID={self.walmart.client_id}",
            f"WALMART_CLIENT_SECRET={self.walmart.client_secret}",
            f"COMMERCE_URL={self.commerce.url}",
            f"COMMERCE_TOKEN={self.commerce.token}",
        ]

    def stop(self) -> None:
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
) -> SandboxPair:
    """Start both servers; each runs in its own thread, off the caller's event loop."""
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
        ).start()
    except BaseException:
        commerce.stop()
        raise
    return SandboxPair(walmart=walmart, commerce=commerce)
