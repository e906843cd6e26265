#!/usr/bin/env bash
# Refreshes the README's pictures of the demo's November 2019 report: page one of its PDF
# (docs/report-pdf-page1.png) and the page on a 390 px phone (docs/report-phone.png).
# Needs a built hallrate (.build/debug), chromium and poppler-utils (scripts/test.sh installs them),
# and python3 with Pillow to crop the phone picture.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
.build/debug/hallrate run Pipelines/default.yml --output "$out" --as-of 2026-12-06 --pdf -q
pdftoppm -f 1 -l 1 -r 90 -png -singlefile "$out/report_2019-11.pdf" docs/report-pdf-page1
# Headless Chromium's window is at least 500 px wide: the page is shown in a 390 px frame, then cropped.
cat > "$out/phone.html" <<'HTML'
<!DOCTYPE html><html><body style="margin:0"><iframe src="report_2019-11.html" style="border:0;width:390px;height:1500px"></iframe></body></html>
HTML
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --allow-file-access-from-files --window-size=500,1500 \
  --virtual-time-budget=5000 --screenshot="$out/phone.png" "file://$out/phone.html" >/dev/null 2>&1
python3 -c "
from PIL import Image
Image.open('$out/phone.png').crop((0, 0, 390, 1500)).save('docs/report-phone.png', optimize=True)"
echo "wrote docs/report-pdf-page1.png and docs/report-phone.png"
