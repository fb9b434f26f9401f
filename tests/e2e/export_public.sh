#!/bin/sh
# export --public (issue 12): a scorecard for a public council meeting
# leaves out every note, every piece of evidence (also an action's note),
# the respondent's name, also last year's with --baseline, in every format;
# the document says it is the public version and keeps the role. The full
# export of the same file has them all (else this test proves nothing).
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
PEIL=${PEIL:-$ROOT/build/peil}
. "$ROOT/tests/e2e/_lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" PEIL_PATH=""
unset LANGUAGE LC_ALL LC_MESSAGES
Q=$ROOT/tests/fixtures/tui/town.yaml
A=$ROOT/tests/fixtures/public/answers.yaml
OLD=$ROOT/tests/fixtures/public/last-year.yaml
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# The text of an export: PDF through pdftotext, ODT's content.xml.
text() {   # file format
	case $2 in
	pdf) if command -v pdftotext >/dev/null; then pdftotext "$1" -; else echo "GEHEIM (no pdftotext)"; fi ;;
	odt) unzip -p "$1" content.xml ;;
	*) cat "$1" ;;
	esac
}

for lang in nl en; do
	for f in md html pdf odt csv json ics; do
		expect 0 "full $f ($lang)" "$PEIL" export -q "$Q" "$A" --baseline "$OLD" --format "$f" --appendix \
			--lang "$lang" -o "$tmp/full.$f"
		expect 0 "public $f ($lang)" "$PEIL" export -q "$Q" "$A" --baseline "$OLD" --format "$f" --appendix \
			--public --lang "$lang" -o "$tmp/public.$f"
		text "$tmp/full.$f" $f >"$tmp/full.txt"
		text "$tmp/public.$f" $f >"$tmp/public.txt"
		grep -q GEHEIM "$tmp/full.txt" || fail "$f ($lang): the full export has no note, evidence or name to leave out"
		if grep -q GEHEIM "$tmp/public.txt"; then
			fail "$f ($lang): the public export still has:"; grep -o 'GEHEIM[^"<,;]*' "$tmp/public.txt" | sort -u | sed 's/^/  | /'
		fi
	done
	# A document says which version it is, and keeps the role.
	case $lang in
	nl) version='Versie:\*\* openbaar: zonder de notities, de onderbouwing en de naam van wie antwoordde'
	    who='Beantwoord door:\*\* CIO$' ;;
	en) version="Version:\*\* public: without the notes, the evidence and the respondent's name"
	    who='Answered by:\*\* CIO$' ;;
	esac
	"$PEIL" export -q "$Q" "$A" --format md --public --lang $lang >"$tmp/p.md" 2>/dev/null
	grep -q -- "$version" "$tmp/p.md" || { fail "public md ($lang) does not say it is the public version:"; head -12 "$tmp/p.md"; }
	grep -q -- "$who" "$tmp/p.md" || { fail "public md ($lang): answered by the role"; grep -i 'door\|by' "$tmp/p.md" | head -3; }
	"$PEIL" export -q "$Q" "$A" --format md --lang $lang >"$tmp/f.md" 2>/dev/null
	grep -q -- "$version" "$tmp/f.md" && fail "the full md ($lang) says it is the public version"
done

# Without a role: the name is said to be left out, not 'not recorded'.
grep -v '^role:' "$A" >"$tmp/norole.yaml"
"$PEIL" export -q "$Q" "$tmp/norole.yaml" --format md --public --lang en >"$tmp/p.md" 2>/dev/null
grep -q 'Answered by:\*\* the organisation (name left out)$' "$tmp/p.md" ||
	{ fail "public md without a role:"; grep -i 'answered' "$tmp/p.md"; }

# Several files at once (-o DIR): --public holds for each.
mkdir "$tmp/in" "$tmp/outdir"
cp "$A" "$tmp/in/a.yaml"
cp "$A" "$tmp/in/b.yaml"
expect 0 "batch --public" "$PEIL" export -q "$Q" "$tmp/in" --format md --public -o "$tmp/outdir"
n=$(ls "$tmp/outdir" | wc -l)
[ "$n" -eq 2 ] || fail "batch --public wrote $n files, not 2"
grep -l GEHEIM "$tmp/outdir"/* 2>/dev/null | sed 's/^/FAIL: batch --public: GEHEIM in /' | grep . && fails=$((fails + 1))

[ "$fails" -eq 0 ] && echo "export --public: 7 formats in nl and en without notes, evidence or names; batch too"
exit $((fails > 0))
