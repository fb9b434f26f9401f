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
for po in po/*.po; do
	[ -f "$po" ] || continue
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
