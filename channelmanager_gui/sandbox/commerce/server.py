"""``CommerceSandbox``: a seeded Commerce store served on loopback in its own thread."""

from __future__ import annotations

import hashlib
from types import TracebackType

from channelmanager_gui.sandbox.commerce.app import build_app
from channelmanager_gui.sandbox.commerce.catalog import grow_catalog
from channelmanager_gui.sandbox.commerce.state import CommerceState
from channelmanager_gui.sandbox.faults import FaultConfig
from channelmanager_gui.sandbox.runner import ServerThread


def demo_token(seed: int) -> str:
    """The integration access token: fixed per seed, 32 characters like Magento's."""
    return hashlib.sha256(f"commerce-integration-token:{seed}".encode()).hexdigest()[:32]


class CommerceSandbox:
    """Adobe Commerce (``flavour="commerce"``) or Magento Open Source (``"opensource"``, no RMA).

    ``url`` is the base that ``/rest/V1/...`` hangs from; ``state`` gives tests in-process,
    thread-safe access (hold ``state.lock`` while reading several rows).
    """

    def __init__(
        self,
        seed: int = 1,
        products: int = 300,
        port: int = 0,
        faults: FaultConfig | None = None,
        flavour: str = "commerce",
    ) -> None:
        self.seed = seed
        self.flavour = flavour
        self.faults = faults or FaultConfig()
        self.state = CommerceState(seed=seed, flavour=flavour)
        grow_catalog(self.state, products)
        self.token = demo_token(seed)
        self.app = build_app(self.state, self.token, self.faults)
        self._server = ServerThread(self.app, port=port)

    @property
    def url(self) -> str:
        return self._server.url

    @property
    def port(self) -> int:
        return self._server.port

    def start(self) -> CommerceSandbox:
        self._server.start()
        return self

    def stop(self) -> None:
        self._server.stop()

    def __enter__(self) -> CommerceSandbox:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
