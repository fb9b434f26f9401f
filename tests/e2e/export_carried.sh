#!/bin/sh
# A carried-over answer that nobody confirmed yet says so in the CSV status,
# in English and in Dutch; a confirmed one reads "answered".
set -u
: "${PEIL:?}" "${ROOT:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
q=$ROOT/tests/fixtures/tui/library.yaml
cat >"$tmp/r.yaml" <<'YAML'
peil-responses: 1
questionnaire: library-digital-services
organisation: Bibliotheek Proef
date: 2026-06-30
answers:
  services.online-loans: {level: 4, carried_over: true}
  services.help-desk: {level: 2}
...
YAML
fail=0
check() { if grep -q "$2" "$1"; then :; else echo "FAIL: $3"; fail=$((fail + 1)); fi; }
"$PEIL" export -q "$q" "$tmp/r.yaml" --format csv --lang en -o "$tmp/en.csv" || { echo "FAIL: export exit $?"; exit 1; }
"$PEIL" export -q "$q" "$tmp/r.yaml" --format csv --lang nl -o "$tmp/nl.csv" || { echo "FAIL: export exit $?"; exit 1; }
check "$tmp/en.csv" 'services.online-loans.*carried over, not yet confirmed' "en status of a carried-over answer"
check "$tmp/en.csv" 'services.help-desk.*,answered,' "en status of a confirmed answer"
check "$tmp/nl.csv" 'services.online-loans.*nog niet bevestigd' "nl status of a carried-over answer"
if grep 'services.help-desk' "$tmp/en.csv" | grep -q 'carried'; then echo "FAIL: a confirmed answer marked carried over"; fail=$((fail + 1)); fi
# Every text that shows a score says how many answers are not yet
# confirmed (issue 12): the scorecard's facts, in every document format.
for f in md html odt pdf; do
	for lang in en nl; do
		"$PEIL" export -q "$q" "$tmp/r.yaml" --format $f --lang $lang -o "$tmp/d.$f" || { echo "FAIL: export $f exit $?"; fail=$((fail + 1)); }
		case $f in
		odt) unzip -p "$tmp/d.odt" content.xml | sed 's/<[^>]*>/ /g' >"$tmp/d.txt" ;;
		pdf) if command -v pdftotext >/dev/null; then pdftotext "$tmp/d.pdf" - | tr '\n' ' ' >"$tmp/d.txt"; else continue; fi ;;
		*) cp "$tmp/d.$f" "$tmp/d.txt" ;;
		esac
		case $lang in
		en) want='1 answer carried over from last time is not yet confirmed; the scores count it as given.' ;;
		nl) want='1 antwoord uit de vorige keer is nog niet bevestigd; de scores tellen het mee.' ;;
		esac
		tr -s ' \n' '  ' <"$tmp/d.txt" | grep -qF "$want" || { echo "FAIL: $f ($lang) does not count the unconfirmed answer"; fail=$((fail + 1)); }
	done
done
echo "$((4 - fail)) passed, $fail failed"
[ $fail -eq 0 ]
