#!/bin/sh
# A full disk: on a 64 KiB tmpfs filled to the brim, every save fails
# visibly (exit 3 or a message in the session), the previous file stays
# byte for byte, no temporary file is left, and in `peil fill` the answers
# stay in memory and are all written by the first save that succeeds.
# Needs root for the mount (as in CI's container); otherwise skipped (77).
# The unit test test_oom covers the same with injected write errors.
set -u
: "${PEIL:?}" "${ROOT:?}"
H=$ROOT/tests/fixtures/hostile
LIB=$H/library.yaml
tmp=$(mktemp -d)
fs=$tmp/fs
mkdir "$fs"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=64k,mode=0755 tmpfs "$fs" 2>/dev/null; then
	rmdir "$fs"; rm -rf "$tmp"
	echo "needs root and tmpfs to make a small file system"; exit 77
fi
trap 'exec 3>&- 2>/dev/null; kill $pid 2>/dev/null; umount "$fs"; rm -rf "$tmp"' EXIT
fail=0
export SOURCE_DATE_EPOCH=1782777600 LC_ALL=C.UTF-8

fill_disk() { dd if=/dev/zero of="$fs/filler" bs=1024 count=256 2>/dev/null; sync; }
free_disk() { rm -f "$fs/filler"; }
no_temp_files() {
	n=$(find "$fs" -name '*.tmp-*' | wc -l)
	[ "$n" -eq 0 ] || { echo "FAIL $1: $n temporary files left"; fail=1; }
}
wait_for() {   # file, grep pattern: up to 10 s
	i=0
	while [ $i -lt 200 ]; do grep -q -- "$2" "$1" 2>/dev/null && return 0; sleep 0.05; i=$((i + 1)); done
	return 1
}

# 1. Batch commands: export and aggregate -o.
"$PEIL" aggregate -q "$LIB" "$H/r-one.yaml" -o "$fs/merged.yaml" >/dev/null 2>&1 || { echo "FAIL first save"; fail=1; }
cp "$fs/merged.yaml" "$tmp/merged.before"
fill_disk
# A second respondent (r-everything is a group's file: aggregate leaves it out).
sed -e 's/J. de Vries/A. Jansen/' -e 's/help-desk: {level: 2}/help-desk: {level: 4}/' "$H/r-one.yaml" >"$tmp/r-two.yaml"
"$PEIL" aggregate -q "$LIB" "$H/r-one.yaml" "$tmp/r-two.yaml" -o "$fs/merged.yaml" >/dev/null 2>"$tmp/err"
rc=$?
if [ $rc -eq 3 ] && grep -q "No space left on device" "$tmp/err"; then
	echo "ok   aggregate -o on a full disk: exit 3: $(cat "$tmp/err")"
else
	echo "FAIL aggregate -o on a full disk: exit $rc: $(cat "$tmp/err")"; fail=1
fi
cmp -s "$fs/merged.yaml" "$tmp/merged.before" || { echo "FAIL the previous file changed"; fail=1; }
"$PEIL" export -q "$LIB" "$H/r-everything.yaml" --format html -o "$fs/card.html" 2>"$tmp/err"
rc=$?
if [ $rc -eq 3 ] && [ ! -e "$fs/card.html" ]; then
	echo "ok   export on a full disk: exit 3, nothing written: $(cat "$tmp/err")"
else
	echo "FAIL export on a full disk: exit $rc, card.html $(test -e "$fs/card.html" && echo exists)"; fail=1
fi
no_temp_files "batch commands"
free_disk

# 2. peil fill --plain: answer, disk full, answer, disk free, answer.
if ! "$PEIL" fill --help 2>&1 | grep -q -- --plain; then
	echo "peil fill --plain not available: session part not checked"; exit $fail
fi
mkfifo "$tmp/in"
"$PEIL" fill --plain -q "$LIB" -o "$fs/answers.yaml" --organisation "Gemeente Vol" \
	<"$tmp/in" >"$tmp/out" 2>&1 &
pid=$!
exec 3>"$tmp/in"
echo 3 >&3
wait_for "$fs/answers.yaml" "services.online-loans: {level: 3}" || { echo "FAIL first answer not saved"; fail=1; }
cp "$fs/answers.yaml" "$tmp/answers.before"
fill_disk
echo 2 >&3
wait_for "$tmp/out" "No space left on device" && echo "ok   the session says the save failed: $(grep -m1 'No space' "$tmp/out")" ||
	{ echo "FAIL no message about the failed save"; sed 's/^/    /' "$tmp/out" | tail -5; fail=1; }
wait_for "$tmp/out" "NOT saved: 2. " && ! grep -q "^Saved: 2\." "$tmp/out" &&
	echo "ok   ... and says NOT saved, never Saved (issue 13.5)" ||
	{ echo "FAIL the session does not say NOT saved for the answer on a full disk"; sed 's/^/    /' "$tmp/out" | tail -5; fail=1; }
cmp -s "$fs/answers.yaml" "$tmp/answers.before" || { echo "FAIL the saved file changed on a full disk"; fail=1; }
no_temp_files "fill on a full disk"
free_disk
echo n >&3
wait_for "$fs/answers.yaml" "services.wifi-note: {status: na}" || { echo "FAIL no save after the disk was freed"; fail=1; }
exec 3>&-
wait $pid
if grep -q "services.help-desk: {level: 2}" "$fs/answers.yaml" && "$PEIL" validate -q "$LIB" "$fs/answers.yaml" >/dev/null 2>&1; then
	echo "ok   the answer given while the disk was full was saved by the next save"
else
	echo "FAIL the answer given while the disk was full is lost:"; sed 's/^/    /' "$fs/answers.yaml"; fail=1
fi
no_temp_files "fill after recovery"
exit $fail
