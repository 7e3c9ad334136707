"""``N_(context, text)``: marks a sentence the core builds for translation, without Qt.

The core (``models/``, ``services/``) never imports Qt, yet some of its sentences reach the
window: order statuses, listing states, why a listing is incomplete, validation messages. They
stay English in the core (logs, the command line, what goes to the marketplaces) and are marked
here so ``pyside6-lupdate`` collects them (``-tr-function-alias QT_TRANSLATE_NOOP+=N_``, see
``channelmanager_gui/views/i18n_catalog.py``); the window translates them when it shows them,
with ``QCoreApplication.translate(context, text)`` (``views/i18n.py``'s ``core``).

A sentence with values (a carrier, a quantity, a marketplace's name) is marked with
``T_(context, "… {name} …").format(name=value)``: it gives a :class:`Text`, the English sentence
as a ``str`` that also carries its template and values, so the window translates the template
and fills the values in the language shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

# The contexts the core marks its sentences with; the window translates in the same ones.
ORDER_STATUS = "OrderStatus"
LISTING_STATE = "ListingState"
CORE_TEXT = "CoreText"


def N_(context: str, text: str) -> str:
    """Returns ``text`` unchanged: the mark is for ``pyside6-lupdate``, not for Python."""
    return text


class Text(str):
    """A sentence with values, English as a ``str`` and translatable by the window.

    It *is* the English sentence (``str``), so logs, the command line, JSON output and every
    comparison see exactly what an f-string gave before; the window renders ``template`` in the
    chosen language and fills in ``values`` (``views/i18n.py``'s ``core``). A value that is
    itself a ``Text`` is translated too. Made by :func:`T_`'s ``.format``, or by :func:`marked`
    for an ``N_`` sentence that is a value of another.
    """

    context: str
    template: str
    values: dict[str, object]

    def __new__(cls, context: str, template: str, values: dict[str, object]) -> Text:
        made = super().__new__(cls, template.format(**values) if values else template)
        made.context, made.template, made.values = context, template, dict(values)
        return made

    def __reduce__(self) -> tuple[type[Text], tuple[str, str, dict[str, object]]]:
        """Copied and pickled whole (``str``'s own way would pass the English alone)."""
        return Text, (self.context, self.template, self.values)


@dataclass(frozen=True)
class Template:
    """A marked sentence with ``{name}`` placeholders, waiting for its values."""

    context: str
    template: str

    def format(self, **values: object) -> Text:
        return Text(self.context, self.template, values)

    def parse(self, sentence: str) -> dict[str, str] | None:
        """The values that make ``sentence`` out of this template, or None when it does not fit
        (a sentence stored as English text, read back to translate it)."""
        found = _pattern(self.template).fullmatch(sentence)
        return found.groupdict() if found else None


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """``template`` as a pattern: its text as it is, each ``{name}`` a group (a table of
    listings reads every shown row's reason back, so each template is compiled once)."""
    parts = re.split(r"\{(\w+)\}", template)
    return re.compile(
        "".join(
            f"(?P<{part}>.+)" if index % 2 else re.escape(part) for index, part in enumerate(parts)
        ),
        re.DOTALL,
    )


def T_(context: str, template: str) -> Template:
    """Marks a sentence with ``{name}`` placeholders; ``.format(name=…)`` gives a :class:`Text`.

    ``pyside6-lupdate`` collects it like ``N_`` (an alias of ``QT_TRANSLATE_NOOP``, which only
    matches a call with exactly the context and the text: the values go to ``.format``).
    """
    return Template(context, template)


def marked(context: str, text: str) -> Text:
    """An ``N_``-marked sentence (no placeholders) as a :class:`Text`, so that, as a value of
    another sentence (a field's name in "{label} is required."), it is translated too."""
    return Text(context, text, {})


def recognise(sentence: str, templates: Iterable[Template]) -> Text | str:
    """A sentence stored as English (a listing's reason in the database) as the :class:`Text`
    of the first template it fits, each value recognised in turn; else the sentence as it is
    (a value from outside: Amazon's own message, a number). Put specific templates first."""
    known = tuple(templates)
    for template in known:
        values = template.parse(sentence)
        if values is not None:
            return template.format(**{k: recognise(v, known) for k, v in values.items()})
    return sentence
