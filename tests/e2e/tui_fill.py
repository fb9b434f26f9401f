#!/usr/bin/env python3
"""peil fill with the SPEC's keys (through PEIL_SCRIPT): answering a whole
questionnaire, show_if questions appearing and disappearing, Tab to the next
open question, n/u, clearing, notes and evidence in non-ASCII text, quitting
and resuming where one left off, `peil` without arguments, the overview,
help and export."""
import os, shutil, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import Results, setup, answers, load, script  # noqa: E402

peil, root, home, env = setup(need_tmux=False)
town = os.path.join(root, "tests/fixtures/tui/town.yaml")
r = Results()
d = os.path.join(home, "fill")
os.makedirs(d)


def run(args, lines, run_env=env):
    return script([peil, *args.split()], lines, run_env)


def field(a, qid, key):
    return (a.get(qid) or {}).get(key)


def footer(screen):
    """The screen's last line that is not blank: the key hints."""
    return [ln for ln in (screen or "").splitlines() if ln.strip()][-1]


def on(run, name, text):
    """run's screen `name` shows text."""
    return text in (run[name] or "")


# A whole questionnaire with the SPEC's keys.
f = os.path.join(d, "whole.yaml")
t = script([peil, "fill", "-q", town, "-o", f, "--organisation", "Gemeente Test", "--lang", "en"], [
    ":screen start",
    "<Down><Down><Enter>", ":screen online-3",          # online: 3
    "n", ":screen no-na",                               # accessible does not allow n/a
    "j<Space>", ":screen accessible-2",                 # accessible: 2
    "2", ":screen policy-2",                            # policy 2: audit is hidden
    "u", ":screen backup-unknown",                      # backup: don't know
    "<Left>", ":screen left",
    "<PgUp>", ":screen pgup",
    "4", ":screen policy-4",                            # policy 4: audit appears
    "n", ":screen audit-na",                            # audit: n/a
    "<Right>", ":screen right",
    "<PgDn>", ":screen pgdn",
    "<Tab>", ":screen tab-wraps",                       # from 7: wraps to register (6)
    "<Tab>", ":screen tab",
    "5", ":screen open-5",                              # open data: 5; register still open
    "k1", ":screen all",                                # register: 1 -> all answered
    "q"], env)
s = t["start"]
r.check(on(t, "start", "Question 1/7"), "starts at the first question, position 1/7", s)
r.check("Gemeente Test" in s and "Services" in s and "Progress" in s, "shows organisation, domain and progress", s)
r.check(on(t, "online-3", "Question 2/7"), "Enter chooses and goes on", t["online-3"])
r.check("n n/a" in footer(t["start"]), "the footer offers n/a where it is allowed", t["start"])
r.check("n n/a" not in footer(t["online-3"]) and "u don't know" in footer(t["online-3"]),
        "... and not where the question forbids it", t["online-3"])
r.check(on(t, "no-na", "cannot be answered with 'not applicable'"), "n where n/a is not allowed says so", t["no-na"])
r.check(on(t, "no-na", "Question 2/7"), "... and stays on the question", t["no-na"])
r.check(on(t, "accessible-2", "Question 3/7"), "j and Space choose", t["accessible-2"])
r.check(on(t, "policy-2", "Question 5/7"), "a show_if question that does not apply is skipped", t["policy-2"])
r.check(on(t, "backup-unknown", "Question 6/7"), "u goes on", t["backup-unknown"])
r.check(on(t, "left", "Question 5/7"), "Left goes back", t["left"])
r.check(on(t, "pgup", "Question 3/7"), "PgUp goes back over the hidden question", t["pgup"])
r.check(on(t, "policy-4", "Question 4/7") and on(t, "policy-4", "audited"),
        "the show_if question appears when its condition holds", t["policy-4"])
r.check(on(t, "audit-na", "Question 5/7"), "n goes on", t["audit-na"])
r.check(on(t, "right", "Question 6/7"), "Right goes on", t["right"])
r.check(on(t, "pgdn", "Question 7/7"), "PgDn goes on", t["pgdn"])
r.check(on(t, "tab-wraps", "Question 6/7"), "Tab wraps around to the next open question", t["tab-wraps"])
r.check(on(t, "tab", "Question 7/7"), "Tab goes to the next open question", t["tab"])
r.check(on(t, "open-5", "Question 6/7") and on(t, "open-5", "still to do"),
        "after the last question: back to an open one", t["open-5"])
r.check(on(t, "all", "Overall level"), "when all is answered the results appear", t["all"])
r.check(t.rc == 0 and "ERROR" not in t.err, "q quits with exit status 0 (no sanitizer report either)",
        f"exit {t.rc}: {t.err}")
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
t = run(f"fill -q {town} -o {f} --organisation Resume --lang en", ["33", ":screen q3", "q"])
r.check(on(t, "q3", "Question 3/7") and t.rc == 0, "two answers, then q", t["q3"])
env_path = dict(env, PEIL_PATH=os.path.dirname(town))
t = run(f"fill -o {f} --lang en", [":screen resumed", "<Left><BS>", ":screen cleared", "q"], env_path)
r.check(on(t, "resumed", "Question 3/7"), "resume opens at the first open question (questionnaire found by id)",
        t["resumed"])
