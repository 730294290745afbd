#!/usr/bin/env bash
# Starts the real app on a virtual desktop WITH a window manager (Xvfb + openbox, as a real desktop has) on the
# bundled demo clip and saves screenshots to docs/screenshots/:
# main.png (1920×1080 screen), main-1024.png (1024×700 screen), attention.png (attention lab), models.png (model
# manager), main-zh.png (简体中文 UI), lab-maps.png, lab-architecture.png and lab-heads.png (the fusion lab). The lab shows MiniLM's real attention for a typed sentence (ANALYZE), the
# captions pane a typed sentence's Apertium translation (TRANSLATE; needs apertium-eng-spa).
# Needs: xvfb (xvfb-run), openbox (WM=none runs without a window manager), a JDK 17+. Builds first if the launcher
# or the test classes (the screenshot hooks live in test scope) are missing, or with --build.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-docs/screenshots}
WM=${WM:-openbox}
LAUNCHER=app/target/attend/bin/attend
if [ ! -x "$LAUNCHER" ] || [ ! -f app/target/test-classes/dev/attend/app/ScreenshotMain.class ] \
    || [ "${1:-}" = "--build" ]; then
  ./mvnw -q -B -ntp -DskipTests package
fi
command -v xvfb-run >/dev/null || { echo "screenshots: xvfb-run not found; install the xvfb package" >&2; exit 2; }
if [ "$WM" != none ] && ! command -v "$WM" >/dev/null; then
  echo "screenshots: $WM not found; install it (Debian package openbox) or run with WM=none" >&2; exit 2
fi
mkdir -p "$OUT"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

shoot() { # $1 = UI language tag, $2 = directory for the PNGs, $3 = screen size WxH
  mkdir -p "$tmp/$1-$3/config" "$2"
  printf '{"uiLanguage":"%s","source":"demo","theme":"%s"}\n' "$1" "${THEME:-light}" > "$tmp/$1-$3/config/settings.json"
  # java as bin/attend runs it, called directly so the sentences can hold spaces; the window manager starts
  # first on the same display
  ATTEND_CONFIG_DIR="$tmp/$1-$3/config" ATTEND_DATA_DIR="$tmp/$1-$3/data" WM="$WM" \
  timeout 150 xvfb-run -a -s "-screen 0 ${3}x24" sh -c \
    'if [ "$WM" != none ]; then "$WM" --sm-disable >/dev/null 2>&1 & sleep 1; fi; exec "$@"' sh \
    "${JAVA_HOME:+$JAVA_HOME/bin/}java" \
    -Dai.djl.offline=true -Dattend.home="$PWD/app/target/attend" \
    -Dattend.demo.autostart=true -Dattend.screenshot.dir="$2" -Dattend.screenshot.delay="${DELAY:-8}" \
    -Dattend.screenshot.analyze="${ANALYZE:-the cat sat on the mat because it was warm}" \
    -Dattend.screenshot.translate="${TRANSLATE:-the cat sat on the mat because it was warm}" \
    -Dattend.screenshot.layer="${LAYER:-5}" -Dattend.screenshot.head="${HEAD:-11}" -Dattend.screenshot.row="${ROW:-8}" \
    -Dattend.screenshot.lab=true \
    -cp "app/target/attend/lib/*:app/target/test-classes" dev.attend.app.ScreenshotMain
}

shoot en "$OUT" 1920x1080
shoot en "$tmp/small" 1024x700
cp "$tmp/small/main.png" "$OUT/main-1024.png"
shoot zh-CN "$tmp/zh" 1920x1080
cp "$tmp/zh/main.png" "$OUT/main-zh.png"
cp "$tmp/small/lab-maps.png" "$OUT/lab-maps-1024.png" 2>/dev/null || true
ls -l "$OUT"
