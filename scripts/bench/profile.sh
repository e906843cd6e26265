#!/usr/bin/env bash
# Where hallrate's time goes: callgrind over one `hallrate run` of a small benchmark export, from an empty
# store, in the release build. Instruction counts do not depend on the machine's load, unlike wall time.
#
#   bash scripts/bench/profile.sh [ROWS]      # default 50000
#
# Writes $BENCH_DIR/profile/callgrind.out (default BENCH_DIR=/tmp/hallrate-bench; open it with kcachegrind
# or callgrind_annotate) and prints the top functions by inclusive instruction count, demangled.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-50000}
[[ "$ROWS" =~ ^[0-9]+$ ]] || { echo "profile: ROWS must be a number" >&2; exit 2; }
BENCH_DIR=${BENCH_DIR:-/tmp/hallrate-bench}
DIR=$BENCH_DIR/profile
SCRATCH=.build-bench
BIN=$(pwd)/$SCRATCH/release

source scripts/require-packages.sh
if ! command -v valgrind >/dev/null || ! command -v callgrind_annotate >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq valgrind >/dev/null
fi
swift build -c release --scratch-path "$SCRATCH" --product hallrate-gen 2>&1 | tail -1
swift build -c release --scratch-path "$SCRATCH" --product hallrate 2>&1 | tail -1

rm -rf "$DIR"
mkdir -p "$DIR/data"
"$BIN/hallrate-gen" bench --rows "$ROWS" --seed 1 --out "$DIR/gen.csv"
ln -f "$DIR/gen.csv" "$DIR/data/export.csv"
{
  printf 'name: bench-profile\nregistry: gen.csv.halls.csv\nmin_volume: 30\nsources:\n'
  sed "s#@GLOB@#data/*.csv#" scripts/bench/csv-source.yml
  printf 'output: {folder: out, language: en, encoding: utf-8}\n'
  printf 'targets: {district: 0.70, township: 0.50, village: 0.30}\n'
} > "$DIR/profile.yml"

# Debian 12's valgrind (3.19) cannot read the DWARF 5 that Swift's clang writes and gives up, so profile a
# copy without debug information: the ELF symbol table still names every function.
objcopy --strip-debug "$BIN/hallrate" "$DIR/hallrate"
echo "profile: callgrind over hallrate run on $ROWS rows (this takes a minute or two)"
# hallrate reads on a thread of its own and hashes on a third: one profile per thread.
rm -f "$DIR"/callgrind.out*
valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file="$DIR/callgrind.out" \
  "$DIR/hallrate" run "$DIR/profile.yml" --root "$DIR" --output "$DIR/out" -q --no-xlsx --no-html \
  2> "$DIR/valgrind.log"
grep -E "Collected" "$DIR/valgrind.log" || true

demangle() { if command -v swift-demangle >/dev/null; then swift-demangle --simplified; else swift demangle --simplified; fi; }
echo
echo "profile: instructions per thread (valgrind runs SHA-256 without the CPU's SHA extensions,"
echo "so the hashing thread's count overstates it several times)"
for out in "$DIR"/callgrind.out-*; do
  total=$(grep -m1 -E '^(summary|totals):' "$out" | awk '{print $2}')
  [ "${total:-0}" -gt 1000000 ] || continue
  if grep -q 'HallRateCLI_main' "$out"; then role=main
  elif grep -q 'SHA256' "$out" && ! grep -q 'CSVFileReader\|XMLFileReader' "$out"; then role=hashing
  else role=reading; fi
  printf '  %-8s %15s instructions  %6d per row  (%s)\n' "$role" "$total" $((total / ROWS)) "$(basename "$out")"
  callgrind_annotate --inclusive=yes --threshold=100 "$out" 2>/dev/null | demangle > "$DIR/inclusive-$role.txt"
  callgrind_annotate --inclusive=no --threshold=100 "$out" 2>/dev/null | demangle > "$DIR/self-$role.txt"
done
for role in main reading; do
  [ -f "$DIR/inclusive-$role.txt" ] || continue
  echo
  echo "profile: $role thread, top 30 by inclusive instructions ($DIR/inclusive-$role.txt has them all)"
  grep -E '^ *[0-9,]+ \(' "$DIR/inclusive-$role.txt" | head -30 | cut -c1-200
done
echo
echo "profile: reading thread, top 15 by self instructions ($DIR/self-reading.txt)"
grep -E '^ *[0-9,]+ \(' "$DIR/self-reading.txt" 2>/dev/null | head -15 | cut -c1-200
