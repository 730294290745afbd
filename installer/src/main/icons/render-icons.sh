#!/bin/sh
# Renders attend.svg to the PNG sizes the desktop packages use (needs rsvg-convert: Debian librsvg2-bin).
# The PNG, ICO and ICNS files are committed so building an installer needs no renderer.
set -eu
cd "$(dirname "$0")"
for s in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" attend.svg -o "attend-$s.png"
done
# Windows and macOS icons from the same PNGs (ImageMagick; icnsutils' png2icns)
convert attend-16.png attend-24.png attend-32.png attend-48.png attend-64.png attend-256.png attend.ico
png2icns attend.icns attend-16.png attend-32.png attend-48.png attend-128.png attend-256.png attend-512.png
