#!/usr/bin/env bash
# Coverage-guided fuzzing of hallrate's parsers with libFuzzer (docs/fuzzing.md).
#
#   bash scripts/fuzz.sh                      # every target to 1,000,000 inputs (make fuzz; about an hour)
#   bash scripts/fuzz.sh --seconds 20         # every target for 20 s (what the test script runs in CI)
#   bash scripts/fuzz.sh --runs 10000 csv xml # some targets
#   bash scripts/fuzz.sh --runs 1000000 --at-most 900   # 10^6 inputs, or 15 minutes, a target
#
# Builds Sources/HallRateFuzz with --sanitize=fuzzer --sanitize=address in .build-fuzz, seeds each
# target's corpus from files of the repository (csv-spectrum, the demo's inputs, the test fixtures,
# scripts/fuzz/seeds/), runs it, and prints one line per target: inputs run, seconds, coverage.
# A crash, a leak, an out-of-memory (2 GB) or a hang (10 s on one input) fails the script; the input
# that caused it is left in .build-fuzz/crashes/ to turn into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=1000000
seconds=""
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; runs=""; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --at-most) seconds=$2; shift 2 ;;  # with --runs: stop a target after this many seconds all the same
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(csv xml date encoding registry pipeline)

source scripts/require-packages.sh
# SwiftPM's --sanitize=fuzzer links libFuzzer and instruments C targets; Swift code needs -sanitize-coverage too.
swift build -c debug --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
  --product hallrate-fuzz --scratch-path .build-fuzz >&2
binary=.build-fuzz/debug/hallrate-fuzz

# seeds TARGET DIR: copies the repository's files of that kind into DIR.
seeds() {
  local target=$1 dir=$2
  mkdir -p "$dir"
  local files=()
  case "$target" in
    csv) files=(Tests/HallRateCoreTests/Fixtures/csv-spectrum/csvs/*.csv Input/district/*2019-1[01]*.csv Input/township/*2019-11*.csv) ;;
    xml) files=(Tests/HallRateCoreTests/Fixtures/xml/*.xml Input/village-xml/520502010202/2019-0[45].xml) ;;
    encoding) files=(Tests/HallRateCoreTests/Fixtures/xml/gb18030*.xml Tests/HallRateCoreTests/Fixtures/xml/utf16.xml Input/street/*2019-11*) ;;
    registry) files=(Input/halls.csv Tests/HallRateCLITests/Fixtures/*/Input/halls.csv) ;;
    pipeline) files=(Pipelines/*.yml Tests/HallRateCLITests/Fixtures/*/pipeline.yml scripts/bench/csv-source.yml) ;;
  esac
  [ -d "scripts/fuzz/seeds/$target" ] && files+=("scripts/fuzz/seeds/$target"/*)
  local n=0
  for file in "${files[@]}"; do
    [ -f "$file" ] || continue
    n=$((n + 1))
    head -c 16384 "$file" > "$dir/seed-$n"
  done
}

mkdir -p .build-fuzz/crashes
failed=0
for target in "${targets[@]}"; do
  corpus=.build-fuzz/corpus/$target
  seeds "$target" "$corpus"
  log=.build-fuzz/$target.log
  budget=()
  [ -n "$runs" ] && budget+=(-runs="$runs")
  [ -n "$seconds" ] && budget+=(-max_total_time="$seconds")
  # Inputs up to a size that keeps each target at hundreds of inputs a second or more.
  case "$target" in
    csv|registry) max_len=4096 ;;
    xml|pipeline) max_len=16384 ;;
    *) max_len=1024 ;;
  esac
  if HALLRATE_FUZZ_TARGET=$target "$binary" "${budget[@]}" -max_len=$max_len -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix=".build-fuzz/crashes/$target-" "$corpus" > "$log" 2>&1; then
    status=ok
  else
    status=FAILED
    failed=1
  fi
  executed=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  took=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' || echo "?")
  coverage=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1 || echo "?")
  echo "fuzz $target: $status, $executed inputs in ${took:-?} s, $coverage, corpus $(ls "$corpus" | wc -l) files (log $log)"
  if [ "$status" = FAILED ]; then grep -E 'ERROR|Fatal error|SUMMARY' "$log" | head -5 >&2 || true; fi
done
exit $failed
