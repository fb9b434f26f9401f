#!/bin/sh
# Errors that help a new user (issue 12): did-you-mean for a mistyped
# command, `peil FILE.yaml` as `peil fill -o FILE.yaml`, the missing
# directory of -o named (not a lock file), a file that does not exist
# without a made-up position, a questionnaire where a response file
# belongs said in one line. Exact messages, in English and Dutch.
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
PEIL=${PEIL:-$ROOT/build/peil}
. "$ROOT/tests/e2e/_lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" PEIL_PATH=""
unset LANGUAGE LC_ALL LC_MESSAGES
Q=$ROOT/tests/fixtures/unix/library.yaml
same() {   # file expected-text description
	if [ "$(cat "$1")" != "$2" ]; then
		echo "FAIL: $3:"; echo "  expected: $2"; sed 's/^/  got:      /' "$1"; fails=$((fails + 1))
	fi
}

expect 2 "a mistyped command" "$PEIL" socre x.yaml --lang en
same "$tmp/err" "peil: unknown command 'socre'; did you mean 'score'?
Run 'peil --help' for the commands." "did you mean"
expect 2 "a mistyped command, Dutch" "$PEIL" exprot --lang nl
same "$tmp/err" "peil: onbekende opdracht 'exprot'; bedoelt u 'export'?
Zie 'peil --help' voor de opdrachten." "did you mean, Dutch"
expect 2 "nothing like a command" "$PEIL" xyzzy --lang en
head -n 1 "$tmp/err" >"$tmp/first"
same "$tmp/first" "peil: unknown command 'xyzzy'" "no suggestion when nothing is near"

# peil FILE.yaml opens (here: starts, in plain mode) that file.
printf '4\nquit\n' >"$tmp/in"
expect 0 "peil FILE.yaml" "$PEIL" "$tmp/mine.yaml" -q "$Q" --organisation "Gemeente Bestand" --plain --lang en <"$tmp/in"
grep -q '^organisation: Gemeente Bestand' "$tmp/mine.yaml" 2>/dev/null ||
	{ echo "FAIL: peil FILE.yaml did not write FILE.yaml"; fails=$((fails + 1)); }
grep -q 'level: 4' "$tmp/mine.yaml" 2>/dev/null || { echo "FAIL: peil FILE.yaml lost the answer"; fails=$((fails + 1)); }

expect 3 "-o in a missing directory" "$PEIL" fill -q "$Q" -o "$tmp/missing/dir/x.yaml" --organisation X --lang en
same "$tmp/err" "peil: cannot write $tmp/missing/dir/x.yaml: the directory $tmp/missing/dir does not exist" \
	"the missing directory is named"

expect 1 "a file that does not exist" "$PEIL" score -q "$Q" "$tmp/nope.yaml" --lang en
same "$tmp/err" "$tmp/nope.yaml: error: cannot open: No such file or directory" "no position for a missing file"

expect 1 "a questionnaire as the response file" "$PEIL" score "$Q" --lang en
same "$tmp/err" "$Q:1:1: error: this is a questionnaire (key 'peil'), not a response file (key 'peil-responses'): give a questionnaire with -q" \
	"a questionnaire given as the response file"
expect 1 "a questionnaire as the response file, with -q" "$PEIL" export -q "$Q" "$Q" --format md --lang en
same "$tmp/err" "$Q:1:7: error: this is a questionnaire (key 'peil'), not a response file (key 'peil-responses'): give a questionnaire with -q" \
	"a questionnaire given as the response file, with -q"

# Plain mode: a carried-over answer that changes marks its note.
T=$ROOT/tests/fixtures/tui
printf '3\nb\nquit\n' >"$tmp/in"
expect 0 "plain mode, a changed carried-over answer" "$PEIL" fill --plain -q "$T/town.yaml" --from "$T/town-answers.yaml" \
	-o "$tmp/changed.yaml" --lang en <"$tmp/in"
grep -q "^Note (from last year: the answer has changed since): Aanvragen voor paspoort" "$tmp/out" ||
	{ echo "FAIL: plain mode does not mark the note of a changed answer 'from last year'"; grep Note "$tmp/out"; fails=$((fails + 1)); }
[ "$(grep -c '^Note: Aanvragen' "$tmp/out")" -eq 1 ] ||
	{ echo "FAIL: plain mode: the note before the change is a plain 'Note:'"; fails=$((fails + 1)); }

# --from carries who we are (organisation, population, targets, region),
# and without -q the questionnaire is OLD's (defect 6).
cat >"$tmp/old.yaml" <<'EOF'
peil-responses: 1
questionnaire: tui-town
questionnaire_version: "2026.1"
organisation: Gemeente Vorig Jaar
region: BE-VLG
population: 41000
date: 2025-11-18
targets: {services: 5, security: 2}
answers:
  services.online: {level: 2}
...
EOF
printf 'quit\n' >"$tmp/in"
PEIL_PATH=$T expect 0 "--from without -q or --organisation, piped" "$PEIL" fill --plain --from "$tmp/old.yaml" \
	-o "$tmp/next.yaml" --lang en <"$tmp/in"
for want in '^questionnaire: tui-town$' '^organisation: Gemeente Vorig Jaar$' '^population: 41000$' \
	'^region: BE-VLG$' '^targets: {services: 5, security: 2}$' 'services.online: {level: 2, carried_over: true}'; do
	grep -q "$want" "$tmp/next.yaml" 2>/dev/null ||
		{ echo "FAIL: --from did not carry /$want/:"; sed 's/^/  | /' "$tmp/next.yaml" 2>/dev/null | head -20; fails=$((fails + 1)); }
done
grep -q "Name of the organisation" "$tmp/out" && { echo "FAIL: --from asked the organisation's name"; fails=$((fails + 1)); }

[ "$fails" -eq 0 ] && echo "first-hour errors: did you mean, peil FILE.yaml, missing directory, missing file, questionnaire for response"
exit $((fails > 0))
