#!/usr/bin/env bash
# Remakes the pictures of docs/ that the README shows: screenshots of the
# window from the last run of scripts/e2e.sh (artifacts/e2e/), the first page
# of the sample plan's PDF report, and the workbook's Summary sheet as
# LibreOffice prints it. PNGs are stripped and, with pngquant, quantised.
#
#   scripts/e2e.sh && scripts/docs-images.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LANGUAGE=en
shots=artifacts/e2e
[ -f "$shots/figures.txt" ] || { echo "docs-images: run scripts/e2e.sh first" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p docs

# optimize IN OUT: a small PNG of the same size.
optimize() {
  convert "$1" -strip "$tmp/strip.png"
  if command -v pngquant >/dev/null; then
    pngquant --quality 75-95 --speed 1 --strip --force --output "$2" "$tmp/strip.png"
  else
    cp "$tmp/strip.png" "$2"
  fi
}

# The window: name in docs ← screenshot of the e2e run.
for pair in overview:01-overview product:02-tour-product price:03-tour-price place:04-tour-place \
  promotion:05-tour-promotion groups:06-tour-groups calendar:07b-calendar-response-radio targets:08-tour-targets \
  scenarios:09-tour-scenarios tracking:11-tour-tracking risk:12-tour-risk \
  optimise:12-optimise-proposal dark:16-dark-overview french:19-fr-overview; do
  optimize "$shots/${pair#*:}.png" "docs/window-${pair%%:*}.png"
done

# The PDF report's first page, dated so it is the same on every run.
bin=$tmp/mixplan
go build -tags migrated_fynedo -o "$bin" .
"$bin" sample --out "$tmp/sample.mixplan" >/dev/null
"$bin" export --pdf "$tmp/report.pdf" --xlsx "$tmp/workbook.xlsx" --date 2027-01-04 "$tmp/sample.mixplan" >/dev/null
pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$tmp/report.pdf" "$tmp/report"
optimize "$tmp/report.png" docs/report-page1.png

# The workbook's Summary sheet, printed by LibreOffice: its top, trimmed.
soffice --headless --convert-to pdf --outdir "$tmp/book" "$tmp/workbook.xlsx" >/dev/null 2>&1
pdftoppm -r 110 -png -f 1 -l 1 -singlefile "$tmp/book/workbook.pdf" "$tmp/book"
convert "$tmp/book.png" -crop 100%x80%+0+0 +repage -trim +repage -bordercolor white -border 16 "$tmp/summary.png"
optimize "$tmp/summary.png" docs/workbook-summary.png

du -ch docs/*.png | tail -1
