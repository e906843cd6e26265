#!/usr/bin/env bash
# Second command of the README, and what CI runs: install what is missing, build, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/require-packages.sh
# The workbook test reads .xlsx files back with an independent reader.
python3 -c "import openpyxl" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check openpyxl
swift build --build-tests
swift test --skip-build
