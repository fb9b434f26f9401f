#!/bin/sh
# Bash completion: commands, options per command, --format values per
# command, --lang values, questionnaire ids and files.
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
PEIL=${PEIL:-$ROOT/build/peil}
command -v bash >/dev/null 2>&1 || { echo "needs bash"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/work/peers" "$tmp/qs" "$tmp/xdg"
: >"$tmp/work/gemeente-2025.yaml"
: >"$tmp/work/gemeente-2026.yaml"
: >"$tmp/work/notes.txt"
: >"$tmp/qs/my-questionnaire.yaml"

# Prints the completions of a command line (the last word is completed).
cat >"$tmp/complete.bash" <<'EOS'
source "$1"
shift
COMP_WORDS=("$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
_peil
printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | tr '\n' ' '
EOS
fail=0
check() {   # expected (space-separated, sorted), words...
	want=$1; shift
	got=$(cd "$tmp/work" && PEIL_PATH="$tmp/qs" XDG_DATA_HOME="$tmp/xdg" HOME="$tmp" \
		bash --norc --noprofile "$tmp/complete.bash" "$ROOT/scripts/peil.bash-completion" "$@")
	got=${got% }
	if [ "$got" != "$want" ]; then
		echo "completing '$*': want '$want', got '$got'"
		fail=1
	fi
}
check "aggregate benchmark compare export fill intake plan score sector validate workshop" peil ""
check "compare" peil co
check "--help --lang --version" peil -
check "en nl" peil --lang ""
check "compare" peil --lang nl co
check "$("$PEIL" --lang en export --help | sed -n '/^Formats/,$ s/^  \([a-z][a-z0-9]*\) .*/\1/p' | LC_ALL=C sort | tr "\n" " " | sed "s/ $//")" "$PEIL" export x.yaml --format ""
check "json text" peil score x.yaml --format ""
check "csv json text" peil plan x.yaml --format ""
check "json text" peil aggregate -f ""
check "--baseline --bom" peil export x.yaml --b
check "--plain" peil fill --p
check "--participants" peil workshop --p
check "--same-size --strict" peil benchmark x.yaml --s
check "gemeente-2025.yaml gemeente-2026.yaml peers" peil score ""
check "gemeente-2025.yaml gemeente-2026.yaml" peil compare gemeente-2025.yaml gem
check "gemeente-2025.yaml gemeente-2026.yaml my-questionnaire peers" peil validate -q ""
# a directory of peers, or a round file
check "gemeente-2025.yaml gemeente-2026.yaml peers" peil benchmark x.yaml --peers ""
check "gemeente-2025.yaml gemeente-2026.yaml notes.txt peers" peil intake DIR --registry ""
check "csv html json md round text" peil sector DIR --format ""
check "gemeente-2025.yaml gemeente-2026.yaml notes.txt peers" peil export x.yaml -o ""
check "" peil fill --organisation ""
# Every long option in a command's getopt table is offered for that command.
for f in "$ROOT"/cli/cmd_*.c; do
	c=${f##*/cmd_}; c=${c%.c}
	got=" $(cd "$tmp/work" && bash --norc --noprofile "$tmp/complete.bash" \
		"$ROOT/scripts/peil.bash-completion" peil "$c" --) "
	for o in $(grep -o '{ "[a-z][a-z-]*", *[a-z_]*_argument' "$f" | sed 's/{ "\([^"]*\)".*/\1/'); do
		case $got in
			*" --$o "*) ;;
			*) echo "peil $c: option --$o is not completed"; fail=1 ;;
		esac
	done
done
[ $fail -eq 0 ] && echo "bash completion: all cases complete as expected"
exit $fail
