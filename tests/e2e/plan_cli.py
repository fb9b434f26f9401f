#!/usr/bin/env python3
"""`peil plan` as a CIO uses it (tests/fixtures/valid/r-plan.yaml on the
library questionnaire, today fixed through SOURCE_DATE_EPOCH): the text
table in English and Dutch (actions by due date, the overdue one flagged,
totals without the dropped action, the uncovered priority), the CSV read
back by Python's csv module, the exit codes of bad use, and `fill --from`
carrying the open actions (not the done or dropped ones) into a new file
that `peil plan` then lists."""
import csv, io, json, os, subprocess, sys, tempfile

root = sys.argv[1] if len(sys.argv) > 1 else os.environ["ROOT"]
peil = os.environ.get("PEIL") or os.path.join(root, "build", "peil")
Q = os.path.join(root, "tests", "fixtures", "valid", "library.yaml")
R = os.path.join(root, "tests", "fixtures", "valid", "r-plan.yaml")
EPOCH = "1796342400"        # 2026-12-04 (UTC): loans-app, due 2026-09-30, is overdue
fails = []


def run(*args, lang="en", rc=0):
    env = dict(os.environ, LC_ALL="C.UTF-8", SOURCE_DATE_EPOCH=EPOCH)
    for k in ("LANGUAGE", "LANG", "LC_MESSAGES"):
        env.pop(k, None)
    p = subprocess.run([peil, "--lang", lang, *args], capture_output=True, text=True, env=env,
                       timeout=60, stdin=subprocess.DEVNULL)
    if p.returncode != rc:
        fails.append(f"{' '.join(args)}: exit {p.returncode}, expected {rc}: {p.stderr[-300:]}")
    return p


def expect(what, cond):
    if not cond:
        fails.append(what)


# English text: the table a CIO pastes into an e-mail.
out = run("plan", "-q", Q, R).stdout
lines = out.splitlines()
expect("title line: " + lines[0], lines[0] == "Bibliotheek Proefstad — improvement plan (2026-06-30)")
expect("summary line: " + lines[1], lines[1] == "3 actions, 2 open; 1 overdue on 2026-12-04.")
head = next((l for l in lines if l.startswith("Due")), "")
expect("header: " + head, head.split() == ["Due", "Status", "Action", "Owner", "Cost", "(EUR)", "Hours"])
rows = [l for l in lines[lines.index(head) + 1:] if l.strip()][:4] if head else []
expect("loans-app first, overdue: %r" % rows[:1],
       rows and rows[0].startswith("2026-09-30  in progress, OVERDUE  Renewals in the app"))
expect("undated ones after, by id (old before training): %r" % rows,
       len(rows) == 4 and "Dropped idea" in rows[1] and "Yearly digital skills training" in rows[2])
expect("totals leave the dropped 99,999 out: %r" % rows[3:],
       len(rows) == 4 and rows[3].startswith("Total") and rows[3].rstrip().endswith("19,000  120.50"))
expect("cost column right-aligned under its header",
       len(rows) == 4 and rows[0].index("15,000") + 6 == head.index("Cost (EUR)") + len("Cost (EUR)"))
expect("uncovered priority listed:\n" + out,
       "Priorities without an action (largest gap first):\n"
       "  1. Is there digital help for visitors? (services.help-desk) — level 1 → 4" in out)

# Dutch: translated words, decimal comma and thousands point.
nl = run("plan", "-q", Q, R, lang="nl").stdout
expect("Dutch header and overdue:\n" + nl, "Uiterlijk" in nl and "in uitvoering, TE LAAT" in nl)
expect("Dutch amounts: 15.000 and 120,50:\n" + nl, "15.000" in nl and "120,50" in nl and "19.000" in nl)

# CSV for a spreadsheet: one row per action, in the JSON's order.
rows = list(csv.reader(io.StringIO(run("plan", "-q", Q, R, "--format", "csv").stdout)))
expect("csv header: %r" % rows[:1], rows and rows[0][:3] == ["Action", "Title", "Questions"])
expect("csv rows: %r" % rows, [r[0] for r in rows[1:]] == ["loans-app", "old", "training"])
expect("csv overdue and amounts: %r" % rows[1:2],
       len(rows) > 1 and rows[1][6] == "yes" and rows[1][7] == "15000" and rows[1][8] == "120.5")

# JSON: the SPEC's top-level keys.
doc = json.loads(run("plan", "-q", Q, R, "--format", "json").stdout)
expect("json keys: %r" % list(doc), list(doc) == ["organisation", "date", "actions", "uncovered", "totals"])

# Bad use: a format it does not have, two files, a file that does not validate.
p = run("plan", "-q", Q, R, "--format", "pdf", rc=2)
expect("bad format message: " + p.stderr, "--format takes text, json or csv, not 'pdf'" in p.stderr)
run("plan", "-q", Q, rc=2)
bad = os.path.join(root, "tests", "fixtures", "bad", "plan-duplicate-id.yaml")
p = run("plan", "-q", Q, bad, rc=1)
expect("invalid plan reported: " + p.stderr,
       bad + ":9:10: error: duplicate action id 'loans' (first at line 7)" in p.stderr)

# Next year: --from carries the open actions, not the done or dropped ones.
with tempfile.TemporaryDirectory() as tmp:
    old = os.path.join(tmp, "2026.yaml")
    with open(R, encoding="utf-8") as f:
        text = f.read().replace("    status: planned\n", "    status: done\n")
    with open(old, "w", encoding="utf-8") as f:
        f.write(text)
    new = os.path.join(tmp, "2027.yaml")
    run("fill", "-q", Q, "--from", old, "-o", new, "--plain")
    carried = json.loads(run("plan", "-q", Q, new, "--format", "json").stdout)
    expect("carried: %r" % [a["id"] for a in carried["actions"]],
           [a["id"] for a in carried["actions"]] == ["loans-app"])
    with open(new, encoding="utf-8") as f:
        saved = f.read()
    expect("carried action marked and decision kept:\n" + saved,
           "  carried_over: true\n" in saved and "targets_decided: {by: gemeenteraad" in saved)

for f in fails:
    print("FAIL:", f)
print("plan cli: %d failures" % len(fails))
sys.exit(1 if fails else 0)
