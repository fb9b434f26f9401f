#!/bin/sh
# Files where users expect them: without -o an assessment goes to
# $XDG_DATA_HOME/peil/ (default ~/.local/share/peil/, created with its
# parents on a fresh account), or to the settings file's data_dir; a bare
# `peil fill` resumes the latest one there; user questionnaires are found in
# $XDG_DATA_HOME/peil/questionnaires. Plain mode is used (stdin is a pipe).
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
PEIL=${PEIL:-$ROOT/build/peil}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fx=$ROOT/tests/fixtures/unix
fail=0
run() {   # HOME=... [VAR=...] -- args   (stdin from the caller)
	vars=""
	while [ "$1" != "--" ]; do vars="$vars $1"; shift; done
	shift
	env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u PEIL_PATH -u LANGUAGE -u LC_ALL -u LC_MESSAGES \
		LANG=en_GB.UTF-8 SOURCE_DATE_EPOCH=1795000000 $vars "$PEIL" "$@"
}

# A fresh account: no ~/.local at all.
home=$tmp/fresh
mkdir "$home"
echo 3 | run HOME="$home" -- fill -q "$fx/library.yaml" --organisation "Gemeente Nieuw" >"$tmp/out" 2>&1 ||
	{ echo "fill on a fresh account fails: $(tail -n 3 "$tmp/out")"; fail=1; }
made=$(ls "$home/.local/share/peil/"*.yaml 2>/dev/null)
[ "$(echo "$made" | grep -c .)" -eq 1 ] || { echo "no single assessment in ~/.local/share/peil: '$made'"; fail=1; }
grep -q 'services.online-loans: {level: 3}' $made 2>/dev/null || { echo "the answer is not in $made"; fail=1; }
mode=$(stat -c %a "$home/.local/share/peil")
[ "$mode" = 700 ] || { echo "~/.local/share/peil has mode $mode, not 700 (assessments are private)"; fail=1; }

# Bare `peil fill` resumes the latest assessment there.
echo u | run HOME="$home" PEIL_PATH="$fx" -- fill >"$tmp/out" 2>&1
grep -q "Question 2 of 5" "$tmp/out" || { echo "bare fill does not resume at question 2: $(head -n 12 "$tmp/out")"; fail=1; }
grep -q 'services.help-desk: {status: unknown}' $made 2>/dev/null || { echo "resumed answer not saved in $made"; fail=1; }

# XDG_DATA_HOME is honoured.
echo quit | run HOME="$home" XDG_DATA_HOME="$tmp/xdg/data" -- fill -q "$fx/library.yaml" --organisation X >/dev/null 2>&1
ls "$tmp/xdg/data/peil/"*.yaml >/dev/null 2>&1 || { echo "nothing in \$XDG_DATA_HOME/peil"; fail=1; }

# The settings file's data_dir wins over the XDG data dir.
mkdir -p "$tmp/cfg/peil"
printf 'data_dir = ~/Documenten/peil\n' >"$tmp/cfg/peil/config"
echo quit | run HOME="$home" XDG_CONFIG_HOME="$tmp/cfg" -- fill -q "$fx/library.yaml" --organisation X >/dev/null 2>&1
ls "$home/Documenten/peil/"*.yaml >/dev/null 2>&1 || { echo "data_dir in the settings file is not used"; fail=1; }

# User questionnaires in $XDG_DATA_HOME/peil/questionnaires, found by id.
mkdir -p "$tmp/q/peil/questionnaires"
cp "$fx/library.yaml" "$tmp/q/peil/questionnaires/bieb.yaml"
printf 'peil-responses: 1\nquestionnaire: library-digital-services\nquestionnaire_version: "1.0"\norganisation: T\ndate: 2026-01-05\nanswers: {}\n' >"$tmp/r.yaml"
run HOME="$home" XDG_DATA_HOME="$tmp/q" -- validate "$tmp/r.yaml" >"$tmp/out" 2>&1 ||
	{ echo "the user's questionnaire is not found by id: $(cat "$tmp/out")"; fail=1; }
run HOME="$home" XDG_DATA_HOME="$tmp/q" -- score -q library-digital-services "$tmp/r.yaml" >/dev/null 2>&1 ||
	{ echo "-q ID does not find the user's questionnaire"; fail=1; }
[ $fail -eq 0 ] && echo "XDG: data dir made with parents (0700), resume, XDG_DATA_HOME, data_dir, user questionnaires fine"
exit $fail
