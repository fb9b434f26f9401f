"""Drives a program in a private tmux server, as a person at a terminal would.

Shared by the tests/e2e/tui_*.py tests: each Term is its own tmux server
(-L socket), so tests never see the user's tmux or each other. The
approach follows shared/checks/tmuxdrive.py."""
import atexit, os, re, shlex, shutil, subprocess, sys, tempfile, time, uuid

TIMEOUT = float(os.environ.get("TUI_TIMEOUT", "10"))
_conf = None


def _config():
    """A tmux config that keeps dead panes (set before the program starts,
    so that even a program that ends at once leaves its exit status)."""
    global _conf
    if _conf is None:
        fd, _conf = tempfile.mkstemp(prefix="peil-tmux-", suffix=".conf")
        os.write(fd, b"set -g remain-on-exit on\n")
        os.close(fd)
        atexit.register(os.remove, _conf)
    return _conf


def have_tmux():
    return shutil.which("tmux") is not None


def record_argv(argv, status_path):
    """argv wrapped so that its exit status lands in status_path (and its
    process id in status_path + ".pid"). tmux's own #{pane_dead_status}
    is not reliable: tmux 3.3 sometimes loses it when the program's end of
    file on the terminal arrives before its exit (often under ASan)."""
    return [sys.executable, os.path.abspath(__file__), "--record", status_path, "--", *argv]


def read_status(status_path, timeout=5.0):
    """(exit status, signal) as strings, one of them "", as recorded by
    record_argv(); None when the program has not ended within timeout."""
    end = time.time() + timeout
    while True:
        try:
            with open(status_path, encoding="ascii") as f:
                how, _, n = f.read().strip().partition(" ")
            return (n, "") if how == "exit" else ("", n)
        except FileNotFoundError:
            if time.time() >= end:
                return None
            time.sleep(0.05)


def _record(status_path, argv):
    """The wrapper behind record_argv(): runs argv in the foreground of this
    terminal, then writes "exit N" or "signal N". The signals a terminal
    sends (Ctrl-C, hang-up) reach the program as before; this process only
    notes them and waits (caught, not ignored: the program gets the
    default dispositions back when it starts)."""
    import signal
    for sig in (signal.SIGINT, signal.SIGQUIT, signal.SIGHUP, signal.SIGTERM):
        signal.signal(sig, lambda *_: None)
    p = subprocess.Popen(argv)
    _write(status_path + ".pid", f"{p.pid}\n")
    rc = p.wait()
    _write(status_path, f"exit {rc}\n" if rc >= 0 else f"signal {-rc}\n")
    return 0


def _write(path, text):
    """Whole or not at all: a reader never sees half a line."""
    with open(path + ".tmp", "w", encoding="ascii") as f:
        f.write(text)
    os.replace(path + ".tmp", path)


class Term:
    def __init__(self, cmd, w=80, h=24, env=None, term="xterm-256color"):
        self.sock = "peil-e2e-" + uuid.uuid4().hex[:8]
        self.dir = tempfile.mkdtemp(prefix="peil-term-")
        self.status_path = os.path.join(self.dir, "status")
        envs = " ".join(f"{k}={shlex.quote(str(v))}" for k, v in (env or {}).items())
        inner = f"exec env TERM={term} LC_ALL=C.UTF-8 {envs} {cmd}"
        run = " ".join(shlex.quote(a) for a in record_argv(["sh", "-c", inner], self.status_path))
        subprocess.run(["tmux", "-L", self.sock, "-f", _config(), "new-session", "-d",
                        "-x", str(w), "-y", str(h), "exec " + run], check=True)

    def t(self, *a):
        return subprocess.run(["tmux", "-L", self.sock, *a], capture_output=True,
                              text=True, errors="replace").stdout

    def screen(self, esc=False):
        return self.t("capture-pane", "-p", *(["-e"] if esc else []))

    def keys(self, *keys, pause=0.15):
        """Named tmux keys (Enter, Down, BSpace, F1...) or single characters."""
        for k in keys:
            self.t("send-keys", k)
            time.sleep(pause)

    def type(self, text, pause=0.2):
        """Literal text, UTF-8 included."""
        self.t("send-keys", "-l", text)
        time.sleep(pause)

    def wait(self, pattern, timeout=TIMEOUT):
        """The screen once it matches pattern (a regex), else None."""
        end = time.time() + timeout
        while time.time() < end:
            s = self.screen()
            if re.search(pattern, s):
                return s
            time.sleep(0.1)
        return None

    def settle(self, pause=0.4):
        """The screen once it stopped changing."""
        last, same = None, 0
        end = time.time() + TIMEOUT
        while time.time() < end and same < 2:
            time.sleep(pause / 2)
            s = self.screen()
            same = same + 1 if s == last else 0
            last = s
        return last

    def pid(self, timeout=TIMEOUT):
        """The program's process id (not the wrapper's that records its
        exit status)."""
        end = time.time() + timeout
        while True:
            try:
                with open(self.status_path + ".pid", encoding="ascii") as f:
                    return int(f.read().strip())
            except (FileNotFoundError, ValueError):
                if time.time() >= end:
                    return 0
                time.sleep(0.05)

    def dead(self):
        return self.t("display", "-p", "#{pane_dead}").strip() == "1"

    def wait_dead(self, timeout=TIMEOUT):
        end = time.time() + timeout
        while time.time() < end:
            if self.dead():
                return True
            time.sleep(0.1)
        return False

    def status(self, timeout=5.0):
        """(exit status, signal) of the program as strings, one of them "",
        e.g. ("0", "") or ("", "15"); None when it has not ended."""
        return read_status(self.status_path, timeout)

    def resize(self, w, h):
        self.t("resize-window", "-x", str(w), "-y", str(h))
        time.sleep(0.3)

    def close(self):
        sock = self.t("display", "-p", "#{socket_path}").strip()
        subprocess.run(["tmux", "-L", self.sock, "kill-server"], capture_output=True)
        if sock.startswith("/") and os.path.exists(sock):
            os.unlink(sock)     # a killed server leaves its socket behind
        shutil.rmtree(self.dir, ignore_errors=True)


