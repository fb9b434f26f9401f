#!/usr/bin/env python3
"""The note editor at the loader's limits (issue 13.2, 13.14), in tmux:

  open    CPU seconds to open the note editor on an answer with ITEMS
          evidence items (a file the loader accepts);
  paste   CPU seconds to take PASTE characters pasted into a note;
  sigterm seconds from SIGTERM, sent while that answer is being opened,
          to the end of the process.

CPU is the process's own (utime + stime from /proc), read once it has been
idle for a while; printed, never asserted. Usage:
  note_measure.py --peil build/peil [--items 100000] [--paste 20000]
100,000 items of 20 bytes make a 2.4 MB file: well inside the loader's
limits (16 MiB, 500,000 nodes)."""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIB = os.path.join(ROOT, "tests", "fixtures", "valid", "library.yaml")
TICK = os.sysconf("SC_CLK_TCK")


def tmux(sock, *args):
    return subprocess.run(["tmux", "-S", sock, *args], capture_output=True, text=True).stdout


def cpu(pid):
    try:
        f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(f[11]) + int(f[12])) / TICK


def alive(pid):
    """Running (a zombie waiting for tmux to reap it has ended)."""
    try:
        return open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def idle(pid, quiet=1.0, limit=600):
    """Waits until the process used no CPU for `quiet` seconds; its CPU."""
    deadline = time.monotonic() + limit
    last, since = cpu(pid), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.1)
        now = cpu(pid)
        if now is None or now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return now
    return last


def wait_screen(sock, text, limit=600):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if text in tmux(sock, "capture-pane", "-p"):
            return True
        time.sleep(0.05)
    return False


def response(path, items):
    with open(path, "w") as f:
        f.write("peil-responses: 1\nquestionnaire: library-digital-services\n"
                "questionnaire_version: \"1.0\"\norganisation: Bench\ndate: 2026-12-04\nanswers:\n"
                "  services.online-loans:\n    level: 2\n" + ("    evidence:\n" if items else ""))
        for i in range(items):
            f.write(f"      - doc-{i:06d}.pdf\n")
        f.write("...\n")


def start(peil, sock, path):
    tmux(sock, "new-session", "-d", "-x", "100", "-y", "30",
         f"exec env TERM=xterm-256color LANG=C.UTF-8 {peil} fill -q {LIB} -o {path} --lang en")
    shown = tmux(sock, "display", "-p", "#{pane_pid}").strip()
    if not shown.isdigit():
        sys.exit("note editor: peil did not start in tmux")
    pid = int(shown)
    wait_screen(sock, "Question")
    idle(pid, 0.5)
    return pid


def stop(sock, pid):
    """Ends the session and waits for peil to end: the next start opens the
    same file, which a peil still saving on its way out holds."""
    tmux(sock, "kill-server")
    deadline = time.monotonic() + 60
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.01)


def measure(peil, items, paste):
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        sock = os.path.join(tmp, "tmux")
        big = os.path.join(tmp, "big.yaml")
        response(big, items)
        # open: Left to the first question (the answered one), then e.
        pid = start(peil, sock, big)
        tmux(sock, "send-keys", "Left")
        idle(pid, 0.5)
        c0, w0 = cpu(pid), time.monotonic()
        tmux(sock, "send-keys", "e")
        wait_screen(sock, "Evidence")
        c1 = idle(pid)
        out["open"] = (c1 - c0, time.monotonic() - w0)
        # paste into the note of that answer (the active field)
        idle(pid, 0.5)
        c0, w0 = cpu(pid), time.monotonic()
        text = "abcdefghij " * (paste // 11) + "z" * (paste % 11)
        with open(os.path.join(tmp, "paste"), "w") as f:
            f.write(text)
        tmux(sock, "load-buffer", os.path.join(tmp, "paste"))
        tmux(sock, "paste-buffer")
        c1 = idle(pid, 2.0)
        out["paste"] = (c1 - c0, time.monotonic() - w0)
        stop(sock, pid)
        # SIGTERM while the editor opens
        sock = os.path.join(tmp, "tmux2")
        pid = start(peil, sock, big)
        tmux(sock, "send-keys", "Left")
        idle(pid, 0.5)
        tmux(sock, "send-keys", "e")
        time.sleep(0.1)
        t0 = time.monotonic()
        os.kill(pid, 15)
        while alive(pid) and time.monotonic() - t0 < 600:
            time.sleep(0.01)
        out["sigterm"] = (None, time.monotonic() - t0)
        stop(sock, pid)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--peil", required=True)
    ap.add_argument("--items", type=int, default=100000)
    ap.add_argument("--paste", type=int, default=20000)
    a = ap.parse_args()
    if not shutil.which("tmux"):
        print("note editor: tmux not installed, skipped")
        return 0
    r = measure(os.path.abspath(a.peil), a.items, a.paste)
    print(f"note editor ({a.items} evidence items, {a.paste} characters pasted):")
    print(f"  open the editor  {r['open'][0]:7.2f} s CPU  {r['open'][1]:7.2f} s wall")
    print(f"  paste            {r['paste'][0]:7.2f} s CPU  {r['paste'][1]:7.2f} s wall")
    print(f"  SIGTERM to exit  {'':7} {r['sigterm'][1]:14.2f} s wall (sent while opening)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
