#!/usr/bin/env python3
"""Truncation is detectable: a response file cut short elsewhere (a full
disk in another program, a copy that stopped, a mail attachment cut off)
often still parses as valid YAML, with answers silently missing. peil
writes an explicit document end `...`; `peil validate` warns when it is
missing. Here every truncated copy of a peil-written file (cut at every
byte before the end marker) that `peil validate` accepts must carry that
warning; copies that do not parse must fail with an error, not a crash."""
import os
import subprocess
import sys
import tempfile

PEIL = os.environ.get("PEIL") or sys.exit("PEIL not set")
ROOT = os.environ.get("ROOT", sys.argv[1] if len(sys.argv) > 1 else ".")
H = os.path.join(ROOT, "tests", "fixtures", "hostile")
LIB = os.path.join(H, "library.yaml")
WARNING = "no end marker '...'"


def peil(*args):
    return subprocess.run([PEIL, *args], capture_output=True, text=True, errors="replace")


def saved_by_peil(tmp):
    """A response file as peil itself writes it (aggregate -o saves with the
    same writer as the TUI), plus the hand-written one with notes."""
    out = os.path.join(tmp, "saved.yaml")
    r = peil("aggregate", "-q", LIB, os.path.join(H, "r-everything.yaml"), "-o", out)
    files = [os.path.join(H, "r-everything.yaml")]
    if r.returncode == 0 and os.path.exists(out):
        files.insert(0, out)
    else:
        print("aggregate -o did not write a file; using the fixture only:", r.stderr.strip()[:200])
    return files


def main():
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for src in saved_by_peil(tmp):
            data = open(src, "rb").read()
            end = data.rfind(b"\n...")
            assert end > 0, f"{src} does not end with '...'"
            r = peil("validate", "-q", LIB, src)
            assert r.returncode == 0 and WARNING not in r.stderr, r.stderr
            parsed = warned = refused = 0
            cuts = {}
            for cut in range(1, end + 1):   # every copy without a complete `...`
                path = os.path.join(tmp, f"cut-{cut:05d}.yaml")
                with open(path, "wb") as f:
                    f.write(data[:cut])
                cuts[cut] = path
            # One run for all copies: validate reports each file on its own.
            r = peil("validate", "-q", LIB, *cuts.values())
            if r.returncode not in (0, 1) or "Sanitizer" in r.stderr or "runtime error" in r.stderr:
                failures += 1
                print(f"FAIL exit {r.returncode}\n{r.stderr[-3000:]}")
            ok = {l[:-len(": ok")] for l in r.stdout.splitlines() if l.endswith(": ok")}
            lines = {}
            for l in r.stderr.splitlines():
                lines.setdefault(l.split(":", 1)[0], []).append(l)
            for cut, path in cuts.items():
                errors = any(": error: " in l for l in lines.get(path, []))
                if path in ok:
                    parsed += 1
                    if any(WARNING in l for l in lines.get(path, [])):
                        warned += 1
                    else:
                        failures += 1
                        print(f"FAIL cut at byte {cut}: accepted without a warning")
                elif errors:
                    refused += 1
                else:
                    failures += 1
                    print(f"FAIL cut at byte {cut}: neither ok nor an error")
                os.unlink(path)
            print(f"{os.path.basename(src)}: {end} truncated copies: {parsed} still parse and "
                  f"validate, {warned} of them with the warning; {refused} refused with an error")
    if failures:
        print(f"{failures} failures")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
