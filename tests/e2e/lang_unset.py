#!/usr/bin/env python3
"""With LANG unset (a fresh Debian machine running `make run`: the command
make would run, from the top directory), peil's first screens speak one language: English, since the default
questionnaire has it. Frame and questions used to be English and Dutch at
once ("Question 1/64" above a Dutch question). Dutch words are every word
of po/nl.po's translations and of the questionnaire's Dutch texts that no
English text uses; none may be on the welcome screen, the first question
or the results."""
import os, re, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import Term, Results, setup, load  # noqa: E402

peil, root, home, env = setup()
r = Results()


def words(s):
    return {w.lower() for w in re.findall(r"[^\W\d_]{4,}", s)}


def po_words(path):
    """(words of the Dutch translations, words of the English msgids)"""
    nl, en, cur = set(), set(), None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            m = re.match(r'(msgid|msgid_plural|msgstr(?:\[\d\])?)\s+(".*")', line)
            if m:
                cur = m.group(1)
            s = re.findall(r'"((?:[^"\\]|\\.)*)"', line)
            target = en if cur and cur.startswith("msgid") else nl
            for piece in s:
                target |= words(piece)
    return nl, en


def qn_words(path):
    nl, en = set(), set()

    def walk(v):
        if isinstance(v, dict):
            if "nl" in v and "en" in v and isinstance(v["nl"], str):
                nl.update(words(v["nl"]))
                en.update(words(str(v["en"])))
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    walk(load(path))
    return nl, en


pnl, pen = po_words(os.path.join(root, "po/nl.po"))
qnl, qen = qn_words(os.path.join(root, "questionnaires/municipal-digital-maturity.yaml"))
dutch = (pnl | qnl) - (pen | qen)
r.check(len(dutch) > 500, f"found {len(dutch)} Dutch words to look for")


def dutch_on(screen):
    return sorted(words(screen) & dutch)


# What `make run` runs, asked of make itself (-n: nothing is built or
# run): its last command, the program without arguments, is started here
# as make would start it, from the top directory.
build = os.path.relpath(os.path.dirname(os.path.abspath(peil)), root)
made = subprocess.run(["make", "-n", "--no-print-directory", "run", f"BUILD={build}"], cwd=root,
                      capture_output=True, text=True)
cmd = [l.strip() for l in made.stdout.splitlines() if l.strip()]
cmd = cmd[-1] if cmd else ""
r.check(made.returncode == 0 and cmd == f"./{build}/peil",
        f"make run runs ./{build}/peil without arguments", made.stdout[-400:] + made.stderr[-400:])
unset = "env -u LANG -u LC_ALL -u LC_MESSAGES -u LANGUAGE"
t = Term(f"{unset} {cmd}", w=100, h=30, env=env, cwd=root)
try:
    s = t.wait(r"Welcome to peil")
    r.check(s is not None, "the welcome screen is English", t.screen())
    r.check(not dutch_on(s or ""), f"Dutch on the welcome screen: {dutch_on(s or '')}", s)
    # The terminal sends UTF-8 even when no locale is set: accents typed
    # must arrive, and lines must not fall back to the letters "qqqq".
    t.type("Gemeente Súd-Fryslân")
    t.keys("Enter")
    s = t.wait(r"Question 1/\d+")
    r.check(s is not None, "the first question", t.screen())
    r.check("Súd-Fryslân" in (s or ""), "the typed name keeps its accents in the title", s)
    r.check("qqqqqqqqqq" not in (s or "") and "─" * 10 in (s or ""),
            "the rule under the header is a line, not 'qqqq'", s)
    r.check(not dutch_on(s or ""), f"Dutch on the first question: {dutch_on(s or '')}", s)
    t.keys("3")
    t.wait(r"Question 2/\d+")
    t.keys("r")
    s = t.wait(r"Overall level")
    r.check(s is not None, "the results screen", t.screen())
    r.check(not dutch_on(s or ""), f"Dutch on the results screen: {dutch_on(s or '')}", s)
finally:
    t.close()
r.done()
