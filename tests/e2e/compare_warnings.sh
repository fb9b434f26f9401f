#!/bin/sh
# peil compare warns (issue 12, defect 7): different organisations,
# different questionnaire versions, open and unconfirmed answers, each with
# its count, on stderr; the table still comes out (exit 0). Two finished
# files of one organisation and version give no warning. The text output
# says how many answers are unconfirmed, as every text with scores does.
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
PEIL=${PEIL:-$ROOT/build/peil}
. "$ROOT/tests/e2e/_lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fx=$ROOT/tests/fixtures/figures
Q=$fx/questionnaire.yaml
has() {   # file text description
	grep -qF -- "$2" "$1" || { echo "FAIL: $3: no '$2' in:"; sed 's/^/  | /' "$1"; fails=$((fails + 1)); }
}

expect 0 "two finished files" "$PEIL" compare -q "$Q" "$fx/baseline.yaml" "$fx/current.yaml" --lang en
[ -s "$tmp/err" ] && { echo "FAIL: warnings for two finished files:"; cat "$tmp/err"; fails=$((fails + 1)); }

# Another organisation, another version, two open questions and three
# answers carried over and not yet confirmed.
sed -e 's/^organisation: .*/organisation: Gemeente Anders/' -e 's/^questionnaire_version: .*/questionnaire_version: "2025.1"/' \
	-e '/a.q7:/d' -e '/a.q8:/d' "$fx/baseline.yaml" >"$tmp/old.yaml"
sed -e 's/\(b.q[123]\): {level: \([0-9]\)}/\1: {level: \2, carried_over: true}/' "$fx/current.yaml" >"$tmp/new.yaml"
expect 0 "files that differ" "$PEIL" compare -q "$Q" "$tmp/old.yaml" "$tmp/new.yaml" --lang en
has "$tmp/err" "peil compare: warning: the files are of different organisations: 'Gemeente Anders' ($tmp/old.yaml) and 'Gemeente Grens' ($tmp/new.yaml)" "organisations"
has "$tmp/err" "peil compare: warning: the files answer different versions of the questionnaire: 2025.1 ($tmp/old.yaml) and 2026.1 ($tmp/new.yaml)" "versions"
has "$tmp/err" "$tmp/old.yaml: warning: 2 questions are still open" "open answers"
has "$tmp/err" "$tmp/new.yaml: warning: 3 answers carried over from last time are not yet confirmed" "unconfirmed answers"
has "$tmp/out" "Now: 3 answers carried over from last time are not yet confirmed; the scores count them as given." "the table's note"
has "$tmp/out" "Overall" "the table itself"

# In Dutch too.
expect 0 "files that differ, Dutch" "$PEIL" compare -q "$Q" "$tmp/old.yaml" "$tmp/new.yaml" --lang nl
has "$tmp/err" "$tmp/new.yaml: waarschuwing: 3 antwoorden uit de vorige keer zijn nog niet bevestigd" "Dutch warning"

# peil score says it as well.
expect 0 "score of a file with unconfirmed answers" "$PEIL" score -q "$Q" "$tmp/new.yaml" --lang en
has "$tmp/out" "3 answers carried over from last time are not yet confirmed; the scores count them as given." "score"

[ "$fails" -eq 0 ] && echo "compare warns about what differs; score and compare count unconfirmed answers"
exit $((fails > 0))