r.check(on(t, "cleared", "Answer cleared"), "Backspace clears the answer", t["cleared"])
a = answers(f)
r.check(field(a, "services.online", "level") == 3 and "services.accessible" not in a,
        "the cleared answer is open again in the file", str(a))

# Notes and evidence in non-ASCII text, kept and cancelled.
f = os.path.join(d, "notes.yaml")
t = run(f"fill -q {town} -o {f} --organisation Notes --lang en", [
    "e", ":screen editor",
    "Café ëüï — 中文 notitie met een regel die lang genoeg is om af te breken in het veld<Enter>tweede regel",
    "<Tab>bewijs-é.pdf<Enter>https://example.org/ü<Esc>", ":screen saved",
    "eweg<C-g>", ":screen cancelled", "q"])
r.check(on(t, "editor", "Evidence"), "e opens the note editor", t["editor"])
r.check(on(t, "saved", "Note saved") and on(t, "saved", "中文") and on(t, "saved", "tweede regel"),
        "the note shows under the answers", t["saved"])
r.check(on(t, "cancelled", "Note not changed"), "Ctrl-G cancels the edit", t["cancelled"])
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
t = run("--lang en", [":screen it", "q"], env_path)
r.check(on(t, "it", "/7") and on(t, "it", "Notes"), "peil resumes the most recent assessment", t["it"])

# Without any assessment: a new one on the default questionnaire, with the
# organisation asked in a field; Esc there writes nothing.
empty = dict(env_path, XDG_DATA_HOME=os.path.join(home, "empty"))
t = script([peil, "fill", "-q", town, "--lang", "en"],
           [":screen prompt", "<Enter>", ":screen refused", "Gemeente Ærø 中<Enter>", ":screen first", "q"], empty)
r.check(on(t, "prompt", "Name of your organisation"), "a new assessment asks the organisation's name", t["prompt"])
r.check(on(t, "refused", "Type the name"), "an empty name is refused", t["refused"])
r.check(on(t, "first", "Question 1/7") and on(t, "first", "Gemeente Ærø 中"), "after the name: the first question",
        t["first"])
made = [x for x in os.listdir(os.path.join(home, "empty", "peil")) if x.endswith(".yaml")]
# Named after the organisation (issue 12): letters without accents, the year.
r.check(made == ["gemeente-aro-2026.yaml"], "saved in the data dir, named after the organisation", str(made))
if made:
    r.check(load(os.path.join(home, "empty", "peil", made[0])).get("organisation") == "Gemeente Ærø 中",
            "the organisation typed is saved")
t = run(f"fill -q {town} --lang en", [":screen prompt", "<Esc>", ":screen gone"],
        dict(empty, XDG_DATA_HOME=os.path.join(home, "esc")))
r.check(on(t, "prompt", "Name of your organisation") and t["gone"] is None and t.rc == 0,
        "Esc at the prompt quits", f"exit {t.rc}: {t.err}")
r.check(not os.path.exists(os.path.join(home, "esc", "peil")) or
        not [x for x in os.listdir(os.path.join(home, "esc", "peil")) if x.endswith(".yaml")],
        "... without writing a file")

# Overview, help from the key table, language switch, export.
f = os.path.join(d, "screens.yaml")
t = run(f"fill -q {town} -o {f} --organisation Screens --lang en", [
    "o", ":screen overview", "<Down><Enter>", ":screen domain", "?", ":screen help", "<Esc>", ":screen back",
    "L", ":screen dutch", "L", "x", ":screen export", "<Enter>", ":screen written", "<Esc>q"])
s = t["overview"] or ""
r.check("Information security" in s and "Target" in s and "0/2" in s, "o shows the overview of the domains", s)
r.check(on(t, "domain", "Question 3/7") and on(t, "domain", "policy"),
        "Enter on a domain opens its first open question", t["domain"])
s = t["help"] or ""
r.check("next open (or unconfirmed) question, wrapping around" in s and "Tab" in s and "PgDn" in s,
        "? shows the help generated from the key table", s)
r.check(on(t, "back", "Question 3/7"), "Esc goes back", t["back"])
r.check(on(t, "dutch", "informatiebeveiligingsbeleid"), "L switches the questionnaire's language", t["dutch"])
r.check(on(t, "dutch", "Vraag 3/7"), "... and the interface's own words with it", t["dutch"])
r.check(on(t, "export", "Export a scorecard"), "x opens the export dialog", t["export"])
out = f[:-5] + ".html"
r.check(on(t, "written", "Written, the full version") and os.path.exists(out), "x writes a scorecard next to the response file",
        t["written"])
if os.path.exists(out):
    r.check("Screens" in open(out, encoding="utf-8").read(), "the scorecard names the organisation")
r.check(t.rc == 0, "q quits from any screen, with exit status 0", f"exit {t.rc}: {t.err}")

r.done()
