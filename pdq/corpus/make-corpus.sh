#!/usr/bin/env bash
# Regenerates the PDQ interoperability corpus in pdq/src/test/resources/org/recourse/pdq/corpus:
#   1. CorpusGenerator (Java, fixed seeds) writes the pictures and their 8-bit sRGB conversions;
#   2. ImageMagick makes the formats the JDK cannot write (WebP, CMYK JPEG) from those pictures,
#      and the conversions of those (its libwebp / libjpeg decode; CMYK by Pillow's formula);
#   3. Meta's C++ reference, built outside this repository (see pdq/README.md, "The corpus"),
#      hashes every file it can read as is, and the conversion of every other one: expected.csv.
# Usage: PDQ_REFERENCE=/path/to/pdq-photo-hasher pdq/corpus/make-corpus.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CORPUS="$ROOT/pdq/src/test/resources/org/recourse/pdq/corpus"
REFERENCE="${PDQ_REFERENCE:?set PDQ_REFERENCE to the C++ pdq-photo-hasher (built with -Dcimg_use_jpeg -Dcimg_use_png)}"
command -v convert >/dev/null || { echo "ImageMagick's convert is needed (apt-get install imagemagick)" >&2; exit 1; }
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

"$ROOT/mvnw" -q -B -f "$ROOT/pdq/pom.xml" test-compile
CP="$ROOT/pdq/target/test-classes:$ROOT/pdq/target/classes"
rm -rf "$CORPUS/images" "$CORPUS/conversions"
"$JAVA_HOME/bin/java" -cp "$CP" org.recourse.pdq.corpus.CorpusGenerator "$CORPUS"
SEEDS="$ROOT/pdq/src/test/resources/org/recourse/pdq/DecodeAndHashFuzzTestInputs/decodeAndHash"
rm -rf "$SEEDS"
"$JAVA_HOME/bin/java" -cp "$CP" org.recourse.pdq.corpus.CorpusGenerator --fuzz-seeds "$SEEDS"

cd "$CORPUS"
mkdir -p images/webp conversions/webp conversions/jpeg
# -strip keeps ImageMagick from writing dates into the files.
convert images/png/rgb-8.png -strip -define webp:lossless=true images/webp/lossless.webp
convert images/png/rgb-8.png -strip -quality 80 images/webp/lossy-q80.webp
convert images/png/rgba-8.png -strip -quality 80 images/webp/lossy-alpha-q80.webp
convert images/png/rgb-8.png -strip -colorspace CMYK -quality 90 images/jpeg/cmyk-q90.jpg
for f in lossless lossy-q80 lossy-alpha-q80; do
  convert "images/webp/$f.webp" -alpha off -strip -depth 8 "PNG24:conversions/webp/$f.webp.png"
done
# The CMYK samples as libjpeg decodes them (Adobe inversion undone), then Pillow's CMYK to RGB.
size="$(identify -format '%w %h' images/jpeg/cmyk-q90.jpg)"
convert images/jpeg/cmyk-q90.jpg -depth 8 cmyk:- \
  | "$JAVA_HOME/bin/java" -cp "$CP" org.recourse.pdq.corpus.CmykConversion $size conversions/jpeg/cmyk-q90.jpg.png

echo "path,pdq_hex,quality,note" > expected.csv
find images -type f | sort | while read -r image; do
  path="${image#images/}"
  if [ -f "conversions/$path.png" ]; then
    source="conversions/$path.png"; note="reference-on-conversion"
  else
    source="$image"; note="reference"
  fi
  line="$("$REFERENCE" "$source")"
  echo "$path,$(echo "$line" | cut -d, -f1),$(echo "$line" | cut -d, -f2),$note" >> expected.csv
done
echo "$(($(wc -l < expected.csv) - 1)) expected hashes in $CORPUS/expected.csv"
