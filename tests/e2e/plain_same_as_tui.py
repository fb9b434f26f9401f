#!/usr/bin/env python3
"""A full assessment answered through `peil fill --plain` from a piped file
gives byte for byte the same response file as the same answers given in the
TUI (driven in tmux): plain mode is a full way of answering, not a lesser one.
Both runs use the same SOURCE_DATE_EPOCH, so the dates agree too."""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from tmuxterm import Term, have_tmux  # noqa: E402

ROOT = os.environ.get("ROOT") or (sys.argv[1] if len(sys.argv) > 1 else ".")
PEIL = os.path.abspath(os.environ.get("PEIL") or os.path.join(ROOT, "build", "peil"))
Q = os.path.abspath(os.path.join(ROOT, "tests", "fixtures", "unix", "library.yaml"))


def main():
    if not have_tmux():
        print("needs tmux")
        return 77
    tmp = tempfile.mkdtemp(prefix="peil-same-")
    env = {"HOME": tmp, "XDG_DATA_HOME": tmp + "/data", "XDG_CONFIG_HOME": tmp + "/config",
           "LANG": "en_GB.UTF-8", "SOURCE_DATE_EPOCH": "1795000000", "PATH": os.environ.get("PATH", "")}
    for k in ("ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"):
        if k in os.environ:
            env[k] = os.environ[k]
    fail = []

    # The TUI: 3, don't know, not applicable, 2, then a note and 2.
    tui = os.path.join(tmp, "tui.yaml")
    term = Term([PEIL, "fill", "-q", Q, "-o", tui, "--organisation", "Gemeente Test"],
                dict(env, TERM="xterm-256color"), cwd=tmp)
    try:
        steps = [("Can members borrow", "3"), ("Is there digital help", "u"), ("Who runs the wifi", "n"),
                 ("Are staff trained", "2"), ("Is there a training plan", "e")]
        for want, key in steps:
            if not term.wait(want):
                fail.append("TUI: never showed %r; screen:\n%s" % (want, term.screen()))
                break
            term.keys(key)
        if not fail:
            if not term.wait("Ctrl-G"):
                fail.append("TUI: the note editor did not open; screen:\n" + term.screen())
            term.keys("Plan in concept", literal=True)
            term.keys("Escape", pause=0.4)
            if not term.wait("Plan in concept"):
                fail.append("TUI: the note is not shown after editing; screen:\n" + term.screen())
            term.keys("2", pause=0.4)
            term.keys("q")
            if not term.dead():
                fail.append("TUI: q did not quit; screen:\n" + term.screen())
    finally:
        term.close()

    plain = os.path.join(tmp, "plain.yaml")
    p = subprocess.run([PEIL, "fill", "--plain", "-q", Q, "-o", plain, "--organisation", "Gemeente Test"],
                       input=b"3\nu\nn\n2\nnote Plan in concept\n2\n", capture_output=True, timeout=30,
                       env=dict(env, TERM="dumb"))
    if p.returncode != 0:
        fail.append("plain: exit %d: %s" % (p.returncode, p.stderr.decode(errors="replace")))

    if not fail:
        a = open(tui, "rb").read() if os.path.exists(tui) else b"(missing)"
        b = open(plain, "rb").read() if os.path.exists(plain) else b"(missing)"
        if a != b:
            fail.append("the files differ:\n--- TUI ---\n%s\n--- plain ---\n%s" % (a.decode(errors="replace"),
                                                                                 b.decode(errors="replace")))
    subprocess.run(["rm", "-rf", tmp])
    for f in fail:
        print("FAIL", f)
    if not fail:
        print("plain mode and TUI wrote identical response files")
    return 1 if fail else 0


if __name__ == "__main__":
    sys.exit(main())
