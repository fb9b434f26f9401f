#!/usr/bin/env python3
"""Finding files (issue 12, friction), as a person at a terminal sees it:
- `peil FILE.yaml` opens that file in the TUI;
- a new file in the data dir is named after the organisation typed at the
  prompt ("gemeente-sud-fryslan-2026.yaml"; -2 for a second one), or given
  with --organisation; quitting prints its full path;
- bare `peil` with several assessments lists them, newest first, with
  organisation, date and progress, and opens the one chosen; q quits
  without opening anything; with only one it resumes at once (tmux: the
  chooser is asked on the terminal before the TUI starts)."""
import os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import Results, Term, have_tmux, load, script, setup  # noqa: E402

peil, root, home, env = setup(need_tmux=False)
tui = os.path.join(root, "tests/fixtures/tui")
town = os.path.join(tui, "town.yaml")
r = Results()
data = os.path.join(home, "data", "peil")
env = dict(env, PEIL_PATH=tui)           # the files name their questionnaire by id

# Named after the organisation typed at the prompt (accents dropped).
t = script([peil, "fill", "-q", town, "--lang", "en"],
           [":screen welcome", "Gemeente Súd-Fryslân<Enter>", "3", "q"], env, w=100, h=30)
first = os.path.join(data, "gemeente-sud-fryslan-2026.yaml")
r.check("saved at once to a file in " + data + " named after your organisation" in
        " ".join(l.strip() for l in (t["welcome"] or "").splitlines()),
        "the welcome screen says the file is named after the organisation", t["welcome"])
r.check(os.path.exists(first) and (load(first).get("answers") or {}).get("services.online", {}).get("level") == 3,
        "the new file is gemeente-sud-fryslan-2026.yaml, with the answer", str(os.listdir(data)))
r.check(f"Your answers are saved in {first}\n" in t.out, "... and quitting says where it is", t.out[-200:])
t = script([peil, "fill", "-q", town, "--lang", "en"], ["Gemeente Súd-Fryslân<Enter>", "2", "q"], env)
r.check(os.path.exists(os.path.join(data, "gemeente-sud-fryslan-2026-2.yaml")),
        "a second one of the same organisation and year gets -2", str(os.listdir(data)))
t = script([peil, "fill", "-q", town, "--organisation", "Stad Gent", "--lang", "nl"], ["1", "q"], env)
gent = os.path.join(data, "stad-gent-2026.yaml")
r.check(os.path.exists(gent) and f"Uw antwoorden staan in {gent}\n" in t.out,
        "--organisation names the file too (stad-gent-2026.yaml), Dutch message", t.out[-200:])
r.check(not [f for f in os.listdir(data) if not f.endswith(".yaml")], "no lock file is left behind",
        str(os.listdir(data)))

# peil FILE.yaml opens that file in the TUI, as peil fill -o FILE.yaml would.
mine = os.path.join(home, "mine.yaml")
t = script([peil, mine, "-q", town, "--organisation", "Gemeente Bestand", "--lang", "en"],
           [":screen first", "2", "q"], env)
r.check("Gemeente Bestand" in ((t["first"] or "").splitlines() or [""])[0] and "Question 1/7" in (t["first"] or ""),
        "peil FILE.yaml opens the TUI on that file", t["first"])
r.check((load(mine).get("answers") or {}).get("services.online", {}).get("level") == 2 if os.path.exists(mine)
        else False, "... and saves the answer there", t.err)

if not have_tmux():
    print("(tmux is not installed: the chooser is not tested)")
    r.done()

# Three assessments of different age: the newest first, with organisation,
# date and progress. Their times set by hand: newest is Stad Gent.
for i, f in enumerate((first, os.path.join(data, "gemeente-sud-fryslan-2026-2.yaml"), gent)):
    os.utime(f, (1795000000 + i * 60, 1795000000 + i * 60))
t = Term(f"{peil} --lang en", w=100, h=30, env=env)
try:
    s = t.wait(r"Which one\? 1-3 \(Enter: 1\), n for a new assessment, q to quit:")
    rows = [l.strip() for l in s.splitlines() if re.match(r"\s+\d  ", l)]
    r.check(rows == ["1  Stad Gent, 2026-11-18, 17% done  (stad-gent-2026.yaml)",
                     "2  Gemeente Súd-Fryslân, 2026-11-18, 17% done  (gemeente-sud-fryslan-2026-2.yaml)",
                     "3  Gemeente Súd-Fryslân, 2026-11-18, 17% done  (gemeente-sud-fryslan-2026.yaml)"],
            "the chooser lists organisation, date, progress and file, newest first", s)
    t.type("7")
    t.keys("Enter")
    r.check(t.wait(r"Not understood: type a number from 1 to 3, n or q.") is not None,
            "a number out of range is not understood", t.screen())
    t.type("3")
    t.keys("Enter")
    s = t.wait(r"Question \d/7")
    r.check("Gemeente Súd-Fryslân" in s.splitlines()[0], "the chosen assessment opens in the TUI", s)
    t.keys("q")
    t.wait_dead()
    r.check(f"Your answers are saved in {first}" in t.screen(history=True), "... the third one, the oldest",
            t.screen(history=True))
finally:
    t.close()

t = Term(f"{peil} --lang nl", w=100, h=30, env=env)
try:
    t.wait(r"Welke\? 1-3 \(Enter: 1\), n voor een nieuwe zelfevaluatie, q om te stoppen:")
    t.type("q")
    t.keys("Enter")
    t.wait_dead()
    r.check(t.status() == ("0", ""), "q at the chooser (Dutch) quits, exit 0", str(t.status()))
finally:
    t.close()

# Only one: no chooser, it resumes at once.
for f in os.listdir(data):
    if f != "stad-gent-2026.yaml":
        os.remove(os.path.join(data, f))
t = Term(f"{peil} --lang en", w=100, h=30, env=env)
try:
    s = t.wait(r"Question \d/7")
    r.check("Which one" not in t.screen(history=True) and "Stad Gent" in s.splitlines()[0],
            "with one assessment, peil resumes it at once", t.screen(history=True))
    t.keys("q")
    t.wait_dead()
finally:
    t.close()
r.done()
