#!/bin/sh
# Checks that every interface string in the sources has a translation in
# each po/*.po: extracts the strings afresh (so a string added a minute ago
# counts), merges them into a copy of the catalogue, and fails when any is
# untranslated, empty or fuzzy, or when a translation's printf conversions
# do not match the original (msgfmt --check). Changes nothing in po/.
#   sh scripts/check-po.sh        exit 0: complete; 1: something missing
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sh scripts/update-po.sh --pot "$tmp/peil.pot" || exit 1
status=0
found=0
# A regional catalogue (po/nl_BE.po) is partial by design: each of its
# entries must be a string of the program, translated, and different from
# the base language's translation (else it belongs in po/nl.po only).
check_regional() {
	po=$1 base=po/$(basename "$1" | sed 's/_.*//').po
	msgfmt --check -o /dev/null "$po" || { echo "$po: msgfmt --check fails (see above)"; return 1; }
	python3 - "$po" "$base" "$tmp/peil.pot" <<'PY' || return 1
import re, sys
def entries(path):
    out, key, cur = {}, None, None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        m = re.match(r'^(msgid|msgstr(?:\[0\])?) "(.*)"$', line)
        if m:
            cur = m.group(1).split("[")[0]
            if cur == "msgid":
                key = m.group(2)
                out[key] = None
            elif key is not None and out.get(key) is None:
                out[key] = m.group(2)
        elif line.startswith('"') and key is not None:
            if cur == "msgid":
                out.pop(key, None)
                key += line[1:-1]
                out[key] = None
            else:
                out[key] = (out[key] or "") + line[1:-1]
        elif not line.strip():
            cur = None
    out.pop("", None)
    return out
po, base, pot = (entries(p) for p in sys.argv[1:4])
bad = 0
for k, v in po.items():
    why = ("not a string of the program" if k not in pot else "untranslated" if not v
           else "the same as in " + sys.argv[2] if base.get(k) == v else None)
    if why:
        print("%s: %s: %s" % (sys.argv[1], why, k[:70]))
        bad += 1
sys.exit(1 if bad else 0)
PY
}
for po in po/*.po; do
	[ -f "$po" ] || continue
	case $po in po/*_*.po) found=1; check_regional "$po" || status=1; continue ;; esac
	found=1
	merged=$tmp/$(basename "$po")
	msgmerge --quiet --no-wrap --no-fuzzy-matching "$po" "$tmp/peil.pot" -o "$merged" || { status=1; continue; }
	if ! msgfmt --check -o /dev/null "$merged"; then
		echo "$po: msgfmt --check fails (see above)"
		status=1
	fi
	msgattrib --no-wrap --no-obsolete --untranslated "$merged" -o "$tmp/untranslated.po"
	msgattrib --no-wrap --no-obsolete --only-fuzzy "$merged" -o "$tmp/fuzzy.po"
	for kind in untranslated fuzzy; do
		# Each entry's location and msgid, leaving out the header entry
		# (msgid "" directly followed by msgstr).
		awk '/^#: / { loc = $0; next }
		     /^msgid / { id = $0; getline nxt
		                 if (id == "msgid \"\"" && nxt ~ /^msgstr/) next
		                 print "    " loc; print "    " id
		                 if (nxt ~ /^"/ || nxt ~ /^msgid_plural/) print "    " nxt }' \
			"$tmp/$kind.po" 2>/dev/null >"$tmp/$kind.txt"
		n=$(grep -c '^    msgid ' "$tmp/$kind.txt")
		if [ "$n" -gt 0 ]; then
			echo "$po: $n $kind string(s); translate them (sh scripts/update-po.sh, then edit $po):"
			cat "$tmp/$kind.txt"
			status=1
		fi
	done
done
[ $found -eq 1 ] || { echo "no po/*.po catalogues"; exit 1; }
[ $status -eq 0 ] && echo "translations complete: $(grep -c '^msgid ' "$tmp/peil.pot") strings checked in $(ls po/*.po | tr '\n' ' ')"
exit $status
