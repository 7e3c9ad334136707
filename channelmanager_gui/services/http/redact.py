"""Keep secrets out of logs, error details and anything else shown or stored.

Used by the HTTP base for its per-request log line and error details, and by the app's logging
setup through ``RedactingFilter``. Patterns cover the header and body forms secrets take in the
Walmart and Commerce APIs (Authorization, WM_SEC.ACCESS_TOKEN, access_token/client_secret in JSON
or form bodies, bare JWTs). Secrets that have no recognisable shape (a client secret typed by
the merchant) are registered with ``register_secret`` when loaded, so a filter installed once at
start-up still masks them; the registry is process-wide on purpose for that reason.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable, Mapping

MASK = "***"

_SECRET_KEYS = (
    r"authorization|proxy-authorization|wm_sec\.access_token|access_token|refresh_token|id_token"
    r"|client_secret|clientsecret|password|passwd|api[_-]?key|secret|token"
)
# key, separator (JSON/header/form/repr), optional auth scheme, then the value.
_KEY_VALUE = re.compile(
    rf"""(?ix)
    (?<![\w.-])(["']?(?:{_SECRET_KEYS})["']?)
    (\s*[:=]\s*["']?|["']?\s*,\s*["'])
    ((?:bearer|basic)\s+)?
    ([^\s"'&,;}}\]\)]+)
    """
)
_SCHEME = re.compile(r"(?i)\b(bearer|basic)\s+([A-Za-z0-9._~+/=-]{8,})")
# JWT/JWE-looking tokens ("eyJ" is base64 of '{"'): two or more dot-separated parts.
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]{5,}(?:\.[A-Za-z0-9_-]+)+")
SENSITIVE_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "wm_sec.access_token", "cookie", "set-cookie"}
)

_registry_lock = threading.Lock()
_registered: set[str] = set()


def register_secret(value: str) -> None:
    """Mask this exact value wherever it appears from now on (values under 6 chars are ignored,
    they would mask ordinary words)."""
    if value and len(value) >= 6:
        with _registry_lock:
            _registered.add(value)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """Return ``text`` with token-like values, secret fields and known secrets masked."""
    if not text:
        return text
    with _registry_lock:
        known = sorted({*_registered, *(s for s in secrets if s)}, key=len, reverse=True)
    for secret in known:
        text = text.replace(secret, MASK)
    text = _KEY_VALUE.sub(_mask_value, text)
    text = _SCHEME.sub(lambda m: f"{m.group(1)} {MASK}", text)
    return _JWT.sub(MASK, text)


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """Headers with sensitive values masked, for error details and debugging."""
    return {k: (MASK if k.lower() in SENSITIVE_HEADERS else redact(v)) for k, v in headers.items()}


def _mask_value(match: re.Match[str]) -> str:
    key, sep, scheme, value = match.groups()
    if value == MASK:
        return match.group(0)
    return f"{key}{sep}{scheme or ''}{MASK}"


class RedactingFilter(logging.Filter):
    """Masks secrets in a record's final message and traceback text before any handler sees it.

    Attach it to handlers (a logger filter does not apply to records of child loggers).
    """

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        record.msg = redact(message, self._secrets)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self._secrets)
        return True
