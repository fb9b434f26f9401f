#!/bin/sh
# Malformed input of every kind gives exit 1, no crash, no sanitizer report,
# no hang, and every line on stderr in the compiler form
#   FILE:LINE:COL: error: MESSAGE   (or warning:)
# Also: `validate` reports every error of a file, not just the first.
: "${PEIL:?run through tests/run.sh}" "${ROOT:?}"
fx=$ROOT/tests/fixtures
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" PEIL_PATH="$fx/valid" LC_ALL=C.UTF-8
unset LANGUAGE
fails=0 files=0
to=""; command -v timeout >/dev/null && to="timeout 20"
check() {  # file [validate options...]
	f=$1; shift
	files=$((files + 1))
	$to "$PEIL" validate "$@" "$f" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -ne 1 ]; then
		echo "FAIL: $f: exit $rc, expected 1"; head -5 "$tmp/err"; fails=$((fails + 1)); return
	fi
	# FILE:LINE:COL: error: ..., or FILE: error: ... where there is no position
	if ! grep -q "^$f\(:[0-9][0-9]*:[0-9][0-9]*\)\{0,1\}: error: [^ ]" "$tmp/err"; then
		echo "FAIL: $f: no FILE:LINE:COL: error: line"; head -5 "$tmp/err"; fails=$((fails + 1)); return
	fi
	# Every line: this file (or the questionnaire it names), LINE:COL where
	# there is a position, a kind.
	form="^[^:]*\(:[0-9][0-9]*:[0-9][0-9]*\)\{0,1\}: \(error\|warning\): [^ ]"
	if grep -v "$form" "$tmp/err" | grep -q .; then
		echo "FAIL: $f: lines not in the FILE:LINE:COL form:"
		grep -v "$form" "$tmp/err" | head -5
		fails=$((fails + 1))
	fi
}
# The committed ones in one run each (a start of the sanitizer build costs
# more than reading a small file): exit 1, and each file has its own
# FILE:LINE:COL: error: line.
check_all() {  # "validate options" file...
	opts=$1; shift
	files=$((files + $#))
	# shellcheck disable=SC2086
	$to "$PEIL" validate $opts "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -ne 1 ]; then
		echo "FAIL: validate $opts on $# files: exit $rc, expected 1"; tail -n 5 "$tmp/err"; fails=$((fails + 1))
	fi
	for f; do
		grep -q "^$f:[0-9][0-9]*:[0-9][0-9]*: error: [^ ]" "$tmp/err" ||
			{ echo "FAIL: $f: no FILE:LINE:COL: error: line"; fails=$((fails + 1)); }
	done
	if grep -v "^[^:]*:[0-9][0-9]*:[0-9][0-9]*: \(error\|warning\): [^ ]" "$tmp/err" | grep -q .; then
		echo "FAIL: lines not in the FILE:LINE:COL form:"
		grep -v "^[^:]*:[0-9][0-9]*:[0-9][0-9]*: \(error\|warning\): " "$tmp/err" | head -5
		fails=$((fails + 1))
	fi
}
check_all "" "$fx"/bad/q-*.yaml
check_all "-q $fx/valid/library.yaml" "$fx"/bad/r-*.yaml

# Generated ones that are too big to commit.
head -c 17000000 /dev/zero | tr '\0' '#' >"$tmp/huge.yaml"
check "$tmp/huge.yaml"
{ printf 'peil: 1\nx-long: '; head -c 300000 /dev/zero | tr '\0' 'x'; echo; } >"$tmp/long-scalar.yaml"
check "$tmp/long-scalar.yaml"
python3 -c 'print("[" + "0," * 600000 + "0]")' >"$tmp/many-nodes.yaml"
check "$tmp/many-nodes.yaml"
python3 -c 'print("[" * 100000 + "]" * 100000)' >"$tmp/deep.yaml"
check "$tmp/deep.yaml"
printf 'a: &a [*a, *a]\n' >"$tmp/cycle.yaml"
check "$tmp/cycle.yaml"
printf '\357\273\277peil: \303(\n' >"$tmp/bom-bad-utf8.yaml"
check "$tmp/bom-bad-utf8.yaml"
grep -q "bom-bad-utf8.yaml:1:7: error: cannot read the file: invalid trailing UTF-8 octet" "$tmp/err" ||
	{ echo "FAIL: BOM column"; cat "$tmp/err"; fails=$((fails + 1)); }
printf 'peil-responses: 1\nquestionnaire: [library-digital-services]\n' >"$tmp/qid-list.yaml"
check "$tmp/qid-list.yaml"
check "$tmp/does-not-exist.yaml"
# The questionnaire key is an id, never a path to some other file.
sed 's|^questionnaire: .*|questionnaire: ../../../../etc/passwd|' "$fx/valid/r-base.yaml" >"$tmp/q-path.yaml"
check "$tmp/q-path.yaml"
grep -qx "$tmp/q-path.yaml:2:16: error: questionnaire: '../../../../etc/passwd' is not the id of a questionnaire" "$tmp/err" ||
	{ echo "FAIL: path as questionnaire id (validate)"; cat "$tmp/err"; fails=$((fails + 1)); }
"$PEIL" score "$tmp/q-path.yaml" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] && grep -qx "$tmp/q-path.yaml:2:16: error: questionnaire: '../../../../etc/passwd' is not the id of a questionnaire" "$tmp/err" ||
	{ echo "FAIL: path as questionnaire id (score)"; cat "$tmp/err"; fails=$((fails + 1)); }

# A questionnaire that cannot be found is reported at the response's key.
PEIL_PATH="$tmp/empty" "$PEIL" score "$fx/scoring/r15.yaml" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "^$fx/scoring/r15.yaml:2:16: error: questionnaire 'score-15' not found" "$tmp/err" ||
	{ echo "FAIL: questionnaire not found"; cat "$tmp/err"; fails=$((fails + 1)); }

# validate reports every error of a file, not just the first.
cat >"$tmp/three.yaml" <<'YAML'
peil: 1
id: Three Errors
version: "1"
languages: [nl, en]
title: {nl: Drie, en: Three}
levels:
  - {value: 1, label: {nl: Een, en: One}}
  - {value: 1, label: {nl: Twee, en: Two}}
domains:
  - id: d
    title: {nl: D, en: Dee}
    weight: -2
    questions:
      - id: d.a
        text: {nl: Vraag}
        help: {nl: Hulp, en: Help}
        answers:
          - {level: 1, text: {nl: Een, en: One}, advice: {nl: Doe, en: Do}}
YAML
check "$tmp/three.yaml"
for want in "three.yaml:2:5: error: id 'Three Errors'" "three.yaml:8:13: error: levels: values must be strictly ascending" \
            "three.yaml:12:13: error: weight: a domain's weight must be more than 0" \
            "three.yaml:15:15: error: text: missing the 'en' translation"; do
	grep -q "$want" "$tmp/err" || { echo "FAIL: missing '$want'"; cat "$tmp/err"; fails=$((fails + 1)); }
done
# …and every file of several.
"$PEIL" validate "$fx/bad/q-empty.yaml" "$fx/valid/mini.yaml" "$fx/bad/q-one-level.yaml" >"$tmp/out" 2>"$tmp/err"
[ "$(grep -c ': error: ' "$tmp/err")" -eq 2 ] && grep -q "mini.yaml: ok" "$tmp/out" ||
	{ echo "FAIL: several files"; cat "$tmp/out" "$tmp/err"; fails=$((fails + 1)); }

# score prints the errors in the same form, then exits 1.
"$PEIL" score -q "$fx/valid/library.yaml" "$fx/bad/r-unknown-question.yaml" >"$tmp/out" 2>"$tmp/err"
grep -qx "$fx/bad/r-unknown-question.yaml:9:3: error: 'services.helpdesk' is not a question of questionnaire 'library-digital-services'" "$tmp/err" ||
	{ echo "FAIL: score error line"; cat "$tmp/err"; fails=$((fails + 1)); }
[ -s "$tmp/out" ] && { echo "FAIL: score printed figures for an invalid file"; fails=$((fails + 1)); }

echo "$files malformed inputs, $fails failures"
[ $fails -eq 0 ]
