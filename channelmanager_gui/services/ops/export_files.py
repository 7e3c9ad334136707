"""Export orders or listings to a CSV file the merchant chose (the window's File → Export).

The rows and columns are those of ``channelmanager-gui orders export`` / ``listings export``
(``ops.export_orders``, ``ops.export_listings``), written through the
spreadsheet-safe CSV writer (``services/csv_export.py``), so a file made from the window and
one made from the command line are the same. The file is written next to its final name and
moved into place, so a failed export never leaves half a file where the old one was.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Literal

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database
from channelmanager_gui.services.ops.listing_writes import export_listings
from channelmanager_gui.services.ops.order_reads import export_orders

Kind = Literal["orders", "listings"]
KINDS: tuple[Kind, ...] = ("orders", "listings")


def default_name(kind: Kind, today: date) -> str:
    return f"channelmanager-{kind}-{today:%Y-%m-%d}.csv"


def export_csv(db: Database, kind: Kind, path: Path, store_id: int | None = None) -> int:
    """Write ``kind`` as CSV at ``path``; returns how many rows."""
    if kind not in KINDS:
        raise ValidationError("export", f"cannot export {kind!r}")
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        # newline="": the csv module writes its own CRLF row ends (RFC 4180).
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            if kind == "orders":
                count = export_orders(db, "csv", out, store_id=store_id)
            else:
                count = export_listings(db, "csv", out, store_id)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return count
