#!/bin/sh
# Batch scorecards (issue 20): `peil export FILE...|DIR -o OUTDIR --peers
# DIR` writes every municipality's scorecard in one run, each compared with
# the peers but never with itself, the same as one export per file, with
# the peers read once.
set -u
. "$ROOT/tests/e2e/_lib.sh"
F=$ROOT/tests/fixtures/peers
Q="-q $F/library.yaml"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
no() { echo "FAIL: $*"; fails=$((fails + 1)); }

mkdir "$tmp/in" "$tmp/peers"
i=0
while [ $i -lt 12 ]; do
	lvl=$((i % 5 + 1))
	sed -e "s/^organisation: .*/organisation: Gemeente N$i/" -e "s/{level: [0-9]}/{level: $lvl}/" \
		"$F/peers/p1.yaml" >"$tmp/in/n$i.yaml"
	i=$((i + 1))
done
cp "$tmp/in"/*.yaml "$tmp/peers/"
cp "$F/library.yaml" "$tmp/in/"             # a questionnaire among them is left out

expect 0 "batch of a directory" "$PEIL" --lang en export $Q "$tmp/in" --format json --peers "$tmp/peers" -o "$tmp/cards"
[ "$(ls "$tmp/cards" | wc -l)" -eq 12 ] || no "12 scorecards expected: $(ls "$tmp/cards")"
grep -q "^peil export: 12 scorecards written to $tmp/cards\$" "$tmp/err" || no "summary: $(cat "$tmp/err")"
grep -q "^peil export: $tmp/peers: 12 files read, 12 organisations\$" "$tmp/err" || no "peers summary: $(cat "$tmp/err")"
# the same as one export per file: 11 peers each, never itself
for n in 0 5 11; do
	"$PEIL" --lang en export $Q "$tmp/in/n$n.yaml" --format json --peers "$tmp/peers" -o "$tmp/one.json" 2>/dev/null
	cmp -s "$tmp/one.json" "$tmp/cards/n$n.json" || no "n$n: the batch scorecard differs from a single export"
done
grep -q '"peers": 11,' "$tmp/cards/n3.json" || no "a municipality compared with itself: $(grep '"peers"' "$tmp/cards/n3.json")"

expect 0 "batch of files, html" "$PEIL" --lang en export $Q "$tmp/in/n1.yaml" "$tmp/in/n2.yaml" --format html \
	--peers "$tmp/peers" -o "$tmp/html"
[ -s "$tmp/html/n1.html" ] && [ -s "$tmp/html/n2.html" ] || no "html scorecards: $(ls "$tmp/html")"

# a broken file is reported and skipped; the others are written
sed 's/{level: [0-9]}/{level: 9}/' "$tmp/in/n0.yaml" >"$tmp/in/zz-broken.yaml"
expect 1 "batch with a broken file" "$PEIL" --lang en export $Q "$tmp/in" --format md -o "$tmp/md"
[ "$(ls "$tmp/md" | wc -l)" -eq 12 ] || no "the good files were not all written: $(ls "$tmp/md" | wc -l)"
grep -q "zz-broken.yaml:8:34: error: level 9" "$tmp/err" || no "broken file: $(cat "$tmp/err")"
grep -q "12 scorecards written to $tmp/md; 1 file failed" "$tmp/err" || no "summary: $(cat "$tmp/err")"

# one name from two directories: the second would overwrite the first
mkdir "$tmp/other" && cp "$tmp/in/n1.yaml" "$tmp/other/n1.yaml"
expect 1 "two files of one name" "$PEIL" --lang en export $Q "$tmp/in/n1.yaml" "$tmp/other/n1.yaml" --format md -o "$tmp/dup"
grep -q "$tmp/other/n1.yaml: error: a scorecard of another file of this name is already in $tmp/dup/n1.md" "$tmp/err" ||
	no "name clash: $(cat "$tmp/err")"

expect 2 "several files without -o" "$PEIL" export $Q "$tmp/in/n1.yaml" "$tmp/in/n2.yaml" --format md
expect 2 "several files with --baseline" "$PEIL" export $Q "$tmp/in/n1.yaml" "$tmp/in/n2.yaml" --format md \
	-o "$tmp/x" --baseline "$tmp/in/n3.yaml"

# the peers are read once, however many scorecards
if command -v strace >/dev/null 2>&1 && strace -f -qq -e trace=none true 2>/dev/null; then
	strace -f -qq -e trace=openat -o "$tmp/trace" "$PEIL" export $Q "$tmp/in" --format md --peers "$tmp/peers" \
		-o "$tmp/traced" >/dev/null 2>&1
	n=$(grep -c "$tmp/peers/n4.yaml\"" "$tmp/trace")
	[ "$n" -eq 1 ] || no "a peer file was opened $n times for 12 scorecards"
fi
exit $((fails > 0))
