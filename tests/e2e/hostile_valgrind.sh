#!/bin/sh
# valgrind memcheck on the CLI: valid runs and error paths (broken and
# hostile files, a missing file, a full-disk-free run of fill --plain) must
# show no invalid access, no uninitialised value and no leak.
# Needs valgrind and a build without AddressSanitizer (the two do not mix):
# $PEIL_PLAIN, else $PEIL when it is not instrumented, else the plain build
# next to the sanitizer one (make check builds BUILD/ and BUILD/san).
set -u
: "${PEIL:?}" "${ROOT:?}"
command -v valgrind >/dev/null 2>&1 || { echo "valgrind not installed"; exit 77; }
instrumented() { grep -q __asan_init "$1" 2>/dev/null; }
# tests/run.sh sets PEIL_PLAIN (to PEIL when there is no plain build).
bin=${PEIL_PLAIN:-}
if [ -z "$bin" ] || instrumented "$bin"; then
	bin=""
	if ! instrumented "$PEIL"; then
		bin=$PEIL
	elif [ -n "${PEIL_BUILD:-}" ] && [ -x "$(dirname "$PEIL_BUILD")/peil" ] &&
	     ! instrumented "$(dirname "$PEIL_BUILD")/peil"; then
		bin=$(dirname "$PEIL_BUILD")/peil
	fi
fi
[ -n "$bin" ] || { echo "no build without AddressSanitizer to run under valgrind"; exit 77; }
echo "binary: $bin"

H=$ROOT/tests/fixtures/hostile
LIB=$H/library.yaml
R=$H/r-everything.yaml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1782777600 LC_ALL=C.UTF-8
fail=0 runs=0

vg() {   # name, stdin file, peil arguments...
	name=$1 input=$2; shift 2
	runs=$((runs + 1))
	valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect \
		--errors-for-leak-kinds=definite,indirect \
		--log-file="$tmp/vg.log" "$bin" "$@" <"$input" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -eq 99 ] || [ -s "$tmp/vg.log" ]; then
		echo "FAIL $name (exit $rc)"; head -n 40 "$tmp/vg.log"; fail=1
	elif [ $rc -gt 3 ] && [ $rc -lt 128 ]; then
		echo "FAIL $name: exit $rc"; tail -n 5 "$tmp/err"; fail=1
	else
		echo "ok   $name (exit $rc)"
	fi
}

printf '3\n2\nnote\nEen notitie\nn\nu\nquit\n' >"$tmp/answers"
printf 'x:\n' >"$tmp/deep.yaml"; python3 -c 'print("[" * 5000 + "]" * 5000)' >>"$tmp/deep.yaml"
# One run per code path: a run under valgrind costs about 1.5 s of CPU, so
# error paths share runs (validate goes on after each bad file). What is
# left out here (score's text table, aggregate's JSON, usage errors) runs
# under AddressSanitizer in the other tests.
vg "validate questionnaire, response and hostile fixtures" /dev/null validate -q "$LIB" "$LIB" "$R" "$H"/*.yaml
vg "validate bad fixtures, a missing file, a directory, deep nesting" /dev/null \
	validate "$ROOT"/tests/fixtures/bad/*.yaml "$tmp/does-not-exist.yaml" "$tmp" "$tmp/deep.yaml"
vg "score json" /dev/null score -q "$LIB" "$R" --format json
for fmt in md html csv json; do
	vg "export $fmt with baseline" /dev/null export -q "$LIB" "$R" --format $fmt --baseline "$H/r-one.yaml" -o "$tmp/x.$fmt"
done
vg "aggregate -o" /dev/null aggregate -q "$LIB" "$R" "$H/r-one.yaml" -o "$tmp/merged.yaml"
vg "compare" /dev/null compare -q "$LIB" "$H/r-one.yaml" "$R" --format json
vg "fill --plain" "$tmp/answers" fill --plain -q "$LIB" -o "$tmp/fill.yaml" --organisation "Gemeente Valgrind"
vg "fill --plain resumed" "$tmp/answers" fill --plain -q "$LIB" -o "$tmp/fill.yaml"
vg "export to a missing directory" /dev/null export -q "$LIB" "$R" --format html -o "$tmp/no/such/dir/x.html"
echo "$runs runs under valgrind"
exit $fail
