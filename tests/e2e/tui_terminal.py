#!/usr/bin/env python3
"""peil fill and the terminal (tmux, and PEIL_SCRIPT where the terminal's
output itself is checked): resizing below 60x20 and back, SIGHUP,
SIGTERM and SIGINT in the middle of a session (every answer saved, the
process ends), NO_COLOR, mouse clicks on answers, wide characters, and no
curses at all where there is no usable terminal (plain mode instead)."""
import os, re, shutil, signal, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import Term, Results, setup, answers, script, until  # noqa: E402

peil, root, home, env = setup()
town = os.path.join(root, "tests/fixtures/tui/town.yaml")
r = Results()
n = 0


def fresh():
    global n
    n += 1
    return os.path.join(home, f"t{n}.yaml")


def start(f, w=80, h=24, extra=None, **kw):
    t = Term(f"{peil} fill -q {town} -o {f} --organisation 'Gemeente 中文' --lang en", w=w, h=h,
             env=dict(env, **(extra or {})), **kw)
    return t


# Resize to 50x15 and back.
f = fresh()
t = start(f)
t.wait(r"Question 1/7")
t.keys("2")
t.resize(50, 15)
s = t.wait(r"too small")
r.check(s is not None and "60x20" in s, "below 60x20: a clear 'too small'", t.screen())
t.keys("3")                                     # ignored while too small
t.resize(60, 20)
s = t.wait(r"Question 2/7")
r.check(s is not None and "accessibility" in s, "60x20 works: the question is back", t.screen())
t.resize(80, 24)


def redrawn_at_80x24():
    lines = t.screen().splitlines()
    return (len(lines) >= 24 and "help" in lines[23] and len(lines[1].rstrip()) > 60 and
            lines[1].rstrip().endswith("Question 2/7"))


until("the question redrawn at 80x24, the status line at the bottom", redrawn_at_80x24, show=t.screen)
r.check(not t.dead(), "back at 80x24 without a crash, redrawn at the new size", t.screen())
t.keys("4")
t.wait(r"Question 3/7")
t.keys("q")
t.wait_dead()
t.close()
a = answers(f)
r.check((a.get("services.online") or {}).get("level") == 2 and
        (a.get("services.accessible") or {}).get("level") == 4 and len(a) == 2,
        "keys while too small did nothing; the others were saved", str(a))

# Signals: the handler only sets a flag; the loop saves and restores.
for sig in (signal.SIGHUP, signal.SIGTERM, signal.SIGINT):
    f = fresh()
    t = start(f)
    t.wait(r"Question 1/7")
    t.keys("1", "2", "3")
    t.wait(r"Question 4/7")
    if sig == signal.SIGINT:
        t.keys("C-c")
    else:
        os.kill(t.pid(), sig)
    r.check(t.wait_dead(), f"{sig.name} ends the session", t.screen())
    st = t.status()
    r.check(st == ("", str(int(sig))), f"{sig.name}: ends as the signal says (killed by it)", f"status {st!r}")
    a = answers(f)
    r.check([(a.get(q) or {}).get("level") for q in ("services.online", "services.accessible", "security.policy")]
            == [1, 2, 3], f"{sig.name}: every answer saved", str(a))
    t.close()

# NO_COLOR: no colour at all; without it, colours are used.
f = fresh()
t = start(f, extra={"NO_COLOR": "1"})
t.wait(r"Question 1/7")
e = t.screen(esc=True)
t.keys("q")
t.close()
colour = re.compile(r"\x1b\[[0-9;]*(3[0-79]|4[0-79]|38;|48;)")
r.check(not colour.search(e), "NO_COLOR=1 draws no colour", repr(e[:400]))
t = start(f)
t.wait(r"Question 1/7")
e = t.screen(esc=True)
t.keys("q")
t.close()
r.check(re.search(r"\x1b\[[0-9;]*(3[0-7]|4[0-7])m", e) is not None, "without NO_COLOR there is colour",
        repr(e[:400]))

# Mouse: a click on an answer chooses it (SGR mouse report, as xterm sends).
f = fresh()
t = start(f)
s = t.wait(r"Question 1/7")
row = next((i for i, l in enumerate(s.splitlines()) if "Most products" in l), None) if s else None
if r.check(row is not None, "the answers are on screen", s):
    t.type(f"\x1b[<0;20;{row + 1}M\x1b[<0;20;{row + 1}m")
    r.check(t.wait(r"Question 2/7") is not None, "a click on an answer chooses it", t.screen())
t.keys("q")
t.wait_dead()
t.close()
r.check((answers(f).get("services.online") or {}).get("level") == 3, "... and it is saved", str(answers(f)))

# Wide characters line up: the title bar is exactly 80 columns wide.
f = fresh()
t = start(f)
s = t.wait(r"Question 1/7")
top = s.splitlines()[0] if s else ""
r.check("Gemeente 中文" in top, "a wide-character organisation name is drawn", top)
t.keys("q")
t.close()

# A save that fails is shown and retried; the answer stays in memory.
f = fresh()
t = start(f)
t.wait(r"Question 1/7")
os.remove(f)
os.mkdir(f)                     # the file's place is taken: every save fails
t.keys("2")
s = t.wait(r"NOT SAVED")
r.check(s is not None and "Not saved:" in s and "Question 2/7" in s,
        "a failed save shows in the title and status lines; the session goes on", t.screen())
