#!/usr/bin/env bash
# Second command of the README, and what CI runs: install what is missing, build, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/require-packages.sh
# The workbook test reads .xlsx files back with an independent reader.
python3 -c "import openpyxl" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check openpyxl
# The HTML report test renders the page in headless Chromium with a CJK font (scripts/render-report.sh
# installs them too; when they cannot be had, that test is reported as skipped, not passed).
if ! command -v chromium >/dev/null || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk fontconfig >/dev/null 2>&1 \
    || echo "hallrate: chromium could not be installed; the HTML render test will be skipped" >&2
fi
# The workbook print test converts the workbook to PDF in LibreOffice and counts its pages with poppler-utils
# (a few minutes to install; when they cannot be had, that test is reported as skipped, not passed).
if ! command -v soffice >/dev/null || ! command -v pdfinfo >/dev/null || ! command -v pdftotext >/dev/null; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libreoffice-calc poppler-utils >/dev/null 2>&1 \
    || echo "hallrate: libreoffice-calc could not be installed; the workbook print test will be skipped" >&2
fi
# The working-day calendar test checks every date of its data against the PyPI package chinesecalendar,
# an independent source, installed into a throw-away virtual environment (skipped, not passed, without it).
CALENDAR_VENV=.build/chinesecalendar-venv
if ! "$CALENDAR_VENV/bin/python" -c "import chinese_calendar" 2>/dev/null; then
  if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends python3-venv >/dev/null 2>&1 || true
  fi
  mkdir -p .build
  { python3 -m venv "$CALENDAR_VENV" \
      && "$CALENDAR_VENV/bin/pip" install --quiet --disable-pip-version-check chinesecalendar==1.11.0; } >/dev/null 2>&1 \
    || echo "hallrate: chinesecalendar could not be installed; the calendar cross-check will be skipped" >&2
fi
if "$CALENDAR_VENV/bin/python" -c "import chinese_calendar" 2>/dev/null; then
  export HALLRATE_CHINESECALENDAR_PYTHON="$PWD/$CALENDAR_VENV/bin/python"
fi
swift build --build-tests
# The publication and federation tests (issue 15) need a real PostgreSQL: a throw-away cluster on a
# loopback port, installed when missing and stopped when this script exits.
source scripts/postgres-cluster.sh
swift test --skip-build
# Every parser under coverage-guided fuzzing for a short budget (make fuzz runs each to 10^6 inputs).
bash scripts/fuzz.sh --seconds 20