class Results:
    """Counts checks; prints every failure and the final tally."""
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, ok, what, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {what}" + (f"\n{detail}" if detail else ""))
        return ok

    def done(self):
        print(f"{self.passed} passed, {self.failed} failed")
        sys.exit(1 if self.failed else 0)


def setup():
    """PEIL, ROOT, a private HOME/XDG dir and the base environment; exits
    77 (skipped) without tmux or PyYAML."""
    if not have_tmux():
        print("tmux is not installed")
        sys.exit(77)
    try:
        import yaml  # noqa: F401
    except ImportError:
        print("needs PyYAML")
        sys.exit(77)
    root = os.environ.get("ROOT") or (sys.argv[1] if len(sys.argv) > 1 else os.getcwd())
    peil = os.environ.get("PEIL") or os.path.join(root, "build", "peil")
    home = tempfile.mkdtemp(prefix="peil-tui-")
    env = {"HOME": home, "XDG_DATA_HOME": os.path.join(home, "data"),
           "XDG_CONFIG_HOME": os.path.join(home, "config"),
           "SOURCE_DATE_EPOCH": "1795000000", "TZ": "UTC", "PEIL_PATH": ""}
    for k in ("ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"):
        if k in os.environ:
            env[k] = os.environ[k]
    return peil, root, home, env


def load(path):
    import yaml
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f) or {}


def answers(path):
    return (load(path).get("answers") or {}) if os.path.exists(path) else {}


if __name__ == "__main__" and sys.argv[1:2] == ["--record"] and sys.argv[3:4] == ["--"]:
    sys.exit(_record(sys.argv[2], sys.argv[4:]))

if __name__ == "__main__":
    # Run as a test by tests/run.sh: check that driving tmux works at all.
    if not have_tmux():
        print("tmux is not installed")
        sys.exit(77)
    r = Results()
    t = Term("sh -c \"printf 'caf\\303\\251 \\344\\270\\255\\n'; sleep 5\"", w=40, h=5)
    r.check(t.wait("café 中", 5) is not None, "tmux runs a program and captures UTF-8", t.screen())
    r.check(t.pid() > 0 and t.pid() != int(t.t("display", "-p", "#{pane_pid}") or 0),
            "pid() is the program's, not the wrapper's")
    t.close()
    # Exit statuses are recorded, whatever tmux remembers.
    for cmd, want in (("true", ("0", "")), ("sh -c 'exit 3'", ("3", "")),
                      ("sh -c 'kill -TERM $$'", ("", "15"))):
        t = Term(cmd, w=40, h=5)
        r.check(t.wait_dead() and t.status() == want, f"{cmd}: status {want}", str(t.status()))
        t.close()
    t = Term("sh -c 'sleep 5'", w=40, h=5)
    t.wait(r"^", 1)
    os.kill(t.pid(), 1)
    r.check(t.wait_dead() and t.status() == ("", "1"), "a signal sent to pid() ends the program",
            str(t.status()))
    t.close()
    r.done()
