#!/bin/sh
# One format table (exports/export.h) feeds every list of export formats:
# `peil export --help`, the --format error message, the bash completion and
# the man page. A format added to the table but missing from any of them, or
# one they list that the table lacks, fails here.
: "${PEIL:?run through tests/run.sh}" "${ROOT:?}"
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

formats=$("$PEIL" --lang en export --help | sed -n '/^Formats/,$ s/^  \([a-z][a-z0-9]*\) .*/\1/p' | LC_ALL=C sort | tr '\n' ' ')
formats=${formats% }
echo "formats in the table: $formats"
for f in md html csv json; do
	case " $formats " in *" $f "*) ;; *) fail "export --help does not list $f" ;; esac
done

# Every listed format is accepted; the error message names each of them.
"$PEIL" --lang en export /nonexistent.yaml --format nope 2>"$tmp/err"
[ $? -eq 2 ] || fail "--format nope: not a usage error"
for f in $formats; do
	grep -q "$f" "$tmp/err" || fail "the --format error message does not name $f: $(head -1 "$tmp/err")"
	"$PEIL" --lang en export /nonexistent.yaml --format "$f" 2>"$tmp/err2"
	grep -q -- "--format" "$tmp/err2" && fail "--format $f is refused: $(head -1 "$tmp/err2")"
done

# The bash completion offers exactly the table's formats.
if command -v bash >/dev/null 2>&1; then
	got=$(bash --norc --noprofile -c 'source "$1"; COMP_WORDS=("$2" export x.yaml --format ""); COMP_CWORD=4; _peil;
		printf "%s\n" "${COMPREPLY[@]}"' _ "$ROOT/scripts/peil.bash-completion" "$PEIL" | LC_ALL=C sort | tr '\n' ' ')
	[ "${got% }" = "$formats" ] || fail "completion offers '${got% }', the table has '$formats'"
fi

# The man page's export section describes each format (a .B line of its own),
# and no other.
man=$(sed -n '/^\.SS export/,/^\.SS /p' "$ROOT/doc/peil.1" | sed -n '/format " FORMAT"/,/^\.RE/ s/^\.B \([a-z][a-z0-9]*\)$/\1/p' | LC_ALL=C sort | tr '\n' ' ')
[ "${man% }" = "$formats" ] || fail "the man page describes '${man% }', the table has '$formats'"

[ $fails -eq 0 ] && echo "help, error message, completion and man page all list: $formats"
exit $((fails > 0))
