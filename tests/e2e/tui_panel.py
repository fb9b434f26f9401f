#!/usr/bin/env python3
"""The one list panel (tui/panel.c, issue 14) as a person uses it, on the
lists that are longer than the window: a domain's questions (items of
several rows), the improvement plan (30 actions) and the workshop's list of
65 questions, at 80x24 and 60x20.
- After every PgDn, PgUp, End and Home the highlighted item's first row,
  with its mark and number, is on the screen (a PgDn that highlighted an
  item whose first rows had scrolled away opened a question the reader
  could not see);
- PgDn, again and again, ends on the last item, PgUp on the first; End and
  Home go there at once;
- Enter opens the item that is marked, a click opens the item clicked;
- after the window shrinks the marked item is still in view.
Keys go in through PEIL_SCRIPT (tui/script.h): no terminal is needed."""
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import Results, script, setup  # noqa: E402

import yaml  # noqa: E402  (setup() checked it is there)

peil, root, home, env = setup(need_tmux=False)
Q = os.path.join(root, "questionnaires", "municipal-digital-maturity.yaml")
r = Results()


def plan_file():
    """A response with 30 actions of three rows each, due one month apart
    (the plan lists them by due date: 12, 24, 1, 13, 25, 2, ...)."""
    path = os.path.join(home, "plan.yaml")
    doc = {"peil-responses": 1, "questionnaire": "municipal-digital-maturity", "organisation": "Gemeente Lijst",
           "date": "2026-11-30",
           "plan": [{"id": "a%02d" % i, "title": "Action %d, with a title that wraps in the list" % i,
                     "questions": ["security.framework"], "owner": "Team %d" % i,
                     "due": "2027-%02d-15" % (i % 12 + 1), "status": "planned"} for i in range(1, 31)]}
    with open(path, "w", encoding="utf-8") as f:
        yaml.safe_dump(doc, f, sort_keys=False)
    return path


# name, command, keys that bring up the list, the marked item's number on a
# screen, an unmarked item's first row, the first and the last item, what
# opening item N shows (a pattern). The workshop lists every question of
# both regions (65) and counts the region's (64); the items it opens here
# come before the first one the region does not ask (27).
LISTS = [
    ("domain", lambda n: ["fill", "-q", Q, "-o", os.path.join(home, n + ".yaml"), "--organisation", "G"],
     ["r", "<Enter>"], r"^ ▶ (\d+) ", r"^   (\d+) ", 1, 14, lambda n: r"Question %d/64" % n),
    ("plan", lambda n: ["fill", "-q", Q, "-o", plan_copy(n)],
     ["p"], r"^ ▶ Action (\d+),", r"^   Action (\d+),", 12, 23, lambda n: r"Owner +Team %d$" % n),
    ("workshop list", lambda n: ["workshop", "-q", Q, "-o", os.path.join(home, n + ".yaml"),
                                 "--participants", "3", "--organisation", "G"],
     ["l"], r"^ ▶ +(\d+) ", r"^ {4,}(\d+)  ", 1, 65, lambda n: r"Question %d/64" % n),
]


def plan_copy(name):
    path = os.path.join(home, name + ".yaml")
    shutil.copy(PLAN, path)
    return path


PLAN = plan_file()


def marked(screen, pattern):
    """The number of the item whose first row carries the cursor mark, or
    None when that row is not on the screen."""
    m = [re.search(pattern, ln) for ln in (screen or "").splitlines()]
    m = [x for x in m if x]
    return int(m[0].group(1)) if len(m) == 1 else None


def run_keys(argv, keys, w, h):
    """Each key, then a screen dump named after its place in the list."""
    lines = []
    for i, k in enumerate(keys):
        lines += [k, ":screen %d" % i]
    return script([peil, "--lang", "en", *argv], lines + ["q"], env, w=w, h=h)


def check_list(name, argv, open_keys, mark, other, first, last, opened, w, h):
    tag = "%s at %dx%d" % (name, w, h)
    moves = ["<PgDn>"] * 12 + ["<PgUp>"] * 12 + ["<End>", "<Home>"]
    run = run_keys(argv("%s-%d-moves" % (name.replace(" ", "-"), w)), open_keys + moves, w, h)
    shown = [marked(run[str(i)], mark) for i in range(len(open_keys), len(open_keys) + len(moves))]
    lost = [moves[i] + " #%d" % i for i, n in enumerate(shown) if n is None]
    r.check(not lost, "%s: the marked item's first row is on the screen after every key (not after %s)"
            % (tag, ", ".join(lost[:3])), run[str(len(open_keys) + shown.index(None))] if lost else "")
    pg = len(open_keys)
    r.check(shown[11] == last, "%s: PgDn again and again ends on the last item (%s, not %s)"
            % (tag, last, shown[11]), run[str(pg + 11)])
    r.check(shown[0] != first and shown[0] is not None, "%s: one PgDn moves on a page (%s)" % (tag, shown[0]),
            run[str(pg)])
    r.check(shown[23] == first, "%s: PgUp again and again ends on the first item (%s, not %s)"
            % (tag, first, shown[23]), run[str(pg + 23)])
    r.check(shown[24] == last and shown[25] == first, "%s: End and Home: %s and %s" % (tag, shown[24], shown[25]),
            run[str(pg + 24)])

    # Enter after a PgDn opens the item that is marked.
    run = run_keys(argv("%s-%d-open" % (name.replace(" ", "-"), w)), open_keys + ["<PgDn>", "<Enter>"], w, h)
    n = marked(run[str(len(open_keys))], mark)
    r.check(n is not None and re.search(opened(n), run[str(len(open_keys) + 1)] or "", re.M),
            "%s: Enter after PgDn opens the marked item (%s)" % (tag, n), run[str(len(open_keys) + 1)])

    # A click on another item's first row opens that one.
    run = run_keys(argv("%s-%d-look" % (name.replace(" ", "-"), w)), open_keys, w, h)
    screen = run[str(len(open_keys) - 1)] or ""
    rows = [(y, int(m.group(1))) for y, m in enumerate(re.search(other, ln) for ln in screen.splitlines()) if m]
    r.check(len(rows) >= 2, "%s: more than one item in view" % tag, screen)
    if len(rows) >= 2:
        y, n = rows[1]
        run = run_keys(argv("%s-%d-click" % (name.replace(" ", "-"), w)), open_keys + [":click %d 12" % y], w, h)
        r.check(re.search(opened(n), run[str(len(open_keys))] or "", re.M), "%s: a click on item %s opens it" % (tag, n),
                run[str(len(open_keys))])

    # The window shrinks (to the least peil takes) with the last item
    # marked: it stays in view.
    if (w, h) == (60, 20):
        return
    run = run_keys(argv("%s-%d-resize" % (name.replace(" ", "-"), w)), open_keys + ["<End>", ":resize 60 20"],
                   w, h)
    r.check(marked(run[str(len(open_keys) + 1)], mark) == last,
            "%s: after the window shrank the marked item is in view" % tag, run[str(len(open_keys) + 1)])


for size in ((80, 24), (60, 20)):
    for args in LISTS:
        check_list(*args, *size)
r.done()
