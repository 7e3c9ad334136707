"""Rotating log file in the data dir, with secrets redacted before anything is written."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from channelmanager_gui.paths import log_path

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# Values that must never reach a log line, whatever module logged them: Authorization and
# Walmart access-token headers, bearer tokens, client secrets, OAuth form fields.
_PATTERNS = [
    re.compile(r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?(?:bearer|basic)\s+)[^\s'\",}]+"),
    re.compile(r"(?i)(wm_sec\.access_token['\"]?\s*[:=]\s*['\"]?)[^\s'\",}]+"),
    re.compile(
        r"(?i)((?:access_token|client_secret|token|password|secret)['\"]?\s*[:=]\s*['\"]?)[^\s'\",}&]+"
    ),
    re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._\-+/=]{8,}"),
]


def redact(text: str) -> str:
    """Replace secret values in ``text`` by ``***``."""
    for pattern in _PATTERNS:
        text = pattern.sub(r"\1***", text)
    return text


class RedactingFilter(logging.Filter):
    """Renders each record and redacts it, so secrets in args are caught too."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        return True


def setup_logging(
    level: int = logging.INFO, path: Path | None = None, *, stderr: bool = True
) -> Path:
    """Log to a rotating file (5 x 2 MB), and warnings to stderr unless the caller prints its
    own messages there (the command line); returns the file path."""
    target = path or log_path()
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_channelmanager", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = logging.handlers.RotatingFileHandler(
        target, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handlers: list[logging.Handler] = [file_handler]
    if stderr:
        stderr_handler = logging.StreamHandler()
        stderr_handler.setLevel(logging.WARNING)
        handlers.append(stderr_handler)
    for handler in handlers:
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler.addFilter(RedactingFilter())
        handler._channelmanager = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    return target
