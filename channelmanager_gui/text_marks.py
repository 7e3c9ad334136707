"""``N_(context, text)``: marks a sentence the core builds for translation, without Qt.

The core (``models/``, ``services/``) never imports Qt, yet some of its sentences reach the
window: order statuses, listing states, why a listing is incomplete, validation messages. They
stay English in the core (logs, the command line, what goes to the marketplaces) and are marked
here so ``pyside6-lupdate`` collects them (``-tr-function-alias QT_TRANSLATE_NOOP+=N_``, see
``channelmanager_gui/views/i18n_catalog.py``); the window translates them when it shows them,
with ``QCoreApplication.translate(context, text)`` (``views/i18n.py``'s ``core_text``).
"""

from __future__ import annotations

# The contexts the core marks its sentences with; the window translates in the same ones.
ORDER_STATUS = "OrderStatus"
LISTING_STATE = "ListingState"
CORE_TEXT = "CoreText"


def N_(context: str, text: str) -> str:
    """Returns ``text`` unchanged: the mark is for ``pyside6-lupdate``, not for Python."""
    return text
