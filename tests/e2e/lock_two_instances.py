#!/usr/bin/env python3
"""Two instances on one file: while one `peil fill` has a response file open,
a second one on the same file refuses at once with a message that names the
first (process, user, host, since when) and leaves the file alone. The lock
goes away with its holder, also when that is killed with SIGKILL."""
import os
import signal
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import wait_file  # noqa: E402

PEIL = os.environ.get("PEIL") or sys.exit("PEIL not set")
ROOT = os.environ.get("ROOT", sys.argv[1] if len(sys.argv) > 1 else ".")
LIB = os.path.join(ROOT, "tests", "fixtures", "hostile", "library.yaml")
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1782777600", LANG="C.UTF-8", LC_ALL="C.UTF-8")


def fill_help():
    r = subprocess.run([PEIL, "fill", "--help"], capture_output=True, text=True)
    return r.returncode == 0 and "--plain" in r.stdout + r.stderr


def start_first(path):
    """A first instance in plain mode, kept waiting on its input."""
    p = subprocess.Popen([PEIL, "fill", "--plain", "-q", LIB, "-o", path, "--organisation", "Gemeente A"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=ENV)
    p.stdin.write(b"3\n")        # one answer, saved at once
    p.stdin.flush()
    try:
        wait_file(path, lambda text: "level: 3" in text, what="the first instance to save its answer")
    except BaseException:
        p.kill()
        raise
    return p


def second(path):
    """A second instance on path; its exit status and messages. It must
    end by itself: one that waited for the lock would be stopped after 30 s
    and fail the test."""
    r = subprocess.run([PEIL, "fill", "--plain", "-q", LIB, "-o", path], input=b"1\n1\n1\n",
                       capture_output=True, env=ENV, timeout=30)
    return r.returncode, r.stderr.decode("utf-8", "replace")


def main():
    if not fill_help():
        print("peil fill --plain is not available yet")
        return 77
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "antwoorden.yaml")
        a = start_first(path)
        before = open(path, "rb").read()
        code, err = second(path)
        print(f"second instance: exit {code}: {err.strip()}")
        if code == 0:
            failures.append("the second instance did not refuse")
        if "already open in another peil" not in err or f"process {a.pid} " not in err:
            failures.append("the message does not say that process %d has the file open" % a.pid)
        if path not in err:
            failures.append("the message does not name the file")
        if open(path, "rb").read() != before:
            failures.append("the second instance changed the file")
        if a.poll() is not None:
            failures.append("the first instance ended: the second may have waited for it")

        # The first one carries on and quits normally: then the file is free.
        a.stdin.write(b"2\n")
        a.stdin.close()
        a.wait(timeout=10)
        if b"level: 2" not in open(path, "rb").read():
            failures.append("the first instance lost its second answer")
        if os.path.exists(path + ".lock"):
            failures.append("the lock file stays after a normal exit")
        code, err = second(path)
        print(f"after the first quit: exit {code}")
        if code != 0:
            failures.append(f"the file stays locked after the first instance quit: {err.strip()}")

        # SIGKILL: no chance to clean up, and still no stale lock.
        a = start_first(os.path.join(tmp, "killed.yaml"))
        a.send_signal(signal.SIGKILL)
        a.wait()
        code, err = second(os.path.join(tmp, "killed.yaml"))
        print(f"after SIGKILL of the first: exit {code}")
        if code != 0:
            failures.append(f"a killed instance leaves the file locked: {err.strip()}")
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
