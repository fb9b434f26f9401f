#!/bin/sh
# peil benchmark on the hand-made fixtures in tests/fixtures/peers/: what a
# user sees (text bars, the summary line), exit codes and usage errors.
# Expected figures are worked out by hand in tests/unit/test_peers.c.
set -u
F=$ROOT/tests/fixtures/peers
Q="-q $F/library.yaml"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=1; }
expect_rc() {   # rc, description, command...
	want=$1 what=$2; shift 2
	"$@" >"$out/stdout" 2>"$out/stderr"
	rc=$?
	[ $rc -eq "$want" ] || { no "$what: exit $rc, expected $want"; sed 's/^/    /' "$out/stderr"; }
}

expect_rc 0 "benchmark text" env LC_ALL=C.UTF-8 "$PEIL" benchmark $Q "$F/self.yaml" --peers "$F/peers"
grep -q '^Gemeente Zelf — compared with 7 peers' "$out/stdout" || no "heading: $(head -1 "$out/stdout")"
# Seven peers: the percentile, but no quartiles (they would be single
# municipalities' exact scores).
grep -q '^Services *3.00 *43 *— *— *— *7$' "$out/stdout" || no "services row"
grep -q '^Skills *2.50 *33 *— *— *— *6$' "$out/stdout" || no "skills row"
grep -q 'fewer than 10 peers here: no quartiles' "$out/stdout" || no "no note on the missing quartiles"
grep -q '●' "$out/stdout" && ! grep -q '░' "$out/stdout" || no "a band without quartiles"
# Another municipality's broken file is counted, never named (stderr may be
# forwarded to one municipality); intake names it.
grep -q 'bad.yaml' "$out/stderr" && no "the invalid peer is named on stderr"
grep -qx 'peil benchmark: [^ ]*/peers: 9 files read, 7 peers; not counted: 1 invalid file, 1 file of this organisation, 1 other file (not .yaml or .yml)' "$out/stderr" ||
	no "summary line: $(cat "$out/stderr")"

expect_rc 0 "ASCII bar in a non-UTF-8 locale" env LC_ALL=C "$PEIL" benchmark $Q "$F/self.yaml" --peers "$F/peers"
grep -q '\*' "$out/stdout" && ! grep -q '●' "$out/stdout" || no "C locale: not an ASCII bar"

expect_rc 0 "fewer than K" "$PEIL" benchmark $Q "$F/self.yaml" --peers "$F/peers" --same-size --min-peers 6
grep -q 'fewer than 6 peers with a score here' "$out/stdout" || no "no 'fewer than K' note"
grep -q '1 peer of another size class' "$out/stderr" || no "same-size summary"

expect_rc 1 "--strict with an invalid peer" "$PEIL" benchmark $Q "$F/self.yaml" --peers "$F/peers" --strict
[ -s "$out/stdout" ] && no "--strict failure still printed figures"
expect_rc 0 "--strict, all valid" "$PEIL" benchmark $Q "$F/self.yaml" --peers "$F/peers/sub" --strict --format json
grep -q '"peers": 1' "$out/stdout" || no "sub directory: $(cat "$out/stdout")"

# The questionnaire kept beside the files is no broken peer.
mkdir "$out/withq" && cp "$F"/peers/p*.yaml "$F/library.yaml" "$out/withq/"
expect_rc 0 "questionnaire among the peers" "$PEIL" benchmark $Q "$F/self.yaml" --peers "$out/withq" --strict
grep -q 'error' "$out/stderr" && no "questionnaire reported as an error: $(cat "$out/stderr")"
grep -q '7 files read, 6 peers; not counted: 1 questionnaire$' \
	"$out/stderr" || no "summary with a questionnaire: $(cat "$out/stderr")"
# export --peers says the same, the skipped questionnaire included.
expect_rc 0 "export --peers with a questionnaire among them" \
	"$PEIL" --lang en export $Q "$F/self.yaml" --format md --peers "$out/withq"
grep -q "^peil export: $out/withq: 7 files read, 6 peers; not counted: 1 questionnaire\$" \
	"$out/stderr" || no "export summary with a questionnaire: $(cat "$out/stderr")"

expect_rc 2 "no --peers" "$PEIL" benchmark $Q "$F/self.yaml"
expect_rc 2 "bad --min-peers" "$PEIL" benchmark $Q "$F/self.yaml" --peers "$F/peers" --min-peers 0
expect_rc 2 "--min-peers 4" "$PEIL" benchmark $Q "$F/self.yaml" --peers "$F/peers" --min-peers 4
grep -qx "peil benchmark: --min-peers takes a number of at least 5 (fewer would single out municipalities), not '4'" \
	"$out/stderr" || no "--min-peers 4 message: $(head -1 "$out/stderr")"
expect_rc 2 "bad --format" "$PEIL" benchmark $Q "$F/self.yaml" --peers "$F/peers" --format xml
expect_rc 1 "peers dir missing" "$PEIL" benchmark $Q "$F/self.yaml" --peers "$F/nope"
grep -q 'nope:.*error:' "$out/stderr" || no "missing dir message: $(cat "$out/stderr")"
expect_rc 1 "invalid assessed file" "$PEIL" benchmark $Q "$F/peers/bad.yaml" --peers "$F/peers"
sed 's/^population:.*$//' "$F/self.yaml" >"$out/nopop.yaml"
expect_rc 1 "--same-size without population" "$PEIL" benchmark $Q "$out/nopop.yaml" --peers "$F/peers" --same-size
grep -q "nopop.yaml:1:1: error: --same-size needs the population" "$out/stderr" || no "no-population message"
expect_rc 0 "help" "$PEIL" benchmark --help
exit $fail
