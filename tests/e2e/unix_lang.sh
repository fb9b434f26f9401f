#!/bin/sh
# The interface language: LANG / LC_ALL / LC_MESSAGES / LANGUAGE, --lang
# (which wins, also under LC_ALL=C.UTF-8 or C), the settings file's
# `language`, a Dutch locale that is not installed (nl_BE.UTF-8), messages
# and questionnaire texts following the choice, and --version.
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
PEIL=${PEIL:-$ROOT/build/peil}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fx=$ROOT/tests/fixtures/unix
fail=0
# A clean environment: no language set, an empty home, no settings file.
run() {   # VAR=value... -- peil args
	vars=""
	while [ "$1" != "--" ]; do vars="$vars $1"; shift; done
	shift
	env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG -u PEIL_PATH HOME="$tmp/home" \
		XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" $vars "$PEIL" "$@"
}
dutch() {   # what, VAR=value... -- args: --help output is Dutch
	what=$1; shift
	out=$(run "$@" 2>&1)
	case $out in
		*Gebruik:*gemeente*) ;;
		*) echo "not Dutch: $what"; echo "$out" | head -n 3; fail=1 ;;
	esac
}
english() {
	what=$1; shift
	out=$(run "$@" 2>&1)
	case $out in
		*municipality*Usage:*) ;;
		*) echo "not English: $what"; echo "$out" | head -n 3; fail=1 ;;
	esac
}
dutch   "LANG=nl_NL.UTF-8"               LANG=nl_NL.UTF-8 -- --help
english "LANG=en_GB.UTF-8"               LANG=en_GB.UTF-8 -- --help
english "no locale at all"               -- --help
english "LC_ALL=C"                       LC_ALL=C -- --help
dutch   "LANG=nl_BE.UTF-8 (Flemish; locale not installed)" LANG=nl_BE.UTF-8 -- --help
dutch   "LC_MESSAGES=nl_NL.UTF-8 over LANG=en" LANG=en_GB.UTF-8 LC_MESSAGES=nl_NL.UTF-8 -- --help
english "LC_ALL=C.UTF-8 over LANG=nl"    LANG=nl_NL.UTF-8 LC_ALL=C.UTF-8 -- --help
dutch   "LANGUAGE=nl"                    LANGUAGE=nl -- --help
dutch   "--lang nl under LC_ALL=C.UTF-8" LC_ALL=C.UTF-8 -- --lang nl --help
dutch   "--lang nl under LC_ALL=C"       LC_ALL=C -- --lang nl --help
dutch   "--lang=nl after the command"    LC_ALL=C.UTF-8 -- --help --lang=nl
english "--lang en under LANG=nl_NL.UTF-8" LANG=nl_NL.UTF-8 -- --lang en --help
english "--lang en under LANGUAGE=nl"    LANGUAGE=nl LANG=nl_NL.UTF-8 -- --lang en --help

# A command's help and an error message follow the language; the error keeps
# the FILE:LINE:COL: error: form that editors read.
out=$(run LANG=nl_NL.UTF-8 -- score --help 2>&1)
case $out in *"Gebruik: peil score"*antwoordbestand*) ;; *) echo "score --help not Dutch: $out"; fail=1 ;; esac
run LANG=nl_NL.UTF-8 -- validate "$tmp/missing.yaml" >"$tmp/out" 2>&1
rc=$?
[ $rc -eq 1 ] || { echo "validate of a missing file: exit $rc"; fail=1; }
grep -q "^$tmp/missing.yaml: error: kan niet openen: " "$tmp/out" ||
	{ echo "Dutch error message: $(cat "$tmp/out")"; fail=1; }
run LC_ALL=C.UTF-8 -- --lang de --help >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] && grep -q "nl or en" "$tmp/err" || { echo "--lang de: exit $rc, $(cat "$tmp/err")"; fail=1; }

# Questionnaire texts: in the chosen language; with none, English when the
# questionnaire has it, and frame and texts speak that one language.
printf 'peil-responses: 1\nquestionnaire: library-digital-services\nquestionnaire_version: "1.0"\norganisation: T\ndate: 2026-01-05\nanswers:\n  services.online-loans: {level: 3}\n' >"$tmp/r.yaml"
run LANG=en_GB.UTF-8 -- score -q "$fx/library.yaml" "$tmp/r.yaml" | grep -q '^Services ' ||
	{ echo "English score table lacks the English domain title"; fail=1; }
run LANG=nl_NL.UTF-8 -- score -q "$fx/library.yaml" "$tmp/r.yaml" | grep -q '^Diensten .*Ambitie\|^Domein .*Ambitie' ||
	{ echo "Dutch score table: $(run LANG=nl_NL.UTF-8 -- score -q "$fx/library.yaml" "$tmp/r.yaml" | head -n 4)"; fail=1; }
out=$(run LC_ALL=C -- score -q "$fx/library.yaml" "$tmp/r.yaml")
case $out in
	*Diensten*|*Ambitie*|*Voortgang*) echo "without a language, Dutch words in English output: $out"; fail=1 ;;
	*"Progress:"*Services*) ;;
	*) echo "without a language, the questionnaire's English is not used: $out"; fail=1 ;;
esac

# The settings file: its language applies without --lang, --lang still wins,
# and a bad line is a warning (path:line:col) that does not stop peil.
mkdir -p "$tmp/config/peil"
printf '# my settings\nlanguage = nl\n' >"$tmp/config/peil/config"
dutch   "settings language = nl under LANG=en_GB.UTF-8" LANG=en_GB.UTF-8 -- --help
english "--lang en over the settings file" LANG=en_GB.UTF-8 -- --lang en --help
printf 'language = nl\ntheme = dark\n' >"$tmp/config/peil/config"
out=$(run LANG=en_GB.UTF-8 -- --help 2>"$tmp/err")
rc=$?
[ $rc -eq 0 ] || { echo "a bad setting stops peil (exit $rc)"; fail=1; }
grep -q "^$tmp/config/peil/config:2:9: warning: theme neemt default, high-contrast of none, niet 'dark'\$" "$tmp/err" ||
	{ echo "bad setting warning: $(cat "$tmp/err")"; fail=1; }
case $out in *Gebruik*) ;; *) echo "the good line of a settings file with a bad one is not applied"; fail=1 ;; esac
rm -f "$tmp/config/peil/config"

# --version: version, formats, libraries.
out=$(run LC_ALL=C.UTF-8 -- --version)
echo "$out" | grep -qE '^peil [0-9]+\.[0-9]+\.[0-9]+$' || { echo "--version line 1: $out"; fail=1; }
echo "$out" | grep -q 'questionnaire format 1' && echo "$out" | grep -q 'response format 1' ||
	{ echo "--version does not name the formats: $out"; fail=1; }
echo "$out" | grep -qE 'libyaml [0-9]+\.[0-9]+' && echo "$out" | grep -qE 'ncurses [0-9]+\.[0-9]+' ||
	{ echo "--version does not name the libraries and their versions: $out"; fail=1; }
[ $fail -eq 0 ] && echo "languages: locale, --lang, settings file, messages, questionnaire texts and --version fine"
exit $fail
