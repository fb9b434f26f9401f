#!/usr/bin/env python3
"""Targets and the improvement plan in the interface, as a CIO uses them
(issue 15): answer; in the results `t` then a level sets the highlighted
domain's target, saved at once, and the form that follows records who
decided it (Esc skips it and keeps the target); a target of the
organisation's own is marked; `a` on a priority adds an action titled with
the advice (two keys: a, Enter); the priority then shows it is in the
plan; `p` opens the plan, where the action gets an owner and a due date,
its status changes and a second Delete deletes; the file holds the target,
the decision and the action, `peil plan` lists it and `peil score --format
json` names it on the priority. Next year (`--from`) the question screen
asks per carried-over action: D done, S still open, X drop. In a workshop
`a` proposes an action and the session file keeps it.
Keys go in through PEIL_SCRIPT (tui/script.h); the main flow runs once more
in a real terminal (tmux)."""
import json, os, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import Results, Term, answers, have_tmux, script, setup, wait_file  # noqa: E402

import yaml  # noqa: E402  (setup() checked it is there)

peil, root, home, env = setup(need_tmux=False)
town = os.path.join(root, "tests/fixtures/tui/town.yaml")
env = dict(env, SOURCE_DATE_EPOCH="1796342400")       # 2026-12-04
r = Results()


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def fill(name, lines, extra=(), w=80, h=24):
    f = os.path.join(home, name + ".yaml")
    argv = [peil, "fill", "-q", town, "-o", f, "--organisation", "Gemeente Script", "--lang", "en", *extra]
    return f, script(argv, lines, env, w, h)


def peil_out(*args):
    p = subprocess.run([peil, "--lang", "en", *args], capture_output=True, text=True, env=dict(os.environ, **env),
                       timeout=60)
    r.check(p.returncode == 0, "peil " + " ".join(args[:1]) + " exits 0", p.stderr)
    return p.stdout


# Answer every question with level 2, then the results.
ANSWER = ["2222222", "r"]
f, run = fill("main", ANSWER + [
    ":screen results",
    "t5", ":screen form",                                   # Services' target: the 5th level
    "<Right><Right><Tab><Tab>raadsbesluit 2026-031<Enter>", ":screen decided",
    "<Down><Down><Down><Down>", "a", ":screen action form", "<Enter>", ":screen covered",
    "p", ":screen plan",
    "<Enter><Tab><Tab>CISO<Tab>2026-06-30<Enter>", ":screen edited",
    "q"])
r.check(run.rc == 0, "the session ends with q", run.err)
s = run["results"]
r.check(s and "target 4" in s and "target 5" not in s and "no action" in s,
        "results: every domain's target; priorities without an action say so", s)
s = run["form"]
r.check(s and "Who decided the targets?" in s and "Target of Services set to 5 and saved." in s,
        "t5: the target is set and saved, then the form asks who decided", s)
r.check(s and "college of mayor and aldermen · council · management team" in s,
        "the form offers college, council and management team", s)
s = run["decided"]
r.check(s and "target 5*" in s and "* the organisation's own target." in s,
        "the target differs from the questionnaire's 4: marked as the organisation's own", s)
r.check(s and "Targets set by council, 2026-12-04, raadsbesluit 2026-031" in " ".join(s.split()),
        "the results say who decided, when and where", s)
s = run["action form"]
r.check(s and "Connect the forms to case management." in s and "services.online" in s,
        "a on the second priority: the form has its advice as the title and its question", s)
s = run["covered"]
r.check(s and "Action added to the plan" in s and "in the plan" in s,
        "Enter adds it; the priority now shows it is in the plan", s)
s = run["plan"]
r.check(s and "planned (1)" in s and "Connect the forms to case management." in s and "owner —" in s,
        "p: the plan, grouped by status, with the owner (none yet)", s)
s = run["edited"]
r.check(s and "owner CISO · due 2026-06-30 OVERDUE" in s,
        "edited in the plan: owner and due date shown, the past due date marked overdue", s)

doc = load(f)
act = (doc.get("plan") or [{}])[0]
r.check(doc.get("targets") == {"services": 5}, "the file holds the target", str(doc.get("targets")))
r.check((doc.get("targets_decided") or {}).get("by") == "council" and
        (doc.get("targets_decided") or {}).get("reference") == "raadsbesluit 2026-031",
        "... and who decided it", str(doc.get("targets_decided")))
r.check(act.get("title") == "Connect the forms to case management." and act.get("questions") == ["services.online"]
        and act.get("owner") == "CISO" and str(act.get("due")) == "2026-06-30" and act.get("status") == "planned",
        "... and the action with its owner and due date", str(act))
out = peil_out("plan", "-q", town, f)
r.check("2026-06-30  planned, OVERDUE  Connect the forms to case management.  CISO" in out,
        "peil plan lists the action, overdue", out)
prio = json.loads(peil_out("score", "-q", town, f, "--format", "json"))["priorities"]
on = {p["question"]: p["actions"] for p in prio}
r.check(on.get("services.online") == [act.get("id")] and on.get("services.accessible") == [],
        "peil score --format json names the action on its priority", str(on))

# `a` on a question screen: the form names that question, titled with the
# advice of its answer; Enter adds it.
f, run = fill("question", ["2", "<Left>", "a", ":screen qform", "<Enter>", ":screen qadded", "q"])
s = run["qform"]
r.check(s and "A new action for the plan" in s and "Connect the forms to case management." in s
        and "services.online" in s, "a on a question: the form with its advice and the question", s)
