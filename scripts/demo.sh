#!/usr/bin/env bash
# First command of the README: install what is missing, build in release mode, and run the
# default pipeline on the demo exports in Input/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/require-packages.sh
swift build -c release --product hallrate
.build/release/hallrate run Pipelines/default.yml "$@"
echo "hallrate: results are in $(pwd)/Output/default/ (binary: .build/release/hallrate)"
