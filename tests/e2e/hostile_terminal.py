#!/usr/bin/env python3
"""Terminal safety: a questionnaire and a response file whose texts carry
escape sequences (OSC 0 to set the window title, CSI 2J to clear the
screen, an 8-bit CSI, colours, a right-to-left override) are shown as
visible placeholders and never act on the terminal.

In tmux: the pane title stays what it was and the screen keeps its header
on every screen of `peil fill` (question, help, note, results). A positive
control first proves that tmux would have caught a raw sequence. Outside
tmux: no byte of any escape sequence reaches the output of the plain mode,
validate, score, aggregate or the Markdown and CSV exports."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import Term, have_tmux, until  # noqa: E402

PEIL = os.environ.get("PEIL") or sys.exit("PEIL not set")
ROOT = os.environ.get("ROOT", sys.argv[1] if len(sys.argv) > 1 else ".")
H = os.path.join(ROOT, "tests", "fixtures", "hostile")
Q = os.path.join(H, "q-terminal-escapes.yaml")
R = os.path.join(H, "r-terminal-escapes.yaml")
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1782777600", LANG="C.UTF-8", LC_ALL="C.UTF-8")
ENV_TUI = {"SOURCE_DATE_EPOCH": "1782777600", "LANG": "C.UTF-8"}
RAW = re.compile(rb"\x1b|\x07|\xc2\x9b|\xe2\x80\xae")    # ESC, BEL, 8-bit CSI, RLO


def title(t):
    return t.t("display", "-p", "#{pane_title}").strip()


def start_clean(cmd):
    """cmd in tmux once the pane's title is "clean" (it waits for Enter
    until then), so that any title it sets shows."""
    t = Term(f"sh -c 'read x && exec {cmd}'", w=100, h=30, env=ENV_TUI)
    t.t("select-pane", "-T", "clean")
    until("the pane title to be set", lambda: title(t) == "clean")
    t.keys("Enter")
    return t


def positive_control(tmp):
    """tmux must see a raw OSC 0 and CSI 2J, or this test proves nothing."""
    control = os.path.join(tmp, "control.sh")
    with open(control, "w") as f:
        f.write("printf 'MARKER\\n'; read x; printf '\\033]0;pwned\\007\\033[2J'; exec cat\n")
    t = start_clean(f"sh {control}")
    try:
        t.wait("MARKER")
        t.keys("Enter")
        until("the raw OSC 0 to set the title and CSI 2J to clear the screen",
              lambda: title(t) == "pwned" and "MARKER" not in t.screen(), show=t.screen)
    finally:
        t.close()


def tui_checks(tmp, failures):
    path = os.path.join(tmp, "antwoorden.yaml")
    shutil.copy(R, path)
    t = start_clean(f"{PEIL} fill -q {Q} -o {path}")
    header = "Gemeente \ufffd]0;pwned-org\ufffd Oost"
    try:
        steps = [
            ("first screen", None, "Question 2/2"),
            ("question with escapes", "Left", "Question 1/2"),
            ("help", "?", "Moving"),
            ("back", "Escape", "Vraag A"),
            ("note", "e", "Evidence:"),
            ("back from note", "Escape", "Vraag A"),
            ("results", "r", "Overall level"),
            ("back from results", "Escape", "Vraag A"),
            ("answer 2", "2", "Question 2/2"),
        ]
        for name, key, expect in steps:
            if key:
                t.keys(key)
            screen = t.wait(re.escape(expect))
            print(f"{name:22} title={title(t)!r:10} shown")
            if title(t) != "clean":
                failures.append(f"{name}: the pane title changed to {title(t)!r}")
            if header not in screen:
                failures.append(f"{name}: the header is gone (screen cleared?):\n{screen}")
            if name == "question with escapes" and "pwned-title\ufffd" not in screen:
                failures.append("the escape sequence is not shown as visible text")
        t.keys("q")
        t.wait_dead()
        if t.status() != ("0", ""):
            failures.append(f"quit: exit status {t.status()}")
        if title(t) != "clean":
            failures.append(f"quit: the pane title changed to {title(t)!r}")
    finally:
        t.close()
    saved = open(path, "rb").read()
    if RAW.search(saved):
        failures.append("the saved response file holds a raw escape sequence")
    if b"level: 2" not in saved:
        failures.append("the answer given in the session was not saved")


def cli_checks(tmp, failures):
    runs = [
        ("validate", ["validate", Q, R], None),
        ("score", ["score", "-q", Q, R], None),
        ("aggregate", ["aggregate", "-q", Q, R], None),
        ("export md", ["export", "-q", Q, R, "--format", "md"], None),
        ("export csv", ["export", "-q", Q, R, "--format", "csv"], None),
        ("fill --plain", ["fill", "--plain", "-q", Q, "-o", os.path.join(tmp, "plain.yaml"),
                          "--organisation", "Gemeente \x1b]0;pwned\x07 West"], b"help\n1\nnote\nNotitie\n2\n"),
    ]
    # Network organisations read directories of other people's files: a
    # file name is attacker-controlled and quoted in every message.
    evil_dir = os.path.join(tmp, "peers")
    os.mkdir(evil_dir)
    evil = os.path.join(evil_dir, "evil\x1b]0;pwned\x07\x1b[2J\nfake.yaml:1:1: error: x.yaml")
    with open(evil, "w") as f:
        f.write("peil-responses: 1\nquestionnaire: terminal-escapes\n\x1b: [\n")
    shutil.copy(R, os.path.join(evil_dir, "good.yaml"))
    runs += [
        ("validate evil name", ["validate", "-q", Q, evil], None),
        ("aggregate evil dir", ["aggregate", "-q", Q, evil_dir], None),
        ("benchmark evil dir", ["benchmark", "-q", Q, R, "--peers", evil_dir], None),
        ("score evil name", ["score", "-q", Q, evil], None),
    ]
    # Issue 13.8: file names and option values quoted in CLI and plain-mode
    # messages (saved-in paths, lock and save errors, option values,
    # unknown commands and options), with the exit each must give.
    esc = "\x1b]0;pwned\x07\x1b[2J\nfake.yaml:1:1: error: x"
    gone = os.path.join(tmp, "gone" + esc)
    runs += [
        ("plain saved-in path", ["fill", "--plain", "-q", Q, "-o", os.path.join(tmp, "a" + esc + ".yaml"),
                                 "--organisation", "X"], b"1\nquit\n", 0),
        ("lock error path", ["fill", "--plain", "-q", Q, "-o", os.path.join(gone, "x.yaml"),
                             "--organisation", "X"], b"1\n", 3),
        ("save error path", ["export", "-q", Q, R, "--format", "md", "-o", os.path.join(gone, "x.md")], None, 3),
        ("aggregate -o error", ["aggregate", "-q", Q, R, "-o", os.path.join(gone, "x.yaml")], None, 3),
        ("--format value", ["export", "-q", Q, R, "--format", esc], None, 2),
        ("--csv-sep value", ["export", "-q", Q, R, "--format", "csv", "--csv-sep", esc], None, 2),
        ("--min-peers value", ["export", "-q", Q, R, "--format", "md", "--min-peers", esc], None, 2),
        ("--participants value", ["workshop", "-q", Q, "--participants", esc], None, 2),
        ("unknown command", [esc], None, 2),
        ("unknown option", ["export", "--" + esc], None, 2),
        ("unknown top option", ["-" + esc], None, 2),
    ]
    for name, args, stdin, *want in runs:
        r = subprocess.run([PEIL, *args], input=stdin or b"", capture_output=True, env=ENV)
        out = r.stdout + r.stderr
        m = RAW.search(out)
        print(f"{name:22} exit {r.returncode}, {len(out)} bytes, {'RAW ' + repr(m.group(0)) if m else 'clean'}")
        if m:
            failures.append(f"{name}: a raw {m.group(0)!r} in the output: ...{out[max(0, m.start() - 60):m.end() + 20]!r}")
        if any(l.startswith("fake.yaml") for l in out.decode("utf-8", "replace").splitlines()):
            failures.append(f"{name}: a file name started a line of its own (a forged message)")
        if r.returncode != (want[0] if want else r.returncode if r.returncode <= 1 else 1):
            failures.append(f"{name}: exit {r.returncode}: {r.stderr.decode(errors='replace')[-300:]}")


def main():
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        cli_checks(tmp, failures)
        if not have_tmux():
            print("tmux not installed")
            return 77
        positive_control(tmp)
        print("positive control: a raw OSC 0 sets the pane title and CSI 2J clears the screen")
        tui_checks(tmp, failures)
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
