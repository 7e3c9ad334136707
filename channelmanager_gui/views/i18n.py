"""The window's language: our translations and Qt's own, and the locale for dates and money.

Which catalog: the merchant's choice in Settings (``services/language_prefs.py``), or for
"Follow the system" the system's locale (any Chinese → Simplified Chinese, Korean → Korean,
anything else → English). Switching applies after a restart: a live switch would need every
widget to rebuild its texts on ``LanguageChange``, and the window builds most of them once.

The ``.ts`` files are kept in the repo (``resources/i18n/``) and compiled with PySide6's
``lrelease``. The bundle (``packaging/build.sh``) compiles them at build time into
``resources/i18n/*.qm``. A run from a clone compiles a missing or outdated ``.qm`` at start,
into the cache folder, rather than at ``pip install``: an editable install runs no build step,
so a translation edited in a clone would otherwise be shown stale until someone remembers to
rebuild; compiling takes ~50 ms and only when a ``.ts`` changed.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs
import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from channelmanager_gui.paths import APP_NAME, HOME_ENV, data_dir, private_dir
from channelmanager_gui.services.language_prefs import Language
from channelmanager_gui.text_marks import Text

CATALOG_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
CATALOG = "channelmanager"
# The English catalog holds plural forms only ("%n order" / "%n orders"): lupdate -pluralonly.
CATALOG_LANGUAGES = ("en", "zh_CN", "ko_KR")
# Qt's own catalogs for its standard dialogs and buttons (OK, Cancel, the file dialog).
_QT_CATALOGS = {"zh_CN": "qtbase_zh_CN", "ko_KR": "qtbase_ko"}
# The context of the labels the views keep in module-level tables, marked N_(LABELS, "…").
LABELS = "Labels"
log = logging.getLogger(__name__)


def ui(text: str, count: int = -1) -> str:
    """A label from a views table (marked ``N_("Labels", …)``), translated now; ``%n`` is
    replaced by ``count`` when given."""
    return QCoreApplication.translate(LABELS, text, None, count)


def order_status(status: str) -> str:
    """An order's status (``OrderStatus``' value, marked in the model) in the language shown."""
    return QCoreApplication.translate("OrderStatus", status)


def listing_state(state: str) -> str:
    """A listing's state (``ListingState``' value, marked in the model), translated."""
    return QCoreApplication.translate("ListingState", state)


def core(context: str, text: str) -> str:
    """A sentence the core marked with ``N_(context, …)`` (``text_marks.py``), translated.

    A :class:`Text` (marked ``T_``) is translated in its own context and its values filled in,
    each value that is itself a ``Text`` translated too; ``context`` is for plain sentences.
    """
    if isinstance(text, Text) and text.values:
        values = {
            k: core(v.context, v) if isinstance(v, Text) else v for k, v in text.values.items()
        }
        return QCoreApplication.translate(text.context, text.template).format(**values)
    if isinstance(text, Text):  # no values: its braces, if any, are its own
        return QCoreApplication.translate(text.context, text.template)
    return QCoreApplication.translate(context, text)


@dataclass
class Installed:
    """The translators in use (Qt keeps no reference to them: we must) and the locale."""

    language: Language
    locale: QLocale
    translators: list[QTranslator] = field(default_factory=list)

    def remove(self) -> None:
        for translator in self.translators:
            QCoreApplication.removeTranslator(translator)
        self.translators.clear()


def resolve(language: Language, system: QLocale | None = None) -> Language:
    """The language to show: ``language`` itself, or for SYSTEM the system's (or English)."""
    if language is not Language.SYSTEM:
        return language
    spoken = (system or QLocale.system()).language()
    if spoken == QLocale.Language.Chinese:
        return Language.CHINESE_SIMPLIFIED
    if spoken == QLocale.Language.Korean:
        return Language.KOREAN
    return Language.ENGLISH


def locale_for(language: Language, system: QLocale | None = None) -> QLocale:
    """Dates and money: the system's own locale when following it, else the language's."""
    if language is Language.SYSTEM:
        return system or QLocale.system()
    return QLocale("en_US" if language is Language.ENGLISH else language.value)


def install(language: Language, system: QLocale | None = None) -> Installed:
    """Install the catalogs for ``language`` and make its locale the default; returns them."""
    shown = resolve(language, system)
    installed = Installed(language=shown, locale=locale_for(language, system))
    QLocale.setDefault(installed.locale)
    ours = catalog_file(shown.value)
    qt_name = _QT_CATALOGS.get(shown.value)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for path in (ours, Path(qt_dir) / f"{qt_name}.qm" if qt_name else None):
        if path is None:
            continue
        translator = QTranslator()
        if translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            installed.translators.append(translator)
        else:
            log.warning("translation %s could not be loaded: texts stay in English", path)
    log.info("language: %s (locale %s)", shown.value, installed.locale.name())
    return installed


def catalog_file(code: str) -> Path | None:
    """The compiled catalog for ``code``: the bundle's, or one compiled now into the cache."""
    source = CATALOG_DIR / f"{CATALOG}_{code}.ts"
    bundled = source.with_suffix(".qm")
    if bundled.is_file() and (not source.is_file() or _newer(bundled, source)):
        return bundled
    if not source.is_file():
        return None
    cached = cache_dir() / bundled.name
    if cached.is_file() and _newer(cached, source):
        return cached
    return cached if compile_catalog(source, cached) else None


def compile_catalog(source: Path, target: Path) -> bool:
    """``lrelease source -qm target``; False (logged) when lrelease is missing or fails."""
    command = [str(_lrelease()), "-silent", str(source), "-qm", str(target)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    except OSError as exc:
        log.warning("cannot compile %s (%s): texts stay in English", source.name, exc)
        return False
    if done.returncode != 0:
        log.warning("lrelease failed on %s: %s", source.name, done.stderr.strip())
        return False
    return True


def cache_dir() -> Path:
    """Compiled catalogs of a clone's run; inside CHANNELMANAGER_HOME when that is set."""
    if os.environ.get(HOME_ENV):
        return private_dir(data_dir() / "cache" / "i18n")
    return private_dir(Path(platformdirs.user_cache_dir(APP_NAME)) / "i18n")


def _lrelease() -> Path:
    suffix = ".exe" if sys.platform == "win32" else ""
    return Path(PySide6.__file__).resolve().parent / f"lrelease{suffix}"


def _newer(compiled: Path, source: Path) -> bool:
    return compiled.stat().st_mtime >= source.stat().st_mtime
