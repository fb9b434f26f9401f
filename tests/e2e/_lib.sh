# Shared by the e2e shell tests (sourced, not run: tests/run.sh skips _*).
# expect EXIT DESCRIPTION COMMAND...: runs COMMAND with stdout in $tmp/out and
# stderr in $tmp/err; counts a failure in $fails when the exit status differs
# or a sanitizer reported something.
expect() {  # expected-exit description command...
	want=$1 what=$2; shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -ne "$want" ]; then
		echo "FAIL: $what: exit $got, expected $want: $*"; sed 's/^/  | /' "$tmp/err" | head -5
		fails=$((fails + 1))
	elif grep -q 'Sanitizer\|runtime error' "$tmp/err"; then
		echo "FAIL: $what: sanitizer report"; head -20 "$tmp/err"; fails=$((fails + 1))
	fi
}
