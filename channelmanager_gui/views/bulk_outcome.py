"""What a bulk listing action did (``ops.ActionOutcome``), in one translated line.

The core's ``ActionOutcome.text`` builds the English line for the command line; the window
says the same in the language shown, with the count in a plural-aware sentence of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from channelmanager_gui.services import ops

# The done sentence for a count: a view's self.tr("%n listing(s) …", "", n), plural-aware.
Done = Callable[[int], str]


def outcome_text(outcome: ops.ActionOutcome, done: Done) -> str:
    """``done(n)``: the translated "%n listing(s) …" sentence for ``n`` listings."""
    line = done(outcome.done)
    if not outcome.skipped:
        return line
    sku, reason = outcome.skipped[0]
    more = len(outcome.skipped) - 1
    if more:
        skipped = QCoreApplication.translate(
            "BulkOutcome", "{count} skipped ({sku}: {reason} and {more} more)."
        ).format(count=len(outcome.skipped), sku=sku, reason=reason, more=more)
    else:
        skipped = QCoreApplication.translate(
            "BulkOutcome", "{count} skipped ({sku}: {reason})."
        ).format(count=len(outcome.skipped), sku=sku, reason=reason)
    return f"{line} {skipped}"
