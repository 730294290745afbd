#!/usr/bin/env bash
# Smoke test of the Linux package (run by .ci/run as root after the test suite):
#   1. the .deb's layout, desktop entry, icons, MIME types and natives, from `dpkg-deb -x` into a throwaway root;
#   2. the packaged launcher, headless: --version, a run on a generated WAV producing events, selftest;
#   3. a real `dpkg -i`, one run from the installed path, `dpkg -r`, and nothing left behind.
# usage: deb-smoke.sh PATH/TO/attend_*.deb
set -euo pipefail
deb=$(readlink -f "$1")
work=$(mktemp -d)
installed=
cleanup() { if [ -n "$installed" ]; then dpkg -r attend >/dev/null 2>&1 || true; fi; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "deb-smoke: FAIL: $*" >&2; exit 1; }
step() { echo "deb-smoke: $*"; }

step "package $(basename "$deb"): $(du -m "$deb" | cut -f1) MB"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = attend ] || fail "package name is not attend"
case "$(field Recommends)" in *espeak-ng*) ;; *) fail "espeak-ng is not recommended" ;; esac
case "$(field Suggests)" in *apertium*) ;; *) fail "apertium is not suggested" ;; esac
case "$(field Depends)" in *libgtk-3-0*) ;; *) fail "libgtk-3-0 is not a dependency" ;; esac

# 1. layout
root=$work/root
dpkg-deb -x "$deb" "$root"
app=$root/opt/attend
for f in bin/Attend lib/runtime/release lib/app/Attend.cfg lib/attend-Attend.desktop lib/attend-Attend-MimeInfo.xml \
         lib/app/icons/attend.svg lib/app/icons/attend-48.png lib/app/icons/attend-256.png lib/app/attend.classlist; do
  [ -e "$app/$f" ] || fail "missing /opt/attend/$f"
done
ls "$app"/lib/app/attend-app-*.jar >/dev/null 2>&1 || fail "the app jar is missing"
desktop=$app/lib/attend-Attend.desktop
desktop-file-validate "$desktop" || fail "desktop entry does not validate"
grep -q '^Exec=.*/opt/attend/bin/Attend.* %f' "$desktop" || fail "desktop entry does not pass the opened file: $(grep ^Exec "$desktop")"
grep -q '^Icon=attend$' "$desktop" || fail "desktop entry has no themed icon"
for m in audio/x-wav video/mp4 video/x-matroska video/webm; do
  grep -q "^MimeType=.*$m" "$desktop" || fail "desktop entry lacks MIME type $m"
done
# natives for this platform only
foreign=$(for j in "$app"/lib/app/*.jar; do unzip -Z1 "$j" | grep -E '\.(dll|dylib|jnilib|pdb)$|/(osx|win|darwin|win32)-[^/]*/' | sed "s|^|$(basename "$j"): |" || true; done | head -n 5)
[ -z "$foreign" ] || fail "other platforms' natives in the package: $foreign"
modules=$("$app/lib/runtime/bin/java" --list-modules | wc -l)
[ "$modules" -lt 30 ] || fail "the runtime is not trimmed ($modules modules)"
step "layout, desktop entry, icons, MIME types: fine; runtime has $modules modules; installed size $(du -sm "$app" | cut -f1) MB"

# 2. the packaged launcher, headless
export HOME=$work/home; mkdir -p "$HOME"
unset DISPLAY WAYLAND_DISPLAY
ver=$("$app/bin/Attend" --version); case "$ver" in *ttend*) ;; *) fail "--version printed: $ver" ;; esac
espeak-ng -v en-us -w "$work/say.wav" "hello from the installed attend package"
sox -R "$work/say.wav" -r 16000 -c 1 -b 16 "$work/say16.wav"
"$app/bin/Attend" run --audio "$work/say16.wav" --fast --events - > "$work/events.jsonl"
python3 - "$work/events.jsonl" <<'PY' || fail "run produced no valid event stream"
import json, sys
types = [json.loads(l)["type"] for l in open(sys.argv[1]) if l.strip()]
assert types and types[0] == "session.start" and types[-1] == "session.end", types[:3] + types[-3:]
assert "vad" in types, "no vad event"
print("deb-smoke: run: %d events, first %s, last %s" % (len(types), types[0], types[-1]))
PY
"$app/bin/Attend" selftest > "$work/selftest.txt" 2>&1 || { cat "$work/selftest.txt"; fail "selftest"; }
step "packaged launcher: --version, run, selftest fine"

# 3. install for real, run once, remove
# a desktop system has the XDG menu folders; a bare CI machine may not
made=()
for d in /etc/xdg/menus /usr/share/desktop-directories; do
  [ -d "$d" ] || { mkdir -p "$d"; made+=("$d"); }
done
installed=yes
dpkg -i "$deb" >/dev/null
[ -x /opt/attend/bin/Attend ] || fail "dpkg -i did not install /opt/attend/bin/Attend"
case "$(attend --version)" in *ttend*) ;; *) fail "attend on the PATH" ;; esac
last=$(/opt/attend/bin/Attend run --audio "$work/say16.wav" --fast --events - | tail -n 1)
case "$last" in *session.end*) ;; *) fail "installed run ended with: $last" ;; esac
[ -e /usr/share/applications/attend-Attend.desktop ] || fail "menu entry not installed"
[ -e /usr/share/icons/hicolor/48x48/apps/attend.png ] || fail "icon not installed in the hicolor theme"
[ -e /usr/share/icons/hicolor/scalable/apps/attend.svg ] || fail "SVG icon not installed"
# the start-up archive postinst made is the one the launcher uses (_JAVA_OPTIONS comes after the launcher's -Xlog:disable)
[ -s /opt/attend/lib/attend.jsa ] || fail "postinst made no start-up archive /opt/attend/lib/attend.jsa"
_JAVA_OPTIONS="-Xlog:class+load:file=$work/classes.txt" /opt/attend/bin/Attend --version >/dev/null 2>&1
shared=$(grep -c 'source: shared objects file' "$work/classes.txt" || true)
[ "$shared" -gt 1000 ] || fail "the launcher does not use the start-up archive ($shared classes from it)"
grep -q 'dev.attend.app.Main source: shared' "$work/classes.txt" || fail "the app's own classes are not in the start-up archive"
step "installed: /opt/attend, /usr/bin/attend, menu entry, icons, start-up archive ($shared classes shared)"
dpkg -r attend >/dev/null
installed=
left=$(ls -d /etc/xdg/menus/applications-merged/attend* /opt/attend /usr/bin/attend /usr/share/applications/attend-Attend.desktop \
        /usr/share/icons/hicolor/*/apps/attend.png /usr/share/icons/hicolor/scalable/apps/attend.svg 2>/dev/null || true)
[ -z "$left" ] || fail "left behind after dpkg -r: $left"
for d in "${made[@]}"; do rm -rf "$d"; done
step "removed: nothing left behind"
echo "deb-smoke: passed"
