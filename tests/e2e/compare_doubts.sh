#!/bin/sh
# compare and export --baseline (issue 20, defects 8 and 9): the change over
# the domains scored both times ("common"), both organisations in compare's
# JSON, and warnings when OLD and NEW are two organisations or OLD is the
# newer one.
set -u
. "$ROOT/tests/e2e/_lib.sh"
F=$ROOT/tests/fixtures/peers
Q="-q $F/library.yaml"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
no() { echo "FAIL: $*"; fails=$((fails + 1)); }
json() {   # python expression on the JSON in $tmp/out (as j)
	python3 -c "import json,sys; j=json.load(open(sys.argv[1])); sys.exit(0 if ($1) else 1)" "$tmp/out"
}

# Last year services 3 and skills 3; this year services 2, skills not answered.
sed 's/^date: .*/date: 2025-06-30/' "$F/self.yaml" >"$tmp/old.yaml"
sed -e 's/{level: 3}/{level: 2}/' -e '/skills\./d' "$F/self.yaml" >"$tmp/new.yaml"

expect 0 "compare json" "$PEIL" compare $Q "$tmp/old.yaml" "$tmp/new.yaml" --format json
json 'j["organisations"] == {"old": "Gemeente Zelf", "new": "Gemeente Zelf"}' || no "organisations: $(cat "$tmp/out")"
json 'j["common"]["domains"] == ["services"] and abs(j["common"]["delta"] + 1) < 1e-9' || no "common: $(cat "$tmp/out")"
json 'abs(j["overall"]["delta"] - (2 - 2.875)) < 1e-9' || no "overall: $(cat "$tmp/out")"
grep -q "different organisations\|swapped" "$tmp/err" && no "warnings for one organisation in order: $(cat "$tmp/err")"
# "Gemeente Zelf" and "zelf" are one organisation
sed 's/^organisation: .*/organisation: "  zelf"/' "$tmp/new.yaml" >"$tmp/new2.yaml"
expect 0 "compare, another spelling" "$PEIL" compare $Q "$tmp/old.yaml" "$tmp/new2.yaml"
grep -q "different organisations" "$tmp/err" && no "another spelling warned about: $(cat "$tmp/err")"
expect 0 "compare text" env LC_ALL=C.UTF-8 "$PEIL" --lang en compare $Q "$tmp/old.yaml" "$tmp/new.yaml"
grep -q '^Overall, like for like *3.00 *2.00 *↓ -1.00' "$tmp/out" || no "like-for-like row: $(cat "$tmp/out")"
grep -q '^Like for like: over the domains scored both times; left out: Skills (no score now)$' "$tmp/out" ||
	no "left-out line: $(cat "$tmp/out")"

expect 0 "compare, OLD newer than NEW" "$PEIL" --lang en compare $Q "$tmp/new.yaml" "$tmp/old.yaml"
grep -qx "peil compare: warning: the earlier file is dated after the later one: [0-9-]* ($tmp/new.yaml) and 2025-06-30 ($tmp/old.yaml); are the two swapped?" \
	"$tmp/err" || no "OLD newer than NEW: $(cat "$tmp/err")"

expect 0 "compare two organisations" "$PEIL" --lang en compare $Q "$F/peers/p1.yaml" "$F/peers/p2.yaml" --format json
grep -qx "peil compare: warning: the files are of different organisations: 'Gemeente Een' ($F/peers/p1.yaml) and 'Gemeente Twee' ($F/peers/p2.yaml)" \
	"$tmp/err" || no "two organisations: $(cat "$tmp/err")"
json 'j["organisations"] == {"old": "Gemeente Een", "new": "Gemeente Twee"}' || no "organisations: $(cat "$tmp/out")"

expect 0 "export --baseline of another organisation" "$PEIL" --lang en export $Q "$F/peers/p2.yaml" --format md \
	--baseline "$F/peers/p1.yaml"
grep -qx "peil export: warning: the files are of different organisations: 'Gemeente Een' ($F/peers/p1.yaml) and 'Gemeente Twee' ($F/peers/p2.yaml)" \
	"$tmp/err" || no "export --baseline: $(cat "$tmp/err")"
expect 0 "export --baseline newer than the file" "$PEIL" --lang en export $Q "$tmp/old.yaml" --format md \
	--baseline "$tmp/new.yaml"
grep -q "^peil export: warning: the earlier file is dated after the later one: .*are the two swapped?$" "$tmp/err" ||
	no "export --baseline swapped: $(cat "$tmp/err")"
grep -q "^The change is measured over the domains scored both times; left out: Skills\.\$" "$tmp/out" ||
	no "the scorecard does not say what the change leaves out"
exit $((fails > 0))
