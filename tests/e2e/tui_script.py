#!/usr/bin/env python3
"""The scripted mode the TUI tests stand on (PEIL_SCRIPT, tui/script.h):
named keys and typed UTF-8 reach the screens, :screen dumps exactly what
the terminal would show, :resize and :click act as the terminal would, a
mistake in the script names its line, and no terminal is needed."""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import Results, setup, answers, script  # noqa: E402

peil, root, home, env = setup(need_tmux=False)
town = os.path.join(root, "tests/fixtures/tui/town.yaml")
r = Results()


def fill(name, lines, w=80, h=24):
    f = os.path.join(home, name + ".yaml")
    return f, script([peil, "fill", "-q", town, "-o", f, "--organisation", "Gemeente Script", "--lang", "en"],
                     lines, env, w, h)


f, run = fill("keys", [":screen start", "<Down><Down><Enter>", ":screen second", "j<Space>",
                       "<PgUp>", ":screen back", "q"])
s = run["start"]
r.check(run.rc == 0, "the script ends with q: exit status 0", run.err)
r.check(s is not None and len(s.splitlines()) == 24 and "Question 1/7" in s.splitlines()[1],
        "a screen is dumped as 24 lines of text, the question's number on line 2", s)
r.check(max(len(line) for line in s.splitlines()) <= 80 and "Gemeente Script" in s, "80 columns wide", s)
r.check("Question 2/7" in run["second"] and "accessibility" in run["second"],
        "<Down><Down><Enter> chose and went on", run["second"])
r.check("Question 2/7" in run["back"], "j<Space> chose, <PgUp> went back", run["back"])
a = answers(f)
r.check((a.get("services.online") or {}).get("level") == 3 and
        (a.get("services.accessible") or {}).get("level") == 2, "both answers are saved", str(a))

# Typed UTF-8 and <Esc> in the note editor.
f, run = fill("note", ["e", "Café 中文 ½<Enter>tweede<Tab>bewijs-é.pdf<Esc>", ":screen saved", "q"])
r.check("Note saved" in run["saved"] and "中文" in run["saved"], "typed text reaches the note", run["saved"])
r.check((answers(f).get("services.online") or {}).get("note") == "Café 中文 ½\ntweede",
        "the note is saved as typed", str(answers(f)))

# The terminal changes size; a click on an answer.
f, run = fill("size", [":resize 50 15", ":screen small", "3", ":resize 100 30", ":screen big", "q"])
r.check("too small" in run["small"] and len(run["small"].splitlines()) == 15, "50x15: too small", run["small"])
r.check(len(run["big"].splitlines()) == 30 and "Question 1/7" in run["big"],
        "100x30: redrawn at the new size; the key while too small did nothing", run["big"])
row = next(i for i, line in enumerate(run["big"].splitlines()) if "Most products" in line)
f, run = fill("click", [f":click {row} 20", ":screen clicked", "q"], w=100, h=30)
r.check("Question 2/7" in run["clicked"], "a click on an answer chooses it", run["clicked"])
r.check((answers(f).get("services.online") or {}).get("level") == 3, "... level 3 saved", str(answers(f)))

# A mistake in the script: its line, and the session ends (saved) as the
# input has ended.
f, run = fill("bad", ["1", "# a comment", "<Dwon>", "2", "q"])
r.check("script:3: unknown key name" in run.err and run.rc != 0, "an unknown key name names its line",
        f"exit {run.rc}: {run.err}")
r.check(list(answers(f)) == ["services.online"], "the keys before it took effect, those after it did not",
        str(answers(f)))
r.done()
