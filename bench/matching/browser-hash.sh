#!/usr/bin/env bash
# Browser hashing benchmark (issue 16): how long the victims' hashing page needs for a 12-megapixel
# photo in Chromium on this machine. Generates a photo-like 4000x3000 JPEG (ImageMagick's plasma
# fractal, fixed seed) and a 4000x3000 PNG, and runs `./recourse hash --engine browser --timings` on
# them RUNS times (the JPEG again last: a second image in the same page); each run is a fresh headless
# Chromium, the time is what the page's script reports
# for hashFile (decode, read pixels, PDQ and MD5), not Chromium's start. Target: <= 1 s.
# Usage: bench/matching/browser-hash.sh [RUNS=5]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-5}"
DATA="$(mktemp -d /tmp/recourse-browserhash.XXXXXX)"
trap 'rm -rf "$DATA"' EXIT
command -v convert >/dev/null || { echo "needs ImageMagick (apt-get install imagemagick)" >&2; exit 2; }
convert -seed 16 -size 4000x3000 plasma:fractal -blur 0x2 -quality 90 "$DATA/photo-12mp.jpg"
convert "$DATA/photo-12mp.jpg" "$DATA/photo-12mp.png"
ls -l "$DATA"/photo-12mp.* | awk '{print "# " $9 ": " $5 " bytes"}'
for run in $(seq 1 "$RUNS"); do
  taskset -c 0,1 "$ROOT/recourse" hash --engine browser --timings "$DATA/photo-12mp.jpg" "$DATA/photo-12mp.png" "$DATA/photo-12mp.jpg" 2>&1 >/dev/null \
    | sed "s|$DATA/||; s|^|run $run |"
done
