#!/usr/bin/env bash
# Smoke test of the built bundle (packaging/build.sh): runs it with no Python on PATH.
#   packaging/smoke.sh [BUNDLE_DIR]         (default dist/channelmanager)
# 1. --version prints pyproject's version.
# 2. --demo runs offscreen for 15 s (CHANNELMANAGER_QUIT_AFTER) and exits 0, having run the
#    migrations, the sandbox servers and the sync engine child (the bundle's executable again),
#    which reached the sandbox and stopped cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."
BUNDLE="${1:-dist/channelmanager}"
EXE="$BUNDLE/channelmanager"
fail() { echo "smoke test FAILED: $*" >&2; exit 1; }

[ -x "$EXE" ] || fail "no executable at $EXE (run packaging/build.sh)"
for plugin in offscreen xcb; do
  ls "$BUNDLE"/_internal/PySide6/Qt/plugins/platforms/libq"$plugin".so >/dev/null 2>&1 \
    || fail "Qt platform plugin '$plugin' missing from the bundle"
done
ls "$BUNDLE"/_internal/channelmanager_gui/models/migrations/versions/0001_*.py >/dev/null \
  || fail "migrations missing from the bundle"
for code in zh_CN ko_KR; do
  [ -s "$BUNDLE/_internal/channelmanager_gui/resources/i18n/channelmanager_$code.qm" ] \
    || fail "compiled translation $code missing from the bundle"
done

want="$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -1)"
# A clean environment: no venv, no PYTHONPATH; only the bundle.
clean=(env -i PATH=/usr/bin:/bin LANG=C.UTF-8)
got="$("${clean[@]}" "$EXE" --version)"
[ "$got" = "channelmanager-gui $want" ] || fail "--version printed '$got', want '$want'"
echo "ok: --version -> $got"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
start=$(date +%s)
code=0
"${clean[@]}" HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" CHANNELMANAGER_HOME="$tmp/data" \
  QT_QPA_PLATFORM=offscreen CHANNELMANAGER_QUIT_AFTER=15 \
  timeout 90 "$EXE" --demo >"$tmp/out.txt" 2>&1 || code=$?
took=$(( $(date +%s) - start ))
log="$tmp/data/logs/channelmanager.log"
engine="$tmp/data/logs/engine.log"
if [ "$code" != 0 ]; then
  tail -40 "$tmp/out.txt" "$log" >&2 || true
  fail "--demo exited with $code after ${took}s"
fi
grep -q Traceback "$tmp/out.txt" "$log" && fail "a traceback was printed or logged"
grep -q "Running upgrade" "$log" || fail "the migrations did not run"
grep -q "sandbox server listening" "$log" || fail "the sandbox servers did not start"
grep -Eq "sync engine process [0-9]+ started" "$log" || fail "the sync engine child did not start"
grep -Eq "sync engine process [0-9]+ ended \(exit code 0\)" "$log" \
  || fail "the sync engine child did not stop cleanly"
# Answered calls are logged at DEBUG (issue 20: one quiet line per request), so look for an
# outbox action the child completed against the sandboxes (it sent and got an answer).
grep -Eq "action [0-9]+ [a-z_.]+ done" "$engine" \
  || fail "the sync engine child did not reach the sandbox"
echo "ok: --demo ran offscreen and quit cleanly after ${took}s"
