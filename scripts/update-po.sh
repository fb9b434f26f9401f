#!/bin/sh
# Re-extracts every interface string into po/peil.pot and merges it into
# each po/*.po (new strings appear untranslated, changed ones fuzzy).
# Safe to run again at any time; translators then fill in po/nl.po and
# `sh scripts/check-po.sh` says what is still missing.
#   sh scripts/update-po.sh [--pot FILE]   (--pot: only extract, into FILE)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
version=$(sed -n 's/^VERSION *:= *//p' Makefile)

# Writes the template to $1: _("…"), N_("…") and ngettext plurals from
# every C file in the directories that make up the program.
extract() {
	find core scoring exports tui cli serve -name '*.[ch]' 2>/dev/null | LC_ALL=C sort |
	xgettext --files-from=- --language=C --from-code=UTF-8 \
		--keyword=_ --keyword=N_ --keyword=ngettext:1,2 \
		--add-comments=TRANSLATORS: --add-location=file --no-wrap \
		--package-name=peil --package-version="$version" \
		--msgid-bugs-address= \
		--copyright-holder='the peil authors' \
		-o "$1" 2>"$1.err" || { cat "$1.err" >&2; rm -f "$1.err"; return 1; }
	# An empty bugs address is deliberate: say nothing about it.
	grep -v -e 'bugs-address' -e 'BUGS_ADDRESS' -e 'Makevars' "$1.err" >&2 || true
	rm -f "$1.err"
}

if [ "${1:-}" = "--pot" ]; then
	extract "$2"
	exit 0
fi

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
extract "$tmp"
# Keep the old template when only its creation date would change.
if [ -f po/peil.pot ] &&
   diff -q -I '^"POT-Creation-Date:' po/peil.pot "$tmp" >/dev/null 2>&1; then
	echo "po/peil.pot: unchanged"
else
	cp "$tmp" po/peil.pot
	echo "po/peil.pot: $(grep -c '^msgid ' po/peil.pot) strings (including the header)"
fi
for po in po/*.po; do
	[ -f "$po" ] || continue
	# A regional catalogue (po/nl_BE.po) holds only the strings that
	# differ from its language's; merging would add all the others.
	case $po in po/*_*.po) continue ;; esac
	msgmerge --quiet --update --backup=none --no-wrap "$po" po/peil.pot
	printf '%s: ' "$po"
	msgfmt --check --statistics -o /dev/null "$po" 2>&1
done
