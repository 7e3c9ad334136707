"""Rotating log file in the data dir, with secrets redacted (services/http/redact.py) before
anything is written, readable by the merchant's user only (it names buyers and orders)."""

from __future__ import annotations

import logging
import logging.handlers
from io import TextIOWrapper
from pathlib import Path

from channelmanager_gui.paths import log_path, private_file
from channelmanager_gui.services.http.redact import RedactingFilter

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
QUIETED_LIBRARIES = ("httpx", "httpcore")


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Each file it opens (the first, and the new one after each rollover) is made 0600
    before a line is written: the default mode follows the umask (644)."""

    def _open(self) -> TextIOWrapper:
        private_file(Path(self.baseFilename))
        return super()._open()


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
    file_handler = PrivateRotatingFileHandler(
        target, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handlers: list[logging.Handler] = [file_handler]
    if stderr:
        stderr_handler = logging.StreamHandler()
        stderr_handler.setLevel(logging.WARNING)
        handlers.append(stderr_handler)
    # httpx logs each request at INFO as well: our ``channelmanager_gui.http`` line (with the
    # correlation id, redacted path and time) is the one record per request (issue 20).
    for name in QUIETED_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)
    for handler in handlers:
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler.addFilter(RedactingFilter())
        handler._channelmanager = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    return target
