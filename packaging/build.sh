#!/usr/bin/env bash
# Build the app bundle (one folder) with PyInstaller: dist/channelmanager/channelmanager.
#   PYTHON=.venv/bin/python packaging/build.sh      (PyInstaller: pip install -e '.[package]')
# Also writes dist/channelmanager/share/ (the .desktop file and hicolor icons) for
# packaging/install-linux.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

"$PYTHON" packaging/make_icons.py build/icons
# The translations, compiled with PySide6's lrelease (the spec puts them in the bundle).
"$PYTHON" -m channelmanager_gui.views.i18n_catalog compile build/i18n
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/channelmanager.spec

if [ "$(uname -s)" = Linux ]; then
  share=dist/channelmanager/share
  mkdir -p "$share/applications" "$share/icons"
  cp packaging/linux/channelmanager.desktop "$share/applications/"
  cp -r build/icons/hicolor "$share/icons/"
fi
echo "built: dist/channelmanager"
