"""Opaque pagination tokens (reference §2.2, §2.5).

Order tokens are base64 strings that always contain ``+``, ``/`` and ``=``: a client that does
not URL-encode them, or mangles them any other way, gets Amazon's "could not decode your
NextToken" 400, like the real service (§1.3, pain point 4 in §6). They are looked up, not
decoded, so a token can only be one this server issued; each lives ``ttl`` seconds of the
sandbox clock (24 h like v2026's tokens by default, §2.5).
"""

from __future__ import annotations

import base64
import binascii
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import bad_next_token

# b"\xfb\xff\xbf" encodes as "+/+/": every token has both characters; 16 bytes end in "==".
_MARK = b"\xfb\xff\xbf"
TOKEN_TTL = 24 * 3600.0


@dataclass(frozen=True)
class Cursor:
    query: dict[str, Any]
    offset: int
    expires: float


class PageTokens:
    def __init__(self, clock: Callable[[], float], ttl: float = TOKEN_TTL) -> None:
        self._clock = clock
        self.ttl = ttl
        self._lock = threading.Lock()
        self._cursors: dict[str, Cursor] = {}

    def issue(self, query: dict[str, Any], offset: int) -> str:
        token = base64.b64encode(_MARK + secrets.token_bytes(13)).decode()
        with self._lock:
            self._cursors[token] = Cursor(query, offset, self._clock() + self.ttl)
        return token

    def resolve(self, token: str) -> Cursor:
        with self._lock:
            cursor = self._cursors.get(token)
        if cursor is None or cursor.expires <= self._clock():
            raise bad_next_token()
        return cursor


def write_offset(offset: int) -> str:
    """A stateless page token for the small searches (catalog, listings)."""
    return base64.b64encode(f"offset:{offset}".encode()).decode()


def read_offset(token: str | None) -> int:
    if token is None:
        return 0
    try:
        text = base64.b64decode(token, validate=True).decode()
        kind, _, number = text.partition(":")
        if kind != "offset":
            raise ValueError(text)
        return int(number)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise bad_next_token() from None
