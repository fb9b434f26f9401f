#!/bin/sh
# Exit codes of `peil validate` and `peil score` (SPEC): 0 ok, 1 invalid
# input, 2 usage, 3 output not written.
: "${PEIL:?run through tests/run.sh}" "${ROOT:?}"
fx=$ROOT/tests/fixtures
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" PEIL_PATH="$fx/scoring:$fx/valid" LC_ALL=C.UTF-8
unset LANGUAGE
fails=0
. "$ROOT/tests/e2e/_lib.sh"
expect 0 "valid questionnaire" "$PEIL" validate "$fx/valid/mini.yaml"
grep -qx "$fx/valid/mini.yaml: ok" "$tmp/out" || { echo "FAIL: no 'ok' line"; fails=$((fails + 1)); }
expect 0 "valid response, questionnaire by id" "$PEIL" validate "$fx/scoring/r15.yaml"
expect 0 "warnings do not fail" "$PEIL" validate "$fx/valid/w-no-help.yaml"
expect 1 "broken questionnaire" "$PEIL" validate "$fx/bad/q-duplicate-key.yaml"
expect 1 "broken response" "$PEIL" validate -q "$fx/valid/library.yaml" "$fx/bad/r-date-feb30.yaml"
expect 1 "one bad file among good ones" "$PEIL" validate "$fx/valid/mini.yaml" "$fx/bad/q-empty.yaml"
expect 1 "missing file" "$PEIL" validate "$tmp/nothing.yaml"
expect 1 "a directory" "$PEIL" validate "$tmp"
expect 2 "validate without files" "$PEIL" validate
expect 2 "validate unknown option" "$PEIL" validate --strict "$fx/valid/mini.yaml"
expect 0 "score" "$PEIL" score "$fx/scoring/r15.yaml"
expect 0 "score -q path" "$PEIL" score -q "$fx/scoring/s15.yaml" "$fx/scoring/r15.yaml" --format json
expect 0 "score -q id" "$PEIL" score -q score-15 --format=text "$fx/scoring/r15.yaml"
expect 1 "score missing file" "$PEIL" score "$tmp/nothing.yaml"
expect 1 "score invalid response" "$PEIL" score -q "$fx/valid/library.yaml" "$fx/bad/r-level-undefined.yaml"
expect 1 "score questionnaire mismatch" "$PEIL" score -q "$fx/valid/library.yaml" "$fx/scoring/r15.yaml"
expect 1 "score unknown questionnaire id" "$PEIL" score -q no-such-questionnaire "$fx/scoring/r15.yaml"
# The right questionnaire, but with a duplicate key: refused, not used.
sed 's/^version: "1"$/version: "1"\nversion: "2"/' "$fx/scoring/s15.yaml" >"$tmp/s15-dup.yaml"
expect 1 "score with a questionnaire with a duplicate key" "$PEIL" score -q "$tmp/s15-dup.yaml" "$fx/scoring/r15.yaml"
grep -q "s15-dup.yaml:4:1: error: duplicate key 'version' (first at line 3)" "$tmp/err" ||
	{ echo "FAIL: duplicate key not reported"; cat "$tmp/err"; fails=$((fails + 1)); }
expect 2 "score without a file" "$PEIL" score
expect 2 "score two files" "$PEIL" score "$fx/scoring/r15.yaml" "$fx/scoring/r03.yaml"
expect 2 "score unknown option" "$PEIL" score --colour "$fx/scoring/r15.yaml"
expect 2 "score bad format" "$PEIL" score --format xml "$fx/scoring/r15.yaml"
expect 2 "score -q without value" "$PEIL" score "$fx/scoring/r15.yaml" -q
expect 2 "unknown command" "$PEIL" frobnicate
expect 2 "unknown global option" "$PEIL" --frobnicate
expect 2 "unknown language" "$PEIL" --lang de validate "$fx/valid/mini.yaml"
if [ -w /dev/full ]; then
	expect 3 "score to a full disk" sh -c '"$0" score "$1" --format json >/dev/full' "$PEIL" "$fx/scoring/r15.yaml"
	expect 3 "score text to a full disk" sh -c '"$0" score "$1" >/dev/full' "$PEIL" "$fx/scoring/r15.yaml"
fi
[ $fails -eq 0 ] && echo "exit codes: all as the SPEC says"
[ $fails -eq 0 ]
