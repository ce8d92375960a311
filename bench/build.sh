#!/usr/bin/env bash
# Speed of `layerwise build` on the bundled exercises:
#   1. a full build (HTML and PDF, both sheets) from scratch;
#   2. a rebuild with nothing changed (must cost under 10 % of 1, and start no JRuby);
#   3. the same AsciiDoc converted one file at a time by the native Ruby tools (Debian packages
#      asciidoctor and ruby-asciidoctor-pdf), with the same theme; the ratio of 1 to 3;
#   4. watch: the time from saving an exercise to its answer sheet's HTML being rewritten.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in asciidoctor asciidoctor-pdf; do
  command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install asciidoctor ruby-asciidoctor-pdf" >&2; exit 2; }
done
./layerwise --version >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ms() { date +%s%N | cut -c1-13; }

t0=$(ms); ./layerwise build --out "$work/full" >/dev/null; t1=$(ms)
full=$((t1 - t0))
t0=$(ms); ./layerwise build --out "$work/full" >/dev/null; t1=$(ms)
again=$((t1 - t0))

./layerwise build --format adoc --out "$work/adoc" >/dev/null
cp src/main/resources/io/layerwise/publish/layerwise-theme.yml "$work/adoc/"
mkdir -p "$work/adoc/ruby"
t0=$(ms)
(
  cd "$work/adoc"   # safe mode jails the Ruby tools to the current directory
  for f in *.adoc; do
    asciidoctor -S safe -a data-uri -a webfonts! -a reproducible -a nofooter "$f" -o "ruby/${f%.adoc}.html"
    asciidoctor-pdf -S safe -a reproducible -a pdf-theme=layerwise-theme.yml -a pdf-themesdir=. \
      "$f" -o "ruby/${f%.adoc}.pdf"
  done
)
t1=$(ms)
ruby=$((t1 - t0))
files=$(ls "$work"/adoc/*.adoc | wc -l)

mkdir -p "$work/watched"
cp exercises/course-example.yaml "$work/watched/"
./layerwise watch "$work/watched" --out "$work/watch" > "$work/watch.log" 2>&1 &
watcher=$!
for _ in $(seq 600); do grep -q watching "$work/watch.log" && break; sleep 0.1; done
sleep 1
html="$work/watch/course-example-answers.html"
before=$(stat -c %Y%N "$html" 2>/dev/null || echo none)
sed -i 's/units: 84/units: 85/' "$work/watched/course-example.yaml"
t0=$(ms)
for _ in $(seq 3000); do
  grep -q '120·85' "$html" 2>/dev/null && break
  sleep 0.01
done
t1=$(ms)
watch=$((t1 - t0))
kill "$watcher" 2>/dev/null || true
wait "$watcher" 2>/dev/null || true

echo "bundled exercises: $(find exercises -name "*.yaml" | wc -l), sheets: $files, on $(nproc) cores"
echo "full build (HTML + PDF):           $full ms"
echo "rebuild, nothing changed:          $again ms ($((100 * again / full)) % of the full build; target under 10 %)"
echo "Ruby asciidoctor + asciidoctor-pdf, one file at a time, same AsciiDoc: $ruby ms"
echo "ratio full build / Ruby tools:     $(awk "BEGIN {printf \"%.2f\", $full / $ruby}") (goal: at most 1.00)"
echo "watch: save to HTML rewritten:     $watch ms (target under 1000 ms)"
