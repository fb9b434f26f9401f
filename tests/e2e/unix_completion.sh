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
# Every long option that the option table (cli/options.h) gives a command
# is offered for that command: rows X(member, "name", short, kind, commands)
# name the commands as CMD_X bits, CMD_ALL or CMD_ALL & ~(...); aliases
# A("name", member) follow their member.
table=$ROOT/cli/options.h
takes() {   # command, commands column: does the column include the command?
	C=CMD_$(echo "$1" | tr a-z A-Z)
	case $2 in
		*"CMD_ALL & ~("*"$C"[!A-Z]*) return 1 ;;
		*CMD_ALL*) return 0 ;;
		*"$C") return 0 ;;
		*"$C "*) return 0 ;;
	esac
	return 1
}
rows=$(sed -n 's/^[[:space:]]*X(\([a-z_]*\), *"\([a-z-]*\)", *[^,]*, *[A-Z]*, *\(.*\)) *\\$/\1 \2 \3/p' "$table")
[ "$(echo "$rows" | wc -l)" -ge 30 ] || { echo "read only $(echo "$rows" | wc -l) rows from $table"; fail=1; }
ncmd=0
for c in $(sed -n 's/.*local commands="\([^"]*\)".*/\1/p' "$ROOT/scripts/peil.bash-completion"); do
	got=" $(cd "$tmp/work" && bash --norc --noprofile "$tmp/complete.bash" \
		"$ROOT/scripts/peil.bash-completion" peil "$c" --) "
	n=0
	echo "$rows" | { while read -r member name cmds; do
		takes "$c" "$cmds" || continue
		names=$name
		for a in $(sed -n "s/^[[:space:]]*A(\"\([a-z-]*\)\", *$member).*/\1/p" "$table"); do
			names="$names $a"
		done
		for o in $names; do
			n=$((n + 1))
			case $got in
				*" --$o "*) ;;
				*) echo "peil $c: option --$o is not completed"; exit 1 ;;
			esac
		done
	done; [ $n -ge 2 ] || { echo "peil $c: no options found in $table"; exit 1; }; } || fail=1
	ncmd=$((ncmd + 1))
done
[ $ncmd -eq 11 ] || { echo "completion lists $ncmd commands, not 11"; fail=1; }
[ $fail -eq 0 ] && echo "bash completion: all cases complete as expected"
exit $fail
