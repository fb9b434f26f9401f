#!/usr/bin/env python3
"""The TUI in the first hour (issue 12), read from the screen:
- --from carries the organisation: no name prompt (defect 6);
- on quit, peil prints the full path of the answers (friction);
- the export dialog: a typed name takes the new format's extension
  (defect 10), the message gives the full path of a relative name and is
  wrapped, not cut, at 100 columns (defect 10, friction), and the public
  version is a choice whose message says which version was written
  (friction: --public);
- a status message longer than the line (a save that fails, with its path
  and reason) is wrapped, not cut (defect 10; tmux);
- Ctrl-C in the note editor keeps what was typed (defect 9; tmux)."""
import os, re, signal, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import Results, Term, answers, have_tmux, load, script, setup  # noqa: E402

peil, root, home, env = setup(need_tmux=False)
peil, root = os.path.abspath(peil), os.path.abspath(root)     # the test works in its own directory
town = os.path.join(root, "tests/fixtures/tui/town.yaml")
carried = os.path.join(root, "tests/fixtures/tui/town-answers.yaml")
public = os.path.join(root, "tests/fixtures/public/answers.yaml")
r = Results()
d = os.path.join(home, "work")
os.makedirs(d)
os.chdir(d)


def flat(screen):
    """The screen's text as one line: wrapped messages joined again."""
    return " ".join(line.strip() for line in (screen or "").splitlines())


def squeezed(text):
    """Without white space: a path wrapped inside a word still matches."""
    return re.sub(r"\s+", "", text or "")


# --from: the organisation comes along, so no prompt; the first question.
f = os.path.join(d, "next-year.yaml")
t = script([peil, "fill", "-q", town, "--from", carried, "-o", f, "--lang", "en"], [":screen first", "q"], env)
s = t["first"] or ""
r.check("Name of your organisation" not in s and "Question 1/7" in s,
        "--from carries the organisation: no name prompt", s)
r.check("Gemeente Voorbeeld" in s.splitlines()[0] if s else False, "... the title names last year's organisation", s)
# On quit: where the answers are, in full.
r.check(t.rc == 0 and f"Your answers are saved in {f}\n" in t.out,
        "quitting the TUI prints the full path of the answers", t.out[-300:] + t.err)
t = script([peil, "fill", "-q", town, "--from", carried, "-o", "relative.yaml", "--lang", "nl"], ["q"], env)
r.check(f"Uw antwoorden staan in {os.path.join(d, 'relative.yaml')}\n" in t.out,
        "... also for a relative -o, in Dutch", t.out[-300:] + t.err)

# The results screen says how many answers are carried over and not yet
# confirmed (the scores count them as given); one confirmed, one fewer.
f = os.path.join(d, "unconfirmed.yaml")
t = script([peil, "fill", "-q", town, "--from", carried, "-o", f, "--lang", "en"],
           ["r", ":screen before", "<Esc><Enter>", "r", ":screen after", "q"], env, w=100, h=30)
r.check("5 answers carried over from last time are not yet confirmed; the scores count them as given."
        in flat(t["before"]), "the results screen counts the unconfirmed answers", t["before"])
r.check("4 answers carried over from last time are not yet confirmed" in flat(t["after"]),
        "... one fewer after Enter confirms one", t["after"])

# A carried-over answer that changes: its note is marked "from last year"
# on the screen and in the file, until the note is edited. Confirming the
# same answer does not mark it.
f = os.path.join(d, "changed.yaml")
t = script([peil, "fill", "-q", town, "--from", carried, "-o", f, "--lang", "en"],
           [":screen carried", "3", "<Left>", ":screen changed", "q"], env, w=100, h=30)
r.check("Note:" in (t["carried"] or "") and "from last year" not in (t["carried"] or ""),
        "a carried-over note before the answer changes: just 'Note:'", t["carried"])
r.check("Note (from last year: the answer has changed since; e to edit):" in flat(t["changed"]),
        "after the answer changed, the note is marked from last year", t["changed"])
a = answers(f).get("services.online") or {}
r.check(a.get("level") == 3 and a.get("note_last_year") is True, "... also in the file", str(a))
t = script([peil, "fill", "-q", town, "-o", f, "--lang", "nl"],
           ["<Left>", ":screen nl", "e", "<End> Nog steeds zo.", "<Esc>", ":screen edited", "q"], env, w=100, h=30)
r.check("Notitie (van vorig jaar" in flat(t["nl"]), "the mark stays after a restart (Dutch)", t["nl"])
a = answers(f).get("services.online") or {}
r.check("from last year" not in flat(t["edited"]) and "van vorig jaar" not in flat(t["edited"]) and
        "note_last_year" not in a and a.get("note", "").endswith("Nog steeds zo."),
        "editing the note clears the mark", f"{a}\n{t['edited']}")
