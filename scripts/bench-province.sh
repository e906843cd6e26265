#!/usr/bin/env bash
# The province-scale simulation of issue 15 (docs/performance.md, "A province of counties"):
#
#   bash scripts/bench-province.sh [--counties N] [--rows R] [--jobs J] [--reps K]
#
# 1. builds hallrate and hallrate-gen in release (scratch path .build-bench, shared with scripts/bench.sh);
# 2. starts a throw-away PostgreSQL (scripts/postgres-cluster.sh; stopped at the end);
# 3. generates N county exports (default 88, as 贵州省's counties and districts) of R rows each with
#    hallrate-gen bench (default 100,000: 8.8M rows, ~1.9 GB for 88; at full scale a province's annual
#    volume is ~1.2M per county, --rows 1200000, ~22 GB), each with its own seed, its own 办件编号 prefix
#    and its own 6-digit county code in every hall code (52CCCC instead of 520502), 600 halls each;
# 4. runs the N county pipelines J at a time (default 2: this machine's cores), as stand-ins for N machines,
#    each publishing its counts to the server (output.postgres), and times each;
# 5. runs the provincial federated pipeline (members: all N) K times (default 3) and times it: the first
#    run writes its outputs into an empty folder, the others replace them (as a nightly run does);
# 6. prints per-county wall times (median, max), the wall time of all counties on this machine, the
#    federated run's first time and the median of the others, and the projection for N machines (slowest
#    county + federated run).
#
# Data in $BENCH_DIR/province (default /tmp/hallrate-bench/province); the table also goes to
# $BENCH_DIR/province/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() { echo "bench-province: $*" >&2; exit 1; }

