#!/usr/bin/env bash
# Renders the demo report as a finance analyst sees it: the workbook printed to
# PDF by headless LibreOffice and rasterised, the email at desktop and phone width
# in headless Chromium. Needs soffice, pdftoppm and chromium; not part of npm test.
# Usage: scripts/render-report.sh OUT_DIR [REPORTS_DIR]
set -euo pipefail
out="${1:?usage: render-report.sh OUT_DIR [REPORTS_DIR]}"
reports="${2:-reports}"
mkdir -p "$out"
workbook="$(ls "$reports"/devin-acu-chargeback-*.xlsx | sort | tail -1)"
email="${workbook%.xlsx}.email.html"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
soffice --headless "-env:UserInstallation=file://$profile/lo" --convert-to pdf --outdir "$out" "$workbook" >/dev/null
pdftoppm -png -r 60 "$out/$(basename "${workbook%.xlsx}").pdf" "$out/workbook"
for width in 1200 390; do
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile/chrome-$width" --hide-scrollbars \
    --window-size="$width,3000" --screenshot="$out/email-$width.png" "file://$(realpath "$email")" 2>/dev/null
done
echo "rendered into $out"
