#!/usr/bin/env bash
# The performance benchmark of hallrate against DuckDB, on one machine, in one run. See docs/performance.md.
#
#   bash scripts/bench.sh [--quick] [--reps N]
#
# 1. builds hallrate and hallrate-gen in release (scratch path .build-bench);
# 2. generates with hallrate-gen, into $BENCH_DIR (default /tmp/hallrate-bench): a 1M-row CSV, a 10M-row
#    CSV (not with --quick), a 1M-record XML holding the same records as the 1M CSV, and a ~15k-row
#    nightly export whose 办件编号 use another prefix;
# 3. writes one pipeline per case, with the item catalogue hallrate-gen writes next to the export (so the
#    job includes the deadlines in working days and the exception lists of contract rules 18–21), and runs
#    `hallrate run PIPELINE --output DIR --as-of 2020-03-01 -q --no-xlsx --no-html` from scratch (the
#    output folder, which holds the store, is deleted before every rep);
# 4. runs the same job in DuckDB (scripts/bench_duckdb.py, from a throw-away virtual environment with
#    duckdb from PyPI, default threads); DuckDB reads no XML, so for the XML case it reads the same records
#    as CSV, and a plain C program with libxml2's SAX2 parser (scripts/bench/sax2_baseline.c) does the job
#    on the XML file itself (the online rate only: it does no deadlines);
# 5. checks after every run that hallrate's hall_months.csv (hall_code, period, total, online, rank)
#    equals DuckDB's result (and the C program's), its breakdowns and time_limits.csv equal DuckDB's, and
#    its exception lists are as long as DuckDB's, and stops on any difference before reporting a time;
# 6. interleaves hallrate and DuckDB (A B A B …, --reps N pairs, default 3; A B C for XML) and prints per
#    case the median wall time, rows/s, MB/s, peak RSS and the median of the per-pair ratios
#    hallrate/baseline;
# 7. times the nightly incremental run: the store already holds the big export (10M rows, 1M with
#    --quick) and one new ~15k-row export arrives; DuckDB re-reads all the files.
#
# Wall time and peak RSS come from /usr/bin/time -f '%e %M'. The table is also written to
# $BENCH_DIR/results.md, every run to $BENCH_DIR/results.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() { echo "bench: $*" >&2; exit 1; }

