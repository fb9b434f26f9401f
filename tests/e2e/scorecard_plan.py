#!/usr/bin/env python3
"""The decision cycle from one year to the next, as a CIO runs it and a
council reads it. Last year's file has four actions (planned, in progress,
done, dropped) and targets set by the council; `peil fill --from` starts
this year's: the two open actions come along (carried over), the done and
dropped ones do not, nor are the targets or their decision lost. This year
one carried action is confirmed done, a target is raised, and the export
(--baseline last year) shows, in Markdown, HTML, JSON and CSV:
"What the council is asked to decide" right after the summary (targets with
who set them, the raised one with its old value, cost and hours, the
priorities without an action), "The improvement plan" as a table and "Done
since last time" naming both done actions with their questions' levels then
and now. `peil compare` says the same per action."""
import csv, io, json, os, re, subprocess, sys, tempfile

root = sys.argv[1] if len(sys.argv) > 1 else os.environ["ROOT"]
peil = os.environ.get("PEIL") or os.path.join(root, "build", "peil")
Q = os.path.join(root, "tests", "fixtures", "valid", "library.yaml")
fails = []

OLD = """peil-responses: 1
questionnaire: library-digital-services
questionnaire_version: "1.0"
organisation: Bibliotheek Proefstad
date: 2025-11-30
population: 45000
targets: {services: 4, skills: 3}
targets_decided: {by: gemeenteraad, date: 2025-03-12, reference: raadsbesluit 2025-017}
plan:
- {id: loans-app, title: Renewals in the app, questions: [services.online-loans], status: planned, owner: CIO, due: 2026-06-30, cost: 15000, hours: 120}
- {id: help-desk, title: Weekly digital help desk, questions: [services.help-desk], status: in-progress, owner: teamleider Dienstverlening, cost: 8000}
- {id: training, title: Yearly training, questions: [skills.training], status: done, owner: HR}
- {id: old-idea, title: An idea we dropped, questions: [skills.plan], status: dropped, cost: 99999}
answers:
  services.online-loans: {level: 1}
  services.help-desk: {level: 1}
  skills.training: {level: 2}
  skills.plan: {level: 2}
...
"""


def run(*args, rc=0):
    env = dict(os.environ, LC_ALL="C.UTF-8", SOURCE_DATE_EPOCH="1796342400")
    for k in ("LANGUAGE", "LANG", "LC_MESSAGES"):
        env.pop(k, None)
    p = subprocess.run([peil, "--lang", "en", *args], capture_output=True, text=True, env=env,
                       timeout=60, stdin=subprocess.DEVNULL)
    if p.returncode != rc:
        fails.append(f"{' '.join(args[:3])}: exit {p.returncode}: {p.stderr[-300:]}")
    return p.stdout


def expect(what, cond):
    if not cond:
        fails.append(what)


def section(md, title):
    m = re.search(r"^## %s\n(.*?)(?=^## |\Z)" % re.escape(title), md, re.S | re.M)
    return m.group(1) if m else ""


