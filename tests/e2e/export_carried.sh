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
echo "$((4 - fail)) passed, $fail failed"
[ $fail -eq 0 ]
