"""The catalogs in the repo are complete and safe to show (issue 21, Languages).

A text added to the window without its translation fails here: the sources are collected
again (``lupdate`` into a copy) and every entry of every catalog must be finished, with the
same placeholders (``{name}``, ``%n``, ``%1``) and markup as its source text.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from channelmanager_gui.views.i18n import CATALOG, CATALOG_DIR, CATALOG_LANGUAGES, compile_catalog
from channelmanager_gui.views.i18n_catalog import update

_PLACEHOLDERS = re.compile(r"\{[a-z_]*\}|%n|%\d|</?[a-z]+[^>]*>")
# Qt date patterns are translated into the language's own pattern: their letters differ.
_DATE_PATTERNS = frozenset({"MMM d", "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"})


def _messages(catalog: Path) -> list[tuple[str, str, list[str], bool]]:
    """(context, source, translations, finished) for every entry."""
    found = []
    for context in ET.parse(catalog).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text or "" for form in translation.iter("numerusform")]
            texts = forms or [translation.text or ""]
            finished = translation.get("type") not in ("unfinished", "vanished", "obsolete")
            found.append((name, message.findtext("source") or "", texts, finished))
    return found


@pytest.fixture(scope="module", params=CATALOG_LANGUAGES)
def collected(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repo's catalog for one language, updated from the current sources in a copy."""
    code = request.param
    copy = tmp_path_factory.mktemp(code) / f"{CATALOG}_{code}.ts"
    shutil.copy(CATALOG_DIR / copy.name, copy)
    update(copy, code)
    return copy


def test_every_text_is_translated(collected: Path) -> None:
    unfinished = [
        f"{context}: {source!r}"
        for context, source, texts, finished in _messages(collected)
        if not finished or not all(text.strip() for text in texts)
    ]
    assert not unfinished, "translate these (packaging/update-translations.sh):\n" + "\n".join(
        unfinished
    )


def test_translations_keep_their_placeholders(collected: Path) -> None:
    wrong = []
    for context, source, texts, _finished in _messages(collected):
        if source in _DATE_PATTERNS:
            continue
        expected = sorted(_PLACEHOLDERS.findall(source))
        for text in texts:
            if sorted(_PLACEHOLDERS.findall(text)) != expected:
                wrong.append(f"{context}: {source!r} → {text!r}")
    assert not wrong, "\n".join(wrong)


def test_the_repo_catalogs_are_up_to_date(collected: Path) -> None:
    """What lupdate collects now is what the repo holds (run update-translations.sh)."""
    repo = CATALOG_DIR / collected.name
    assert {(c, s) for c, s, _t, _f in _messages(collected)} == {
        (c, s) for c, s, _t, _f in _messages(repo)
    }


def test_every_catalog_compiles(collected: Path, tmp_path: Path) -> None:
    assert compile_catalog(collected, tmp_path / "out.qm")
    assert (tmp_path / "out.qm").stat().st_size > 0