with tempfile.TemporaryDirectory() as tmp:
    old, new = os.path.join(tmp, "2025.yaml"), os.path.join(tmp, "2026.yaml")
    with open(old, "w", encoding="utf-8") as f:
        f.write(OLD)
    run("fill", "-q", Q, "--from", old, "-o", new, "--plain")
    with open(new, encoding="utf-8") as f:
        text = f.read()
    for want in ["- id: loans-app", "- id: help-desk", "targets: {services: 4, skills: 3}",
                 "targets_decided: {by: gemeenteraad, date: 2025-03-12", "population: 45000"]:
        expect(f"--from carried {want!r}:\n{text}", want in text)
    for gone in ["id: training", "id: old-idea"]:
        expect(f"--from carried the done/dropped {gone!r}", gone not in text)
    expect("carried actions are marked",
           len(re.findall(r"^  carried_over: true$", text, re.M)) == 2)

    # This year: the app is done (confirmed), the answers moved, a target went up.
    text = text.replace("  status: planned\n", "  status: done\n", 1)
    text = re.sub(r"^  carried_over: true\n(?=- id: help-desk)", "", text, flags=re.M)
    text = text.replace("targets: {services: 4, skills: 3}", "targets: {services: 5, skills: 3}")
    text = text.replace("services.online-loans: {level: 1, carried_over: true}", "services.online-loans: {level: 3}")
    with open(new, "w", encoding="utf-8") as f:
        f.write(text)

    md = run("export", "-q", Q, new, "--baseline", old, "--format", "md")
    heads = re.findall(r"^## (.*)$", md, re.M)
    expect(f"decision right after the summary: {heads}",
           len(heads) > 1 and heads[1] == "What the council is asked to decide")
    dec = section(md, "What the council is asked to decide")
    expect("raised target with its old value:\n" + dec, "| Services | 5 Exemplary — raised from 4 (own target) |" in dec)
    expect("who set the targets:\n" + dec, "**Targets set by:** gemeenteraad, on 12 March 2025 (raadsbesluit 2025-017)" in dec)
    expect("cost and hours:\n" + dec,
           "**The plan:** 2 actions, 1 open; € 23,000 and 120 staff hours (dropped actions not counted)" in dec)
    expect("uncovered priorities:\n" + dec, "### Priorities without an action" in dec and "Is there a training plan?" in dec)
    plan = section(md, "The improvement plan")
    expect("plan table:\n" + plan, "| Renewals in the app | Can members borrow and renew online? | CIO | 30 June 2026 | done | € 15,000 | 120 |" in plan)
    expect("plan total:\n" + plan, "| Total (dropped actions not counted) |" in plan and "€ 23,000" in plan)
    done = section(md, "Done since last time")
    expect("done section tally:\n" + done,
           "Of the 3 actions planned last time, 2 are done, 1 still open and 0 dropped." in done)
    expect("done since last time names both, with levels:\n" + done,
           "| Renewals in the app | CIO | Can members borrow and renew online?: 1 → 3 (up) |" in done
           and "| Yearly training | HR | Are staff trained in digital skills?: 2 → 2 (unchanged) |" in done
           and "Weekly digital help desk" not in done)

    html = run("export", "-q", Q, new, "--baseline", old, "--format", "html")
    for h in ["What the council is asked to decide", "The improvement plan", "Done since last time"]:
        expect(f"html has {h!r}", re.search(r"<h2[^>]*>%s</h2>" % re.escape(h), html) is not None)

    doc = json.loads(run("export", "-q", Q, new, "--baseline", old, "--format", "json"))
    expect("json targets_decided", doc.get("targets_decided") == {"by": "gemeenteraad", "date": "2025-03-12",
                                                                  "reference": "raadsbesluit 2025-017"})
    expect("json plan totals", (doc.get("plan") or {}).get("totals") == {"cost": 23000, "hours": 120})
    ba = {a["id"]: a for a in (doc.get("baseline") or {}).get("actions", [])}
    expect("json baseline actions: %r" % ba, sorted(ba) == ["help-desk", "loans-app", "training"]
           and ba["loans-app"]["status"] == "done" and ba["loans-app"]["questions"][0] ==
           {"question": "services.online-loans", "old": 1, "new": 3} and not ba["training"]["in_new"])

    rows = list(csv.reader(io.StringIO(run("export", "-q", Q, new, "--format", "csv"))))
    blank = rows.index([]) if [] in rows else -1
    expect("csv: the actions after one empty line: %r" % rows[blank:],
           blank > 0 and rows[blank + 1][:2] == ["Action", "Title"] and [r[0] for r in rows[blank + 2:]] == ["loans-app", "help-desk"])

    cmp = run("compare", "-q", Q, old, new)
    expect("compare names each action and its questions:\n" + cmp,
           "Actions since last time (3)\n  done — Renewals in the app\n      services.online-loans 1 → 3 (up)\n" in cmp
           and "  still open — Weekly digital help desk\n" in cmp and "  done — Yearly training\n" in cmp)
    cj = json.loads(run("compare", "-q", Q, old, new, "--format", "json"))
    expect("compare json actions", [a["id"] for a in cj.get("actions", [])] == ["loans-app", "help-desk", "training"])

    # Without a plan or targets of its own, no decision noise about a plan.
    bare = os.path.join(tmp, "bare.yaml")
    with open(bare, "w", encoding="utf-8") as f:
        f.write(OLD.split("plan:")[0].replace("targets_decided: {by: gemeenteraad, date: 2025-03-12, reference: raadsbesluit 2025-017}\n", "")
                + "answers:\n  services.online-loans: {level: 1}\n...\n")
    md = run("export", "-q", Q, bare, "--format", "md")
    expect("no plan: no plan or done section", "## The improvement plan" not in md and "## Done since last time" not in md)
    dec = section(md, "What the council is asked to decide")
    expect("no plan: decision says so:\n" + dec, "**Targets set by:** not recorded" in dec and "**The plan:** no actions yet" in dec)

for f in fails:
    print("FAIL:", f)
print("scorecard plan: %d failures" % len(fails))
sys.exit(1 if fails else 0)
