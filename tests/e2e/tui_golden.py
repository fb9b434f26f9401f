#!/usr/bin/env python3
"""Screenshot checks: the main screens of peil fill at 80x24 (the text
the terminal shows, dumped by PEIL_SCRIPT's :screen) against golden files in tests/e2e/golden/, so that a
layout change shows up in review. After a deliberate change, look at the
new screens yourself, then:  python3 tests/e2e/tui_golden.py --update"""
import difflib, os, shutil, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import Results, setup, script  # noqa: E402

update = "--update" in sys.argv
sys.argv = [a for a in sys.argv if a != "--update"]
peil, root, home, env = setup(need_tmux=False)
fixtures = os.path.join(root, "tests/fixtures/tui")
golden = os.path.join(root, "tests/e2e/golden")
r = Results()

# (name, keys from the start screen at question 6/7)
screens = [
    ("question", "<PgUp>" * 4),
    ("overview", "o"),
    ("results", "r"),
    ("help", "?"),
    ("export", "x"),
]

for name, keys in screens:
    f = os.path.join(home, f"{name}.yaml")
    shutil.copy(os.path.join(fixtures, "town-answers.yaml"), f)
    run = script([peil, "fill", "-q", f"{fixtures}/town.yaml", "-o", f, "--lang", "en"],
                 [":screen start", keys, ":screen it", "q"], env, 80, 24)
    r.check(run.rc == 0 and "Question 6/7" in (run["start"] or ""), f"{name}: opens at question 6/7, ends with q",
            f"exit {run.rc}: {run.err}{run['start']}")
    # The private home's random name (always as long) reads as HOME.
    got = (run["it"] or "").replace(home, "HOME" + "_" * (len(home) - 4))
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