COUNTIES=88
ROWS=100000
JOBS=2
REPS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --counties) [ $# -ge 2 ] || die "--counties needs a number"; COUNTIES=$2; shift ;;
    --rows) [ $# -ge 2 ] || die "--rows needs a number"; ROWS=$2; shift ;;
    --jobs) [ $# -ge 2 ] || die "--jobs needs a number"; JOBS=$2; shift ;;
    --reps) [ $# -ge 2 ] || die "--reps needs a number"; REPS=$2; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument '$1'" ;;
  esac
  shift
done
for value in "$COUNTIES" "$ROWS" "$JOBS" "$REPS"; do
  [[ "$value" =~ ^[1-9][0-9]*$ ]] || die "every option takes a positive whole number, got '$value'"
done
[ "$COUNTIES" -le 9999 ] || die "--counties must be at most 9999 (a 4-digit county number)"

BENCH_DIR=${BENCH_DIR:-/tmp/hallrate-bench}
WORK=$BENCH_DIR/province
BIN=$REPO/.build-bench/release
AS_OF=2020-03-01

source scripts/require-packages.sh
echo "bench-province: building hallrate and hallrate-gen (release, --scratch-path .build-bench)" >&2
swift build -c release --scratch-path .build-bench --product hallrate >/dev/null
swift build -c release --scratch-path .build-bench --product hallrate-gen >/dev/null
source scripts/postgres-cluster.sh
SCHEMA=province

rm -rf "$WORK"
mkdir -p "$WORK/data" "$WORK/pipelines" "$WORK/out" "$WORK/logs"
county_name() { printf 'county%04d' "$1"; }
county_code() { printf '52%04d' "$1"; }

echo "bench-province: generating $COUNTIES county exports of $ROWS rows" >&2
for ((k = 1; k <= COUNTIES; k++)); do
  name=$(county_name "$k") code=$(county_code "$k") dir=$WORK/data/$(county_name "$k")
  mkdir -p "$dir"
  "$BIN/hallrate-gen" bench --rows "$ROWS" --seed "$k" --id-prefix "C$k" --out "$WORK/data/raw.csv" >/dev/null
  # The county's own hall codes: 520502… becomes 52CCCC… (the exports' ID numbers change with them, harmlessly).
  sed "s/520502/$code/g" "$WORK/data/raw.csv" > "$dir/export.csv"
  sed "s/520502/$code/g" "$WORK/data/raw.csv.halls.csv" > "$dir/halls.csv"
  cp "$WORK/data/raw.csv.catalogue.csv" "$dir/catalogue.csv"
  {
    echo "# Written by scripts/bench-province.sh: county $k of $COUNTIES."
    echo "name: $name"
    echo "registry: $dir/halls.csv"
    echo "catalogue: $dir/catalogue.csv"
    echo "targets: {district: 0.70, township: 0.50, village: 0.30}"
    echo "sources:"
    sed "s#@GLOB@#$dir/export.csv#" scripts/bench/csv-source.yml
    echo "output:"
    echo "  folder: $WORK/out/$name"
    echo "  language: en"
    echo "  encoding: utf-8"
    echo "  postgres: {url: \"$HALLRATE_TEST_POSTGRES\", schema: $SCHEMA, member: $name}"
  } > "$WORK/pipelines/$name.yml"
done
rm -f "$WORK/data/raw.csv"*
du -sh "$WORK/data" >&2

# The first county creates the tables; then all of them, J at a time, each under /usr/bin/time.
run_county() {
  local name=$1
  /usr/bin/time -f '%e %M' -o "$WORK/logs/$name.time" \
    "$BIN/hallrate" run "$WORK/pipelines/$name.yml" --as-of "$AS_OF" -q --no-xlsx --no-html > "$WORK/logs/$name.log" 2>&1 \
    || { echo "bench-province: $name failed:" >&2; cat "$WORK/logs/$name.log" >&2; return 1; }
}
export -f run_county
export WORK BIN AS_OF
echo "bench-province: running the counties, $JOBS at a time" >&2
start=$(date +%s.%N)
run_county "$(county_name 1)"
for ((k = 2; k <= COUNTIES; k++)); do county_name "$k"; echo; done | grep . | xargs -P "$JOBS" -I{} bash -c 'run_county {}'
all_counties=$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN { printf "%.1f", a - b }')

# The province.
{
  echo "# Written by scripts/bench-province.sh: the province over $COUNTIES counties."
  echo "name: province"
  echo "members:"
  echo "  url: \"$HALLRATE_TEST_POSTGRES\""
  echo "  schema: $SCHEMA"
  echo -n "  expect: ["
  for ((k = 1; k <= COUNTIES; k++)); do [ "$k" -gt 1 ] && echo -n ", "; echo -n "$(county_name "$k")"; done
  echo "]"
  echo "targets: {district: 0.70, township: 0.50, village: 0.30}"
  echo "on_time_targets: {district: 0.90, township: 0.90, village: 0.90}"
  echo "output:"
  echo "  folder: $WORK/out/province"
  echo "  language: en"
  echo "  encoding: utf-8"
} > "$WORK/pipelines/province.yml"
federated=()
for ((r = 1; r <= REPS; r++)); do
  /usr/bin/time -f '%e %M' -o "$WORK/logs/province.time" \
    "$BIN/hallrate" run "$WORK/pipelines/province.yml" --as-of "$AS_OF" > "$WORK/logs/province.log" 2>&1 \
    || { cat "$WORK/logs/province.log" >&2; die "the federated run failed"; }
  read -r wall rss < "$WORK/logs/province.time"
  federated+=("$wall $rss")
  echo "bench-province: federated run $r: $wall s, $((rss / 1024)) MB peak RSS" >&2
done
grep -q "members: $COUNTIES of $COUNTIES published" "$WORK/logs/province.log" || die "not every member was read"
hall_months=$(psql "$HALLRATE_TEST_POSTGRES" -Atc "SELECT count(*) FROM $SCHEMA.hall_month_counts")
rows_in=$(($(wc -l < "$WORK/out/province/hall_months.csv") - 1))
[ "$rows_in" -gt 0 ] || die "the province's hall_months.csv is empty"

# The table.
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
county_walls=$(cat "$WORK"/logs/county*.time | awk '{ print $1 }')
county_median=$(echo "$county_walls" | median)
county_max=$(echo "$county_walls" | sort -n | tail -n 1)
county_rss=$(cat "$WORK"/logs/county*.time | awk '{ print $2 }' | sort -n | tail -n 1)
# The first federated run writes every output into an empty folder; the later ones replace them, as a nightly run does.
federated_first=$(echo "${federated[0]}" | awk '{ print $1 }')
later="runs 2–$REPS, median"
[ "$REPS" -eq 2 ] && later="run 2"
[ "$REPS" -eq 1 ] && later="the first run"
if [ "$REPS" -gt 1 ]; then
  federated_median=$(printf '%s\n' "${federated[@]:1}" | awk '{ print $1 }' | median)
else
  federated_median=$federated_first
fi
federated_rss=$(printf '%s\n' "${federated[@]}" | awk '{ print $2 }' | sort -n | tail -n 1)
projection=$(awk -v a="$county_max" -v b="$federated_median" 'BEGIN { printf "%.2f", a + b }')
{
  echo "# hallrate province simulation, $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "- command: \`bash scripts/bench-province.sh --counties $COUNTIES --rows $ROWS --jobs $JOBS --reps $REPS\` (built from $(git rev-parse --short HEAD))"
  echo "- machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB; PostgreSQL $(psql "$HALLRATE_TEST_POSTGRES" -Atc 'SHOW server_version') on the same machine"
  echo "- $COUNTIES counties × $ROWS rows = $((COUNTIES * ROWS)) rows, 600 halls each; $hall_months hall-months of counts on the server"
  echo
  echo "| what | wall time | peak RSS |"
  echo "|---|---:|---:|"
  echo "| one county's run (ingest, counts, deadlines, CSVs, publication): median of $COUNTIES | ${county_median} s | |"
  echo "| one county's run: slowest | ${county_max} s | $((county_rss / 1024)) MB |"
  echo "| all $COUNTIES counties on this machine, $JOBS at a time | ${all_counties} s | |"
  echo "| the federated run over $COUNTIES members, first: every CSV, workbook and HTML report written into an empty folder | ${federated_first} s | |"
  echo "| **the federated run over $COUNTIES members** (read, rank, every output replaced, as a nightly run does): $later | **${federated_median} s** | $((federated_rss / 1024)) MB |"
  echo "| projection, one machine per county: slowest county + federated run | ${projection} s | |"
} | tee "$WORK/results.md"
