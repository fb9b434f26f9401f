#!/bin/sh
# The manual page renders without a single groff warning, and documents every
# command, every long option in the sources, every environment variable and
# every exit status, so that an option added without documentation fails here.
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
PEIL=${PEIL:-$ROOT/build/peil}
page=$ROOT/doc/peil.1
fail=0
command -v groff >/dev/null 2>&1 || { echo "needs groff"; exit 77; }

err=$(groff -ww -man -Tutf8 "$page" 2>&1 >/dev/null)
[ -z "$err" ] || { echo "groff -ww warns:"; echo "$err"; fail=1; }
# mandoc is stricter still, where it is installed.
if command -v mandoc >/dev/null 2>&1; then
	err=$(mandoc -Tlint -Wwarning "$page" 2>&1)
	[ -z "$err" ] || { echo "mandoc -Tlint warns:"; echo "$err"; fail=1; }
fi
if command -v man >/dev/null 2>&1; then
	text=$(MANWIDTH=80 man -l "$page" 2>&1) || { echo "man -l fails"; fail=1; }
else
	text=$(groff -man -Tutf8 "$page" 2>/dev/null)
fi
text=$(printf '%s\n' "$text" | sed 's/.\x08//g')   # no overstrike
printf '%s\n' "$text" | grep -q '^NAME' || { echo "rendered page has no NAME section"; fail=1; }

need() {   # what, pattern in the rendered page
	printf '%s\n' "$text" | grep -q -e "$2" || { echo "man page does not mention $1"; fail=1; }
}
# Every command that `peil --help` lists.
for c in $("$PEIL" --lang en --help | sed -n 's/^  peil \([a-z][a-z]*\) .*/\1/p'); do
	need "command $c" "peil $c"
done
# Every long option of every command (the option table cli/options.h, its
# rows X(member, "name", ...) and aliases A("name", member)), and the global ones.
opts=$(sed -n 's/^[[:space:]]*[XA](\([a-z_]*, *\)\{0,1\}"\([a-z][a-z-]*\)".*/\2/p' "$ROOT/cli/options.h" | sort -u)
[ "$(echo "$opts" | wc -w)" -ge 30 ] || { echo "read only $(echo "$opts" | wc -w) options from cli/options.h"; fail=1; }
for o in $opts lang help version; do
	need "option --$o" "\-\-$o"
done
for v in PEIL_PATH XDG_DATA_HOME XDG_CONFIG_HOME NO_COLOR LANG LC_ALL LC_MESSAGES SOURCE_DATE_EPOCH TERM; do
	need "environment variable $v" "$v"
done
for s in 'EXIT STATUS' ENVIRONMENT FILES EXAMPLES 'PLAIN MODE' 'FILE FORMATS' DIAGNOSTICS; do
	need "section $s" "^$s"
done
need "the format description" "questionnaires/FORMAT.md"
need "the settings file" "peil/config"
for k in language theme data_dir high-contrast; do
	need "setting $k" "$k"
done
for n in 0 1 2 3; do
	printf '%s\n' "$text" | sed -n '/^EXIT STATUS/,/^[A-Z]/p' | grep -q "^ *$n[[:space:]]" ||
		{ echo "exit status $n not described"; fail=1; }
done
# The page names the version that the program reports.
v=$("$PEIL" --version | sed -n '1s/^peil //p')
grep -q "^\.TH PEIL 1 .*\"peil $v\"" "$page" || { echo "the .TH line does not say peil $v"; fail=1; }
# --help points to the manual.
"$PEIL" --lang en --help | grep -q "man peil" || { echo "--help does not point to man peil"; fail=1; }
[ $fail -eq 0 ] && echo "man page: renders cleanly, $(echo "$opts" | wc -w) options and every command documented"
exit $fail
