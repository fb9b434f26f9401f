#!/usr/bin/env python3
"""peil fill in tmux with the SPEC's keys: answering a whole questionnaire,
show_if questions appearing and disappearing, Tab to the next open question,
n/u, clearing, notes and evidence in non-ASCII text, quitting and resuming
where one left off, `peil` without arguments, the overview, help and export."""
import os, shutil, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import Term, Results, setup, answers, load  # noqa: E402

peil, root, home, env = setup()
town = os.path.join(root, "tests/fixtures/tui/town.yaml")
r = Results()
d = os.path.join(home, "fill")
os.makedirs(d)


def start(args, **kw):
    return Term(f"{peil} {args}", env=env, **kw)


def field(a, qid, key):
    return (a.get(qid) or {}).get(key)


# A whole questionnaire with the SPEC's keys.
f = os.path.join(d, "whole.yaml")
t = start(f"fill -q {town} -o {f} --organisation 'Gemeente Test' --lang en")
s = t.wait(r"Question 1/7")
r.check(s is not None, "starts at the first question, position 1/7", t.screen())
r.check(s and "Gemeente Test" in s and "Services" in s and "Progress" in s,
        "shows organisation, domain and progress", s)
r.check(os.path.exists(f), "a named new file is written at the start")
t.keys("Down", "Down", "Enter")                 # online: 3
r.check(t.wait(r"Question 2/7") is not None, "Enter chooses and goes on")
t.keys("n")                                     # accessible does not allow n/a
r.check(t.wait(r"cannot be answered with 'not applicable'") is not None,
        "n where n/a is not allowed says so", t.screen())
r.check("Question 2/7" in t.screen(), "... and stays on the question")
t.keys("j", "Space")                            # accessible: 2
r.check(t.wait(r"Question 3/7") is not None, "j and Space choose")
t.keys("2")                                     # policy 2: audit is hidden
r.check(t.wait(r"Question 5/7") is not None, "a show_if question that does not apply is skipped",
        t.screen())
t.keys("u")                                     # backup: don't know
r.check(t.wait(r"Question 6/7") is not None, "u goes on")
t.keys("Left")
r.check(t.wait(r"Question 5/7") is not None, "Left goes back")
t.keys("PPage")
r.check(t.wait(r"Question 3/7") is not None, "PgUp goes back over the hidden question")
t.keys("4")                                     # policy 4: audit appears
s = t.wait(r"Question 4/7")
r.check(s is not None and "audited" in s, "the show_if question appears when its condition holds", t.screen())
t.keys("n")                                     # audit: n/a
r.check(t.wait(r"Question 5/7") is not None, "n goes on")
t.keys("Right")
r.check(t.wait(r"Question 6/7") is not None, "Right goes on")
t.keys("NPage")
r.check(t.wait(r"Question 7/7") is not None, "PgDn goes on")
t.keys("Tab")                                   # from 7: wraps to register (6)
r.check(t.wait(r"Question 6/7") is not None, "Tab wraps around to the next open question", t.screen())
t.keys("Tab")
r.check(t.wait(r"Question 7/7") is not None, "Tab goes to the next open question")
t.keys("5")                                     # open data: 5; register still open
s = t.wait(r"Question 6/7")
r.check(s is not None and "still to do" in s, "after the last question: back to an open one", t.screen())
t.keys("k", "1")                                # register: 1 -> all answered
s = t.wait(r"Overall level")
r.check(s is not None, "when all is answered the results appear", t.screen())
t.keys("q")
r.check(t.wait_dead(), "q quits")
r.check(t.status() == ("0", "") and "ERROR" not in t.screen(),
        "... with exit status 0 (no sanitizer report either)", str(t.status()) + t.screen())
t.close()
a = answers(f)
want = {"services.online": ("level", 3), "services.accessible": ("level", 2),
        "security.policy": ("level", 4), "security.audit": ("status", "na"),
        "security.backup": ("status", "unknown"), "data.register": ("level", 1),
        "data.open": ("level", 5)}
for q, (k, v) in want.items():
    r.check(field(a, q, k) == v, f"saved {q}: {k} {v}", f"got {a.get(q)}")
doc = load(f)
r.check(doc.get("organisation") == "Gemeente Test" and str(doc.get("date")) == "2026-11-18",
        "organisation and date (SOURCE_DATE_EPOCH) saved", str(doc))

# Quit half-way and resume where one left off; clearing an answer.
f = os.path.join(d, "resume.yaml")
t = start(f"fill -q {town} -o {f} --organisation Resume --lang en")
t.wait(r"Question 1/7")
t.keys("3", "3")
t.wait(r"Question 3/7")
t.keys("q")
t.wait_dead()
t.close()
env_path = dict(env, PEIL_PATH=os.path.dirname(town))
t = Term(f"{peil} fill -o {f} --lang en", env=env_path)
s = t.wait(r"Question 3/7")
r.check(s is not None, "resume opens at the first open question (questionnaire found by id)", t.screen())
t.keys("Left", "BSpace")
r.check(t.wait(r"Answer cleared") is not None, "Backspace clears the answer", t.screen())
t.keys("q")
t.wait_dead()
t.close()
a = answers(f)
r.check(field(a, "services.online", "level") == 3 and "services.accessible" not in a,
        "the cleared answer is open again in the file", str(a))