f = os.path.join(d, "confirmed.yaml")
t = script([peil, "fill", "-q", town, "--from", carried, "-o", f, "--lang", "en"], ["<Enter>", "q"], env)
a = answers(f).get("services.online") or {}
r.check(a.get("level") == 2 and "carried_over" not in a and "note_last_year" not in a,
        "confirming the carried-over answer leaves the note unmarked", str(a))

# Undo (defect 12): Backspace cleared an answer for good; U puts back the
# answer as it was before the last change, also a carried-over one, and
# opens its question from another screen.
f = os.path.join(d, "undo.yaml")
t = script([peil, "fill", "-q", town, "-o", f, "--organisation", "Undo", "--lang", "en"],
           ["U", ":screen nothing", "3", "<Left><BS>", ":screen cleared", "r", "U", ":screen undone", "q"], env)
r.check("Nothing to undo." in (t["nothing"] or ""), "U with nothing changed says so", t["nothing"])
r.check("Answer cleared: the question is open again (U undoes it)." in (t["cleared"] or ""),
        "clearing an answer says that U undoes it", t["cleared"])
s = t["undone"] or ""
r.check("Question 1/7" in s and re.search(r"\(●\) 3\s+Defined", s) and "Undone: the answer is as it was before." in s,
        "U from the results screen opens the question with its answer back", s)
r.check((answers(f).get("services.online") or {}).get("level") == 3, "... and saves it", str(answers(f)))
f = os.path.join(d, "undo-carried.yaml")
t = script([peil, "fill", "-q", town, "--from", carried, "-o", f, "--lang", "en"], ["4", "U", ":screen undone", "q"], env)
a = answers(f).get("services.online") or {}
r.check(a.get("level") == 2 and a.get("carried_over") is True and "note_last_year" not in a,
        "undoing a change of a carried-over answer makes it carried over again, its note unmarked", str(a))
r.check("to confirm" in (t["undone"] or ""), "... and the screen says it is still to confirm", t["undone"])

# Help shows the current screen's keys first (defect 12); the Dutch footer
# says "q stoppen" as the help does, and the note is a "notitie".
t = script([peil, "fill", "-q", town, "-o", os.path.join(d, "help.yaml"), "--organisation", "Hulp", "--lang", "nl"],
           [":screen question", "?", ":screen qhelp", "<Esc>r?", ":screen rhelp", "<Esc>o?", ":screen ohelp", "q"],
           env, w=80, h=30)


def first_section(screen):
    """The first heading of the help: the line after the introduction."""
    lines = [l for l in (screen or "").splitlines()[1:] if l.strip()]
    return next((l.strip() for l in lines[2:] if l.startswith(" ") and not l.startswith("  ")), "")


for name, want in (("qhelp", "Vraag"), ("rhelp", "Resultaten"), ("ohelp", "Overzicht")):
    r.check(first_section(t[name]) == want, f"? on the {want} screen shows its keys first", t[name])
footer = (t["question"] or "").rstrip().splitlines()[-1]
r.check("q stoppen" in footer and "e notitie" in footer and "toelichting" not in (t["question"] or ""),
        "the Dutch footer: 'q stoppen', 'e notitie'", footer)

# About this assessment (friction): respondent, role, inhabitants and
# region set in the TUI; the overview and the scorecard say who answered.
f = os.path.join(d, "about.yaml")
q27 = os.path.join(root, "tests/fixtures/regions/q-2027.yaml")
t = script([peil, "fill", "-q", q27, "-o", f, "--organisation", "Gemeente Over", "--lang", "nl"],
           ["o", ":screen before", "A", ":screen form", "Anna de Vries<Tab><Right><Tab>31.250<Tab><Right><Right>",
            ":screen filled", "<Enter>", ":screen after", "q"], env, w=100, h=30)
r.check("Respondent: nog niet vastgelegd (A: over deze zelfevaluatie)." in (t["before"] or ""),
        "the overview says the respondent is not recorded, and that A sets it", t["before"])
r.check("Over deze zelfevaluatie" in (t["form"] or ""), "A opens 'About this assessment' (Dutch)", t["form"])
r.check("Respondent: Anna de Vries (CIO)" in (t["after"] or ""), "the overview names the respondent", t["after"])
doc = load(f)
r.check(doc.get("respondent") == "Anna de Vries" and doc.get("role") == "CIO" and doc.get("population") == 31250
        and doc.get("region") == "BE-VLG", "the file has respondent, role, population and region", str(doc))
t = script([peil, "fill", "-o", f, "-q", q27, "--lang", "nl"], ["A", "<Tab><Tab>dertig<Enter>", ":screen bad", "<Esc>q"],
           env, w=100, h=30)
