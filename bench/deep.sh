#!/usr/bin/env bash
# Time and peak memory of printing the two PDF sheets of one deep network (a chain of Dense
# layers), as `./layerwise build --format pdf` does: the figure behind the PDF limit
# (Publisher.PDF_LAYERS, docs/RELIABILITY.md). Usage: bench/deep.sh [LAYERS] (default 2000).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  printf 'title: deep\nid: deep\ninput: [4]\nlayers:\n'
  for i in $(seq 0 $((n - 1))); do printf '  - {type: Dense, name: d%d, units: 4}\n' "$i"; done
} > "$work/deep.yaml"
./layerwise --version >/dev/null
/usr/bin/time -v -o "$work/time" ./layerwise build "$work/deep.yaml" --format pdf --out "$work/out" >/dev/null
wall=$(awk -F': ' '/Elapsed/ {print $2}' "$work/time")
rss=$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "$work/time")
echo "$n layers, both PDF sheets: $wall wall, $rss MiB peak (goal: at most 2 minutes and 1024 MiB)"
ls -l "$work"/out/*.pdf | awk '{print "  " $NF ": " int($5 / 1024) " KB"}'
