#!/bin/sh
# Permissions: response files hold confidential notes about weaknesses, so
# peil creates them readable and writable by the owner only (0600), whatever
# the umask, and a save keeps the mode the owner chose. Exports are meant to
# be shared and follow the umask like any other program's output.
# Response files are written here by `peil aggregate -o` (the same writer
# the TUI saves with) and, once it exists, `peil fill --plain`.
set -u
: "${PEIL:?}" "${ROOT:?}"
H=$ROOT/tests/fixtures/hostile
LIB=$H/library.yaml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

mode() { stat -c %a "$1"; }
check() {   # what, file, expected mode
	got=$(mode "$2")
	if [ "$got" = "$3" ]; then
		echo "ok   $1: $got"
	else
		echo "FAIL $1: mode $got, expected $3"; fail=1
	fi
}

# A new response file is 0600 even with a permissive umask.
for mask in 000 022 077; do
	(umask $mask && "$PEIL" aggregate -q "$LIB" "$H/r-one.yaml" -o "$tmp/new-$mask.yaml" >/dev/null) ||
		{ echo "FAIL aggregate -o under umask $mask"; fail=1; }
	check "new response file, umask $mask" "$tmp/new-$mask.yaml" 600
done

# A save keeps the mode the owner set (here: shared with the group).
chmod 640 "$tmp/new-022.yaml"
(umask 077 && "$PEIL" aggregate -q "$LIB" "$H/r-one.yaml" -o "$tmp/new-022.yaml" >/dev/null)
check "saved again after chmod 640" "$tmp/new-022.yaml" 640
chmod 600 "$tmp/new-022.yaml"
(umask 000 && "$PEIL" aggregate -q "$LIB" "$H/r-one.yaml" -o "$tmp/new-022.yaml" >/dev/null)
check "saved again after chmod 600, umask 000" "$tmp/new-022.yaml" 600

# Exports follow the umask: 0666 minus the mask, like cp or a shell redirect.
for pair in 022:644 077:600 002:664 027:640; do
	mask=${pair%:*} want=${pair#*:}
	for fmt in html md csv json; do
		out=$tmp/export-$mask.$fmt
		(umask "$mask" && "$PEIL" export -q "$LIB" "$H/r-everything.yaml" --format $fmt -o "$out") ||
			{ echo "FAIL export $fmt under umask $mask"; fail=1; continue; }
		check "export $fmt, umask $mask" "$out" "$want"
	done
done

# No temporary file is left next to the outputs.
left=$(find "$tmp" -name '*.tmp-*' | wc -l)
[ "$left" -eq 0 ] || { echo "FAIL $left temporary files left behind"; fail=1; }

# peil fill, once it exists: a new assessment is 0600 and a resumed one keeps its mode.
if "$PEIL" fill --help >/dev/null 2>&1 && "$PEIL" fill --help 2>&1 | grep -q -- --plain; then
	printf '1\n' | (umask 000 && SOURCE_DATE_EPOCH=1782777600 "$PEIL" fill --plain -q "$LIB" \
		-o "$tmp/fill.yaml" --organisation "Gemeente Test" >/dev/null 2>&1)
	if [ -f "$tmp/fill.yaml" ]; then
		check "peil fill --plain, new file, umask 000" "$tmp/fill.yaml" 600
		chmod 640 "$tmp/fill.yaml"
		printf '2\n' | "$PEIL" fill --plain -q "$LIB" -o "$tmp/fill.yaml" >/dev/null 2>&1
		check "peil fill --plain, resumed after chmod 640" "$tmp/fill.yaml" 640
	else
		echo "note: peil fill --plain wrote no file; fill not checked"
	fi
fi
exit $fail
