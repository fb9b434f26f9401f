#!/bin/sh
# Under a Dutch locale, printf writes "3,5"; peil keeps numbers in JSON and
# in the score table with a decimal point. The locale is generated into a
# private directory when the system does not have it (exit 77: cannot).
: "${PEIL:?run through tests/run.sh}" "${ROOT:?}"
fx=$ROOT/tests/fixtures
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" PEIL_PATH="$fx/scoring"
unset LANGUAGE LC_NUMERIC
nl=nl_NL.UTF-8
if ! locale -a 2>/dev/null | grep -qi '^nl_NL\.utf-\?8$'; then
	mkdir -p "$tmp/locale"
	localedef -i nl_NL -f UTF-8 "$tmp/locale/$nl" 2>/dev/null || { echo "nl_NL.UTF-8 cannot be generated"; exit 77; }
	export LOCPATH="$tmp/locale"
fi
# The locale really is Dutch: a C program would write a comma.
comma=$(LC_ALL=$nl python3 -c 'import locale; locale.setlocale(locale.LC_ALL, ""); print(locale.format_string("%.1f", 3.5))' 2>/dev/null)
[ "$comma" = "3,5" ] || { echo "the nl_NL.UTF-8 locale does not write 3,5 (got '$comma')"; exit 77; }
fails=0
LC_ALL=$nl "$PEIL" score --format json "$fx/scoring/r15.yaml" >"$tmp/json" 2>"$tmp/err" || { echo "FAIL: score exit $?"; cat "$tmp/err"; fails=$((fails + 1)); }
for want in '"progress": 0.88888888888888884,' '"score": 2.833333333333333,' '"gap": -0.5,' '"score": 3.5,'; do
	grep -qF -- "$want" "$tmp/json" || { echo "FAIL: '$want' missing"; fails=$((fails + 1)); }
done
grep -q '[0-9],[0-9]' "$tmp/json" && { echo "FAIL: a decimal comma in JSON:"; grep '[0-9],[0-9]' "$tmp/json"; fails=$((fails + 1)); }
python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$tmp/json" || { echo "FAIL: not JSON"; fails=$((fails + 1)); }
LC_ALL=$nl "$PEIL" score "$fx/scoring/r15.yaml" >"$tmp/text" 2>"$tmp/err"
grep -q '^Alpha  *2\.67  ' "$tmp/text" && grep -q '1\.33' "$tmp/text" && grep -q -- '-0\.50' "$tmp/text" ||
	{ echo "FAIL: score table:"; cat "$tmp/text"; fails=$((fails + 1)); }
grep -q '[0-9],[0-9][0-9]' "$tmp/text" && { echo "FAIL: a decimal comma in the table"; fails=$((fails + 1)); }
[ $fails -eq 0 ] && echo "numbers keep their decimal point under $nl"
[ $fails -eq 0 ]
