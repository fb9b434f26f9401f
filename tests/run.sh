#!/bin/sh
# Runs every test against one build directory (default: build/san, the
# AddressSanitizer + UndefinedBehaviorSanitizer build made by `make check`).
#   unit:     BUILD/tests/test_*                   (cmocka)
#   e2e:      tests/e2e/*.sh, tests/e2e/*.py       (PEIL=BUILD/peil; exit 77 = skipped)
#             files starting with _ are helpers, not tests; tmuxdrive.py
#             is the tmux driver and runs its own self-test
#   contract: ../shared/checks/run-all when it is there
#
#   tests/run.sh [BUILD [TEST...]]     e.g. tests/run.sh build/san e2e/tui_fill.py
#
# The tests are independent (each makes its own temporary HOME, files and
# tmux server), so they run in parallel: PEIL_JOBS at a time (default: the
# number of cores). The slowest of the last run start first, so that no
# long test is left to run alone at the end (times kept in BUILD/test-times).
# Prints each test's result, time and CPU time as it ends, the output of every failed
# test, the total time and one line "N passed, N failed, N skipped"; exits 1
# on any failure. A test still running after PEIL_TEST_TIMEOUT seconds
# (default 300) fails.
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1

# One test, run by the workers below: tests/run.sh --one LOGDIR NAME
if [ "${1:-}" = --one ]; then
	log=$2 name=$3
	case $name in
	unit/*) set -- "$PEIL_BUILD/tests/${name#unit/}" ;;
	e2e/*.sh) set -- sh "tests/$name" ;;
	e2e/*.py) set -- python3 "tests/$name" "$root" ;;
	contract/run-all) set -- ../shared/checks/run-all ;;
	*) echo "no such test: $name" >"$log/$(echo "$name" | tr / _).out"; set -- false ;;
	esac
	key=$(echo "$name" | tr / _)
	start=$(date +%s%N)
	to=""; command -v timeout >/dev/null && to="timeout -k 5 ${PEIL_TEST_TIMEOUT:-300}"
	$to "$@" >"$log/$key.out" 2>&1 </dev/null
	rc=$?
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	# The CPU the test used (user + system, all its processes): what it
	# costs whatever else the machine is doing.
	times >"$log/$key.times"         # not in a pipe: that would be a subshell's
	cpu=$(awk 'NR == 2 { gsub(/[ms]/, " "); printf "%.1f", $1 * 60 + $2 + $3 * 60 + $4 }' "$log/$key.times")
	echo "$rc $ms $cpu" >"$log/$key.rc"
	secs=$(printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100)))
	case $rc in
	0) how=ok ;; 77) how=skip ;; *) how=FAIL ;;
	esac
	printf '%-5s %-36s %6s s  cpu %5s s' $how "$name" "$secs" "$cpu"
	case $rc in
	0) echo ;;
	77) echo "  $(tail -n 1 "$log/$key.out")" ;;
	124) echo "  (timed out)" ;;
	*) echo "  (exit $rc)" ;;
	esac
	exit 0
fi

build=${1:-build/san}
[ $# -gt 0 ] && shift
PEIL=$root/$build/peil
export PEIL ROOT="$root" PEIL_BUILD="$root/$build"
# PEIL_PLAIN: the build without sanitizers (make check builds BUILD/ and
# BUILD/san), for the few tests whose point the sanitizers do not see and
# that cost several times the CPU under them (valgrind; inputs at the
# size limits, where the point is bounded memory: each says why). Only
# when it is there, not instrumented and not older than any source;
# otherwise those tests use PEIL as well.
if [ -z "${PEIL_PLAIN:-}" ]; then
	plain=$(dirname "$root/$build")/peil
	[ "$plain" = "$PEIL" ] && plain=""
	if [ -n "$plain" ] && [ -x "$plain" ] && ! grep -q __asan_init "$plain" 2>/dev/null &&
	   [ -z "$(find core scoring exports tui serve cli -newer "$plain" \( -name '*.c' -o -name '*.h' \) 2>/dev/null | head -n 1)" ]; then
		PEIL_PLAIN=$plain
	else
		PEIL_PLAIN=$PEIL
	fi
fi
export PEIL_PLAIN
# ncurses keeps some memory until exit on purpose; leaks of our own still fail.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$root/tests/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
jobs=${PEIL_JOBS:-$(nproc 2>/dev/null || echo 2)}
times=$PEIL_BUILD/test-times
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
trap 'exit 130' INT TERM
# The tests' python3 is the one scripts/deps.sh installed python3-yaml for
# (Debian's), also where an environment manager puts its own first: a
# pyenv shim costs 0.3 s of CPU at every start, and the tests start Python
# hundreds of times.
py=$(command -v python3)
for p in /usr/bin/python3 "$py"; do
	if [ -x "$p" ] && "$p" -c 'import yaml' 2>/dev/null; then py=$p; break; fi
done
mkdir "$log/bin" && ln -s "$py" "$log/bin/python3"
PATH=$log/bin:$PATH

all_tests() {
	for t in "$build"/tests/test_*; do
		[ -x "$t" ] && echo "unit/${t##*/}"
	done
	for t in tests/e2e/*.sh tests/e2e/*.py; do
		case ${t##*/} in _*) continue ;; esac
		[ -f "$t" ] && echo "e2e/${t##*/}"
	done
	[ -x ../shared/checks/run-all ] && echo contract/run-all
}

# Longest first by the last run's times; a test never timed counts as long.
ordered() {
	if [ $# -gt 0 ]; then printf '%s\n' "$@"; else all_tests; fi |
	while read -r name; do
		ms=$( [ -f "$times" ] && awk -v n="$name" '$1 == n { print $2 }' "$times")
		echo "${ms:-999999} $name"
	done | sort -k1,1nr -k2 | cut -d' ' -f2
}

start=$(date +%s%N)
ordered "$@" >"$log/list"
xargs -P "$jobs" -n 1 sh "$root/tests/run.sh" --one "$log" <"$log/list"
total=$(( ($(date +%s%N) - start) / 1000000 ))

passed=0 failed=0 skipped=0 failures="" cputotal=0
: >"$log/times"
while read -r name; do
	key=$(echo "$name" | tr / _)
	if [ -f "$log/$key.rc" ]; then read -r rc ms cpu <"$log/$key.rc"; else rc=1 ms=0 cpu=0; fi
	echo "$name $ms" >>"$log/times"
	cputotal=$(awk -v a="$cputotal" -v b="${cpu:-0}" 'BEGIN { print a + b }')
	case $rc in
	0) passed=$((passed + 1)) ;;
	77) skipped=$((skipped + 1)) ;;
	*) failed=$((failed + 1)); failures="$failures $name"
	   echo "---- $name (exit $rc):"; tail -n 40 "$log/$key.out" | sed 's/^/      /' ;;
	esac
done <"$log/list"
# Keep the times of tests not run this time, so a partial run does not
# forget them.
if [ -f "$times" ]; then
	awk 'NR == FNR { seen[$1] = 1; print; next } !($1 in seen)' "$log/times" "$times" >"$log/merged"
else
	cp "$log/times" "$log/merged"
fi
mkdir -p "$PEIL_BUILD" && cp "$log/merged" "$times"

[ -n "$failures" ] && echo "failed:$failures"
printf 'total %d.%d s on %d jobs, cpu %s s\n' $((total / 1000)) $((total % 1000 / 100)) "$jobs" "$cputotal"
echo "$passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
