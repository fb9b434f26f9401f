#!/usr/bin/env python3
"""Screenshot checks: the main screens of peil fill at 80x24 (tmux
capture-pane text) against golden files in tests/e2e/golden/, so that a
layout change shows up in review. After a deliberate change, look at the
new screens yourself, then:  python3 tests/e2e/tui_golden.py --update"""
import difflib, os, shutil, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import Term, Results, setup  # noqa: E402

update = "--update" in sys.argv
sys.argv = [a for a in sys.argv if a != "--update"]
peil, root, home, env = setup()
fixtures = os.path.join(root, "tests/fixtures/tui")
golden = os.path.join(root, "tests/e2e/golden")
r = Results()

# (name, keys from the start screen, text that shows it is there)
screens = [
    ("question", ["PPage"] * 4, r"Question 1/7"),
    ("overview", ["o"], r"Answered \d+ of"),
    ("results", ["r"], r"Top priorities"),
    ("help", ["?"], r"Answering"),
    ("export", ["x"], r"Export a scorecard"),
]

for name, keys, ready in screens:
    f = os.path.join(home, f"{name}.yaml")
    shutil.copy(os.path.join(fixtures, "town-answers.yaml"), f)
    t = Term(f"{peil} fill -q {fixtures}/town.yaml -o {f} --lang en", w=80, h=24, env=env)
    t.wait(r"Question 6/7")
    t.keys(*keys)
    t.wait(ready)
    # The private home's random name (always as long) reads as HOME.
    got = t.settle().replace(home, "HOME" + "_" * (len(home) - 4))
    t.keys("q")
    t.close()
    path = os.path.join(golden, f"fill-{name}.txt")
    if update:
        with open(path, "w", encoding="utf-8") as out:
            out.write(got)
        print(f"wrote {path}")
        continue
    want = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                        f"golden/fill-{name}.txt", "now"))
    r.check(got == want, f"the {name} screen matches golden/fill-{name}.txt", diff)

shutil.rmtree(home, ignore_errors=True)
r.done()
