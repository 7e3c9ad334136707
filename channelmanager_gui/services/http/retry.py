"""When a failed request may be sent again, and how long to wait first.

A request is retried (with jittered exponential back-off) after a 429, a 5xx, a timeout or a
dropped connection ONLY when it is declared safe to repeat (``repeatable=True``): repeating it
cannot change the outcome. By default that is decided by HTTP method semantics (GET, HEAD, PUT,
DELETE repeatable; POST not); API clients override it per call:

Repeatable:
- every GET; PUT of absolute values (Walmart inventory and price, Commerce product fields);
  DELETE (retire an item: retiring twice leaves it retired);
- ``POST /v3/token``: it only mints a token;
- Walmart ``POST /v3/orders/{po}/acknowledge``: re-acknowledging is allowed (reference §4) and
  acknowledges the whole PO, so a second one changes nothing.

Not repeatable (sent once; on a lost answer the caller gets ``UnavailableError(maybe_sent=True)``
and the sync engine's outbox checks the remote state before it sends again):
- ship and cancel: they move quantities; a repeat after a lost answer either errors ("is in
  SHIPPED status", sometimes as a 500) or, for multi-quantity lines, acts on a second unit;
- refunds (order and return): money must never move twice;
- feed submissions: each POST creates a new feed and spends the hourly feed quota.

A non-repeatable request is still retried when the connection was never made (connect error,
connect/pool timeout, a proxy that refused the tunnel): nothing reached the server. A 429 on
one is not retried here (reference §11: don't blindly retry non-idempotent POSTs); the endpoint
key stays paused, so the outbox's next attempt waits for the server's hint.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import httpx

REPEATABLE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
# Failures that happen before any byte of the request could reach the server, as httpx's
# transport (httpcore 1.0) raises them: ConnectError/ConnectTimeout while opening the TCP
# connection, the proxy tunnel or the TLS handshake; PoolTimeout while waiting for a free
# connection; ProxyError when the proxy refuses the tunnel (its CONNECT answered non-2xx).
# Everything else may follow a written request: httpcore swallows a WriteError and reads on,
# so a drop surfaces as RemoteProtocolError/ReadError, and a pooled keep-alive connection the
# server closed is retried by httpcore only before anything is written (its
# ConnectionNotAvailable), otherwise it is a drop like any other.
NOT_SENT_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.ProxyError,
)


@dataclass(frozen=True)
class RetryPolicy:
    """Retry budget and back-off; tests pass tiny delays.

    ``attempts`` counts every try (1 = no retry). ``max_wait``: a server hint longer than this is
    not slept through; the caller gets ``RateLimitError(retry_after=...)`` at once instead.
    """

    attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 20.0
    max_wait: float = 90.0

    def delay(self, retry_number: int, rng: random.Random | None = None) -> float:
        """Back-off before retry ``retry_number`` (0-based): "equal jitter" exponential."""
        ceiling = min(self.max_delay, self.base_delay * (2**retry_number))
        return ceiling / 2 + (rng or random).uniform(0, ceiling / 2)


def is_repeatable(method: str, declared: bool | None) -> bool:
    """The caller's declaration, or HTTP method semantics when it made none."""
    return declared if declared is not None else method.upper() in REPEATABLE_METHODS


def maybe_sent(exc: httpx.TransportError) -> bool:
    """False only when the request certainly never reached the server."""
    return not isinstance(exc, NOT_SENT_ERRORS)
