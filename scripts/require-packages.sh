#!/usr/bin/env bash
# Installs the Debian packages hallrate builds against, when they are missing:
# libcsv-dev (CSV parsing), libxml2-dev (XML parsing) and libpq-dev (PostgreSQL's client, for the
# publication of counts). Sourced by demo.sh and test.sh.
set -euo pipefail

missing=()
for package in libcsv-dev libxml2-dev libpq-dev libsqlite3-dev zlib1g-dev pkg-config; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "hallrate: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "hallrate: swift is not on PATH (Swift 6.x is needed)" >&2; exit 1; }
