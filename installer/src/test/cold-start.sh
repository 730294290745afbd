#!/usr/bin/env bash
# Measures the installed app's start to a visible window on a virtual desktop with a window manager
# (Xvfb + openbox, as a real desktop has): launch, then poll every 20 ms for a visible top-level window named
# "Attend". Prints one line per run (wall time, and the process's CPU time user + sys at that moment, which a
# loaded machine inflates much less than the wall time) and the medians. Needs Debian xvfb openbox xdotool.
# usage: cold-start.sh [LAUNCHER] [RUNS]   (default /opt/attend/bin/Attend, 5 runs)
set -u
launcher=${1:-/opt/attend/bin/Attend}
runs=${2:-5}
n=$((150 + RANDOM % 100)); while [ -e /tmp/.X11-unix/X$n ]; do n=$((n + 1)); done
export DISPLAY=:$n
Xvfb "$DISPLAY" -screen 0 1440x900x24 >/dev/null 2>&1 & xp=$!
sleep 1
openbox >/dev/null 2>&1 & wp=$!
sleep 1
home=$(mktemp -d)
times=()
cpus=()
tick=$(getconf CLK_TCK)
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  # Java takes user.home from the password database, not $HOME: the app's folders are pointed there explicitly
  HOME=$home ATTEND_CONFIG_DIR=$home/config ATTEND_DATA_DIR=$home/data "$launcher" >/dev/null 2>&1 & ap=$!
  ms=timeout
  cpu=?
  for _ in $(seq 1 1500); do
    if xdotool search --onlyvisible --pid "$ap" --name 'Attend' >/dev/null 2>&1; then
      ms=$(( ($(date +%s%N) - start) / 1000000 ))
      # fields 14 and 15 of /proc/PID/stat: user and system time of all the JVM's threads, in clock ticks
      cpu=$(awk -v t="$tick" '{sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / t)}' "/proc/$ap/stat" 2>/dev/null)
      break
    fi
    sleep 0.02
  done
  kill "$ap" 2>/dev/null; wait "$ap" 2>/dev/null
  echo "run $i: visible window after ${ms} ms, CPU ${cpu} ms$([ "$i" = 1 ] && echo ' (first start: fresh home folder)')"
  times+=("$ms")
  cpus+=("$cpu")
done
kill "$wp" "$xp" 2>/dev/null
rm -rf "$home"
printf '%s\n' "${times[@]}" | grep -v timeout | sort -n | awk '{a[NR]=$1} END {if (NR) print "median: " a[int((NR+1)/2)] " ms over " NR " runs"}'
printf '%s\n' "${cpus[@]}" | grep -v '?' | sort -n | awk '{a[NR]=$1} END {if (NR) print "median CPU (user+sys): " a[int((NR+1)/2)] " ms"}'
