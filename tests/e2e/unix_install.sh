#!/bin/sh
# make install / make uninstall, the way a packager and an administrator use
# them:
#  1. `make install DESTDIR=STAGE PREFIX=P` lays out every file under
#     STAGE/P (binary, questionnaires, examples, man page, Dutch catalogue,
#     bash completion) and nothing outside it.
#  2. The same build (a copy of the source tree, built once with PREFIX=P)
#     installed in P itself; the copy is then moved away, so the installed binary has no source tree to
#     fall back on. From another directory, with an empty HOME, it validates
#     the installed default questionnaire, finds it by id to score an installed
#     example, speaks Dutch from the installed catalogue, and its man page is
#     found through MANPATH.
#  3. `make uninstall` leaves no file behind.
# It builds peil once, unoptimised (set PEIL_SKIP_INSTALL_TEST=1 to skip).
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
[ -n "${PEIL_SKIP_INSTALL_TEST:-}" ] && { echo "PEIL_SKIP_INSTALL_TEST is set"; exit 77; }
command -v make >/dev/null 2>&1 || { echo "needs make"; exit 77; }
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
fail=0
say() { echo "$*"; fail=1; }
jobs=$(nproc 2>/dev/null || echo 2)
default=municipal-digital-maturity
have_default=0
[ -f "$ROOT/questionnaires/$default.yaml" ] && have_default=1

# A copy of the sources, without build products or git metadata.
mkdir "$tmp/src"
(cd "$ROOT" && tar --exclude='./build*' --exclude=./.git -cf - .) | (cd "$tmp/src" && tar -xf -)
unset MAKEFLAGS MFLAGS
# The objects of the build make check made first (not the sanitizer one),
# except those whose sources use the paths and version the Makefile bakes
# in (-DPEIL_DATADIR...): those are compiled here for PREFIX, the rest are
# linked as they are. A full compile cost 25 s of CPU and tests only the
# compiler, which every other test's build does already. The copies are
# newer than the sources (tar keeps their times), so make takes them as up
# to date. A header with one of the macros would reach every file that
# includes it: then everything is compiled, as before.
plain=$(dirname "${PEIL_BUILD:-/nonexistent}")
macros='PEIL_DATADIR\|PEIL_LOCALEDIR\|PEIL_SRCDIR\|PEIL_VERSION'
dirs="core cli tui scoring exports serve"
if [ -f "$plain/peil" ] && ! grep -q __asan_init "$plain/peil" 2>/dev/null &&
   ! (cd "$ROOT" && grep -rlq --include='*.h' "$macros" $dirs); then
	mkdir -p "$tmp/b"
	for d in $dirs; do
		[ -d "$plain/$d" ] && cp -R "$plain/$d" "$tmp/b/"
	done
	for c in $(cd "$ROOT" && grep -rl --include='*.c' "$macros" $dirs); do
		rm -f "$tmp/b/${c%.c}.o"
	done
	find "$tmp/b" -name '*.d' -exec rm -f {} +
fi

# ---- 1. DESTDIR staging ----
stage=$tmp/stage
prefix=$tmp/prefix
if ! make -C "$tmp/src" -j"$jobs" BUILD="$tmp/b" PREFIX="$prefix" DESTDIR="$stage" CFLAGS=-O0 \
	install >"$tmp/log1" 2>&1; then
	tail -n 30 "$tmp/log1"; say "make install DESTDIR=... failed"; exit 1
fi
for f in bin/peil share/man/man1/peil.1 share/locale/nl/LC_MESSAGES/peil.mo \
         share/bash-completion/completions/peil; do
	[ -f "$stage$prefix/$f" ] || say "DESTDIR install lacks $f"
