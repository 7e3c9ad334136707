"""Collect the window's texts into the ``.ts`` catalogs with ``pyside6-lupdate``.

Run by ``packaging/update-translations.sh`` after a text changed, and by the tests, which
collect into a copy and fail when a text is not translated (``tests/views/test_translations.py``).
Locations are left out of the catalogs: line numbers would change with every edit of a view
and make every merge conflict in the ``.ts`` files.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import PySide6

from channelmanager_gui.views.i18n import CATALOG, CATALOG_DIR, CATALOG_LANGUAGES

PACKAGE_DIR = CATALOG_DIR.parent.parent
# The folders that hold marked texts; the sandboxes' and the harness's are not the merchant's.
SOURCES = ("views", "models", "services", "app.py", "text_marks.py")


def lupdate_command(catalog: Path, code: str) -> list[str]:
    suffix = ".exe" if sys.platform == "win32" else ""
    lupdate = Path(PySide6.__file__).resolve().parent / f"lupdate{suffix}"
    command = [str(lupdate), "-silent", "-locations", "none", "-no-obsolete", "-extensions", "py"]
    command += ["-tr-function-alias", "QT_TRANSLATE_NOOP+=N_", "-target-language", code]
    if code == "en":
        command.append("-pluralonly")
    return [*command, *(str(PACKAGE_DIR / name) for name in SOURCES), "-ts", str(catalog)]


def update(catalog: Path, code: str) -> None:
    subprocess.run(lupdate_command(catalog, code), check=True, timeout=300)


def main() -> int:
    for code in CATALOG_LANGUAGES:
        update(CATALOG_DIR / f"{CATALOG}_{code}.ts", code)
        print(f"updated {CATALOG}_{code}.ts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