r.check(run["qadded"] and "Action added to the plan" in run["qadded"], "Enter adds it", run["qadded"])
acts = load(f).get("plan") or [{}]
r.check(acts[0].get("questions") == ["services.online"] and acts[0].get("title") == "Connect the forms to case management.",
        "the file holds the question's action", str(acts))

# Esc skips the form and keeps the target; Backspace after t removes it.
f, run = fill("skip", ANSWER + ["<Down>t3", "<Esc>", ":screen skipped", "t<BS>", ":screen removed", "q"])
doc = load(f)
r.check(doc.get("targets") is None and doc.get("targets_decided") is None,
        "Esc skipped the form (no decision); t then Backspace removed the target again", str(doc))
r.check(run["skipped"] and "target 3" in run["skipped"] and "Left without saving the form." in run["skipped"],
        "after Esc the target is still there", run["skipped"])

# The plan screen: status keys and deleting.
f, run = fill("status", ANSWER + ["<Down><Down><Down>a<Enter>", "p3", ":screen done",
                                  "<Del>", ":screen asked", "<Del>", ":screen deleted", "q"])
r.check(run["done"] and "done (1)" in run["done"], "3 in the plan: done", run["done"])
r.check(run["asked"] and "Press Delete again" in run["asked"], "the first Delete asks", run["asked"])
r.check(run["deleted"] and "No actions yet" in run["deleted"] and load(f).get("plan") is None,
        "the second deletes, and the file follows", run["deleted"])

# A mistake in the form keeps it open on that field.
f, run = fill("bad", ANSWER + ["<Down><Down><Down>a<Tab><Tab><Tab>30-06-2027<Enter>", ":screen refused", "<Esc>", "q"])
r.check(run["refused"] and "The due date: write it as YYYY-MM-DD" in run["refused"] and load(f).get("plan") is None,
        "a wrong date is refused with a message, nothing saved", run["refused"])

# Next year: the carried-over actions are confirmed next to their questions.
old = os.path.join(home, "last-year.yaml")
with open(old, "w", encoding="utf-8") as fh:
    fh.write("""peil-responses: 1
questionnaire: tui-town
organisation: Gemeente Script
date: 2025-11-18
plan:
- {id: forms, title: Connect the forms, questions: [services.online], status: in-progress, owner: CIO}
- {id: access, title: Accessibility statement, questions: [services.accessible], status: planned}
- {id: policy, title: Adopt the policy, questions: [security.policy], status: planned}
answers:
  services.online: {level: 2}
  services.accessible: {level: 2}
  security.policy: {level: 2}
...
""")
new = os.path.join(home, "this-year.yaml")
# --from brings the organisation along: no name prompt (issue 12, defect 6).
run = script([peil, "fill", "-q", town, "--from", old, "-o", new, "--lang", "en"],
             [":screen first", "D", ":screen confirmed", "<Enter>S<Enter>X", "q"], env, 80, 24)
s = run["first"]
r.check(s and 'Last time\'s action for this question: "Connect the forms" (in progress, CIO).' in s
        and "D done, S still open, X drop it." in s, "the carried-over action is shown with its question", s)
r.check(run["confirmed"] and '"Connect the forms": done.' in run["confirmed"]
        and "Last time's action" not in run["confirmed"], "D: done, and the question no longer asks", run["confirmed"])
plan = {a["id"]: a for a in load(new).get("plan") or []}
r.check(plan.get("forms", {}).get("status") == "done" and "carried_over" not in plan.get("forms", {}),
        "done, confirmed", str(plan.get("forms")))
r.check(plan.get("access", {}).get("status") == "planned" and "carried_over" not in plan.get("access", {}),
        "S: still open, confirmed", str(plan.get("access")))
r.check(plan.get("policy", {}).get("status") == "dropped", "X: dropped", str(plan.get("policy")))

# A workshop: a proposes an action, and the session file keeps it.
session = os.path.join(home, "session.yaml")
run = script([peil, "workshop", "-q", town, "-o", session, "--participants", "5", "--organisation", "Gemeente Script",
              "--lang", "en"], ["a<Enter>", ":screen proposed", "q"], env, 80, 24)
r.check(run["proposed"] and "Action proposed; the session keeps it" in run["proposed"], "a in a workshop proposes",
        run["proposed"])
acts = load(session).get("plan") or [{}]
r.check(acts[0].get("proposal") is True and acts[0].get("questions"), "the session file keeps the proposal", str(acts))

# The export dialog: the calendar is one of the formats, in view when chosen at 80 columns.
f, run = fill("export", ["x", "<Right><Right><Right><Right><Right>", ":screen calendar", "<Esc>q"])
row = next((l for l in (run["calendar"] or "").splitlines() if "Format" in l), "")
r.check("(●) Calendar" in row, "x: the Calendar format can be chosen and is shown", run["calendar"])

# The main keys once more in a real terminal.
if have_tmux():
    f = os.path.join(home, "tmux.yaml")
    t = Term(f"{peil} fill -q {town} -o {f} --organisation 'Gemeente Tmux' --lang en", env=env)
    t.wait(r"Question 1/7")
    t.keys(*"2222222")
    t.keys("r")
    t.wait(r"Top priorities")
    t.keys("t", "4")
    t.wait(r"Who decided the targets")
    t.keys("Escape")
    t.wait(r"target 4")
    t.keys("Down", "Down", "Down", "Down", "a")
    t.wait(r"A new action for the plan")
    t.keys("Enter")
    t.wait(r"in the plan")
    t.keys("p")
    t.wait(r"planned \(1\)")
    t.keys("q")
    t.wait_dead()
    t.close()
    doc = load(f)
    r.check(len(doc.get("plan") or []) == 1 and doc.get("targets") == {"services": 4},
            "tmux: the target and the action are in the file", str(doc))
r.done()
