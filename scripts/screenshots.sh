#!/usr/bin/env bash
# Starts the real app under Xvfb on the bundled demo clip and saves screenshots to docs/screenshots/:
# main.png (main window), attention.png (attention lab), models.png (model manager), main-zh.png (简体中文 UI).
# The lab shows MiniLM's real attention for a typed sentence (ANALYZE), the captions pane a typed sentence's
# Apertium translation (TRANSLATE; needs apertium-eng-spa).
# Needs: xvfb (xvfb-run), a JDK 17+. Builds the launcher first if it is missing (or with --build).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-docs/screenshots}
LAUNCHER=app/target/attend/bin/attend
if [ ! -x "$LAUNCHER" ] || [ "${1:-}" = "--build" ]; then
  ./mvnw -q -B -ntp -DskipTests package
fi
command -v xvfb-run >/dev/null || { echo "screenshots: xvfb-run not found; install the xvfb package" >&2; exit 2; }
mkdir -p "$OUT"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

shoot() { # $1 = UI language tag, $2 = directory for the PNGs
  mkdir -p "$tmp/$1/config" "$2"
  printf '{"uiLanguage":"%s","source":"demo"}\n' "$1" > "$tmp/$1/config/settings.json"
  # java as bin/attend runs it, called directly so the sentences can hold spaces
  ATTEND_CONFIG_DIR="$tmp/$1/config" ATTEND_DATA_DIR="$tmp/$1/data" \
  timeout 120 xvfb-run -a -s "-screen 0 1600x1000x24" "${JAVA_HOME:+$JAVA_HOME/bin/}java" \
    -Dai.djl.offline=true -Dattend.home="$PWD/app/target/attend" \
    -Dattend.demo.autostart=true -Dattend.screenshot.dir="$2" -Dattend.screenshot.delay="${DELAY:-8}" \
    -Dattend.screenshot.analyze="${ANALYZE:-the cat sat on the mat because it was warm}" \
    -Dattend.screenshot.translate="${TRANSLATE:-the cat sat on the mat because it was warm}" \
    -Dattend.screenshot.layer="${LAYER:-5}" -Dattend.screenshot.head="${HEAD:-11}" -Dattend.screenshot.row="${ROW:-8}" \
    -cp "app/target/attend/lib/*" dev.attend.app.Main
}

shoot en "$OUT"
shoot zh-CN "$tmp/zh"
cp "$tmp/zh/main.png" "$OUT/main-zh.png"
ls -l "$OUT"
