#!/usr/bin/env python3
"""peil workshop in tmux, as a facilitator would use it.
Review mode on the six respondents of tests/fixtures/group/team: opens on
the most contested question with its histogram, spread and the notes with
names (none with --anonymous); two contested questions are decided, one
with a reason; the list shows them decided. Live mode with --participants 5:
the histogram stays hidden until the fifth vote, a sixth is refused, undo
hides it again. Both sessions validate and export."""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import Term, have_tmux  # noqa: E402

ROOT = os.environ.get("ROOT") or (sys.argv[1] if len(sys.argv) > 1 else ".")
PEIL = os.path.abspath(os.environ.get("PEIL") or os.path.join(ROOT, "build", "peil"))
FX = os.path.abspath(os.path.join(ROOT, "tests", "fixtures", "group"))
Q = os.path.join(FX, "library.yaml")
fails = []


screens = []


def check(cond, what, term=None):
    if not cond:
        fails.append(what)
        if term:
            screens.append("--- screen at: %s\n%s" % (what, term.screen()))
    return cond


def start(argv, env, tmp, label, w=80, h=24):
    """argv in tmux (see tmuxdrive)."""
    return Term(argv, w, h, env=env, cwd=tmp)


def quits_cleanly(t, label):
    """q ends the program with exit status 0 (also: no sanitizer report)."""
    t.keys("q")
    t.wait_dead()
    st = t.status()
    check(st == ("0", ""), "%s: exit status %s" % (label, st), t)


def load_yaml(path):
    import yaml
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def validates_and_exports(path, env, label):
    v = subprocess.run([PEIL, "validate", "-q", Q, path], capture_output=True, text=True, env=env)
    check(v.returncode == 0, "%s: the session does not validate: %s%s" % (label, v.stdout, v.stderr))
    e = subprocess.run([PEIL, "export", "-q", Q, path, "--format", "md"], capture_output=True, text=True, env=env)
    if e.returncode == 2 and "not available" in e.stderr:
        return      # export is another issue's; not built in this tree yet
    check(e.returncode == 0 and len(e.stdout) > 100, "%s: export md: exit %d %s" % (label, e.returncode, e.stderr))


def review(base, tmp):
    session = os.path.join(tmp, "review.yaml")
    t = start([PEIL, "workshop", "-q", Q, "-o", session, os.path.join(FX, "team")], base, tmp, "review", w=100, h=45)
    try:
        # the most contested question first (help-desk: consensus 0.46)
        s = t.wait(r"Question 1/5")
        if not check(s is not None, "review: no question screen", t):
            return
        check("Is there digital help for visitors?" in s, "review: does not open on the most contested question", t)
        check("How the 6 respondents answered" in s and "consensus 0.46" in s and "range 1–5" in s,
              "review: no figures", t)
        check(re.search(r"2 Basic +█+░* +2", s) is not None, "review: no histogram bar for level 2 (2 votes)", t)
        check("Contested" in s, "review: not marked contested", t)
        # the room sees the screen: names only after w (issue 19)
        check("2 Basic: Alleen op dinsdagochtend" in s and "de Vries" not in s, "review: a name shown at first", t)
        t.keys("w")
        s = t.wait(r"w hides the names")
        check("A. de Vries, wethouder · 2 Basic: Alleen op dinsdagochtend" in s, "review: no note with its name", t)
        # decide it: level 2, then the next contested one (training) with a reason
        t.keys("2")
        s = t.wait(r"Are staff trained in digital skills\?")
        check(s is not None and "Question 2/5" in s, "review: the second most contested question is not next", t)
        check(s is not None and "D. Smit, privacyfunctionaris · 1 Start" in s, "review: training notes", t)
        t.keys("e")
        t.wait(r"Note")
        t.type("Jaarlijkse training afgesproken")
        t.keys("F2")
        t.wait(r"Jaarlijkse training afgesproken")
        t.keys("3")
        # plan is asked after training (show_if): it comes right after it
        s = t.wait(r"Is there a training plan\?")
        check(s is not None and "Question 3/5" in s, "review: plan does not follow training", t)
        t.keys("?")
        s = t.wait(r"Workshop")
        check(s is not None and re.search(r"l, o +the list of questions", s) is not None,
              "review: ? lists the workshop's keys", t)
        check(s is not None and "v, then 1-9" not in s, "review: ? lists vote keys, which review mode has not", t)
        t.keys("Escape", "l")
        s = t.wait(r"decided 2 of 5")
        check(s is not None, "review: the list does not count two decisions", t)
        check(s is not None and re.search(r"! +2 +2 Basic .*0\.46 .*digital help", s) is not None,
              "review: list row of help-desk", t)
        # training: consensus 0.65 and the middle half 2..3 apart: agreed, no "!"
        check(s is not None and re.search(r"\n +4 +3 In order .*0\.65 .*trained", s) is not None,
              "review: list row of training", t)
        quits_cleanly(t, "review")
    finally:
        t.close()
    m = load_yaml(session)
    a = m["answers"]
    check(m["participants"] == 6, "review: participants %s" % m.get("participants"))
    check(a["services.help-desk"].get("level") == 2 and "proposal" not in a["services.help-desk"],
          "review: help-desk decision %s" % a["services.help-desk"])
    check(a["skills.training"].get("level") == 3 and a["skills.training"].get("note") == "Jaarlijkse training afgesproken",
          "review: training decision %s" % a["skills.training"])
    check(a["services.help-desk"].get("votes") == {1: 1, 2: 2, 3: 1, 4: 1, 5: 1}, "review: help-desk votes")
    check(len(a) == 5 and all("votes" in x for x in a.values()), "review: every question gets votes")
    # undecided: the votes and a proposal (issue 19: "accept all agreed proposals")
    check(a["services.wifi-note"].get("votes") == {1: 0, 2: 0, 3: 3, 4: 1, 5: 0} and
          a["services.wifi-note"].get("proposal") is True, "review: undecided questions keep votes and a proposal")
    validates_and_exports(session, base, "review")

    # --anonymous: the notes without the names
    t = start([PEIL, "workshop", "-q", Q, "-o", os.path.join(tmp, "anon.yaml"), "--anonymous",
               os.path.join(FX, "team")], base, tmp, "anonymous", w=100, h=45)
    try:
        s = t.wait(r"Alleen op dinsdagochtend")
        check(s is not None and "de Vries" not in s and "Bakker" not in s, "anonymous: names shown", t)
        quits_cleanly(t, "anonymous")
    finally:
        t.close()