r.check("Inwoners: een heel getal zoals 30000 (of laat het leeg)." in (t["bad"] or ""),
        "a population that is no number is refused, with the message", t["bad"])

# The export dialog: a typed name keeps its name, takes the format's
# extension; the message says the full path and which version, wrapped.
long_dir = os.path.join("a-directory-with-a-rather-long-name-for-the-council-papers", "of-the-year-2026")
os.makedirs(long_dir)
typed = os.path.join(long_dir, "raad.md")
t = script([peil, "fill", "-q", town, "-o", os.path.join(d, "pub.yaml"), "--organisation", "Gemeente Openbaar",
            "--lang", "en"],
           ["x", "<Down><Down>", "<C-u>", typed, "<Up><Up><Left>",
            ":screen markdown", "<Right><Right>", ":screen pdf", "<Left><Left>",
            "<Down><Down><Down><Down><Right>", ":screen public-chosen", "<Enter>", ":screen written", "<Esc>q"],
           env, w=100, h=30)
r.check(re.search(r"File\s+\S*/raad\.md\s*$", t["markdown"] or "", re.M) is not None,
        "the typed name in Markdown ends in .md", t["markdown"])
r.check(re.search(r"File\s+\S*/raad\.pdf\s*$", t["pdf"] or "", re.M) is not None,
        "after a change to PDF, the typed name ends in .pdf (it kept .md)", t["pdf"])
r.check("(●) public" in (t["public-chosen"] or ""), "the export dialog offers the public version",
        t["public-chosen"])
full = os.path.join(d, typed)
s = squeezed(t["written"])
r.check(squeezed(f"Written, the public version (without notes, evidence and names): {full} (") in s,
        "the message says the public version was written, with the full path", t["written"])
longest = max(len(line) for line in (t["written"] or "").splitlines())
r.check(longest <= 100 and full not in (t["written"] or ""),
        "... wrapped over lines at 100 columns, not cut", t["written"])
if os.path.exists(full):
    text = open(full, encoding="utf-8").read()
    r.check("Version:** public" in text, "the file written is the public version", text[:400])
else:
    r.check(False, f"{full} was written", t["written"])

# The same for the full version (the default), with the answers' note.
t = script([peil, "fill", "-q", town, "-o", os.path.join(d, "full.yaml"), "--organisation", "Gemeente Vol",
            "--lang", "nl"], ["x", "<Enter>", ":screen written", "<Esc>q"], env, w=100, h=30)
r.check(squeezed(f"Geschreven, de volledige versie (met notities en onderbouwing): {os.path.join(d, 'full.html')} (")
        in squeezed(t["written"]), "the full version says so (Dutch)", t["written"])

if not have_tmux():
    print("(tmux is not installed: the terminal checks are skipped)")
    r.done()

# A status message longer than the line: a save that fails shows its path
# and the reason, over two lines at 100 columns.
deep = os.path.join(d, "x" * 60, "y" * 30)
os.makedirs(deep)
f = os.path.join(deep, "answers.yaml")
t = Term(f"{peil} fill -q {town} -o {f} --organisation Lang --lang en", w=100, h=30, env=env)
try:
    t.wait(r"Question 1/7")
    os.remove(f)
    os.mkdir(f)                 # the file's place is taken: every save fails
    t.keys("2")
    s = t.wait(r"NOT SAVED")
    joined = flat(t.wait(r"retrying; your answers are kept"))
    r.check("is a directory, not a regular file" in joined and "(retrying; your answers are kept)" in joined,
            "a long status message is wrapped: the reason at its end shows", s)
    os.rmdir(f)
    t.wait(r"Saved \d\d:\d\d:\d\d", timeout=8)
    t.keys("q")
    t.wait_dead()
finally:
    t.close()

# Ctrl-C in the note editor: the text typed is saved, then peil ends as
# Ctrl-C ends a program.
f = os.path.join(d, "ctrl-c.yaml")
t = Term(f"{peil} fill -q {town} -o {f} --organisation Notes --lang en", w=80, h=24, env=env)
try:
    t.wait(r"Question 1/7")
    t.keys("e")
    t.wait(r"Evidence")
    t.type("Typed before Ctrl-C")
    t.wait(r"Typed before Ctrl-C")
    t.keys("C-c")
    t.wait_dead()
    st = t.status()
    r.check(st == ("", str(int(signal.SIGINT))), "Ctrl-C in the note editor ends peil as Ctrl-C does", str(st))
finally:
    t.close()
a = answers(f)
r.check((a.get("services.online") or {}).get("note") == "Typed before Ctrl-C",
        "Ctrl-C in the note editor keeps the note typed", str(a))
r.done()
