#!/usr/bin/env bash
# A binary that runs on Debian 12 without a Swift toolchain (make dist; docs/operations.md#deploying).
#
# Builds `hallrate` in release mode with the Swift runtime and Foundation linked in statically
# (--static-swift-stdlib, in .build-dist), packs it with the demo pipeline and the operations guide into
# dist/hallrate-VERSION-linux-ARCH.tar.gz, then checks the tarball's binary: `ldd` must list only system
# libraries, and it must run the demo with the toolchain's library folder hidden (a private mount
# namespace over it, when the machine allows one).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/require-packages.sh

swift build -c release --static-swift-stdlib --product hallrate --scratch-path .build-dist >&2
binary=.build-dist/release/hallrate
version=$("$binary" --version)
arch=$(uname -m)
name=hallrate-$version-linux-$arch
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name/bin" "$stage/$name/Pipelines" dist
cp "$binary" "$stage/$name/bin/hallrate"
strip "$stage/$name/bin/hallrate" 2>/dev/null || true
cp Pipelines/default.yml "$stage/$name/Pipelines/"
cp docs/operations.md docs/pipeline-format.md docs/outputs.md docs/metrics.md "$stage/$name/"
cat > "$stage/$name/README.txt" <<TEXT
hallrate $version for Debian 12 ($arch): bin/hallrate needs no Swift toolchain, only system libraries:
libcsv3, libxml2, libsqlite3-0, zlib1g, libstdc++6 (apt-get install libcsv3 libxml2 libsqlite3-0).
Usage, cron and systemd: operations.md. Pipeline files: pipeline-format.md. Outputs: outputs.md.
TEXT
tar -C "$stage" -czf "dist/$name.tar.gz" "$name"
echo "dist: wrote dist/$name.tar.gz ($(du -h "dist/$name.tar.gz" | cut -f1))" >&2

# The checks, on the unpacked tarball.
check=$(mktemp -d)
trap 'rm -rf "$stage" "$check"' EXIT
tar -C "$check" -xzf "dist/$name.tar.gz"
unpacked=$check/$name/bin/hallrate
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")/lib/swift
echo "dist: libraries the binary needs:" >&2
ldd "$unpacked" | sed 's/^/  /' >&2
if ldd "$unpacked" | grep -q -e "$toolchain" -e 'libswift' -e 'libFoundation' -e 'lib_FoundationICU'; then
  echo "dist: FAILED: the binary still needs the Swift toolchain's libraries" >&2
  exit 1
fi
demo_output=$check/out
run_demo="'$unpacked' run Pipelines/default.yml --output '$demo_output' -q --no-html --no-xlsx && '$unpacked' --version"
if [ -d "$toolchain" ] && unshare --mount true 2>/dev/null; then
  # Hide the toolchain's libraries behind an empty folder for this one command.
  unshare --mount sh -c "mount -t tmpfs none '$toolchain' && $run_demo" >&2
  echo "dist: the binary ran the demo with $toolchain hidden" >&2
else
  sh -c "$run_demo" >&2
  echo "dist: ran the demo (could not hide the toolchain here: no mount namespace; ldd shows none of it)" >&2
fi
test -s "$demo_output/hall_months.csv"
echo "dist: ok" >&2
