#!/usr/bin/env python3
"""A full assessment answered through `peil fill --plain` from a piped file
gives byte for byte the same response file as the same answers given in the
TUI (keys through PEIL_SCRIPT): plain mode is a full way of answering, not a
lesser one. Both runs use the same SOURCE_DATE_EPOCH, so the dates agree too."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import Results, setup, script  # noqa: E402

peil, root, home, env = setup(need_tmux=False)
Q = os.path.join(root, "tests", "fixtures", "unix", "library.yaml")
env = dict(env, LANG="en_GB.UTF-8")
r = Results()

# The TUI: 3, don't know, not applicable, 2, then a note and 2.
tui = os.path.join(home, "tui.yaml")
run = script([peil, "fill", "-q", Q, "-o", tui, "--organisation", "Gemeente Test"],
             [":screen q1", "3", ":screen q2", "u", ":screen q3", "n", ":screen q4", "2", ":screen q5",
              "e", ":screen editor", "Plan in concept<Esc>", ":screen note", "2", "q"], env)
for name, want in (("q1", "Can members borrow"), ("q2", "Is there digital help"), ("q3", "Who runs the wifi"),
                   ("q4", "Are staff trained"), ("q5", "Is there a training plan"), ("editor", "Ctrl-G"),
                   ("note", "Plan in concept")):
    r.check(want in (run[name] or ""), f"TUI: {want!r} on the screen", run[name])
r.check(run.rc == 0, "TUI: q quits with exit status 0", f"exit {run.rc}: {run.err}")

plain = os.path.join(home, "plain.yaml")
p = subprocess.run([peil, "fill", "--plain", "-q", Q, "-o", plain, "--organisation", "Gemeente Test"],
                   input=b"3\nu\nn\n2\nnote Plan in concept\n2\n", capture_output=True, timeout=60,
                   env=dict(os.environ, **env, TERM="dumb"))
r.check(p.returncode == 0, "plain: exit status 0", p.stderr.decode(errors="replace"))

a = open(tui, "rb").read() if os.path.exists(tui) else b"(missing)"
b = open(plain, "rb").read() if os.path.exists(plain) else b"(missing)"
r.check(a == b, "plain mode and the TUI wrote identical response files",
        "--- TUI ---\n%s\n--- plain ---\n%s" % (a.decode(errors="replace"), b.decode(errors="replace")))
r.done()
