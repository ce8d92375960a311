#!/usr/bin/env bash
# Speed and size of `layerwise build` on the bundled exercises:
#   1. a full build (HTML and PDF, both sheets) from scratch, on all cores;
#   2. a rebuild with nothing changed (must cost under 10 % of 1, and start no JRuby);
#   3. the same AsciiDoc converted by the native Ruby tools (Debian packages asciidoctor and
#      ruby-asciidoctor-pdf), same attributes, asciidoctor-pdf's default theme: (a) one file at a
#      time, a Ruby process per file and format, as a Makefile would; (b) all files in ONE Ruby
#      process (Asciidoctor.convert_file in a loop); the ratios of 1 to each. (asciidoctor-pdf
#      drops the MathML formulas, so Ruby does less work than we do: the ratios are conservative.)
#   4. a class build: 40 variants of the course example (`layerwise variants --count 40 --seed 1`),
#      both sheets, HTML + PDF, and its answer key, against the same AsciiDoc converted by the
#      Ruby tools in ONE Ruby process; and the build's peak memory (max RSS, /usr/bin/time -v);
#   5. the sizes and pages of the course example's sheets and ResNet-50's answer PDF, against the
#      targets of issues 15 and 25;
#   6. one exercise, cold, as a teacher runs it: `./layerwise build exercises/course-example.yaml`
#      into a new directory (the jar built, Maven's cache warm), wall time and peak memory;
#   7. watch: the time from saving an exercise to its answer sheet's HTML and PDF being
#      rewritten, the first save 15 s after watch started (warm-up) and the next one.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in asciidoctor asciidoctor-pdf ruby pdfinfo /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install asciidoctor ruby-asciidoctor-pdf" >&2; exit 2; }
done
./layerwise --version >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ms() { date +%s%N | cut -c1-13; }
kb() { echo $(( ($(stat -c %s "$1") + 512) / 1024 )); }

# Converts every *.adoc of a directory to ruby1/*.html and ruby1/*.pdf in one Ruby process.
ruby_one_process() {
  mkdir -p "$1/ruby1"
  (
    cd "$1"   # safe mode jails the Ruby tools to the current directory
    ruby -e '
      require "asciidoctor"
      require "asciidoctor/pdf"
      common = { "reproducible" => "", "nofooter" => "", "icons" => nil }
      html = common.merge("data-uri" => "", "webfonts" => nil)
      pdf = common.merge("compress" => "")
      Dir["*.adoc"].sort.each do |f|
        base = File.basename(f, ".adoc")
        Asciidoctor.convert_file f, safe: :safe, standalone: true, to_file: "ruby1/#{base}.html",
          attributes: html
        Asciidoctor.convert_file f, safe: :safe, standalone: true, backend: "pdf",
          to_file: "ruby1/#{base}.pdf", attributes: pdf
      end'
  )
}

t0=$(ms); ./layerwise build --out "$work/full" >/dev/null; t1=$(ms)
full=$((t1 - t0))
t0=$(ms); ./layerwise build --out "$work/full" >/dev/null; t1=$(ms)
again=$((t1 - t0))

