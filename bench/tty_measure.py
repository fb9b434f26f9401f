"""Terminal measurements for bench/run.py, through a pseudo-terminal.

Start-up: from spawning the program to the last byte of its first screen
(the output burst that ends with 300 ms of quiet). Per key: from writing the
key to the master side to the last byte of the program's answer (again
ended by quiet), and the bytes it wrote. The pty's own cost is measured
with `cat` in raw mode (one byte in, one byte out). Standard library only.
"""
import fcntl
import os
import select
import shutil
import signal
import statistics
import struct
import subprocess
import tempfile
import termios
import time

import gen_corpus

ROWS, COLS = 24, 80
KEYS_PER_KIND = 30


def spawn(argv, env):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))

    def ctty():
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                         start_new_session=True, preexec_fn=ctty, close_fds=True)
    os.close(slave)
    return p, master, t0


def burst(fd, quiet, limit=5.0):
    """Reads until `quiet` seconds pass without output; returns (bytes,
    time of the first byte, time of the last byte) or times None."""
    data, first, last = b"", None, None
    end = time.perf_counter() + limit
    while time.perf_counter() < end:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        last = time.perf_counter()
        first = first or last
        data += chunk
    return data, first, last


def stop(p, master, quit_key=None):
    if quit_key and p.poll() is None:
        try:
            os.write(master, quit_key)
        except OSError:
            pass
        try:
            p.wait(1)
        except subprocess.TimeoutExpired:
            pass
    if p.poll() is None:
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(2)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
    os.close(master)


def keys_round(master, keys):
    """Sends each key in turn; returns median latency (s) and mean bytes."""
    lat, nbytes = [], []
    for k in keys:
        t = time.perf_counter()
        os.write(master, k)
        data, _, last = burst(master, 0.03, 1.0)
        if last is not None:
            lat.append(last - t)
        nbytes.append(len(data))
    if not lat:
        return None
    return {"latency": statistics.median(lat), "bytes": statistics.mean(nbytes)}


def session(argv, env, key_sets, quit_key=None, min_bytes=100):
    """Start-up time and, per key set, latency and bytes; None if the
    program does not draw a screen."""
    p, master, t0 = spawn(argv, env)
    data, _, last = burst(master, 0.3)
    if p.poll() is not None or last is None or len(data) < min_bytes:
        stop(p, master)
        return None, data
    app = b"\x1b[?1h" in data            # keypad in application mode: ESC O x
    res = {"startup": last - t0, "first_bytes": len(data)}
    for name, seq in key_sets.items():
        keys = [(k.replace(b"\x1b[", b"\x1bO") if app else k) for k in seq]
        res[name] = keys_round(master, keys)
    stop(p, master, quit_key)
    return res, data


STARTS = 5


def best_start(make_argv, env, quit_key=None):
    """The best of STARTS start-ups (the least disturbed by neighbours);
    make_argv(i) gives the command for start i."""
    times = []
    for i in range(STARTS):
        r, _ = session(make_argv(i), env, {}, quit_key)
        if r:
            times.append(r["startup"])
    return min(times) if times else None


def env_for(tmp):
    env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8", LANG="C.UTF-8",
               XDG_DATA_HOME=os.path.join(tmp, "data"), XDG_CONFIG_HOME=os.path.join(tmp, "config"),
               HOME=tmp)
    env.pop("NO_COLOR", None)
    return env


DOWN_UP = [b"\x1b[B", b"\x1b[A"] * (KEYS_PER_KIND // 2)
RIGHT_LEFT = [b"\x1b[C", b"\x1b[D"] * (KEYS_PER_KIND // 2)


def measure_all(peil, questionnaire):
    res = {}
    with tempfile.TemporaryDirectory() as tmp:
        env = env_for(tmp)
        echo, _ = session(["sh", "-c", "stty raw -echo; echo ready; exec cat"],
                          env, {"x": [b"x"] * KEYS_PER_KIND}, min_bytes=1)
        if echo and echo["x"]:
            res["echo"] = dict(echo["x"], startup=None)
        def fill(i):        # each start a new assessment
            return [peil, "fill", "-q", questionnaire, "-o", os.path.join(tmp, "bench-%d.yaml" % i),
                    "--organisation", "Gemeente Bench"]

        r, data = session(fill(-1), env, {"answers": DOWN_UP, "questions": RIGHT_LEFT}, quit_key=b"q")
        if r:
            start = best_start(fill, env, quit_key=b"q")
            res["peil-answers"] = dict(r["answers"] or {}, startup=min(r["startup"], start or 1e9))
            res["peil-questions"] = dict(r["questions"] or {}, startup=None)
        else:
            res["peil-missing"] = data.decode("utf-8", "replace").strip().split("\n")[-1][:100]
        if shutil.which("dialog"):
            items = []
            for i, t in enumerate(gen_corpus.ANSWER_NL):
                items += [str(i + 1), t[:COLS - 16], "off"]
            question = ("In hoeverre is het incidentresponsplan binnen uw gemeente geregeld, "
                        "vastgelegd en belegd bij een eigenaar?")
            dialog = ["dialog", "--radiolist", question, "20", str(COLS - 4),
                      str(len(gen_corpus.ANSWER_NL))] + items
            r, _ = session(dialog, env, {"answers": DOWN_UP})
            if r and r["answers"]:
                start = best_start(lambda i: dialog, env)
                res["dialog"] = dict(r["answers"], startup=min(r["startup"], start or 1e9))
    return res


def section(peil, questionnaire, out):
    res = measure_all(peil, questionnaire)
    out.append("Terminal, %dx%d pseudo-terminal: start-up best of %d, %d keys each (median latency, mean bytes)"
               % (COLS, ROWS, STARTS + 1, KEYS_PER_KIND))
    out.append("  %-40s %10s %12s %12s" % ("", "start-up", "per key", "bytes/key"))

    def row(name, r):
        if not r or "latency" not in r:
            return
        st = "%7.1f ms" % (r["startup"] * 1e3) if r.get("startup") else "         —"
        out.append("  %-40s %10s %9.2f ms %12.0f" % (name, st, r["latency"] * 1e3, r["bytes"]))

    row("pty echo (cat, raw): the pty's own cost", res.get("echo"))
    row("peil fill: Down/Up between answers", res.get("peil-answers"))
    row("peil fill: Right/Left between questions", res.get("peil-questions"))
    row("dialog --radiolist, %d items: Down/Up" % len(gen_corpus.ANSWER_NL), res.get("dialog"))
    if "peil-missing" in res:
        out.append("  (peil fill draws no screen in this build: skipped; it said: %s)" % res["peil-missing"])
    if "dialog" not in res:
        out.append("  (dialog is not installed: skipped)")
    out.append("  questionnaire: %s" % os.path.relpath(questionnaire))
    return res
