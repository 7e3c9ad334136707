"""Take the Chinese and Korean screenshots in this folder: ``zh_CN-*.png``, ``ko_KR-*.png``.

The language follows the system's locale (Settings → Language: "Follow the system"), so each
run sets the locale and starts the demo; the pages are those of ``take_dark.py``. A CJK font
must be installed (``fc-list :lang=zh``; Debian: ``fonts-noto-cjk``). From the repository's root,
under Xvfb as on a desktop:

    xvfb-run -a python docs/screenshots/take_languages.py zh_CN
    xvfb-run -a python docs/screenshots/take_languages.py ko_KR
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from take_dark import run_demo, shoot

LANGUAGES = ("zh_CN", "ko_KR")


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in LANGUAGES:
        print(f"usage: take_languages.py {{{','.join(LANGUAGES)}}}", file=sys.stderr)
        return 2
    code = argv[0]
    os.environ["LANG"] = os.environ["LC_ALL"] = f"{code}.UTF-8"  # the system's locale for Qt
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    return run_demo(lambda: shoot(code))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