./layerwise build --format adoc --out "$work/adoc" >/dev/null
mkdir -p "$work/adoc/ruby" "$work/adoc/ruby1"
html_attrs=(-a data-uri -a webfonts! -a icons! -a reproducible -a nofooter)
pdf_attrs=(-a reproducible -a nofooter -a icons! -a compress)
t0=$(ms)
(
  cd "$work/adoc"   # safe mode jails the Ruby tools to the current directory
  for f in *.adoc; do
    asciidoctor -S safe "${html_attrs[@]}" "$f" -o "ruby/${f%.adoc}.html"
    asciidoctor-pdf -S safe "${pdf_attrs[@]}" "$f" -o "ruby/${f%.adoc}.pdf"
  done
)
t1=$(ms)
ruby=$((t1 - t0))
t0=$(ms)
ruby_one_process "$work/adoc"
t1=$(ms)
ruby1=$((t1 - t0))
files=$(ls "$work"/adoc/*.adoc | wc -l)

./layerwise variants exercises/course-example.yaml --count 40 --seed 1 --out "$work/class" >/dev/null
t0=$(ms)
/usr/bin/time -v -o "$work/class.time" ./layerwise build "$work/class" --out "$work/class-out" >/dev/null
t1=$(ms)
class=$((t1 - t0))
class_rss=$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "$work/class.time")
class_files=$(ls "$work"/class-out/*.html "$work"/class-out/*.pdf | wc -l)
./layerwise build "$work/class" --format adoc --out "$work/class-adoc" >/dev/null
t0=$(ms)
ruby_one_process "$work/class-adoc"
t1=$(ms)
class_ruby1=$((t1 - t0))
class_ruby_files=$(ls "$work"/class-adoc/ruby1/* | wc -l)

t0=$(ms)
/usr/bin/time -v -o "$work/one.time" ./layerwise build exercises/course-example.yaml --out "$work/one" >/dev/null
t1=$(ms)
one=$((t1 - t0))
one_rss=$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "$work/one.time")

mkdir -p "$work/watched"
cp exercises/course-example.yaml "$work/watched/"
./layerwise watch "$work/watched" --out "$work/watch" > "$work/watch.log" 2>&1 &
watcher=$!
for _ in $(seq 600); do grep -q watching "$work/watch.log" && break; sleep 0.1; done
sleep 15   # a teacher edits a while after starting watch; meanwhile it warms up
html="$work/watch/course-example-answers.html"
pdf="$work/watch/course-example-answers.pdf"
pdf_before=$(stat -c %y "$pdf")
sed -i 's/fc4: \[84,/fc4: [85,/' "$work/watched/course-example.yaml"
t0=$(ms)
for _ in $(seq 3000); do
  grep -q '120·85' "$html" 2>/dev/null && break
  sleep 0.01
done
t1=$(ms)
watch=$((t1 - t0))
for _ in $(seq 6000); do
  [ "$(stat -c %y "$pdf")" != "$pdf_before" ] && break
  sleep 0.01
done
t1=$(ms)
watch_pdf=$((t1 - t0))
pdf_before=$(stat -c %y "$pdf")
sed -i 's/fc4: \[85,/fc4: [86,/' "$work/watched/course-example.yaml"
t0=$(ms)
for _ in $(seq 3000); do
  grep -q '120·86' "$html" 2>/dev/null && break
  sleep 0.01
done
t1=$(ms)
watch_warm_html=$((t1 - t0))
for _ in $(seq 6000); do
  [ "$(stat -c %y "$pdf")" != "$pdf_before" ] && break
  sleep 0.01
done
t1=$(ms)
watch_warm=$((t1 - t0))
kill "$watcher" 2>/dev/null || true
wait "$watcher" 2>/dev/null || true

ratio() { awk "BEGIN {printf \"%.2f\", $1 / $2}"; }
echo "bundled exercises: $(find exercises -name "*.yaml" -not -path "*/answers/*" -not -path "*/rosters/*" | wc -l), sheets: $files, on $(nproc) cores"
echo "full build (HTML + PDF):           $full ms"
echo "rebuild, nothing changed:          $again ms ($((100 * again / full)) % of the full build; target under 10 %)"
echo "Ruby tools, one file at a time:    $ruby ms (a process per file and format)"
echo "Ruby tools, one Ruby process:      $ruby1 ms (Asciidoctor.convert_file in a loop)"
echo "ratio full build / Ruby one at a time:    $(ratio $full $ruby) (goal: at most 0.30)"
echo "ratio full build / Ruby in one process:   $(ratio $full $ruby1)"
echo "class build, 40 variants, both sheets + answer key, HTML + PDF ($class_files files): $class ms"
echo "Ruby tools, same AsciiDoc, one Ruby process ($class_ruby_files files): $class_ruby1 ms"
echo "ratio class build / Ruby in one process:  $(ratio $class $class_ruby1) (goal: at most 0.50)"
echo "class build peak memory (max RSS):        $class_rss MiB (goal: under 1024)"
echo "one exercise cold (build exercises/course-example.yaml): $one ms wall, $one_rss MiB (goal: at most 4000 ms)"
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages/ {print $2}'; }
echo "course-example answers: PDF $(kb "$work/full/course-example-answers.pdf") KB, $(pages "$work/full/course-example-answers.pdf") pages (targets ≤ 100 KB, ≤ 4 pages), HTML $(kb "$work/full/course-example-answers.html") KB (target ≤ 150)"
echo "course-example questions: PDF $(kb "$work/full/course-example-questions.pdf") KB, $(pages "$work/full/course-example-questions.pdf") pages (target ≤ 2 pages)"
echo "ResNet-50 answers: PDF $(kb "$work/full/resnet50-answers.pdf") KB, $(pages "$work/full/resnet50-answers.pdf") pages (target ≤ 1536 KB); Ruby one process: $(kb "$work/adoc/ruby1/resnet50-answers.pdf") KB"
echo "watch: save to HTML rewritten:     $watch ms first, $watch_warm_html ms the next"
echo "watch: first save to PDF rewritten: $watch_pdf ms (target under 2000 ms); the next: $watch_warm ms (target under 500 ms)"
