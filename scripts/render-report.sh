#!/usr/bin/env bash
# Renders an HTML report to a PNG in headless Chromium, and checks the browser console.
#
#   scripts/render-report.sh FILE.html OUT.png
#
# Installs Debian's `chromium` and a CJK font (`fonts-noto-cjk`) when missing. Window size:
# RENDER_WINDOW (default 1280,2400). Exit status: 0 rendered cleanly; 2 usage; 3 Chromium is not
# available and cannot be installed here (nothing rendered); 4 the page logged to the console
# (errors, failed loads; printed on stderr, the PNG is still written); 5 Chromium ran but wrote no PNG.
set -uo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 FILE.html OUT.png" >&2
  exit 2
fi
html=$1
png=$2
[ -f "$html" ] || { echo "render-report: no such file: $html" >&2; exit 2; }

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; else sudo="unavailable"; fi
fi

# Installs Debian packages when apt knows a candidate for each; returns non-zero otherwise.
install_packages() {
  [ "$sudo" = "unavailable" ] && return 1
  command -v apt-get >/dev/null || return 1
  for package in "$@"; do
    candidate=$(apt-cache policy "$package" 2>/dev/null | awk '/Candidate:/ { print $2 }')
    if [ -z "$candidate" ] || [ "$candidate" = "(none)" ]; then
      $sudo apt-get update -qq >/dev/null 2>&1 || true
      candidate=$(apt-cache policy "$package" 2>/dev/null | awk '/Candidate:/ { print $2 }')
      if [ -z "$candidate" ] || [ "$candidate" = "(none)" ]; then return 1; fi
    fi
  done
  echo "render-report: installing $*" >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1
}

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  if ! install_packages chromium; then
    echo "render-report: chromium is not installed and cannot be installed here (apt-cache policy chromium has no candidate, or no root)" >&2
    exit 3
  fi
  browser=$(command -v chromium || true)
  [ -n "$browser" ] || { echo "render-report: chromium was installed but is not on PATH" >&2; exit 3; }
fi

if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  install_packages fonts-noto-cjk fontconfig || echo "render-report: warning: no CJK font could be installed; Chinese text will not render" >&2
fi

url="file://$(realpath "$html")"
out=$(realpath -m "$png")
profile=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$profile" "$log"' EXIT
rm -f "$out"
timeout 180 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars \
  --no-first-run --no-default-browser-check --user-data-dir="$profile" \
  --enable-logging=stderr --v=0 --window-size="${RENDER_WINDOW:-1280,2400}" \
  --screenshot="$out" "$url" >"$log" 2>&1
status=$?
if [ ! -s "$out" ]; then
  echo "render-report: chromium (exit $status) wrote no screenshot; its log:" >&2
  cat "$log" >&2
  exit 5
fi
# The report runs no script, so any console message (an exception, a resource that failed to load) is an error.
if grep -E 'Uncaught|:CONSOLE[:(]' "$log" >&2; then
  echo "render-report: the page logged console errors (above)" >&2
  exit 4
fi
echo "render-report: wrote $out ($(stat -c %s "$out") bytes)"