def small(base, tmp):
    """At 60x20 the votes are below the answers and out of view: a summary
    is pinned under the question instead."""
    t = start([PEIL, "workshop", "-q", Q, "-o", os.path.join(tmp, "small.yaml"), os.path.join(FX, "team")],
              base, tmp, "small-review", w=60, h=20)
    try:
        s = t.wait(r"Question 1/5")
        check(s is not None and "median" not in s, "small: the test needs the pane's figures out of view", t)
        check(s is not None and re.search(r"Votes 1:1 2:2 3:1 4:1 5:1 · mean 2\.83 · consensus 0\.46", s) is not None,
              "small: review mode pins the votes and their spread under the question", t)
        check(s is not None and "Contested" in s, "small: review mode says the question is contested", t)
        quits_cleanly(t, "small-review")
    finally:
        t.close()
    t = start([PEIL, "workshop", "-q", Q, "-o", os.path.join(tmp, "small-live.yaml"), "--participants", "3",
               "--organisation", "Gemeente Klein"], base, tmp, "small-live", w=60, h=20)
    try:
        t.wait(r"Question 1/5")
        t.keys("v", "4", "v", "4")
        s = t.wait(r"Votes: 2 of 3 in")
        check(s is not None and "hidden until all are in" in s, "small: live mode pins how many votes are in", t)
        t.keys("v", "5")
        s = t.wait(r"Votes 1:0 2:0 3:0 4:2 5:1")
        check(s is not None and "consensus" in s, "small: live mode pins the votes once all are in", t)
        quits_cleanly(t, "small-live")
    finally:
        t.close()


