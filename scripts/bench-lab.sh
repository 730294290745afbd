#!/usr/bin/env bash
# The fusion lab's bar (issue 11): the real app on a virtual desktop with a window manager plays the demo clip with
# the fusion transformer exporting every map at every 80-ms step, the lab showing them; prints one JSON line
# (passes received/shown per second, FX pulse p50/p95/max, drop events by stage, the process's CPU per media second
# while the passes flowed — cpuSecondsPerMediaSecondWhilePlaying, < 2 keeps real time on 2 cores — and per thread). LAB=hidden hides the lab for a
# comparison run. REPLAY=FILE.jsonl replays a recorded run (attend run --video demo.mp4 --fusion --attention all
# --attention-every 1 --events FILE.jsonl) paced by media time instead: the lab alone, without the model's cost.
# JAVA_OPTS go to the JVM (e.g. -XX:StartFlightRecording=filename=lab.jfr to see where the FX thread's time goes). Needs xvfb-run and openbox (WM=none runs without one); builds first if the test classes are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
WM=${WM:-openbox}
if [ ! -x app/target/attend/bin/attend ] || [ ! -f app/target/test-classes/dev/attend/app/LabBenchMain.class ] \
    || [ "${1:-}" = "--build" ]; then
  ./mvnw -q -B -ntp -DskipTests package
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/config"
printf '{"source":"demo"}\n' > "$tmp/config/settings.json"
ATTEND_CONFIG_DIR="$tmp/config" ATTEND_DATA_DIR="$tmp/data" WM="$WM" \
timeout 600 xvfb-run -a -s "-screen 0 1920x1080x24" sh -c \
  'if [ "$WM" != none ]; then "$WM" --sm-disable >/dev/null 2>&1 & sleep 1; fi; exec "$@"' sh \
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" ${JAVA_OPTS:-} -Dai.djl.offline=true -Dattend.home="$PWD/app/target/attend" \
  -Dattend.bench.lab="${LAB:-shown}" -Dattend.bench.replay="${REPLAY:-}" \
  -cp "app/target/attend/lib/*:app/target/test-classes" dev.attend.app.LabBenchMain 2>"$tmp/stderr" \
  | grep '^{"bench":"lab"' || { echo "bench-lab: no result; last log lines:" >&2; tail -20 "$tmp/stderr" >&2; exit 1; }
