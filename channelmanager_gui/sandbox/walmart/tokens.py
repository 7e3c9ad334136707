"""OAuth client-credentials tokens (reference §2): issue, check, expire, describe.

Tokens are random and opaque to clients; they look like Walmart's (``eyJraWQiOi...``) so log
redaction rules written for real tokens also catch these.
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass

SCOPES = (
    "reports",
    "item",
    "shipping",
    "price",
    "lagtime",
    "feeds",
    "returns",
    "orders",
    "rules",
    "inventory",
    "content",
)


@dataclass
class Token:
    issued: float  # wall-clock seconds
    expires: float


class TokenStore:
    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self.tokens: dict[str, Token] = {}

    def issue(self, now: float) -> tuple[str, int]:
        if len(self.tokens) > 1000:
            self.tokens = {k: t for k, t in self.tokens.items() if t.expires > now}
        raw = base64.urlsafe_b64encode(secrets.token_bytes(48)).decode().rstrip("=")
        token = "eyJraWQiOiJzYW5kYm94IiwiYWxnIjoiSFMyNTYifQ." + raw
        self.tokens[token] = Token(now, now + self.ttl)
        return token, max(1, round(self.ttl))

    def valid(self, token: str | None, now: float) -> Token | None:
        found = self.tokens.get(token or "")
        return found if found is not None and found.expires > now else None

    def expire_all(self, now: float) -> int:
        for t in self.tokens.values():
            t.expires = min(t.expires, now)
        return len(self.tokens)

    @staticmethod
    def detail(token: Token) -> dict[str, object]:
        """GET /v3/token/detail. The spec types the timestamps as strings of epoch ms (?)."""
        return {
            "scopes": {name: "full_access" for name in SCOPES},
            "expire_at": str(int(token.expires * 1000)),
            "issued_at": str(int(token.issued * 1000)),
            "is_valid": True,
            "is_channel_match": True,
        }
