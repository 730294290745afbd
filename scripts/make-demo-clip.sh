#!/usr/bin/env bash
# Makes the bundled demo clip: ~10 s, 480x360, synthesized speech over a slowly panned/zoomed public-domain photo.
# Needs: espeak-ng, ffmpeg, python3-skimage (for astronaut.png). Output: resources/.../demo/demo.mp4 (see DEMO.md).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=resources/src/main/resources/dev/attend/resources/demo
PHOTO=${PHOTO:-/usr/lib/python3/dist-packages/skimage/data/astronaut.png}
[ -f "$PHOTO" ] || { echo "make-demo-clip: $PHOTO not found; install python3-skimage or set PHOTO=path" >&2; exit 2; }
mkdir -p "$OUT"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

TEXT="Hey jarvis, what time is it? [[ ]] Attend shows live captions, a translation, and the attention of a small transformer. Everything runs on this computer."
espeak-ng -v en-us -s 150 -w "$tmp/speech.wav" "$TEXT"
# 0.5 s of silence before the speech, padded/cut to 10 s, 16 kHz mono
ffmpeg -v error -y -i "$tmp/speech.wav" -af "adelay=500|500,apad=whole_dur=10,aresample=16000" -ac 1 -t 10 "$tmp/voice.wav"

# 25 fps for 10 s; zoompan runs per output frame: slow zoom in then a gentle sideways pan
ffmpeg -v error -y -loop 1 -i "$PHOTO" -i "$tmp/voice.wav" \
  -filter_complex "[0:v]crop=512:384:0:16,scale=1280:960,zoompan=z='min(1.0+0.0016*on,1.35)':x='iw/2-(iw/zoom/2)+40*sin(on/40)':y='ih/2-(ih/zoom/2)-80*(1-1/zoom)':d=250:s=480x360:fps=25,format=yuv420p[v]" \
  -map "[v]" -map 1:a -t 10 -c:v libx264 -preset veryslow -crf 30 -profile:v baseline -pix_fmt yuv420p \
  -c:a aac -b:a 48k -ar 16000 -ac 1 -movflags +faststart "$OUT/demo.mp4"
ls -l "$OUT/demo.mp4"
