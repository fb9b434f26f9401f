#!/usr/bin/env python3
"""peil fill and peil workshop take the file's lock before they read it.

A small LD_PRELOAD shim (tests/fixtures/tui/lockshim.c, built here with cc)
holds a second instance at its lock call until the test lets it go. The
first instance meanwhile answers more, saves and quits: the second must
then carry on from those answers, not from what the file said when it
started (else its first save throws the first one's answers away).
The shim can also make every lock fail as on a file system without
locks: peil then carries on and says so, on stderr and on the status
line."""
import os, shutil, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import Term, Results, setup, answers, load, until  # noqa: E402

peil, root, home, env = setup()
town = os.path.join(root, "tests/fixtures/tui/town.yaml")
cc = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
if not cc:
    print("needs a C compiler for the lock shim")
    sys.exit(77)
shim = os.path.join(home, "lockshim.so")
subprocess.run([cc, "-shared", "-fPIC", "-o", shim, os.path.join(root, "tests/fixtures/tui/lockshim.c"), "-ldl"],
               check=True)
r = Results()
# An ASan build wants its runtime first among the libraries; the shim only
# wraps fcntl, so the order does not matter here.
asan = ":".join(x for x in (env.get("ASAN_OPTIONS"), "verify_asan_link_order=0") if x)
shimmed = dict(env, LD_PRELOAD=shim, ASAN_OPTIONS=asan)


def wait_for(cond, what):
    """until() with the check's own words: a timeout fails the test."""
    return until(what, cond)


def level(path, qid):
    return (answers(path).get(qid) or {}).get("level")


def plain(args, extra=None):
    return subprocess.Popen([peil, "fill", "--plain", "-q", town, "--lang", "en", *args],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=dict(os.environ, **(extra or env)))


# fill: the second instance starts while the first holds the file.
f = os.path.join(home, "race.yaml")
gate = os.path.join(home, "gate-fill")
a = plain(["-o", f, "--organisation", "Gemeente A"])
a.stdin.write(b"3\n")                           # online: 3, saved at once
a.stdin.flush()
r.check(wait_for(lambda: level(f, "services.online") == 3, "the first instance to save"), "the first instance saves its answer")
b = plain(["-o", f], dict(shimmed, PEIL_SHIM_GATE=gate))
r.check(wait_for(lambda: os.path.exists(gate + ".waiting"), "the lock"), "the second instance reaches its lock")
a.stdin.write(b"2\nquit\n")                     # accessible: 2, then quit
a.stdin.close()
a.wait(timeout=30)
r.check(level(f, "services.accessible") == 2, "the first instance saved its second answer", str(answers(f)))
open(gate, "w").close()                         # now the second one locks
out, err = b.communicate(b"1\nquit\n", timeout=60)
r.check(b.returncode == 0, "the second instance ends normally", err.decode(errors="replace"))
got = answers(f)
r.check(level(f, "services.accessible") == 2 and level(f, "services.online") == 3,
        "fill: the first instance's answers survive the second one", str(got))
r.check(level(f, "security.policy") == 1,
        "fill: the second instance went on from the saved answers (the next open question)", str(got))

# workshop: the same with a live session in tmux.
s = os.path.join(home, "session.yaml")
gate = os.path.join(home, "gate-ws")
args = f"workshop -q {town} -o {s} --participants 3 --lang en"
ta = Term(f"{peil} {args} --organisation 'Gemeente A'", w=90, h=30, env=env)
ta.wait(r"Votes in the room: 0 of 3")
ta.keys("v", "1")
r.check(wait_for(lambda: ((answers(s).get("services.online") or {}).get("votes") or {}).get(1) == 1, "the vote saved"),
        "workshop: the first vote is saved")
tb = Term(f"{peil} {args}", w=90, h=30, env=dict(shimmed, PEIL_SHIM_GATE=gate))
r.check(wait_for(lambda: os.path.exists(gate + ".waiting"), "the lock"), "workshop: the second instance reaches its lock")
ta.keys("v", "2", "v", "3")
ta.wait(r"all 3 are in")
ta.keys("2")                                    # the group's answer: level 2
ta.wait(r"Question 2/7")
ta.keys("q")
r.check(ta.wait_dead() and ta.status() == ("0", ""), "workshop: the first instance quits", str(ta.status()))
ta.close()
open(gate, "w").close()
sc = tb.wait(r"Question \d/7")
r.check(sc is not None and "Question 2/7" in sc, "workshop: the second instance opens on the next undecided question",
        tb.screen())
tb.keys("q")
r.check(tb.wait_dead() and tb.status() == ("0", ""), "workshop: the second instance quits", str(tb.status()))
tb.close()
online = answers(s).get("services.online") or {}
r.check(online.get("level") == 2 and online.get("votes") == {1: 1, 2: 1, 3: 1, 4: 0, 5: 0},
        "workshop: the decision and the three votes survive the second instance", str(online))

# No locks on this file system: a warning, and peil works on.
nolock = dict(shimmed, PEIL_SHIM_NOLOCK="1")
f = os.path.join(home, "nolock.yaml")
p = plain(["-o", f, "--organisation", "Gemeente N"], nolock)
out, err = p.communicate(b"2\nquit\n", timeout=60)
err = err.decode(errors="replace")
r.check(p.returncode == 0 and level(f, "services.online") == 2, "no locks: plain mode still works and saves",
        err)
r.check("warning: the file cannot be locked" in err and "No locks available" in err,
        "no locks: plain mode warns on stderr", err)
f = os.path.join(home, "nolock-tui.yaml")
t = Term(f"{peil} fill -q {town} -o {f} --organisation 'Gemeente N' --lang en", w=200, h=30, env=nolock)
sc = t.wait(r"Question 1/7")
r.check(sc is not None and "warning: the file cannot be locked" in sc.splitlines()[-1],
        "no locks: the TUI warns on its status line", t.screen())
t.keys("3")
r.check(t.wait(r"Question 2/7") is not None and wait_for(lambda: level(f, "services.online") == 3, "the answer saved"),
        "no locks: the TUI still saves")
t.keys("q")
r.check(t.wait_dead() and t.status() == ("0", ""), "no locks: the TUI quits normally", str(t.status()))
t.close()
s = os.path.join(home, "nolock-ws.yaml")
t = Term(f"{peil} workshop -q {town} -o {s} --participants 2 --organisation X --lang en", w=200, h=30,
         env=nolock)
sc = t.wait(r"Votes in the room")
r.check(sc is not None and "warning: the file cannot be locked" in sc.splitlines()[-1],
        "no locks: the workshop warns on its status line", t.screen())
t.keys("q")
t.wait_dead()
t.close()

shutil.rmtree(home, ignore_errors=True)
r.done()
