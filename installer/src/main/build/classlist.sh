#!/usr/bin/env bash
# Refreshes the class list of the Linux package's class-data-sharing archive (docs/installers.md): starts the built
# app image's desktop app on a virtual desktop (Xvfb + openbox) with -XX:DumpLoadedClassList, waits for the window
# and the first-start demo's first seconds, and writes the classes it loaded. The package's postinst dumps an archive
# of them for the installed paths (a stale list only costs start-up time: missing classes are skipped).
# usage: classlist.sh [APP_IMAGE] [OUT]   (defaults: installer/target/jpackage/Attend, the committed list)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
image=${1:-$here/../../../target/jpackage/Attend}
out=${2:-$here/../jpackage/linux/attend.classlist}
work=$(mktemp -d); trap 'kill $wp $xp 2>/dev/null; rm -rf "$work"' EXIT
cp -a "$image" "$work/Attend"
echo "java-options=-XX:DumpLoadedClassList=$work/classes.txt" >> "$work/Attend/lib/app/Attend.cfg"
n=$((400 + RANDOM % 100)); while [ -e /tmp/.X11-unix/X$n ]; do n=$((n + 1)); done
export DISPLAY=:$n
Xvfb "$DISPLAY" -screen 0 1440x900x24 >/dev/null 2>&1 & xp=$!
sleep 1; openbox >/dev/null 2>&1 & wp=$!; sleep 1
# Java takes user.home from the password database, not $HOME: a fresh settings folder makes it a first start
HOME=$work/home ATTEND_CONFIG_DIR=$work/home/config ATTEND_DATA_DIR=$work/home/data "$work/Attend/bin/Attend" \
  >/dev/null 2>&1 & ap=$!
for _ in $(seq 1 600); do
  xdotool search --onlyvisible --pid "$ap" --name Attend >/dev/null 2>&1 && break
  sleep 0.2
done
sleep 5
kill "$ap"; wait "$ap" 2>/dev/null || true
grep -v '^#' "$work/classes.txt" > "$out"
echo "$(wc -l < "$out") classes -> $out"
