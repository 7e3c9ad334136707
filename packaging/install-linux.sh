#!/usr/bin/env bash
# Install the built bundle for this user (no root): the app menu entry and its icons.
#   packaging/install-linux.sh [BUNDLE_DIR]      (default dist/channelmanager)
#   packaging/install-linux.sh --uninstall
# The bundle goes to $XDG_DATA_HOME/channelmanager (~/.local/share/channelmanager), the
# launcher to ~/.local/bin/channelmanager, the .desktop file and hicolor icons under
# $XDG_DATA_HOME, where desktops look for them. The merchant's data folder is not touched.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${XDG_DATA_HOME:-$HOME/.local/share}"
app="$data/channelmanager"
bin="$HOME/.local/bin/channelmanager"
desktop="$data/applications/channelmanager.desktop"
sizes="16 24 32 48 64 128 256 512"

refresh() {
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
}

if [ "${1:-}" = --uninstall ]; then
  rm -rf "$app" "$bin" "$desktop"
  for n in $sizes; do rm -f "$data/icons/hicolor/${n}x${n}/apps/channelmanager.png"; done
  refresh
  echo "Channel Manager removed (your data folder is kept)."
  exit 0
fi

bundle="${1:-dist/channelmanager}"
[ -x "$bundle/channelmanager" ] || { echo "no bundle at $bundle: run packaging/build.sh" >&2; exit 1; }
rm -rf "$app"
mkdir -p "$app" "$(dirname "$bin")" "$(dirname "$desktop")" "$data/icons"
cp -a "$bundle/." "$app/"
ln -sfn "$app/channelmanager" "$bin"
cp -r "$bundle/share/icons/hicolor" "$data/icons/"
# The menu entry runs the installed executable by its full path (~/.local/bin may not be on
# the desktop session's PATH).
sed "s|^Exec=.*|Exec=\"$app/channelmanager\"|" packaging/linux/channelmanager.desktop >"$desktop"
refresh
echo "Channel Manager installed: $app (menu entry $desktop)"
