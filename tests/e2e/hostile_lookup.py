#!/usr/bin/env python3
"""Inputs that peil opens without being asked to (issue 13.4): finding a
questionnaire by id scans every *.yaml on the questionnaire path, and every
command reads the settings file. A FIFO there must not hang peil, and a
file far over the loader's 16 MiB limit must not cost its size in memory.
`peil validate FIFO` must not hang either. A hang is a failure (the wait
for each run is bounded); memory is compared with a run without the big
file, in the same test."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

PEIL = os.environ.get("PEIL") or sys.exit("PEIL not set")
ROOT = os.environ.get("ROOT", sys.argv[1] if len(sys.argv) > 1 else ".")
H = os.path.join(ROOT, "tests", "fixtures", "hostile")
WAIT = 60          # seconds: a run still going after this is a hang
failures = []


def check(ok, what, detail=""):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)
        if detail:
            print("     " + detail.replace("\n", "\n     ")[:1200])


def run(args, env):
    """(exit code or None on a hang, stderr, peak RSS in MB)."""
    p = subprocess.Popen([PEIL, *args], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, env=env)
    try:
        _, err = p.communicate(timeout=WAIT)
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        return None, "", 0
    return p.returncode, err.decode("utf-8", "replace"), 0


def run_rss(args, env):
    """Like run(), with the child's peak RSS (os.wait4)."""
    p = subprocess.Popen([PEIL, *args], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, env=env)
    timer = threading.Timer(WAIT, p.kill)
    timer.start()
    _, status, usage = os.wait4(p.pid, 0)
    hung = not timer.is_alive()
    timer.cancel()
    p.returncode = os.waitstatus_to_exitcode(status)
    return (None if hung else p.returncode), usage.ru_maxrss / 1024


def unreadable_subdirectory(tmp):
    """13.14: an unreadable subdirectory of --peers is named and skipped,
    as an unreadable file is. root reads everything, so as root peil runs
    as nobody here."""
    d = os.path.join(tmp, "bench")
    os.makedirs(os.path.join(d, "peers", "ok"))
    os.makedirs(os.path.join(d, "peers", "locked"))
    lib = shutil.copy(os.path.join(H, "library.yaml"), d)
    own = shutil.copy(os.path.join(H, "r-one.yaml"), d)
    shutil.copy(os.path.join(H, "r-everything.yaml"), os.path.join(d, "peers", "ok", "a.yaml"))
    shutil.copy(os.path.join(H, "r-one.yaml"), os.path.join(d, "peers", "locked", "b.yaml"))
    for dirpath, dirs, files in os.walk(d):
        os.chmod(dirpath, 0o755)
        for f in files:
            os.chmod(os.path.join(dirpath, f), 0o644)
    os.chmod(tmp, 0o755)
    locked = os.path.join(d, "peers", "locked")
    os.chmod(locked, 0)
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", HOME=d, XDG_CONFIG_HOME=d,
               ASAN_OPTIONS="detect_leaks=0")
    drop = (lambda: (os.setgid(65534), os.setgroups([]), os.setuid(65534))) if os.getuid() == 0 else None
    p = subprocess.run([PEIL, "benchmark", "-q", lib, own, "--peers", os.path.join(d, "peers")],
                       capture_output=True, env=env, preexec_fn=drop, timeout=WAIT)
    err = p.stderr.decode("utf-8", "replace")
    os.chmod(locked, 0o755)
    check(p.returncode == 0 and
          f"{locked}: warning: cannot read the directory: Permission denied; its files are skipped" in err
          and re.search(r"\b1 files? read, 1 peers?\b", err),
          "benchmark --peers names an unreadable subdirectory and compares with the rest",
          f"exit {p.returncode}: {err}")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        first, second = os.path.join(tmp, "first"), os.path.join(tmp, "second")
        os.mkdir(first)
        os.mkdir(second)
        shutil.copy(os.path.join(H, "library.yaml"), second)
        resp = shutil.copy(os.path.join(H, "r-one.yaml"), tmp)
        env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", PEIL_PATH=f"{first}:{second}",
                   HOME=tmp, XDG_DATA_HOME=os.path.join(tmp, "data"), XDG_CONFIG_HOME=os.path.join(tmp, "cfg"))

        # A questionnaire found by id past a FIFO in the first directory.
        os.mkfifo(os.path.join(first, "a-fifo.yaml"))
        code, err, _ = run(["score", resp], env)
        check(code == 0, "score finds the questionnaire by id past a FIFO on the path",
              "hung" if code is None else f"exit {code}: {err}")
        os.unlink(os.path.join(first, "a-fifo.yaml"))

        # ... and past a file four times the loader's limit: one 64 MiB text.
        base_code, base_rss = run_rss(["score", resp], env)
        with open(os.path.join(first, "big.yaml"), "wb") as f:
            f.write(b"peil: 1\nid: ")
            chunk = b"a" * (1 << 20)
            for _ in range(64):
                f.write(chunk)
            f.write(b"\n")
        code, rss = run_rss(["score", resp], env)
        os.unlink(os.path.join(first, "big.yaml"))
        print(f"     peak RSS: {base_rss:.0f} MB without the big file, {rss:.0f} MB with it")
        check(base_code == 0 and code == 0, "score finds the questionnaire past a 64 MiB file")
        check(rss - base_rss < 16, "the 64 MiB file is not read into memory (less than 16 MB more)",
              f"{rss - base_rss:.0f} MB more")

        # validate on a FIFO that nothing writes to.
        fifo = os.path.join(tmp, "pipe.yaml")
        os.mkfifo(fifo)
        code, err, _ = run(["validate", fifo], env)
        check(code == 1 and f"{fifo}:1:1: error: the file is empty" in err,
              "validate FIFO ends with an error instead of waiting",
              "hung" if code is None else f"exit {code}: {err}")

        # The settings file is a FIFO.
        os.makedirs(os.path.join(tmp, "cfg", "peil"))
        os.mkfifo(os.path.join(tmp, "cfg", "peil", "config"))
        code, err, _ = run(["score", resp], env)
        check(code == 0 and "warning: the settings file is not a regular file; it is ignored" in err,
              "a FIFO as the settings file is ignored with a warning",
              "hung" if code is None else f"exit {code}: {err}")
        unreadable_subdirectory(tmp)
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
