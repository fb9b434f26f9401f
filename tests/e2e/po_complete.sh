#!/bin/sh
# Every interface string in the sources has a Dutch translation in po/nl.po
# (not missing, not empty, not fuzzy), and the catalogue compiles with
# msgfmt --check. Fails with the list of strings still to translate.
for tool in xgettext msgmerge msgattrib msgfmt; do
	command -v $tool >/dev/null 2>&1 || { echo "needs gettext ($tool)"; exit 77; }
done
exec sh "${ROOT:-.}/scripts/check-po.sh"
