#!/bin/sh
# Golden files of `peil export` and `peil compare` (tests/fixtures/exports/golden/):
# every format, in Dutch and English, on the example assessment in
# tests/fixtures/exports/. Each golden was read by a person before it was
# accepted. After a deliberate change (or a new Dutch translation):
#   UPDATE=1 PEIL=build/peil ROOT=$PWD sh tests/e2e/export_golden.sh
# then read the diff (git diff tests/fixtures/exports/golden) before committing.
: "${PEIL:?run through tests/run.sh}" "${ROOT:?}"
fx=$ROOT/tests/fixtures/exports
golden=$fx/golden
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" PEIL_PATH="$fx" LC_ALL=C.UTF-8
export SOURCE_DATE_EPOCH=1782777600
unset LANGUAGE LANG LC_MESSAGES
q="-q $fx/questionnaire.yaml"
fails=0
mkdir -p "$golden"

check() {  # name command...
	name=$1; shift
	"$@" >"$tmp/$name" 2>"$tmp/err"
	rc=$?
	if [ $rc -ne 0 ]; then
		echo "FAIL: $name: exit $rc: $*"; sed 's/^/  | /' "$tmp/err" | head -5
		fails=$((fails + 1)); return
	fi
	if grep -q 'Sanitizer\|runtime error' "$tmp/err"; then
		echo "FAIL: $name: sanitizer report"; head -20 "$tmp/err"; fails=$((fails + 1)); return
	fi
	if [ -n "$UPDATE" ]; then
		cp "$tmp/$name" "$golden/$name"; echo "updated $name"; return
	fi
	if ! cmp -s "$tmp/$name" "$golden/$name"; then
		echo "FAIL: $name differs from its golden file:"
		diff -u "$golden/$name" "$tmp/$name" | head -30
		fails=$((fails + 1))
	fi
}

for lang in nl en; do
	for fmt in md html csv json; do
		check "current-$lang.$fmt" "$PEIL" --lang $lang export $q "$fx/current.yaml" \
			--format $fmt --baseline "$fx/baseline.yaml"
	done
	check "compare-$lang.txt" "$PEIL" --lang $lang compare $q "$fx/baseline.yaml" "$fx/current.yaml"
done
# Dutch spreadsheet defaults: semicolons and a byte order mark.
check "current-nl-excel.csv" "$PEIL" --lang nl export $q "$fx/current.yaml" --format csv --csv-sep ';' --bom
check "compare.json" "$PEIL" compare $q "$fx/baseline.yaml" "$fx/current.yaml" --format json
# A group session compared with last year's, and peer figures.
check "group-en.md" "$PEIL" --lang en export $q "$fx/group.yaml" --format md --baseline "$fx/group-baseline.yaml"
check "group-nl.html" "$PEIL" --lang nl export $q "$fx/group.yaml" --format html --baseline "$fx/group-baseline.yaml"
check "group-en.json" "$PEIL" --lang en export $q "$fx/group.yaml" --format json
check "peers-nl.md" "$PEIL" --lang nl export $q "$fx/current.yaml" --format md --peers "$fx/peers"
check "peers-en.json" "$PEIL" --lang en export $q "$fx/current.yaml" --format json --peers "$fx/peers"

[ $fails -eq 0 ] || { echo "$fails golden file(s) differ"; exit 1; }
