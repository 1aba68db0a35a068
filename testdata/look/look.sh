#!/bin/sh
# look.sh renders the shipped examples in every publication format (the
# self-assessments with csa report, the annual complaints report with csa
# annual), and the board's lists (csa gaps, csa actions and csa diff as
# HTML), and turns them into pictures to look at, as a council web editor,
# a resident on a phone and a board member with the printout would:
#
#   the HTML at 390, 768 and 1280 px wide (headless Chromium screenshots),
#   the HTML printed to PDF (Chromium), and the PDF as one PNG per page,
#   the XLSX and DOCX converted to PDF by LibreOffice, and those as PNGs,
#   and, with AXE_DIR set, axe-core run on the HTML (see axe.js).
#
# Usage: testdata/look/look.sh [OUT]   (from the repository root; OUT
# defaults to /tmp/csa-look). Each tool that is missing is skipped with a
# note: apt-get install chromium libreoffice-calc libreoffice-writer
# poppler-utils. Nothing here is a test: it makes the pictures; look at them.
set -eu
out=${1:-/tmp/csa-look}
mkdir -p "$out"
asof=2025-07-01
csa="$out/csa"
go build -o "$csa" ./cmd/csa

# A draft too: next year's, started from 2023/24, with answers to review.
"$csa" init --from examples/millbrook-2023-24.yaml --as-of 2024-05-01 --force -o "$out/draft-2024-25.yaml" 2>/dev/null

for f in examples/millbrook-2024-25.yaml examples/millbrook-2023-24.yaml "$out/draft-2024-25.yaml"; do
  n=$(basename "$f" .yaml)
  for fmt in html xlsx docx csv md; do
    ff=$fmt; [ "$fmt" = md ] && ff=markdown
    "$csa" report "$f" -f "$ff" --as-of "$asof" -o "$out/$n.$fmt" 2>>"$out/stderr.txt"
  done
done

# The board's lists: gaps and actions (one assessment, and both years as a
# paper of two parts), and the diff of the two years (across Codes) and of
# this year with the draft (one Code), as HTML and Markdown.
"$csa" gaps examples/millbrook-2024-25.yaml -f html --as-of "$asof" > "$out/gaps-2024-25.html"
"$csa" gaps examples -f html --as-of "$asof" > "$out/gaps-both.html" 2>>"$out/stderr.txt"
"$csa" actions examples -f html --as-of 2025-10-01 > "$out/actions-both.html" 2>>"$out/stderr.txt"
"$csa" actions examples -f html --overdue --as-of 2025-10-01 > "$out/actions-overdue.html" 2>>"$out/stderr.txt"
"$csa" diff examples/millbrook-2023-24.yaml examples/millbrook-2024-25.yaml -f html --as-of "$asof" -o "$out/diff-years.html"
"$csa" diff "$out/draft-2024-25.yaml" examples/millbrook-2024-25.yaml -f html --as-of "$asof" -o "$out/diff-draft.html"
"$csa" gaps examples -f markdown --as-of "$asof" > "$out/gaps-both.md" 2>/dev/null
"$csa" actions examples -f markdown --as-of 2025-10-01 > "$out/actions-both.md" 2>/dev/null
"$csa" diff examples/millbrook-2023-24.yaml examples/millbrook-2024-25.yaml -f markdown --as-of "$asof" -o "$out/diff-years.md"

# The annual complaints report (csa annual), and a draft of it: the same
# report before the Board has responded, its files named from where it is.
"$csa" annual examples/complaints/millbrook-annual-2024-25.yaml --as-of "$asof" -f html -o "$out/annual-2024-25.html"
"$csa" annual examples/complaints/millbrook-annual-2024-25.yaml --as-of "$asof" -f docx -o "$out/annual-2024-25.docx"
"$csa" annual examples/complaints/millbrook-annual-2024-25.yaml --as-of "$asof" -f markdown -o "$out/annual-2024-25.md"
awk -v here="$PWD/examples" '
  /^response:/ { skip = 1; next }
  skip && /^[^ ]/ { skip = 0 }
  skip { next }
  /^self_assessment: / { print "self_assessment: " here "/millbrook-2024-25.yaml"; next }
  /^figures: / { print "figures: " here "/complaints/millbrook-figures-2024-25.yaml"; next }
  { print }' examples/complaints/millbrook-annual-2024-25.yaml > "$out/annual-draft.yaml"
"$csa" annual "$out/annual-draft.yaml" --as-of "$asof" -f html -o "$out/annual-draft.html" 2>>"$out/stderr.txt"
"$csa" annual "$out/annual-draft.yaml" --as-of "$asof" -f docx -o "$out/annual-draft.docx" 2>>"$out/stderr.txt"

chromium=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -n "$chromium" ]; then
  for h in "$out"/*.html; do
    n=$(basename "$h" .html)
    for w in 390 768 1280; do
      "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$(mktemp -d)" --hide-scrollbars --window-size="$w,3000" \
        --screenshot="$out/$n-$w.png" "file://$h" >/dev/null 2>&1 || echo "look: screenshot of $n at $w px failed"
    done
    "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$(mktemp -d)" --no-pdf-header-footer \
      --print-to-pdf="$out/$n-print.pdf" "file://$h" >/dev/null 2>&1 || echo "look: printing $n failed"
  done
else
  echo "look: no chromium: the HTML is not rendered"
fi

soffice=$(command -v soffice || command -v libreoffice || true)
if [ -n "$soffice" ]; then
  for d in "$out"/*.xlsx "$out"/*.docx; do
    n=$(basename "$d" | tr . -)
    tmp=$(mktemp -d)
    "$soffice" -env:UserInstallation=file://"$tmp"/profile --headless --convert-to pdf --outdir "$tmp" "$d" >/dev/null 2>&1 || echo "look: LibreOffice could not convert $d"
    mv "$tmp"/*.pdf "$out/$n.pdf" 2>/dev/null || echo "look: no PDF from $d"
  done
else
  echo "look: no LibreOffice: the XLSX and DOCX are not converted"
fi

# Accessibility: axe-core on the pages, where AXE_DIR has it installed
# (npm install axe-core puppeteer-core in that folder).
if [ -n "${AXE_DIR:-}" ] && [ -d "$AXE_DIR/node_modules/axe-core" ] && [ -n "$chromium" ]; then
  NODE_PATH="$AXE_DIR/node_modules" CHROMIUM="$chromium" node testdata/look/axe.js "$out"/*.html || echo "look: axe-core found violations"
else
  echo "look: AXE_DIR not set (or without axe-core): accessibility not checked"
fi

if command -v pdftoppm >/dev/null; then
  for p in "$out"/*.pdf; do
    pdftoppm -png -r 50 "$p" "${p%.pdf}-page"
    echo "look: $(basename "$p"): $(pdfinfo "$p" 2>/dev/null | sed -n 's/^Pages: *//p') pages"
  done
else
  echo "look: no pdftoppm: the PDFs are not turned into pictures"
fi
echo "look: the pictures are in $out"
