"""Walmart access tokens: fetched once, shared, renewed before they expire.

A token lives 900 s (reference §2); we renew when less than 120 s remain (or a quarter of the
lifetime, for short-lived sandbox tokens) so a long sync never sends an expired one. Concurrent
callers share one renewal through a lock, and a token Walmart rejects is replaced at most once
per rejection: callers that saw the same rejected token wait for the same new one.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from channelmanager_gui.services.http import Clock


@dataclass(frozen=True)
class Token:
    value: str
    expires_in: float


TokenFetcher = Callable[[], Awaitable[Token]]


class TokenManager:
    """Caches the current token; ``get`` for normal calls, ``refresh`` after a rejection."""

    def __init__(self, fetch: TokenFetcher, clock: Clock, *, renew_margin: float = 120.0) -> None:
        self._fetch = fetch
        self._clock = clock
        self._renew_margin = renew_margin
        self._token: str | None = None
        self._renew_at = 0.0
        self._lock = asyncio.Lock()
        self.fetch_count = 0

    async def get(self) -> str:
        """A token with time to spare, fetching a new one only when needed."""
        if self._fresh():
            return self._token  # type: ignore[return-value]
        async with self._lock:
            if not self._fresh():
                await self._renew()
            return self._token  # type: ignore[return-value]

    async def refresh(self, rejected: str) -> str:
        """Replace ``rejected`` unless another caller already did; return the current token."""
        async with self._lock:
            if self._token is None or self._token == rejected or not self._fresh():
                await self._renew()
            return self._token  # type: ignore[return-value]

    def forget(self) -> None:
        """Drop the cached token (credentials changed)."""
        self._token = None
        self._renew_at = 0.0

    def _fresh(self) -> bool:
        return self._token is not None and self._clock.now() < self._renew_at

    async def _renew(self) -> None:
        token = await self._fetch()
        self.fetch_count += 1
        lifetime = max(0.0, token.expires_in)
        now = self._clock.now()
        self._token = token.value
        self._renew_at = now + max(lifetime - self._renew_margin, lifetime * 0.75)
