#!/usr/bin/env bash
# Speed of `layerwise explain`: the end-to-end time of a ResNet-50 JSON explanation (JVM start
# included, as a user sees it), then the engine's cost per layer on networks of 100 to 10,000
# layers, which must stay flat (linear growth).
set -euo pipefail
cd "$(dirname "$0")/.."
./layerwise --version >/dev/null   # build and record the start-up archive first
runs=${RUNS:-15}
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  ./layerwise explain --format json exercises/resnet50.yaml >/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
layers=$(grep -c '^  - ' exercises/resnet50.yaml)
echo "explain --format json exercises/resnet50.yaml ($layers layers), $runs runs on $(nproc) cores:"
echo "  min ${sorted[0]} ms, median ${sorted[$((runs / 2))]} ms, max ${sorted[$((runs - 1))]} ms (target: under 400 ms)"
echo
echo "engine cost per layer (one warm JVM):"
./layerwise bench "$@"
