#!/usr/bin/env python3
"""`peil export --format ics`: the plan's open actions as RFC 5545 to-dos,
read back by Python's icalendar package (Debian's python3-icalendar, which
`scripts/deps.sh check` installs) and checked octet by octet: CRLF line
ends, no line over 75 octets, folds never inside a UTF-8 character, text
escaped (commas, semicolons, backslashes, newlines); planned and in-progress
actions only, with DUE, SUMMARY, DESCRIPTION (the questions and the advice)
and STATUS; the UID the same in the next export, also after other changes."""
import os, subprocess, sys, tempfile

try:
    import icalendar
except ImportError:
    # A Python of its own (pyenv) may lack Debian's packages: use Debian's.
    if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    print("FAIL: the icalendar package is missing: run `sh scripts/deps.sh check` (python3-icalendar)")
    sys.exit(1)

root = sys.argv[1] if len(sys.argv) > 1 else os.environ["ROOT"]
peil = os.environ.get("PEIL") or os.path.join(root, "build", "peil")
Q = os.path.join(root, "tests", "fixtures", "valid", "library.yaml")
fails = []

PLAN = """peil-responses: 1
questionnaire: library-digital-services
questionnaire_version: "1.0"
organisation: Bibliotheek Proefstad
date: 2026-11-24
targets: {skills: 4}
plan:
- id: loans-app
  title: "Verlengen in de app, met meldingen; ook voor e-boeken \\\\ luisterboeken — één keer goed ingericht, zodat élke lezer 🙂 het kan"
  questions: [services.online-loans]
  owner: Teamleider Dienstverlening
  due: 2027-03-31
  status: in-progress
  cost: 15000
  hours: 120
  note: "Met de leverancier, in twee stappen:\\n1. verlengen, 2. meldingen"
- id: training
  title: Jaarlijkse scholing
  questions: [skills.training, skills.plan]
  status: planned
- id: wifi
  title: Klaar
  questions: [services.help-desk]
  status: done
  due: 2026-01-31
- id: old
  title: Vervallen
  questions: [services.help-desk]
  status: dropped
answers:
  services.online-loans: {level: 2}
  services.help-desk: {level: 1}
  skills.training: {level: 3}
  skills.plan: {level: 2}
...
"""


def export(path):
    p = subprocess.run([peil, "--lang", "en", "export", "-q", Q, path, "--format", "ics"],
                       capture_output=True, timeout=60)
    if p.returncode != 0:
        fails.append("export: exit %d: %s" % (p.returncode, p.stderr[-300:]))
    return p.stdout


def expect(what, cond):
    if not cond:
        fails.append(what)


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "plan.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(PLAN)
    raw = export(path)

    # The octets: CRLF everywhere, folded at 75, never inside a character.
    expect("ends with CRLF", raw.endswith(b"\r\n"))
    lines = raw[:-2].split(b"\r\n")
    expect("a bare LF", all(b"\n" not in l for l in lines))
    expect("a line over 75 octets: %r" % [l for l in lines if len(l) > 75][:1], all(len(l) <= 75 for l in lines))
    for l in lines:
        try:
            l.decode("utf-8")
        except UnicodeDecodeError:
            fails.append("a fold splits a UTF-8 character: %r" % l)
    folded = [l for l in lines if l.startswith(b" ")]
    expect("the long title is folded", len(folded) >= 2)

    cal = icalendar.Calendar.from_ical(raw.decode("utf-8"))
    expect("VERSION 2.0", str(cal.get("VERSION")) == "2.0")
    expect("PRODID", str(cal.get("PRODID")).startswith("-//peil//"))
    todos = cal.walk("VTODO")
    by_uid = {str(t["UID"]): t for t in todos}
    expect("open actions only: %r" % list(by_uid), len(todos) == 2)
    loans = next((t for t in todos if str(t["UID"]).startswith("loans-app-")), None)
    training = next((t for t in todos if str(t["UID"]).startswith("training-")), None)
    expect("loans-app and training exported", loans is not None and training is not None)
    if loans is not None:
        expect("SUMMARY unescaped back to the title: %r" % str(loans["SUMMARY"]),
               str(loans["SUMMARY"]) == "Verlengen in de app, met meldingen; ook voor e-boeken \\ luisterboeken"
               " — één keer goed ingericht, zodat élke lezer 🙂 het kan")
        expect("DUE is the date", loans.decoded("DUE").isoformat() == "2027-03-31")
        expect("STATUS IN-PROCESS", str(loans["STATUS"]) == "IN-PROCESS")
        expect("DTSTAMP present", "DTSTAMP" in loans)
        d = str(loans["DESCRIPTION"])
        expect("DESCRIPTION names the question, its answer, owner, cost and note: %r" % d,
               "(services.online-loans): 2 Basic — Renewals" in d and "Owner: Teamleider Dienstverlening" in d
               and "Cost: EUR 15,000" in d and "Hours: 120" in d
               and "Met de leverancier, in twee stappen:\n1. verlengen, 2. meldingen" in d)
    if training is not None:
        expect("STATUS NEEDS-ACTION", str(training["STATUS"]) == "NEEDS-ACTION")
        expect("no DUE without a due date", "DUE" not in training)
        d = str(training["DESCRIPTION"])
        expect("both questions in the DESCRIPTION: %r" % d, "(skills.training)" in d and "(skills.plan)" in d)

    # The UID survives another export after the answers and the plan change.
    with open(path, "w", encoding="utf-8") as f:
        f.write(PLAN.replace("skills.plan: {level: 2}", "skills.plan: {level: 3}")
                    .replace("status: planned", "status: in-progress").replace("date: 2026-11-24", "date: 2026-12-01"))
    again = icalendar.Calendar.from_ical(export(path).decode("utf-8"))
    expect("UIDs stable across exports", sorted(str(t["UID"]) for t in again.walk("VTODO")) == sorted(by_uid))
    expect("UIDs differ per action", len(set(by_uid)) == 2)

for f in fails:
    print("FAIL:", f)
print("ics: %d failures" % len(fails))
sys.exit(1 if fails else 0)
