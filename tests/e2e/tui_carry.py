#!/usr/bin/env python3
"""peil fill --from: last year's answers come along marked as carried over;
the screen says which are still to confirm; Enter on the current answer
confirms it, choosing another changes and confirms it; the rest stays
marked in the file until confirmed, across sittings."""
import os, shutil, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import Term, Results, setup, answers  # noqa: E402

peil, root, home, env = setup()
town = os.path.join(root, "tests/fixtures/tui/town.yaml")
r = Results()
old = os.path.join(home, "2025.yaml")
new = os.path.join(home, "2026.yaml")
with open(old, "w", encoding="utf-8") as f:
    f.write("""peil-responses: 1
questionnaire: tui-town
questionnaire_version: "2026.1"
organisation: Gemeente Vorig Jaar
date: 2025-11-20
answers:
  services.online: {level: 2}
  services.accessible: {level: 3}
  security.policy: {level: 3}
  security.audit: {level: 2, note: "Extern getoetst in 2025 — één bevinding"}
  security.backup: {status: na}
  data.register: {status: unknown}
""")

t = Term(f"{peil} fill -q {town} -o {new} --from {old} --organisation 'Gemeente Nu' --lang en", env=env)
s = t.wait(r"Question 1/7")
r.check(s is not None, "starts at the first unconfirmed question", t.screen())
r.check(s and "Carried over from last time" in s and "6 carried over to confirm" in s,
        "the screen shows the answer is carried over and how many are left", s)
r.check(s and "(●) 2  Repeatable" in s, "the carried answer is the marked one", s)
a = answers(new)
r.check(all((a.get(q) or {}).get("carried_over") for q in
            ["services.online", "services.accessible", "security.policy", "security.audit",
             "security.backup", "data.register"]), "the new file marks every copied answer", str(a))
t.keys("Enter")                         # confirm online = 2
s = t.wait(r"Question 2/7")
r.check(s is not None and "5 carried over to confirm" in s, "Enter on the current answer confirms it", t.screen())
t.keys("4")                             # accessible: 3 -> 4
r.check(t.wait(r"Question 3/7") is not None, "choosing another answer goes on")
t.keys("q")
t.wait_dead()
t.close()
a = answers(new)
r.check(a.get("services.online") == {"level": 2}, "confirmed: level kept, mark gone", str(a.get("services.online")))
r.check(a.get("services.accessible") == {"level": 4}, "changed: new level, mark gone", str(a.get("services.accessible")))
r.check((a.get("security.policy") or {}).get("carried_over") is True, "not yet confirmed: still marked")
r.check((a.get("security.audit") or {}).get("note") == "Extern getoetst in 2025 — één bevinding",
        "notes come along")
r.check("data.open" not in a, "an open question stays open")

# Next sitting: back at the first question still to do; Tab goes through them.
t = Term(f"{peil} fill -q {town} -o {new} --lang en", env=env)
s = t.wait(r"Question 3/7")
r.check(s is not None and "4 carried over to confirm" in s, "resume: the first unconfirmed question", t.screen())
t.keys("Tab")
r.check(t.wait(r"Question 4/7") is not None, "Tab: the next unconfirmed question")
t.keys("Tab", "Tab", "Tab")
r.check(t.wait(r"Question 7/7") is not None, "Tab reaches the open question", t.screen())
t.keys("Tab")
r.check(t.wait(r"Question 3/7") is not None, "Tab wraps around")
t.keys("o")
s = t.wait(r"carried-over answers to confirm")
r.check("Information security" in s, "the overview counts them too", t.screen())
t.keys("q")
t.wait_dead()
t.close()

# --from onto an existing file is refused: it would overwrite this year's answers.
p = subprocess.run([peil, "fill", "-q", town, "-o", new, "--from", old], capture_output=True, text=True,
                   env=dict(os.environ, **env), stdin=subprocess.DEVNULL, timeout=60)
r.check(p.returncode == 2 and "exists already" in p.stderr, "--from onto an existing file: usage error",
        f"exit {p.returncode}: {p.stderr}")

shutil.rmtree(home, ignore_errors=True)
r.done()
