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
import time

PEIL = os.environ.get("PEIL") or sys.exit("PEIL not set")
ROOT = os.environ.get("ROOT", sys.argv[1] if len(sys.argv) > 1 else ".")
H = os.path.join(ROOT, "tests", "fixtures", "hostile")
Q = os.path.join(H, "q-terminal-escapes.yaml")
R = os.path.join(H, "r-terminal-escapes.yaml")
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1782777600", LANG="C.UTF-8", LC_ALL="C.UTF-8")
RAW = re.compile(rb"\x1b|\x07|\xc2\x9b|\xe2\x80\xae")    # ESC, BEL, 8-bit CSI, RLO


class Tmux:
    count = 0

    def __init__(self, cmd):
        Tmux.count += 1         # a server of its own each time
        self.sock = f"peil-rel-{os.getpid()}-{Tmux.count}"
        self.t("-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30", "-s", "t", cmd)
        self.t("set", "-g", "remain-on-exit", "on")
        self.t("select-pane", "-t", "t", "-T", "clean")

    def t(self, *args):
        return subprocess.run(["tmux", "-L", self.sock, *args], capture_output=True, text=True,
                              errors="replace", env=ENV).stdout

    def screen(self):
        return self.t("capture-pane", "-p", "-t", "t")

    def title(self):
        return self.t("display", "-p", "-t", "t", "#{pane_title}").strip()

    def wait(self, text, timeout=8.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            s = self.screen()
            if text in s:
                return s
            time.sleep(0.05)
        return None

    def close(self):
        sock = self.t("display", "-p", "#{socket_path}").strip()
        self.t("kill-server")
        if sock.startswith("/") and os.path.exists(sock):
            os.unlink(sock)     # a killed server leaves its socket behind


def positive_control():
    """tmux must see a raw OSC 0 and CSI 2J, or this test proves nothing."""
    tm = Tmux("printf 'MARKER\\n'; sleep 0.5; printf '\\033]0;pwned\\007\\033[2J'; sleep 30")
    try:
        time.sleep(1.0)
        return tm.title() == "pwned" and "MARKER" not in tm.screen()
    finally:
        tm.close()


def tui_checks(tmp, failures):
    path = os.path.join(tmp, "antwoorden.yaml")
    shutil.copy(R, path)
    tm = Tmux(f"{PEIL} fill -q {Q} -o {path}; echo PEIL-EXIT-$?; sleep 30")
    header = "Gemeente \ufffd]0;pwned-org\ufffd Oost"
    try:
        steps = [
            ("first screen", None, "Question 2/2"),
            ("question with escapes", "Left", "Vraag A"),
            ("help", "?", "Answering"),
            ("back", "Escape", "Vraag A"),
            ("note", "e", "Notitie"),
            ("back from note", "Escape", "Vraag A"),
            ("results", "r", "Domein"),
            ("back from results", "Escape", "Vraag A"),
            ("answer 2", "2", "Question 2/2"),
            ("quit", "q", "PEIL-EXIT-0"),
        ]
        for name, key, expect in steps:
            if key:
                tm.t("send-keys", "-t", "t", key)
            screen = tm.wait(expect)
            title = tm.title()
            print(f"{name:22} title={title!r:10} {'shown' if screen else 'MISSING ' + expect!r}")
            if screen is None:
                failures.append(f"{name}: '{expect}' never appeared:\n{tm.screen()}")
                break
            if title != "clean":
                failures.append(f"{name}: the pane title changed to {title!r}")
            if name not in ("quit",) and header not in screen:
                failures.append(f"{name}: the header is gone (screen cleared?):\n{screen}")
            if name == "question with escapes" and "pwned-title\ufffd" not in screen:
                failures.append("the escape sequence is not shown as visible text")
    finally:
        tm.close()
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
    for name, args, stdin in runs:
        r = subprocess.run([PEIL, *args], input=stdin or b"", capture_output=True, env=ENV)
        out = r.stdout + r.stderr
        m = RAW.search(out)
        print(f"{name:22} exit {r.returncode}, {len(out)} bytes, {'RAW ' + repr(m.group(0)) if m else 'clean'}")
        if m:
            failures.append(f"{name}: a raw {m.group(0)!r} in the output: ...{out[max(0, m.start() - 60):m.end() + 20]!r}")
        if any(l.startswith("fake.yaml") for l in out.decode("utf-8", "replace").splitlines()):
            failures.append(f"{name}: a file name started a line of its own (a forged message)")
        if r.returncode > 1:
            failures.append(f"{name}: exit {r.returncode}: {r.stderr.decode(errors='replace')[-300:]}")


def main():
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        cli_checks(tmp, failures)
        if shutil.which("tmux") is None:
            print("tmux not installed: the TUI part is skipped")
        elif not positive_control():
            print("this tmux does not report OSC titles or clears: the TUI part is skipped")
        else:
            print("positive control: a raw OSC 0 sets the pane title and CSI 2J clears the screen")
            tui_checks(tmp, failures)
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