# Notes and evidence in non-ASCII text, kept and cancelled.
f = os.path.join(d, "notes.yaml")
t = start(f"fill -q {town} -o {f} --organisation Notes --lang en")
t.wait(r"Question 1/7")
t.keys("e")
t.wait(r"Evidence")
t.type("Café ëüï — 中文 notitie met een regel die lang genoeg is om af te breken in het veld")
t.keys("Enter")
t.type("tweede regel")
t.keys("Tab")
t.type("bewijs-é.pdf")
t.keys("Enter")
t.type("https://example.org/ü")
t.keys("Escape")
s = t.wait(r"Note saved")
r.check(s is not None and "中文" in s and "tweede regel" in s, "the note shows under the answers", t.screen())
t.keys("e")
t.wait(r"Evidence")
t.type("weg")
t.keys("C-g")
r.check(t.wait(r"Note not changed") is not None, "Ctrl-G cancels the edit")
t.keys("q")
t.wait_dead()
t.close()
a = answers(f)
r.check(field(a, "services.online", "note") ==
        "Café ëüï — 中文 notitie met een regel die lang genoeg is om af te breken in het veld\ntweede regel",
        "note saved with its line break and non-ASCII text", repr(field(a, "services.online", "note")))
r.check(field(a, "services.online", "evidence") == ["bewijs-é.pdf", "https://example.org/ü"],
        "evidence saved one item per line", repr(field(a, "services.online", "evidence")))
r.check("level" not in (a.get("services.online") or {}), "a note alone answers nothing")

# `peil` without arguments resumes the latest assessment in the data dir.
data = os.path.join(env["XDG_DATA_HOME"], "peil")
os.makedirs(data, exist_ok=True)
shutil.copy(os.path.join(d, "resume.yaml"), os.path.join(data, "older.yaml"))
shutil.copy(os.path.join(d, "notes.yaml"), os.path.join(data, "newer.yaml"))
os.utime(os.path.join(data, "older.yaml"), (1, 1))
t = Term(f"{peil} --lang en", env=env_path)
s = t.wait(r"Question \d/7")
r.check(s is not None and "Notes" in s, "peil resumes the most recent assessment", t.screen())
t.keys("q")
t.wait_dead()
t.close()

# Without any assessment: a new one on the default questionnaire, with the
# organisation asked in a field; Esc there writes nothing.
empty = dict(env_path, XDG_DATA_HOME=os.path.join(home, "empty"))
t = Term(f"{peil} fill -q {town} --lang en", env=empty)
s = t.wait(r"Name of your organisation")
r.check(s is not None, "a new assessment asks the organisation's name", t.screen())
t.keys("Enter")
r.check(t.wait(r"Type the name") is not None, "an empty name is refused")
t.type("Gemeente Ærø 中")
t.keys("Enter")
s = t.wait(r"Question 1/7")
r.check(s is not None and "Gemeente Ærø 中" in s, "after the name: the first question", t.screen())
t.keys("q")
t.wait_dead()
t.close()
made = [x for x in os.listdir(os.path.join(home, "empty", "peil")) if x.endswith(".yaml")]
r.check(len(made) == 1 and made[0].startswith("tui-town-2026-11-18"), "saved in the data dir", str(made))
if made:
    r.check(load(os.path.join(home, "empty", "peil", made[0])).get("organisation") == "Gemeente Ærø 中",
            "the organisation typed is saved")
t = Term(f"{peil} fill -q {town} --lang en", env=dict(empty, XDG_DATA_HOME=os.path.join(home, "esc")))
t.wait(r"Name of your organisation")
t.keys("Escape")
r.check(t.wait_dead(), "Esc at the prompt quits")
t.close()
r.check(not os.path.exists(os.path.join(home, "esc", "peil")) or
        not [x for x in os.listdir(os.path.join(home, "esc", "peil")) if x.endswith(".yaml")],
        "... without writing a file")

# Overview, help from the key table, language switch, export.
f = os.path.join(d, "screens.yaml")
t = start(f"fill -q {town} -o {f} --organisation Screens --lang en")
t.wait(r"Question 1/7")
t.keys("o")
s = t.wait(r"Information security")
r.check(s is not None and "Target" in s and "0/2" in s, "o shows the overview of the domains", t.screen())
t.keys("Down", "Enter")
s = t.wait(r"Question 3/7")
r.check(s is not None and "policy" in s, "Enter on a domain opens its first open question", t.screen())
t.keys("?")
s = t.wait(r"next open \(or unconfirmed\) question, wrapping around")
r.check(s is not None and "Tab" in s and "PgDn" in s, "? shows the help generated from the key table", t.screen())
t.keys("Escape")
r.check(t.wait(r"Question 3/7") is not None, "Esc goes back")
t.keys("L")
s = t.wait(r"informatiebeveiligingsbeleid")
r.check(s is not None, "L switches the questionnaire's language", t.screen())
r.check(s is not None and "Vraag 3/7" in s, "... and the interface's own words with it", s)
t.keys("L")
t.wait(r"information security policy")
t.keys("x")
t.wait(r"Export a scorecard")
t.keys("Enter")
s = t.wait(r"Written: ")
out = f[:-5] + ".html"
r.check(s is not None and os.path.exists(out), "x writes a scorecard next to the response file", t.screen())
if os.path.exists(out):
    r.check("Screens" in open(out, encoding="utf-8").read(), "the scorecard names the organisation")
t.keys("Escape", "q")
r.check(t.wait_dead(), "q quits from any screen")
r.check(t.status() == ("0", ""), "... with exit status 0", str(t.status()))
t.close()

shutil.rmtree(home, ignore_errors=True)
r.done()