QUICK=0
REPS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --reps) [ $# -ge 2 ] || die "--reps needs a number"; REPS=$2; shift ;;
    --reps=*) REPS=${1#--reps=} ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument '$1'" ;;
  esac
  shift
done
[[ "$REPS" =~ ^[1-9][0-9]*$ ]] || die "--reps must be a positive integer, got '$REPS'"

BENCH_DIR=${BENCH_DIR:-/tmp/hallrate-bench}
mkdir -p "$BENCH_DIR"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
SCRATCH=.build-bench
BIN=$REPO/$SCRATCH/release
NIGHTLY_ROWS=15000
AS_OF=2020-03-01   # after the 24 months of hallrate-gen bench: every month closed
HOLIDAYS=$REPO/Sources/HallRateCore/Resources/china-holidays.csv

# --- tools -------------------------------------------------------------------------------------------
source scripts/require-packages.sh
need=()
[ -x /usr/bin/time ] || need+=(time)
python3 -c 'import ensurepip, venv' 2>/dev/null || need+=(python3-venv)
if [ ${#need[@]} -gt 0 ]; then
  echo "bench: installing ${need[*]}" >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "bench: building hallrate and hallrate-gen (release, --scratch-path $SCRATCH)"
swift build -c release --scratch-path "$SCRATCH" --product hallrate-gen 2>&1 | tail -1
swift build -c release --scratch-path "$SCRATCH" --product hallrate 2>&1 | tail -1
[ -x "$BIN/hallrate" ] && [ -x "$BIN/hallrate-gen" ] || die "the build left no binaries in $BIN"
# What was built, for the report (the tree can change while the benchmark runs).
if BUILT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null); then
  git -C "$REPO" diff --quiet HEAD 2>/dev/null || BUILT="$BUILT with uncommitted changes"
else
  BUILT="not a git checkout"
fi
command -v cc >/dev/null || die "cc is missing (apt-get install gcc): it builds the C SAX2 baseline"
SAX2=$BENCH_DIR/sax2_baseline
# shellcheck disable=SC2046
cc -O2 -o "$SAX2" scripts/bench/sax2_baseline.c $(pkg-config --cflags --libs libxml-2.0)

echo "bench: creating a throw-away virtual environment with duckdb from PyPI"
rm -rf "$BENCH_DIR/venv"
python3 -m venv "$BENCH_DIR/venv"
"$BENCH_DIR/venv/bin/pip" install -q --disable-pip-version-check duckdb
PY=$BENCH_DIR/venv/bin/python
DUCKDB_VERSION=$("$PY" -c 'import duckdb; print(duckdb.__version__)')
echo "bench: duckdb $DUCKDB_VERSION (Python $("$PY" -c 'import platform; print(platform.python_version())'))"

# --- data --------------------------------------------------------------------------------------------
GEN=$BENCH_DIR/gen
mkdir -p "$GEN"
GEN_SHA=$(sha256sum "$BIN/hallrate-gen" | cut -c1-16)

# generate NAME ARGS…: runs `hallrate-gen bench ARGS… --out $GEN/NAME` unless the same generator binary
# already made that file with the same arguments.
generate() {
  local name=$1; shift
  local stamp="$GEN/$name.made-by"
  local want="$GEN_SHA $*"
  if [ -f "$GEN/$name" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    echo "bench: $name is up to date ($(du -h "$GEN/$name" | cut -f1))"
    return
  fi
  rm -f "$stamp"
  "$BIN/hallrate-gen" bench "$@" --out "$GEN/$name"
  echo "$want" > "$stamp"
}

generate csv1m.csv --rows 1000000 --seed 1
[ "$QUICK" = 1 ] || generate csv10m.csv --rows 10000000 --seed 1
# The same 1M records as csv1m.csv (same --rows and --seed), as one XML file.
generate xml1m.xml --rows 1000000 --seed 1 --format xml
# The nightly export: another seed and another 办件编号 prefix, so that it shares no id with the others.
generate nightly.csv --rows "$NIGHTLY_ROWS" --seed 2 --id-prefix NQXG

REGISTRY=gen/csv1m.csv.halls.csv        # all four files have the same 600-hall registry
CATALOGUE=gen/csv1m.csv.catalogue.csv   # and the same item catalogue
for f in csv10m.csv xml1m.xml nightly.csv; do
  [ -f "$GEN/$f.halls.csv" ] || continue
  cmp -s "$GEN/$f.halls.csv" "$BENCH_DIR/$REGISTRY" || die "$f.halls.csv differs from $REGISTRY"
  cmp -s "$GEN/$f.catalogue.csv" "$BENCH_DIR/$CATALOGUE" || die "$f.catalogue.csv differs from $CATALOGUE"
done

if [ "$QUICK" = 1 ]; then BIG=csv1m.csv; else BIG=csv10m.csv; fi
"$PY" scripts/bench_duckdb.py disjoint "$GEN/$BIG" "$GEN/nightly.csv"

# Each case reads the files of its own folder, hard links into gen/ (no copies).
link() { mkdir -p "$(dirname "$BENCH_DIR/$2")"; ln -f "$GEN/$1" "$BENCH_DIR/$2"; }
rm -rf "$BENCH_DIR/data" "$BENCH_DIR/pipelines" "$BENCH_DIR/out" "$BENCH_DIR/logs"
mkdir -p "$BENCH_DIR/pipelines" "$BENCH_DIR/out" "$BENCH_DIR/logs"
link csv1m.csv data/csv1m/export.csv
[ "$QUICK" = 1 ] || link csv10m.csv data/csv10m/export.csv
link xml1m.xml data/xml1m/export.xml
link "$BIG" data/nightly/a-full.csv          # b-nightly.csv is added after the first run

# pipeline CASE FORMAT: the pipeline of one case (paths relative to $BENCH_DIR, given as --root).
pipeline() {
  local case=$1 format=$2 file=$BENCH_DIR/pipelines/$1.yml
  cat > "$file" <<EOF
# Written by scripts/bench.sh: the benchmark case '$case'.
name: bench-$case
registry: $REGISTRY
catalogue: $CATALOGUE
targets: {district: 0.70, township: 0.50, village: 0.30}
min_volume: 30
list_size: 5
sources:
EOF
  if [ "$format" = csv ]; then
    sed "s#@GLOB@#data/$case/*.csv#" scripts/bench/csv-source.yml >> "$file"
  else
    cat >> "$file" <<EOF
  # hallrate-gen bench --format xml: the village-xml layout of Pipelines/default.yml in one file, with
  # the hall code in a <大厅> child and the district system's words.
  - name: bench-xml
    glob: data/$case/*.xml
    format: xml
    record: b:办件
    namespaces: {b: "urn:qxg:bianmin:1.0"}
    columns:
      txn_id: "@流水号"
      hall_code: b:大厅
      channel: b:渠道
      accepted_at: b:受理时间
      status: b:状态
      updated_at: b:更新时间
      completed_at: b:办结时间
      item_code: b:事项编码
      item_name: b:事项
      department: b:受理部门
      applicant_id: b:申请人/b:证件号码
    values:
      channel: {窗口: window, 网上申报: online, 移动端: mobile, 自助终端: kiosk}
      status: {办结: completed, 在办: in_progress, 不予受理: rejected, 撤件: withdrawn}
    date_formats: [iso8601]
EOF
  fi
  cat >> "$file" <<EOF
output:
  folder: out/$case
  language: en
  encoding: utf-8
EOF
}

# --- runs --------------------------------------------------------------------------------------------
RESULTS=$BENCH_DIR/results.tsv
printf 'case\ttool\trep\twall_s\trss_kb\trows\tbytes\tnote\n' > "$RESULTS"

# timed LOG CMD…: runs CMD under /usr/bin/time; sets WALL (seconds) and RSS (KiB). Stops on failure.
# Dirty pages (a deleted or copied store) are written back first, so that no run pays for the one before.
timed() {
  local log=$1; shift
  local tf=$log.time
  sync
  if ! /usr/bin/time -f '%e %M' -o "$tf" "$@" > "$log" 2>&1; then
    cat "$log" >&2
    die "failed: $*"
  fi
  read -r WALL RSS < <(tail -n 1 "$tf")
}

# hallrate_run CASE REP: a timed `hallrate run` of CASE into out/CASE (not deleted here).
hallrate_run() {
  timed "$BENCH_DIR/logs/$1-hallrate-$2.log" \
    "$BIN/hallrate" run "$BENCH_DIR/pipelines/$1.yml" --root "$BENCH_DIR" --output "$BENCH_DIR/out/$1" \
    --as-of "$AS_OF" -q --no-xlsx --no-html
}

# duckdb_run CASE REP FILE…: a timed DuckDB run of the job over FILE… (in this order) into out/CASE.duckdb.csv.
duckdb_run() {
  local case=$1 rep=$2; shift 2
  timed "$BENCH_DIR/logs/$case-duckdb-$rep.log" \
    "$PY" scripts/bench_duckdb.py run --registry "$BENCH_DIR/$REGISTRY" --out "$BENCH_DIR/out/$case.duckdb.csv" \
    --catalogue "$BENCH_DIR/$CATALOGUE" --holidays "$HOLIDAYS" --as-of "$AS_OF" "$@"
}

# sax2_run CASE REP XML: a timed run of the C SAX2 baseline over XML into out/CASE.sax2.csv.
sax2_run() {
  timed "$BENCH_DIR/logs/$1-sax2-$2.log" "$SAX2" "$BENCH_DIR/$REGISTRY" "$3" "$BENCH_DIR/out/$1.sax2.csv"
}

check() { # CASE [BASELINE]: hallrate's result against DuckDB's (or out/CASE.BASELINE.csv)
  local other=$BENCH_DIR/out/$1.${2:-duckdb}.csv
  "$PY" scripts/bench_duckdb.py compare "$BENCH_DIR/out/$1/hall_months.csv" "$other" \
    || die "hallrate and ${2:-duckdb} disagree on case $1 (see above); no time is reported"
}

record() { # CASE TOOL REP ROWS BYTES NOTE
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$WALL" "$RSS" "$4" "$5" "$6" >> "$RESULTS"
  printf 'bench: %-8s %-8s rep %s: %7.2f s  %6d MB peak RSS\n' "$1" "$2" "$3" "$WALL" "$((RSS / 1024))"
}

size() { stat -c %s "$1"; }
rows_of() { case "$1" in *10m*) echo 10000000 ;; *1m*) echo 1000000 ;; nightly.csv) echo "$NIGHTLY_ROWS" ;; esac; }

# full_case CASE HALLRATE_FILE DUCKDB_FILE NOTE: REPS interleaved pairs from scratch; for an XML file, the
# C SAX2 baseline runs third in each rep and its results go to case CASE-c.
full_case() {
  local case=$1 ours=$2 theirs=$3 note=$4
  pipeline "$case" "${ours##*.}"
  echo "bench: case $case: hallrate reads $ours, DuckDB reads $theirs$([ "${ours##*.}" = xml ] && echo ", C SAX2 reads $ours")"
  for rep in $(seq 1 "$REPS"); do
    rm -rf "$BENCH_DIR/out/$case"
    hallrate_run "$case" "$rep"
    local hw=$WALL hr=$RSS
    duckdb_run "$case" "$rep" "$GEN/$theirs"
    local dw=$WALL dr=$RSS
    check "$case"
    WALL=$hw RSS=$hr record "$case" hallrate "$rep" "$(rows_of "$ours")" "$(size "$GEN/$ours")" "$note"
    WALL=$dw RSS=$dr record "$case" duckdb "$rep" "$(rows_of "$theirs")" "$(size "$GEN/$theirs")" "$note"
    if [ "${ours##*.}" = xml ]; then
      sax2_run "$case" "$rep" "$GEN/$ours"
      check "$case" sax2
      WALL=$hw RSS=$hr record "$case-c" hallrate "$rep" "$(rows_of "$ours")" "$(size "$GEN/$ours")" "the same XML"
      record "$case-c" c-sax2 "$rep" "$(rows_of "$ours")" "$(size "$GEN/$ours")" "the same XML"
    fi
  done
}

full_case csv1m csv1m.csv csv1m.csv ""
[ "$QUICK" = 1 ] || full_case csv10m csv10m.csv csv10m.csv ""
full_case xml1m xml1m.xml csv1m.csv "DuckDB reads the same records as CSV"

# The nightly run: a full run over the big export makes the store once (not timed as nightly); each rep
# starts from a copy of that output folder, adds nothing else, and times `hallrate run` with the new
# export in the folder. DuckDB has no store: it re-reads both files every time.
case=nightly
pipeline "$case" csv
echo "bench: case $case: the store holds $BIG; b-nightly.csv ($NIGHTLY_ROWS rows) arrives"
rm -rf "$BENCH_DIR/out/$case" "$BENCH_DIR/out/$case.base"
timed "$BENCH_DIR/logs/$case-hallrate-base.log" \
  "$BIN/hallrate" run "$BENCH_DIR/pipelines/$case.yml" --root "$BENCH_DIR" --output "$BENCH_DIR/out/$case.base" \
  --as-of "$AS_OF" -q --no-xlsx --no-html
echo "bench: nightly: the first full run over $BIG took $WALL s, $((RSS / 1024)) MB"
link nightly.csv data/nightly/b-nightly.csv
all_rows=$(( $(rows_of "$BIG") + NIGHTLY_ROWS ))
all_bytes=$(( $(size "$GEN/$BIG") + $(size "$GEN/nightly.csv") ))
for rep in $(seq 1 "$REPS"); do
  rm -rf "$BENCH_DIR/out/$case"
  cp -a "$BENCH_DIR/out/$case.base" "$BENCH_DIR/out/$case"
  hallrate_run "$case" "$rep"
  hw=$WALL hr=$RSS
  duckdb_run "$case" "$rep" "$BENCH_DIR/data/nightly/a-full.csv" "$BENCH_DIR/data/nightly/b-nightly.csv"
  dw=$WALL dr=$RSS
  check "$case"
  WALL=$hw RSS=$hr record "$case" hallrate "$rep" "$all_rows" "$all_bytes" "+${NIGHTLY_ROWS} rows on ${BIG%.csv}"
  WALL=$dw RSS=$dr record "$case" duckdb "$rep" "$all_rows" "$all_bytes" "+${NIGHTLY_ROWS} rows on ${BIG%.csv}"
done

# --- report ------------------------------------------------------------------------------------------
{
  echo "# hallrate benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- command: \`bash scripts/bench.sh$([ "$QUICK" = 1 ] && echo ' --quick') --reps $REPS\` in $REPO (built from $BUILT)"
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(uname -sr)"
  echo "- $(swift --version 2>/dev/null | head -1); DuckDB $DUCKDB_VERSION (PyPI, default threads, Python $("$PY" -c 'import platform; print(platform.python_version())'))"
  echo "- hallrate: \`hallrate run PIPELINE --output DIR --as-of $AS_OF -q --no-xlsx --no-html\` with the item catalogue (deadlines, exception lists), from an empty output folder (and store) except in the nightly case"
  echo "- C SAX2 baseline: scripts/bench/sax2_baseline.c, $(cc --version | head -1), -O2, libxml2 $(pkg-config --modversion libxml-2.0)"
  echo "- medians over $REPS interleaved pairs; ratio = median of the per-pair ratios hallrate/baseline; peak RSS = the largest of the reps"
  echo
  "$PY" scripts/bench_duckdb.py report "$RESULTS" --markdown "$BENCH_DIR/table.md" > /dev/null
  cat "$BENCH_DIR/table.md"
} > "$BENCH_DIR/results.md"
echo
"$PY" scripts/bench_duckdb.py report "$RESULTS"
echo
echo "bench: every result agreed with DuckDB (and C SAX2 on XML); the table and every run are in $BENCH_DIR/results.md"
