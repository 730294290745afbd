#!/usr/bin/env bash
# Starts the real app under Xvfb on the bundled demo clip and saves screenshots to docs/screenshots/:
# main.png (main window), attention.png (attention lab), models.png (model manager), main-zh.png (简体中文 UI).
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
  ATTEND_CONFIG_DIR="$tmp/$1/config" ATTEND_DATA_DIR="$tmp/$1/data" \
  ATTEND_OPTS="-Dattend.demo.autostart=true -Dattend.screenshot.dir=$2 -Dattend.screenshot.delay=${DELAY:-8}" \
    timeout 120 xvfb-run -a -s "-screen 0 1600x1000x24" "$LAUNCHER"
}

shoot en "$OUT"
shoot zh-CN "$tmp/zh"
cp "$tmp/zh/main.png" "$OUT/main-zh.png"
ls -l "$OUT"
