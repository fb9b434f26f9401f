#!/bin/sh
# peil intake and peil sector with bad input (issue 20): usage errors,
# registries that are not what they should be, and round files that break
# the privacy rules, each with its exact message.
set -u
. "$ROOT/tests/e2e/_lib.sh"
F=$ROOT/tests/fixtures/peers
Q="-q $F/library.yaml"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
no() { echo "FAIL: $*"; fails=$((fails + 1)); }
has() {   # file, exact line
	grep -qxF "$2" "$1" || no "missing line: $2
$(sed 's/^/  | /' "$1")"
}

expect 2 "intake without a directory" "$PEIL" --lang en intake
has "$tmp/err" "peil intake: name at least one directory of response files"
expect 2 "intake --format xml" "$PEIL" --lang en intake "$F/peers" --format xml
has "$tmp/err" "peil intake: --format takes text, csv or json, not 'xml'"
expect 2 "sector --min-n 9" "$PEIL" --lang en sector "$F/peers" --min-n 9
has "$tmp/err" "peil sector: --min-n takes a number of at least 10, not '9'"
expect 2 "sector --format pdf" "$PEIL" --lang en sector "$F/peers" --format pdf
has "$tmp/err" "peil sector: --format takes text, csv, json, md, html or round, not 'pdf'"
expect 2 "sector round with a baseline" "$PEIL" --lang en sector "$F/peers" --baseline "$F/peers" --format round
has "$tmp/err" "peil sector: a round file holds one round: leave out --baseline"

printf 'code;naam\nGM0001;Een\n' >"$tmp/reg-header.csv"
expect 1 "registry without the columns" "$PEIL" --lang en intake $Q "$F/peers" --registry "$tmp/reg-header.csv"
has "$tmp/err" "$tmp/reg-header.csv:1:1: error: the first row must name the columns, organisation_id and name among them (organisation_id;name;population)"

# The same in Dutch, as a Dutch network organisation sees them.
expect 2 "intake without a directory, nl" "$PEIL" --lang nl intake
has "$tmp/err" "peil intake: noem minstens één map met antwoordbestanden"
expect 2 "intake --format xml, nl" "$PEIL" --lang nl intake "$F/peers" --format xml
has "$tmp/err" "peil intake: --format vraagt text, csv of json, niet 'xml'"
expect 1 "registry without the columns, nl" "$PEIL" --lang nl intake $Q "$F/peers" --registry "$tmp/reg-header.csv"
has "$tmp/err" "$tmp/reg-header.csv:1:1: error: de eerste regel moet de kolommen noemen, waaronder organisation_id en name (organisation_id;name;population)"
expect 1 "intake of the fixture, nl" "$PEIL" --lang nl intake $Q "$F/peers"
has "$tmp/out" "10 bestanden, 9 organisaties; 9 met problemen; 1 bestand is niet geldig."
has "$tmp/out" "  $F/peers/sub/p7.yaml: onvolledig: 2 vragen open"
has "$tmp/out" "  $F/peers/p1.yaml: onvolledig: 1 vraag open"
has "$tmp/out" "  $F/peers/bad.yaml: niet geldig: $F/peers/bad.yaml:8:34: error: niveau 7 is geen van de niveaus van de vragenlijst"
has "$tmp/out" "Niet gelezen bestanden"
has "$tmp/out" "  $F/peers/notes.txt: niet gelezen: geen .yaml- of .yml-bestand"
expect 1 "intake csv, nl" "$PEIL" --lang nl intake $Q "$F/peers" --format csv
cr=$(printf '\r')   # CSV lines end in CRLF (RFC 4180)
has "$tmp/out" "$(printf '\357\273\277')Organisatie;organisation_id;Bestand;Probleem;Melding$cr"
has "$tmp/out" "Gemeente Een;;$F/peers/p1.yaml;incomplete;onvolledig: 1 vraag open$cr"
printf 'organisation_id;name;population\nGM0001;Een;12000\nGM0002;Twee\n' >"$tmp/reg-cols.csv"
expect 1 "registry row short of a column" "$PEIL" --lang en intake $Q "$F/peers" --registry "$tmp/reg-cols.csv"
has "$tmp/err" "$tmp/reg-cols.csv:3:1: error: 2 columns, the header names 3"
printf 'organisation_id;name;population\nGM0001;Een;veel\n' >"$tmp/reg-pop.csv"
expect 1 "registry population in words" "$PEIL" --lang en sector $Q "$F/peers" --registry "$tmp/reg-pop.csv"
has "$tmp/err" "$tmp/reg-pop.csv:2:12: error: population: expected a number of inhabitants"
printf 'organisation_id,name\nGM0001,"Een\n' >"$tmp/reg-quote.csv"
expect 1 "registry with an open quote" "$PEIL" --lang en intake $Q "$F/peers" --registry "$tmp/reg-quote.csv"
has "$tmp/err" "$tmp/reg-quote.csv:2:8: error: a quoted field is not closed"
expect 1 "registry missing" "$PEIL" --lang en intake $Q "$F/peers" --registry "$tmp/nope.csv"
has "$tmp/err" "$tmp/nope.csv: error: cannot read the registry: No such file or directory"

# A registry in a spreadsheet's shape (BOM, CRLF, quotes, commas) works.
printf '\357\273\277"organisation_id","name","population","province"\r\n"GM9000","Gemeente Zelf","15000","Utrecht"\r\n' \
	>"$tmp/reg-ok.csv"
expect 1 "intake with a good registry" "$PEIL" --lang en intake $Q "$F/peers" --registry "$tmp/reg-ok.csv" --format json
python3 -c "
import json, sys
j = json.load(open(sys.argv[1]))
codes = {p['problem'] for p in j['problems']}
assert {'invalid', 'not-in-registry', 'not-read'} <= codes, codes
assert j['invalid'] == 1, j
" "$tmp/out" || no "intake json: $(head -c 400 "$tmp/out")"

# A round file that breaks the rules is refused where it is read.
printf 'peil-round: 1\nquestionnaire: library-digital-services\norganisations: 6\ncells:\n- {domain: services, class: all, n: 6, p5: 1, p10: 1, p15: 1, p20: 2, p25: 2, p30: 2, p35: 2, p40: 3, p45: 3, p50: 3, p55: 3, p60: 3, p65: 4, p70: 4, p75: 4, p80: 4, p85: 5, p90: 5, p95: 5}\n' \
	>"$tmp/small-round.yaml"
expect 1 "benchmark against a round with a small cell" "$PEIL" --lang en benchmark $Q "$F/self.yaml" --peers "$tmp/small-round.yaml"
has "$tmp/err" "$tmp/small-round.yaml:5:37: error: n: a round file holds no cell of fewer than 10 organisations"
expect 1 "validate a round with a small cell" "$PEIL" --lang en validate $Q "$tmp/small-round.yaml"
has "$tmp/err" "$tmp/small-round.yaml:5:37: error: n: a round file holds no cell of fewer than 10 organisations"
expect 1 "--peers names a response file" "$PEIL" --lang en benchmark $Q "$F/self.yaml" --peers "$F/self.yaml"
has "$tmp/err" "$F/self.yaml: error: --peers needs a directory of response files or a round file (peil sector --format round)"
exit $((fails > 0))