t.keys("q")
s = t.wait(r"Press q again")
r.check(s is not None and not t.dead(), "q while unsaved warns instead of quitting", t.screen())
os.rmdir(f)
s = t.wait(r"Saved \d\d:\d\d:\d\d", timeout=8)
r.check(s is not None and "NOT SAVED" not in s, "the save is retried and succeeds", t.screen())
r.check((answers(f).get("services.online") or {}).get("level") == 2, "the answer kept in memory is saved")
os.remove(f)
os.mkdir(f)
t.keys("3")
t.wait(r"NOT SAVED")
t.keys("q", "q")
r.check(t.wait_dead(), "q twice quits anyway")
st = t.status()
r.check(st == ("3", "") and "is a directory" in t.screen(history=True),
        "... with exit status 3 and the reason after the terminal is restored", str(st) + t.screen(history=True))
t.close()
os.rmdir(f)

# Only what changed is sent: moving the highlight between answers that
# wrap to three lines rewrites the marker and label columns of two rows,
# not the answers' text (dialog --radiolist sends ~298 bytes per key; the
# whole answers would be ~400). The terminal's output is what PEIL_SCRIPT
# leaves on stdout: each key's share is the difference to the run without
# it. The highlight stays visible without colour: the marker, and reverse
# video in the high-contrast theme.
long_q = os.path.join(root, "tests/fixtures/tui/long.yaml")
cfg = os.path.join(home, "cfg-hc")
os.makedirs(os.path.join(cfg, "peil"))
with open(os.path.join(cfg, "peil", "config"), "w") as fh:
    fh.write("theme = high-contrast\n")
for theme, extra in (("colour", {}), ("high-contrast", {"XDG_CONFIG_HOME": cfg})):
    runs = []
    for keys in ("", "<Down>", "<Down><Up>", "<Down><Up><Down>"):
        runs.append(script([peil, "fill", "-q", long_q, "-o", fresh(), "--organisation", "Bytes", "--lang", "en"],
                           [keys, ":screen it", "q"], dict(env, **extra)))
    sizes = [len(b.out.encode()) - len(a.out.encode()) for a, b in zip(runs, runs[1:])]
    r.check(all(0 < n < 200 for n in sizes), f"{theme}: Down, Up, Down send {sizes} bytes (under 200 each)")
    row = next((x for x in runs[-1]["it"].splitlines() if "▶" in x), "")
    r.check("Repeatable" in row and "A CISO and a DPO" in row, f"{theme}: the marker is on the second answer",
            runs[-1]["it"])
    if theme == "high-contrast":
        last = runs[-1].out[len(runs[-2].out) - 200:]
        r.check(re.search(r"\x1b\[[0-9;]*7[0-9;]*m[^\x1b]*▶", runs[-1].out) is not None,
                "high-contrast: the highlight is reverse video", repr(last))

# High contrast draws nothing dim: the question's help text is legible
# (the colour theme draws it dim, which shows that the check can tell).
SGR = re.compile(r"\x1b\[([0-9;]*)m")
for theme, extra, want_dim in (("colour", {}, True), ("high-contrast", {"XDG_CONFIG_HOME": cfg}, False)):
    t = start(fresh(), extra=extra)
    t.wait(r"Question 1/7")
    e = t.screen(esc=True)
    t.keys("q")
    t.close()
    row = next((x for x in e.splitlines() if "Think of applications" in x), "")
    dim = any("2" in m.group(1).split(";") for m in SGR.finditer(row))
    r.check(row and dim == want_dim, f"{theme}: the help text is {'dim' if want_dim else 'not dim'}", repr(row))

# No usable terminal: plain mode, never curses.
f = fresh()
p = subprocess.run([peil, "fill", "-q", town, "-o", f, "--organisation", "Plain", "--lang", "en"],
                   input="2\nquit\n", capture_output=True, text=True, env=dict(os.environ, **env), timeout=60)
r.check(p.returncode == 0 and "\x1b" not in p.stdout, "stdin not a terminal: plain mode, no escape codes",
        f"exit {p.returncode}\n{p.stdout[:300]}\n{p.stderr}")
r.check((answers(f).get("services.online") or {}).get("level") == 2, "plain mode saved the answer", str(answers(f)))
f = fresh()
t = Term(f"{peil} fill -q {town} -o {f} --organisation Dumb --lang en", env=env, term="dumb")
s = t.wait(r"residents")
t.type("quit\n")
r.check(t.wait_dead(), "TERM=dumb: plain mode ends on quit", t.screen())
r.check("\x1b" not in t.screen(esc=False), "TERM=dumb: no escape codes")
t.close()
f = fresh()
t = Term(f"{peil} fill -q {town} -o {f} --organisation Odd --lang en", env=env, term="no-such-terminal")
s = t.wait(r"cannot use the terminal type 'no-such-terminal'")
r.check(s is not None and "plain mode" in s, "unknown TERM: a clear message, then plain mode", t.screen())
t.type("quit\n")
r.check(t.wait_dead(), "... which ends normally")
r.check(t.status() == ("0", ""), "... with exit status 0", str(t.status()))
t.close()

shutil.rmtree(home, ignore_errors=True)
r.done()
