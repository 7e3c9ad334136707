"""Collect the window's texts into the ``.ts`` catalogs with ``pyside6-lupdate``, and compile
them for the bundle.

Run by ``packaging/update-translations.sh`` after a text changed, and by the tests, which
collect into a copy and fail when a text is not translated (``tests/views/test_translations.py``).
``compile DIR`` writes every catalog's ``.qm`` into DIR (``packaging/build.sh``: the bundle
carries the compiled catalogs, not the ``.ts`` sources).
Locations are left out of the catalogs: line numbers would change with every edit of a view
and make every merge conflict in the ``.ts`` files.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import PySide6

from channelmanager_gui.views.i18n import (
    CATALOG,
    CATALOG_DIR,
    CATALOG_LANGUAGES,
    compile_catalog,
)

PACKAGE_DIR = CATALOG_DIR.parent.parent
# The folders that hold marked texts; the sandboxes' and the harness's are not the merchant's.
SOURCES = ("views", "models", "services", "app.py", "text_marks.py", "identifier_problems.py")


def lupdate_command(catalog: Path, code: str) -> list[str]:
    suffix = ".exe" if sys.platform == "win32" else ""
    lupdate = Path(PySide6.__file__).resolve().parent / f"lupdate{suffix}"
    command = [str(lupdate), "-silent", "-locations", "none", "-no-obsolete", "-extensions", "py"]
    command += [
        "-tr-function-alias",
        "QT_TRANSLATE_NOOP+=N_,QT_TRANSLATE_NOOP+=T_",
        "-target-language",
        code,
    ]
    if code == "en":
        command.append("-pluralonly")
    return [*command, *(str(PACKAGE_DIR / name) for name in SOURCES), "-ts", str(catalog)]


def update(catalog: Path, code: str) -> None:
    subprocess.run(lupdate_command(catalog, code), check=True, timeout=300)


def compile_all(target: Path) -> bool:
    target.mkdir(parents=True, exist_ok=True)
    names = (f"{CATALOG}_{code}" for code in CATALOG_LANGUAGES)
    return all(compile_catalog(CATALOG_DIR / f"{n}.ts", target / f"{n}.qm") for n in names)


def main(argv: list[str]) -> int:
    if argv[:1] == ["compile"] and len(argv) == 2:
        if not compile_all(Path(argv[1])):
            print("lrelease failed (see the log above)", file=sys.stderr)
            return 1
        print(f"compiled {len(CATALOG_LANGUAGES)} catalogs into {argv[1]}")
        return 0
    for code in CATALOG_LANGUAGES:
        update(CATALOG_DIR / f"{CATALOG}_{code}.ts", code)
        print(f"updated {CATALOG}_{code}.ts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
