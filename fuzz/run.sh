#!/usr/bin/env bash
# Fuzzes reading and explaining (io.layerwise.ExplainFuzzTest) with Jazzer's own driver for
# DURATION seconds (default 600), then prints the executions and the crashes found.
#
#   fuzz/run.sh [DURATION]
#
# Seeds: the bundled exercises, the bad-input fixtures and every finding kept in
# src/test/resources/io/layerwise/ExplainFuzzTestInputs/explain (the build copies them all to
# target/test-classes). The corpus the fuzzer grows is kept in target/fuzz-corpus between runs.
# A crash is copied into that resource directory, where `mvn verify` replays it from then on;
# turn it into a fixed bug and, where it is a bad input, a fixture in src/test/resources/diagnostics.
# Exit status: 0 when no crash was found, 1 when one was, 2 when the fuzzer could not run.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-600}"
regressions=src/test/resources/io/layerwise/ExplainFuzzTestInputs/explain
corpus=target/fuzz-corpus
findings=target/fuzz-findings
log=target/fuzz.log

build_log="$(mktemp)"
if ! mvn -B -q -Dstyle.color=never test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >"$build_log" 2>&1; then
  cat "$build_log" >&2
  exit 2
fi
rm -f "$build_log"
mkdir -p "$corpus" "$findings"
rm -f "$findings"/crash-* "$findings"/timeout-* "$findings"/Crash_*.java
# --keep_going: go on after a finding (duplicates are told apart by their stack traces).
set +e
java -XX:-OmitStackTraceInFastThrow -Xss4m -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  com.code_intelligence.jazzer.Jazzer \
  --target_class=io.layerwise.ExplainFuzzTest \
  --instrumentation_includes='io.layerwise.**' \
  --keep_going=50 \
  --reproducer_path="$findings" \
  -artifact_prefix="$findings/" \
  -timeout=10 \
  -max_total_time="$duration" \
  -print_final_stats=1 \
  "$corpus" target/test-classes/io/layerwise/ExplainFuzzTestInputs/explain >"$log" 2>&1
status=$?
set -e

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
shopt -s nullglob
crashes=("$findings"/crash-* "$findings"/timeout-*)
if [ -z "$runs" ]; then
  echo "fuzz: Jazzer did not run (exit $status); its output is in $log" >&2
  tail -20 "$log" >&2
  exit 2
fi
echo "fuzz: ${duration} s, ${runs} executions (${rate}/s), coverage ${cov:-?} edges," \
  "corpus $(ls "$corpus" | wc -l) inputs, ${#crashes[@]} crashes"
if [ "${#crashes[@]}" -gt 0 ]; then
  for c in "${crashes[@]}"; do
    mkdir -p "$regressions"
    cp "$c" "$regressions/"
    echo "fuzz: crash $(basename "$c") kept in $regressions/ (mvn test -Dtest=ExplainFuzzTest replays it)"
  done
  grep -A12 '== Java Exception' "$log" | head -60
  exit 1
fi
