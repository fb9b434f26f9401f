#!/bin/sh
# Runs every test against one build directory (default: build/san, the
# AddressSanitizer + UndefinedBehaviorSanitizer build made by `make check`).
#   unit:   BUILD/tests/test_*          (cmocka)
#   e2e:    tests/e2e/*.sh, tests/e2e/*.py   (PEIL=BUILD/peil; exit 77 = skipped)
#   contract: ../shared/checks/run-all when it is there
# Ends with one line "N passed, N failed, N skipped"; exits 1 on any failure.
build=${1:-build/san}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
PEIL=$root/$build/peil
export PEIL ROOT="$root" PEIL_BUILD="$root/$build"
# ncurses keeps some memory until exit on purpose; leaks of our own still fail.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$root/tests/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
passed=0 failed=0 skipped=0 failures=""
log=$(mktemp -d)
run() {   # name, command...
	name=$1; shift
	if "$@" >"$log/out" 2>&1; then
		passed=$((passed + 1)); echo "ok    $name"
	else
		rc=$?
		if [ $rc -eq 77 ]; then
			skipped=$((skipped + 1)); echo "skip  $name: $(tail -n 1 "$log/out")"
		else
			failed=$((failed + 1)); failures="$failures $name"
			echo "FAIL  $name (exit $rc)"; sed 's/^/      /' "$log/out" | tail -n 40
		fi
	fi
}
for t in "$build"/tests/test_*; do
	[ -x "$t" ] && run "unit/$(basename "$t")" "$t"
done
for t in tests/e2e/*.sh; do
	case $(basename "$t") in _*) continue ;; esac   # sourced helpers
	[ -f "$t" ] && run "e2e/$(basename "$t")" sh "$t"
done
for t in tests/e2e/*.py; do
	case $(basename "$t") in
	_*|tmuxdrive.py) continue ;;   # modules the tests import
	esac
	[ -f "$t" ] && run "e2e/$(basename "$t")" python3 "$t" "$root"
done
if [ -x ../shared/checks/run-all ]; then
	run "contract/run-all" ../shared/checks/run-all
fi
rm -rf "$log"
[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