done
[ -x "$stage$prefix/bin/peil" ] || say "bin/peil is not executable"
for q in "$ROOT"/questionnaires/*.yaml; do
	[ -f "$q" ] || continue
	cmp -s "$q" "$stage$prefix/share/peil/questionnaires/${q##*/}" || say "questionnaire ${q##*/} not installed"
done
for e in "$ROOT"/questionnaires/examples/*.yaml; do
	[ -f "$e" ] || continue
	cmp -s "$e" "$stage$prefix/share/peil/examples/${e##*/}" || say "example ${e##*/} not installed"
done
outside=$(find "$stage" -type f | grep -v "^$stage$prefix/")
[ -z "$outside" ] || say "DESTDIR install wrote outside PREFIX: $outside"
# The data dir baked in is PREFIX's, never DESTDIR's.
grep -q "$stage" "$stage$prefix/bin/peil" && say "the binary refers to DESTDIR ($stage)"
make -C "$tmp/src" BUILD="$tmp/b" PREFIX="$prefix" DESTDIR="$stage" uninstall >>"$tmp/log1" 2>&1 ||
	say "make uninstall DESTDIR=... failed"
left=$(find "$stage" -type f -o -type l)
[ -z "$left" ] || say "make uninstall left files behind: $left"

# ---- 2. a real prefix, without the source tree ----
# The same build: nothing is compiled again.
if ! make -C "$tmp/src" BUILD="$tmp/b" PREFIX="$prefix" install >"$tmp/log2" 2>&1; then
	tail -n 30 "$tmp/log2"; say "make install PREFIX=... failed"; exit 1
fi
grep -q '^  CC' "$tmp/log2" && say "make install compiled again after make install DESTDIR=..."
mv "$tmp/src" "$tmp/src-away"
mv "$tmp/b" "$tmp/b-away"           # no build/locale next to a binary either
mkdir -p "$tmp/home" "$tmp/elsewhere"
run() {   # runs the installed peil from elsewhere, with an empty HOME and no PEIL_PATH
	(cd "$tmp/elsewhere" && env -u PEIL_PATH -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u LANGUAGE \
		-u LC_ALL -u LC_MESSAGES HOME="$tmp/home" LANG=C.UTF-8 "$prefix/bin/peil" "$@")
}
run --version >"$tmp/out" 2>&1 || say "installed peil --version fails"
grep -q '^peil ' "$tmp/out" || say "--version: $(cat "$tmp/out")"
if [ $have_default -eq 1 ]; then
	run validate "$prefix/share/peil/questionnaires/$default.yaml" >"$tmp/out" 2>&1 ||
		say "installed peil does not validate the installed questionnaire: $(cat "$tmp/out")"
	grep -q 'error' "$tmp/out" && say "validate reports errors: $(cat "$tmp/out")"
	ex=$(ls "$prefix/share/peil/examples/"*.yaml 2>/dev/null | tail -n 1)
	if [ -n "$ex" ]; then
		# No -q: the questionnaire is found by the id in the example, on the
		# installed share dir (the source tree is gone).
		run score "$ex" --format json >"$tmp/out" 2>"$tmp/err" ||
			say "installed peil cannot score $ex: $(cat "$tmp/err")"
		grep -q "\"id\": *\"$default\"" "$tmp/out" || say "score did not use $default: $(head -c 300 "$tmp/out")"
		run score -q "$default" "$ex" >/dev/null 2>"$tmp/err" ||
			say "installed peil cannot find -q $default: $(cat "$tmp/err")"
	else
		echo "no installed examples: scoring part skipped"
	fi
else
	echo "questionnaires/$default.yaml not there yet: validate/score part skipped"
fi
out=$(run --lang nl --help 2>&1)
case $out in
	*Gebruik*) ;;
	*) say "installed peil --lang nl is not Dutch (catalogue not found): $(echo "$out" | head -n 3)" ;;
esac
out=$(cd "$tmp/elsewhere" && env -u LANGUAGE -u LC_ALL -u LC_MESSAGES HOME="$tmp/home" LANG=nl_NL.UTF-8 \
	"$prefix/bin/peil" --help 2>&1)
case $out in
	*Gebruik*) ;;
	*) say "installed peil under LANG=nl_NL.UTF-8 is not Dutch" ;;
esac
if command -v man >/dev/null 2>&1; then
	MANPATH="$prefix/share/man" MANWIDTH=80 man peil 2>/dev/null | grep -q 'PLAIN MODE' ||
		say "man peil does not find the installed page through MANPATH"
fi
mv "$tmp/src-away" "$tmp/src"
mv "$tmp/b-away" "$tmp/b"

# ---- 3. uninstall: exactly what install added ----
# A questionnaire the administrator added next to ours stays.
echo "peil: 1" >"$prefix/share/peil/questionnaires/our-own.yaml"
make -C "$tmp/src" BUILD="$tmp/b" PREFIX="$prefix" uninstall >"$tmp/log3" 2>&1 ||
	{ cat "$tmp/log3"; say "make uninstall failed"; }
[ -f "$prefix/share/peil/questionnaires/our-own.yaml" ] ||
	say "make uninstall removed a questionnaire it did not install"
rm -f "$prefix/share/peil/questionnaires/our-own.yaml"
left=$(find "$prefix" -type f -o -type l)
[ -z "$left" ] || say "make uninstall left files behind: $left"

[ $fail -eq 0 ] && echo "install: DESTDIR layout, installed binary without the source tree, uninstall: all fine"
exit $fail
