#!/bin/sh
# `peil --help`, `peil COMMAND --help` and `peil --version`: exit 0, on
# standard output, nothing on standard error.
: "${PEIL:?run through tests/run.sh}"
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8
unset LANGUAGE
fails=0
run() {  # command... ; leaves stdout in $tmp/out
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -ne 0 ] || [ -s "$tmp/err" ] || [ ! -s "$tmp/out" ]; then
		echo "FAIL: $*: exit $rc"; cat "$tmp/err" | head -5; fails=$((fails + 1))
	fi
}
has() {  # fixed-string what
	grep -qF -- "$1" "$tmp/out" || { echo "FAIL: '$1' missing from:"; sed 's/^/  | /' "$tmp/out"; fails=$((fails + 1)); }
}
for opt in --help -h help; do
	run "$PEIL" $opt
	has "Usage:"
	for c in fill workshop validate score export aggregate compare benchmark; do has "peil $c "; done
	has "peil --help | --version"
	has "--lang nl|en"
done
run "$PEIL" score --help
has "Usage: peil score [-q Q] FILE [--format text|json]"
run "$PEIL" validate --help
has "Usage: peil validate [-q Q] FILE|DIR..."
run "$PEIL" score -h
has "peil score"
run "$PEIL" --version
head -n 1 "$tmp/out" | grep -qE '^peil [0-9]+\.[0-9]+\.[0-9]+' || { echo "FAIL: version line: $(head -n 1 "$tmp/out")"; fails=$((fails + 1)); }
has "libyaml 0."
run "$PEIL" -V
# A usage error shows the command's synopsis on stderr, exit 2.
"$PEIL" score --format 2>"$tmp/err" >"$tmp/out"
[ $? -eq 2 ] && grep -qF "Usage: peil score" "$tmp/err" && [ ! -s "$tmp/out" ] ||
	{ echo "FAIL: usage error"; cat "$tmp/err"; fails=$((fails + 1)); }
[ $fails -eq 0 ]
