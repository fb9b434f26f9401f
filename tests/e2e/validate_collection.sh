#!/bin/sh
# peil validate on a network organisation's collection (issue 20, defect 7):
# a directory is accepted (its *.yaml and *.yml files, recursively), every
# file is reported in order, and the questionnaire is read once, not once
# per file (counted with strace: 11.8 s for 3,430 files came from that).
set -u
. "$ROOT/tests/e2e/_lib.sh"
F=$ROOT/tests/fixtures/peers
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
no() { echo "FAIL: $*"; fails=$((fails + 1)); }

mkdir -p "$tmp/q" "$tmp/in/sub"
cp "$F/library.yaml" "$tmp/q/"
i=0
while [ $i -lt 40 ]; do
	sed "s/^organisation: .*/organisation: Gemeente N$i/" "$F/peers/p1.yaml" >"$tmp/in/n$i.yaml"
	i=$((i + 1))
done
cp "$F/peers/p2.yaml" "$tmp/in/sub/p2.yml"
cp "$F/peers/bad.yaml" "$tmp/in/sub/zz-bad.YAML"
echo "not a peil file" >"$tmp/in/readme.txt"
export PEIL_PATH="$tmp/q"

expect 1 "validate DIR with a broken file" "$PEIL" validate "$tmp/in"
[ "$(grep -c ': ok$' "$tmp/out")" -eq 41 ] || no "41 files ok expected: $(grep -c ': ok$' "$tmp/out")"
grep -q "^$tmp/in/sub/p2.yml: ok\$" "$tmp/out" || no "the .yml file was not checked"
grep -q "^$tmp/in/sub/zz-bad.YAML:8:34: error: level 7 is not one of the questionnaire's levels\$" "$tmp/err" ||
	no "the broken file's error: $(cat "$tmp/err")"
[ "$(tail -n 1 "$tmp/out")" = "$tmp/in/sub/p2.yml: ok" ] || no "not in path order: $(tail -n 1 "$tmp/out")"
grep -q readme "$tmp/out" "$tmp/err" && no "readme.txt was checked"
rm "$tmp/in/sub/zz-bad.YAML"
expect 0 "validate DIR" "$PEIL" validate "$tmp/in"
expect 0 "validate -q Q DIR" "$PEIL" validate -q "$tmp/q/library.yaml" "$tmp/in"
expect 1 "validate a missing directory" "$PEIL" validate "$tmp/nope" "$tmp/in"
grep -Eq "^$tmp/nope(:1:1)?: error: cannot open: " "$tmp/err" || no "missing path message: $(cat "$tmp/err")"
[ "$(grep -c ': ok$' "$tmp/out")" -eq 41 ] || no "the other files were not checked after a missing one"

# The questionnaire is looked up and read as often for 41 files as for one.
opens() {   # directory: how often the questionnaire file is opened
	strace -f -qq -e trace=openat -o "$tmp/trace" "$PEIL" validate "$1" >/dev/null 2>&1
	grep -c "library.yaml\"" "$tmp/trace"
}
if command -v strace >/dev/null 2>&1 && strace -f -qq -e trace=none true 2>/dev/null; then
	mkdir "$tmp/one" && cp "$tmp/in/n0.yaml" "$tmp/one/"
	one=$(opens "$tmp/one") many=$(opens "$tmp/in")
	[ "$one" -ge 1 ] && [ "$many" -eq "$one" ] ||
		no "the questionnaire was opened $many times for 41 files, $one times for one file"
else
	echo "strace cannot trace here: the once-per-questionnaire check is skipped"
fi
exit $((fails > 0))
