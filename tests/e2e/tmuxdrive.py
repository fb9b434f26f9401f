"""Drives a program in a private tmux server, as a person at a terminal would.

Shared by the tests/e2e/tui_*.py tests: each Term is its own tmux server
(-L socket), so tests never see the user's tmux or each other. The
approach follows shared/checks/tmuxdrive.py."""
import os, re, shlex, shutil, subprocess, sys, tempfile, time, uuid

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
    return _conf


def have_tmux():
    return shutil.which("tmux") is not None


class Term:
    def __init__(self, cmd, w=80, h=24, env=None, term="xterm-256color"):
        self.sock = "peil-e2e-" + uuid.uuid4().hex[:8]
        envs = " ".join(f"{k}={shlex.quote(str(v))}" for k, v in (env or {}).items())
        subprocess.run(["tmux", "-L", self.sock, "-f", _config(), "new-session", "-d",
                        "-x", str(w), "-y", str(h),
                        f"exec env TERM={term} LC_ALL=C.UTF-8 {envs} {cmd}"], check=True)

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

    def pid(self):
        return int(self.t("display", "-p", "#{pane_pid}").strip() or 0)

    def dead(self):
        return self.t("display", "-p", "#{pane_dead}").strip() == "1"

    def wait_dead(self, timeout=TIMEOUT):
        end = time.time() + timeout
        while time.time() < end:
            if self.dead():
                return True
            time.sleep(0.1)
        return False

    def status(self, timeout=3.0):
        """Exit status and signal of a dead pane, as strings (tmux fills
        them in a moment after the pane dies), or None when tmux did not
        record them: tmux 3.3 sometimes loses them when the terminal's end
        of file arrives before the child's exit."""
        end = time.time() + timeout
        while time.time() < end:
            st = (self.t("display", "-p", "#{pane_dead_status}").strip(),
                  self.t("display", "-p", "#{pane_dead_signal}").strip())
            if st != ("", ""):
                return st
            time.sleep(0.1)
        return None

    def resize(self, w, h):
        self.t("resize-window", "-x", str(w), "-y", str(h))
        time.sleep(0.3)

    def close(self):
        subprocess.run(["tmux", "-L", self.sock, "kill-server"], capture_output=True)


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


if __name__ == "__main__":
    # Run as a test by tests/run.sh: check that driving tmux works at all.
    if not have_tmux():
        print("tmux is not installed")
        sys.exit(77)
    r = Results()
    t = Term("sh -c \"printf 'caf\\303\\251 \\344\\270\\255\\n'; sleep 5\"", w=40, h=5)
    r.check(t.wait("café 中", 5) is not None, "tmux runs a program and captures UTF-8", t.screen())
    t.close()
    r.done()
