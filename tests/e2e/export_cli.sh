#!/bin/sh
# `peil export` and `peil compare` on the command line: exit codes (SPEC: 0 ok,
# 1 invalid input, 2 usage, 3 output not written), and an export that cannot
# be written leaves no file, not even half of one.
: "${PEIL:?run through tests/run.sh}" "${ROOT:?}"
fx=$ROOT/tests/fixtures/exports
tmp=$(mktemp -d) && trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" PEIL_PATH="$fx" LC_ALL=C.UTF-8
export SOURCE_DATE_EPOCH=1782777600
unset LANGUAGE LANG LC_MESSAGES
cur=$fx/current.yaml old=$fx/baseline.yaml q="-q $fx/questionnaire.yaml"
fails=0
. "$ROOT/tests/e2e/_lib.sh"
no_file() {  # description path
	if [ -e "$2" ]; then echo "FAIL: $1: $2 exists"; fails=$((fails + 1)); fi
}

# A response file of another questionnaire.
sed 's/^questionnaire: peil-export-example$/questionnaire: something-else/' "$old" >"$tmp/other.yaml"

expect 0 "export --help" "$PEIL" export --help
grep -q "export" "$tmp/out" || { echo "FAIL: export --help says nothing"; fails=$((fails + 1)); }
expect 0 "md to stdout" "$PEIL" export $q "$cur" --format md
head -n 1 "$tmp/out" | grep -qx "# Bibliotheek Voorbeeldstad" || { echo "FAIL: md title"; fails=$((fails + 1)); }
expect 0 "questionnaire found by id" "$PEIL" export "$cur" --format=json
expect 2 "no --format" "$PEIL" export $q "$cur"
expect 2 "unknown format" "$PEIL" export $q "$cur" --format docx
expect 2 "bad separator" "$PEIL" export $q "$cur" --format csv --csv-sep x
expect 2 "two files" "$PEIL" export $q "$cur" "$old" --format md
expect 2 "no file" "$PEIL" export $q --format md
expect 2 "unknown option" "$PEIL" export $q "$cur" --format md --colour
expect 2 "bad --min-peers" "$PEIL" export $q "$cur" --format md --peers "$fx/peers" --min-peers 0
expect 1 "missing file" "$PEIL" export $q "$tmp/none.yaml" --format md
expect 1 "missing baseline" "$PEIL" export $q "$cur" --format md --baseline "$tmp/none.yaml"
expect 1 "baseline of another questionnaire" "$PEIL" export $q "$cur" --format md --baseline "$tmp/other.yaml"
grep -q "other.yaml:2:[0-9]*: error: " "$tmp/err" || { echo "FAIL: no FILE:LINE:COL error"; cat "$tmp/err"; fails=$((fails + 1)); }
expect 1 "peers directory missing" "$PEIL" export $q "$cur" --format md --peers "$tmp/no-peers"
expect 1 "--same-size without population" "$PEIL" export $q "$old" --format md --peers "$fx/peers" --same-size

# -o: written whole, the same as standard output.
expect 0 "html to stdout" "$PEIL" export $q "$cur" --format html --baseline "$old"
cp "$tmp/out" "$tmp/stdout.html"
expect 0 "html to a file" "$PEIL" export $q "$cur" --format html --baseline "$old" -o "$tmp/card.html"
cmp -s "$tmp/stdout.html" "$tmp/card.html" || { echo "FAIL: -o differs from stdout"; fails=$((fails + 1)); }
[ -s "$tmp/out" ] && { echo "FAIL: -o also wrote to stdout"; fails=$((fails + 1)); }

# Outputs that cannot be written: exit 3, nothing (half-)written.
mkdir "$tmp/w"
expect 3 "parent is a file" "$PEIL" export $q "$cur" --format md -o "$tmp/card.html/x.md"
expect 3 "no such directory" "$PEIL" export $q "$cur" --format md -o "$tmp/w/no/such/x.md"
no_file "no such directory" "$tmp/w/no"
mkdir "$tmp/w/dir"
expect 3 "target is a directory" "$PEIL" export $q "$cur" --format csv -o "$tmp/w/dir"
[ "$(ls -A "$tmp/w/dir")" = "" ] || { echo "FAIL: files left in the directory"; fails=$((fails + 1)); }
[ "$(ls -A "$tmp/w")" = "dir" ] || { echo "FAIL: temporary files left: $(ls -A "$tmp/w")"; fails=$((fails + 1)); }
if [ "$(id -u)" -ne 0 ]; then      # root writes anywhere
	mkdir "$tmp/ro" && chmod 555 "$tmp/ro"
	expect 3 "read-only directory" "$PEIL" export $q "$cur" --format md -o "$tmp/ro/x.md"
	no_file "read-only directory" "$tmp/ro/x.md"
fi
if [ -w /dev/full ]; then
	"$PEIL" export $q "$cur" --format md >/dev/full 2>"$tmp/err"
	rc=$?
	[ $rc -eq 3 ] || { echo "FAIL: export to a full disk: exit $rc"; fails=$((fails + 1)); }
	"$PEIL" compare $q "$old" "$cur" >/dev/full 2>"$tmp/err"
	rc=$?
	[ $rc -eq 3 ] || { echo "FAIL: compare to a full disk: exit $rc"; fails=$((fails + 1)); }
fi

expect 0 "compare --help" "$PEIL" compare --help
expect 0 "compare" "$PEIL" compare $q "$old" "$cur"
expect 0 "compare json" "$PEIL" compare $q "$old" "$cur" --format json
expect 2 "compare one file" "$PEIL" compare $q "$old"
expect 2 "compare three files" "$PEIL" compare $q "$old" "$cur" "$cur"
expect 2 "compare bad format" "$PEIL" compare $q "$old" "$cur" --format md
expect 1 "compare another questionnaire" "$PEIL" compare $q "$tmp/other.yaml" "$cur"
expect 1 "compare missing file" "$PEIL" compare $q "$old" "$tmp/none.yaml"

# The shipped examples (their content may change: only that they export).
for ex in "$ROOT"/questionnaires/examples/*.yaml; do
	[ -f "$ex" ] || continue
	for fmt in md html csv json; do
		PEIL_PATH="$ROOT/questionnaires" expect 0 "example $(basename "$ex") as $fmt" \
			"$PEIL" --lang nl export "$ex" --format $fmt
		[ -s "$tmp/out" ] || { echo "FAIL: empty $fmt export of $ex"; fails=$((fails + 1)); }
	done
done

[ $fails -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "export and compare exit codes ok"
