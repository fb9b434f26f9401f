#!/usr/bin/env python3
"""Exports of very large inputs stay linear in memory (issue 13 item 2):
the largest response the loader accepts, one answer with 499,981 evidence
items (500,000 YAML nodes, 13.9 MB; one item more is refused; 20,000 items
took 1.2 GB for a CSV before the fix), and a questionnaire of 20,000 levels
whose votes all appear in the group's answer (3.6 GB for the Markdown
before). Every text format and the ODT must finish, carry the last item,
and stay within a memory bound linear in the input's size. No time is
asserted: the figures are in `make bench`; the timeout here only stops a
run that would never end."""
import os
import shutil
import subprocess
import sys
import tempfile
import threading

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.environ["ROOT"]
PEIL = os.environ["PEIL"]
# The exports run on the build without sanitizers (tests/run.sh's
# PEIL_PLAIN) when there is one: their point is memory linear in the input,
# which ASan's shadow and quarantine only blur, and under ASan they cost
# three times the CPU. What ASan would see here, the exporters' buffers
# growing, it sees at every size in export_content, export_cli and the
# other export tests; the loader at its node limit (the exact boundary,
# where an off-by-one would write) still runs under PEIL below.
PEIL_PLAIN = os.environ.get("PEIL_PLAIN") or PEIL
Q = os.path.join(ROOT, "tests/fixtures/exports/questionnaire.yaml")
TMP = tempfile.mkdtemp()
ENV = dict(os.environ, LC_ALL="C.UTF-8", XDG_DATA_HOME=TMP + "/data", XDG_CONFIG_HOME=TMP + "/config")
# Under AddressSanitizer, freed memory waits in a quarantine (256 MB by
# default) that would hide what the export itself holds.
ENV["ASAN_OPTIONS"] = (os.environ.get("ASAN_OPTIONS", "") + ":quarantine_size_mb=16").lstrip(":")
FAILS = []
ITEMS = 499981          # with evidence_file()'s header: exactly 500,000 nodes
LEVELS = 20000


def fail(msg):
    FAILS.append(msg)
    print("FAIL:", msg)


def evidence_file(items=ITEMS, name="evidence.yaml"):
    path = os.path.join(TMP, name)
    with open(path, "w") as f:
        f.write('peil-responses: 1\nquestionnaire: peil-export-example\nquestionnaire_version: "2026.1"\n'
                "organisation: Gemeente Groot\ndate: 2026-06-30\nanswers:\n  services.online-loans:\n"
                "    level: 2\n    evidence:\n")
        for i in range(items):
            f.write(f"      - evidence-{i}.pdf\n")
    return Q, path, f"evidence-{items - 1}.pdf"


def largest_accepted():
    """ITEMS is the loader's limit: one item more is refused (the exports
    below show that ITEMS is accepted)."""
    _, path, _ = evidence_file(ITEMS + 1, "limit.yaml")
    p = subprocess.run([PEIL, "validate", "-q", Q, path], capture_output=True, env=ENV, timeout=600)
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode != 1 or "more than 500000 YAML nodes" not in err:
        fail(f"{ITEMS + 1} evidence items are not refused for the node limit: exit {p.returncode}: {err[-300:]}")
    os.unlink(path)


def votes_files():
    q = os.path.join(TMP, "levels.yaml")
    with open(q, "w") as f:
        f.write('peil: 1\nid: many-levels\nversion: "1"\nlanguages: [en]\ntitle: Levels\nlevels:\n')
        f.writelines(f"  - {{value: {v}, label: L{v}}}\n" for v in range(1, LEVELS + 1))
        f.write("domains:\n  - id: d\n    title: D\n    questions:\n      - id: d.q\n        text: Q?\n"
                "        answers:\n")
        f.writelines(f"          - {{level: {v}, text: A{v}}}\n" for v in range(1, LEVELS + 1))
    r = os.path.join(TMP, "votes.yaml")
    with open(r, "w") as f:
        f.write('peil-responses: 1\nquestionnaire: many-levels\nquestionnaire_version: "1"\n'
                "organisation: Groep\ndate: 2026-06-30\nparticipants: 9\nanswers:\n  d.q:\n    level: 1\n"
                "    votes: {" + ", ".join(f"{v}: 1" for v in range(1, LEVELS + 1)) + "}\n")
    return q, r, f"{LEVELS}: 1"


def export(q, r, fmt, want):
    size = os.path.getsize(q) + os.path.getsize(r)
    out = os.path.join(TMP, "out." + fmt)
    err = os.path.join(TMP, "err")
    with open(err, "wb") as ef:
        p = subprocess.Popen([PEIL_PLAIN, "export", "-q", q, r, "--format", fmt, "-o", out], stdout=subprocess.DEVNULL,
                             stderr=ef, env=ENV)
        # only a watchdog: a run that would never end fails, no time is asserted
        timer = threading.Timer(600, p.kill)
        timer.start()
        _, status, ru = os.wait4(p.pid, 0)
        timer.cancel()
    p.returncode = os.waitstatus_to_exitcode(status)
    peak = ru.ru_maxrss                     # KB, this process alone
    stderr = open(err, "rb").read()
    if p.returncode != 0 or b"Sanitizer" in stderr:
        fail(f"{os.path.basename(r)} {fmt}: exit {p.returncode}: {stderr[-300:]!r}")
        return
    # linear: 60 bytes of memory per byte of input, plus what ASan and the
    # libraries take at rest
    bound = 60 * size // 1024 + 250 * 1024
    print(f"{os.path.basename(r)} {fmt}: {size / 1e6:.1f} MB in, {os.path.getsize(out) / 1e6:.1f} MB out, "
          f"peak {peak / 1024:.0f} MB")
    if peak > bound:
        fail(f"{os.path.basename(r)} {fmt}: peak {peak / 1024:.0f} MB, over the linear bound {bound / 1024:.0f} MB")
    if fmt == "json":
        want = '"%s": %s' % tuple(want.split(": ")) if "votes" in r else want
    if fmt != "odt" and want.encode() not in open(out, "rb").read():
        fail(f"{os.path.basename(r)} {fmt}: the last item {want!r} is missing")


def main():
    print("exports by", PEIL_PLAIN)
    largest_accepted()
    for q, r, want in (evidence_file(), votes_files()):
        for fmt in ("csv", "md", "html", "json", "odt"):
            if fmt == "csv" and "votes" in r:
                continue                    # the CSV has no votes
            export(q, r, fmt, want)
    shutil.rmtree(TMP, ignore_errors=True)
    if FAILS:
        print(f"{len(FAILS)} failure(s)")
        return 1
    print("large exports stay linear")
    return 0


if __name__ == "__main__":
    sys.exit(main())
