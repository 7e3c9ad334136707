#!/usr/bin/env bash
# Collect the window's texts into the .ts catalogs (after adding or changing a text):
#   PYTHON=.venv/bin/python packaging/update-translations.sh
# Then translate the new entries (pyside6-linguist, or by hand: remove type="unfinished");
# tests/views/test_translations.py fails while an entry is unfinished. The English catalog holds
# plural forms only. N_ and T_ are the core's Qt-free marks (channelmanager_gui/text_marks.py).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
exec "$PYTHON" -m channelmanager_gui.views.i18n_catalog "$@"