def live(base, tmp):
    session = os.path.join(tmp, "live.yaml")
    t = start([PEIL, "workshop", "-q", Q, "-o", session, "--participants", "5", "--organisation", "Gemeente Test"],
              base, tmp, "live", w=100, h=40)
    try:
        s = t.wait(r"Votes in the room: 0 of 5")
        if not check(s is not None, "live: no vote count", t):
            return
        check("Can members borrow and renew online" in s, "live: not in questionnaire order", t)
        for k in ("v", "4", "v", "3", "!", "v", "4"):
            t.keys(k)
        s = t.wait(r"4 of 5")
        check(s is not None and "hidden until everyone has voted" in s, "live: 4 votes, not hidden", t)
        check(s is not None and "consensus" not in s and not re.search(r"Advanced +█", s),
              "live: the histogram shows before the fifth vote", t)
        t.keys("v", "5")
        s = t.wait(r"all 5 are in")
        check(s is not None, "live: the fifth vote does not reveal", t)
        check(s is not None and re.search(r"4 Advanced +█+░* +2", s) is not None and "consensus 0.46" in s,
              "live: the revealed histogram (1 3 4 4 5: consensus 0.46)", t)
        t.keys("v", "2")
        check(t.wait(r"All 5 votes are in; z takes") is not None, "live: a sixth vote is not refused", t)
        t.keys("z")
        s = t.wait(r"4 of 5")
        check(s is not None and "consensus" not in s, "live: undo does not hide again", t)
        t.keys("@")
        check(t.wait(r"all 5 are in") is not None, "live: Shift+2 does not vote", t)
        t.keys("?")
        s = t.wait(r"Workshop")
        # generated from the key table: every workshop key, with what it does
        for keys, what in (("v, then 1-9, n or u", "a vote from the room"), ("Shift-1-9", "the same in one key"),
                           ("z", "take back a vote"), ("l, o", "the list of questions")):
            check(s is not None and re.search(r"\n +%s +%s" % (re.escape(keys), what), s) is not None,
                  "live: ? does not list '%s'" % keys, t)
        t.keys("Escape")
        t.keys("4")
        check(t.wait(r"Question 2/5") is not None, "live: choosing does not go on", t)
        t.keys("r")
        t.wait(r"Overall")
        t.keys("l")
        check(t.wait(r"decided 1 of \d") is not None, "live: l does not show the list from the results", t)
        t.keys("Enter")
        t.wait(r"Question \d/5")
        quits_cleanly(t, "live")
    finally:
        t.close()
    m = load_yaml(session)
    a = m["answers"]["services.online-loans"]
    check(m["participants"] == 5 and m["organisation"] == "Gemeente Test", "live: header %s" % m)
    check(a.get("level") == 4 and a.get("votes") == {1: 1, 2: 1, 3: 1, 4: 2, 5: 0}, "live: saved %s" % a)
    validates_and_exports(session, base, "live")


def twelve_levels(base, tmp):
    """Issue 13.10: levels above 9 by `v` and digits: `v 1 0` is level 10
    (it used to record level 1), `v 1 Enter` level 1, `v 2` level 2 at once
    (no level 20 exists). Scripted (PEIL_SCRIPT): each key is handled and
    saved before the next."""
    from tmuxdrive import script  # noqa: E402
    q = os.path.join(tmp, "twelve.yaml")
    levels = "".join(f"  - {{value: {v}, label: L{v}}}\n" for v in range(1, 13))
    answers = "".join(f"          - {{level: {v}, text: a{v}}}\n" for v in range(1, 13))
    with open(q, "w") as f:
        f.write("peil: 1\nid: twelve\nversion: \"1\"\nlanguages: [en]\ntitle: Twelve\nlevels:\n" + levels +
                "domains:\n  - id: d\n    title: D\n    questions:\n"
                "      - id: d.q\n        text: Q\n        help: h\n        answers:\n" + answers)
    session = os.path.join(tmp, "twelve-live.yaml")
    r = script([PEIL, "workshop", "-q", q, "-o", session, "--participants", "3", "--organisation", "Twaalf"],
               ["v10", ":screen ten", "v1<Enter>", "v2", ":screen all", "q"], base, w=100, h=30)
    import yaml
    votes = ((yaml.safe_load(open(session, encoding="utf-8")) or {}).get("answers") or {}).get("d.q", {}).get("votes")
    votes = {k: v for k, v in (votes or {}).items() if v}
    check(votes == {1: 1, 2: 1, 10: 1}, f"twelve levels: v10, v1 Enter, v2 record 10, 1 and 2 (got {votes}, "
          f"exit {r.rc}: {r.err[-300:]})")


def main():
    if not have_tmux():
        print("needs tmux")
        return 77
    try:
        import yaml  # noqa: F401
    except ImportError:
        print("needs PyYAML")
        return 77
    tmp = tempfile.mkdtemp(prefix="peil-workshop-")
    base = {"HOME": tmp, "XDG_DATA_HOME": tmp + "/data", "XDG_CONFIG_HOME": tmp + "/config",
            "TERM": "xterm-256color", "LC_ALL": "C.UTF-8", "PATH": os.environ.get("PATH", ""),
            "SOURCE_DATE_EPOCH": "1780000000"}
    for k in ("ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"):
        if k in os.environ:
            base[k] = os.environ[k]
    try:
        review(base, tmp)
        live(base, tmp)
        small(base, tmp)
        twelve_levels(base, tmp)
    finally:
        subprocess.run(["rm", "-rf", tmp])
    for sc in screens:      # first, so that the summary lines end the output
        print(sc)
    for f in fails:
        print("FAIL", f)
    print("group_workshop: %d failures" % len(fails))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
