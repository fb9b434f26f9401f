#!/bin/sh
# The HTML scorecard in a real browser: headless Chromium prints it to PDF
# (A4, a sensible number of pages, the first page visibly drawn) and takes a
# PNG screenshot, with no console errors or blocked resources; the hostile
# scorecard's DOM holds no script. Skips (77) when Chromium or pdfinfo is
# missing: `make deps-check` (scripts/deps.sh check) installs them, tests
# never do.
#   DOC_PNG=doc/scorecard.png  also writes the first printed page there.
: "${PEIL:?run through tests/run.sh}" "${ROOT:?}"
fx=$ROOT/tests/fixtures/exports
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" PEIL_PATH="$fx" LC_ALL=C.UTF-8
export SOURCE_DATE_EPOCH=1782777600
unset LANGUAGE LANG LC_MESSAGES

find_browser() {
	for b in chromium chromium-browser google-chrome; do
		command -v "$b" >/dev/null 2>&1 && { command -v "$b"; return 0; }
	done
	return 1
}
browser=$(find_browser) ||
	{ echo "skipped: chromium is not installed (make deps-check installs it)"; exit 77; }
command -v pdfinfo >/dev/null 2>&1 ||
	{ echo "skipped: pdfinfo is not installed (poppler-utils; make deps-check installs it)"; exit 77; }

fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
chrome() {   # log-file args...
	log=$1; shift
	mkdir -p "$tmp/profile"
	timeout 180 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run --no-default-browser-check \
		--user-data-dir="$tmp/profile" --enable-logging=stderr --v=0 "$@" 2>"$log"
}

"$PEIL" --lang nl export -q "$fx/questionnaire.yaml" "$fx/current.yaml" --format html \
	--baseline "$fx/baseline.yaml" --peers "$fx/peers" -o "$tmp/card.html" 2>"$tmp/export.err" ||
	{ fail "export failed"; cat "$tmp/export.err"; exit 1; }

# PDF: A4, pages, no console errors, nothing blocked or fetched.
chrome "$tmp/pdf.log" --no-pdf-header-footer --print-to-pdf="$tmp/card.pdf" "file://$tmp/card.html"
[ -s "$tmp/card.pdf" ] || { fail "no PDF written"; tail -5 "$tmp/pdf.log"; exit 1; }
pages=$(pdfinfo "$tmp/card.pdf" | sed -n 's/^Pages: *//p')
size=$(pdfinfo "$tmp/card.pdf" | sed -n 's/^Page size: *//p')
echo "PDF: $pages pages, $size"
[ "${pages:-0}" -ge 3 ] && [ "${pages:-0}" -le 10 ] || fail "$pages pages (expected 3 to 10)"
case $size in *"(A4)"*) ;; *) fail "page size is $size, not A4" ;; esac
if grep -E 'CONSOLE|Refused to|Failed to load|Uncaught|net::ERR' "$tmp/pdf.log"; then
	fail "console errors or blocked resources while printing"
fi

# The first page is drawn: between 2% and 60% of it is not white.
if command -v pdftoppm >/dev/null 2>&1; then
	pdftoppm -r 40 -gray -f 1 -l 1 "$tmp/card.pdf" "$tmp/page"
	python3 - "$tmp"/page*.pgm <<'EOF' || fail "the first page looks empty or black"
import sys
data = open(sys.argv[1], "rb").read()
fields, pos = [], 0
while len(fields) < 4:              # P5 width height maxval, then one whitespace
    while data[pos:pos + 1].isspace():
        pos += 1
    start = pos
    while not data[pos:pos + 1].isspace():
        pos += 1
    fields.append(data[start:pos])
w, h = int(fields[1]), int(fields[2])
pixels = data[pos + 1:pos + 1 + w * h]
ink = sum(1 for p in pixels if p < 200) / len(pixels)
print(f"first page: {w}x{h}, {ink:.1%} ink")
sys.exit(0 if 0.02 < ink < 0.6 else 1)
EOF
	if [ -n "$DOC_PNG" ]; then
		pdftoppm -r 100 -png -f 1 -l 1 -singlefile "$tmp/card.pdf" "$tmp/first" &&
			cp "$tmp/first.png" "$DOC_PNG" && echo "wrote $DOC_PNG"
	fi
fi

# PNG screenshot, as on a screen.
chrome "$tmp/png.log" --window-size=900,1400 --screenshot="$tmp/card.png" "file://$tmp/card.html"
head -c 8 "$tmp/card.png" 2>/dev/null | od -An -c | grep -q 'P   N   G' || fail "no PNG screenshot"
[ "$(wc -c <"$tmp/card.png")" -gt 20000 ] || fail "the screenshot is suspiciously small"

# The hostile scorecard: the browser's DOM has no script and no image.
"$PEIL" --lang en export -q "$fx/questionnaire.yaml" "$fx/hostile.yaml" --format html -o "$tmp/hostile.html" 2>/dev/null ||
	fail "hostile export failed"
chrome "$tmp/dom.log" --dump-dom "file://$tmp/hostile.html" >"$tmp/dom.html"
grep -q '<h1>' "$tmp/dom.html" || fail "no DOM dumped"
grep -qi '<script\|<img' "$tmp/dom.html" && fail "the hostile scorecard has a script or image element"

[ $fails -eq 0 ] || exit 1
echo "rendered in $($browser --version 2>/dev/null | head -n 1)"
