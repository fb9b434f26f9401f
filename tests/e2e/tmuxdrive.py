"""The one driver of the TUI tests, two ways:

- script(): peil's own scripted mode (PEIL_SCRIPT, tui/script.h): keys in,
  screens dumped where the script says, no terminal and no waiting. Use it
  for everything that is about what the keys do and what the screens show.
- Term: the program in a private tmux server, as a person at a terminal,
  for what needs a real terminal: signals, resizing by the terminal,
  colours and escape sequences, mouse reports, two programs at once. Each
  Term is its own tmux server (-L socket), so tests never see the user's
  tmux or each other. Keys are sent without pauses; a test waits for what
  the screen shows (wait) or for the file (wait_file), and a wait that
  times out raises WaitTimeout, which fails the test.

Run as a program, it tests itself (tests/run.sh does)."""
import atexit, inspect, os, re, shlex, shutil, subprocess, sys, tempfile, time, uuid

TIMEOUT = float(os.environ.get("TUI_TIMEOUT", "20"))
_conf = None


class WaitTimeout(AssertionError):
    """A wait that timed out: the event it waited for did not happen."""


def until(what, probe, timeout=TIMEOUT, show=lambda: ""):
    """probe()'s first true value; raises WaitTimeout (saying what was
    awaited and show()) when timeout passes first. Polled after 5 ms, then
    less often up to every 100 ms: a quick event is seen at once, and a
    slow one does not cost a tmux client every few milliseconds."""
    end = time.monotonic() + timeout
    pause = 0.005
    while True:
        v = probe()
        if v:
            return v
        if time.monotonic() >= end:
            raise WaitTimeout(f"timed out after {timeout:g} s waiting for {what}\n{show()}")
        time.sleep(pause)
        pause = min(pause * 1.5, 0.1)


def wait_file(path, probe=lambda text: True, timeout=TIMEOUT, what=None):
    """The text of path once probe(text) is true (a file another process
    writes, e.g. a response saved after a key)."""
    def read():
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except (FileNotFoundError, UnicodeDecodeError):
            return None
        return text if probe(text) else None
    return until(what or f"{path} to change", read, timeout)


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
    try:
        text = wait_file(status_path, timeout=timeout)
    except WaitTimeout:
        return None
    how, _, n = text.strip().partition(" ")
    return (n, "") if how == "exit" else ("", n)


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
    def __init__(self, cmd, w=80, h=24, env=None, term="xterm-256color", cwd=None):
        """cmd: a shell command line, or an argv list."""
        self.sock = "peil-e2e-" + uuid.uuid4().hex[:8]
        self.dir = tempfile.mkdtemp(prefix="peil-term-")
        self.status_path = os.path.join(self.dir, "status")
        self.env, self.term = env or {}, term
        self._before = None     # PEIL_TMUX_AUDIT: the screen before the keys
        subprocess.run(["tmux", "-L", self.sock, "-f", _config(), "new-session", "-d",
                        *(["-c", cwd] if cwd else []), "-x", str(w), "-y", str(h), self._wrap(cmd)], check=True)

    def _wrap(self, cmd):
        """cmd with the environment, its exit status recorded."""
        if not isinstance(cmd, str):
            cmd = " ".join(shlex.quote(str(a)) for a in cmd)
        envs = " ".join(f"{k}={shlex.quote(str(v))}" for k, v in self.env.items())
        inner = f"exec env TERM={self.term} LC_ALL=C.UTF-8 {envs} {cmd}"
        return "exec " + " ".join(shlex.quote(a) for a in record_argv(["sh", "-c", inner], self.status_path))

    def respawn(self, cmd):
        """Runs cmd in the same terminal once the program before it has
        ended (cheaper than a new Term for many short runs)."""
        self.wait_dead()
        for f in (self.status_path, self.status_path + ".pid"):
            if os.path.exists(f):
                os.remove(f)
        self._before = None
        self.t("respawn-pane", "-k", self._wrap(cmd))

    def t(self, *a):
        return subprocess.run(["tmux", "-L", self.sock, *a], capture_output=True,
                              text=True, errors="replace").stdout

    def screen(self, esc=False, history=False):
        """The screen's text; with history, also what scrolled off it, and
        lines the terminal wrapped joined again."""
        return self.t("capture-pane", "-p", *(["-e"] if esc else []), *(["-J", "-S", "-"] if history else []))

    def keys(self, *keys):
        """Named tmux keys (Enter, Down, BSpace, F1...) or single
        characters, sent at once: the program reads them in order. After
        an Escape it waits for the screen to change (else the terminal
        would send Escape and the next key as one Alt-key)."""
        self._audit_before()
        keys = list(keys)
        while keys:
            n = keys.index("Escape") + 1 if "Escape" in keys else len(keys)
            before = self.screen() if keys[n - 1] == "Escape" else None
            self.t("send-keys", *keys[:n])
            if before is not None:
                until("the screen to change after Escape", lambda: self.screen() != before,
                      show=self.screen)
                # The change is seen: the audit compares with what follows.
                self._before = None
                if keys[n:]:
                    self._audit_before()
            keys = keys[n:]

    def type(self, text):
        """Literal text, UTF-8 included."""
        self._audit_before()
        self.t("send-keys", "-l", text)

    def _audit_before(self):
        """PEIL_TMUX_AUDIT=FILE: note the screen before keys, so that wait()
        can report a pattern the screen already showed before them (such a
        wait may read the old screen)."""
        if os.environ.get("PEIL_TMUX_AUDIT") and self._before is None:
            self._before = self.screen()

    def wait(self, pattern, timeout=TIMEOUT):
        """The screen once it matches pattern (a regex); raises WaitTimeout
        when it does not within timeout. A screen counts once a second look
        finds it the same: tmux may show a redraw half done (a busy machine,
        a sanitizer build), and the caller checks more than the pattern."""
        before, self._before = self._before, None
        if before is not None and re.search(pattern, before):
            f = inspect.stack()[1]
            with open(os.environ["PEIL_TMUX_AUDIT"], "a") as log:
                log.write("%s:%d: /%s/ matched before the keys\n" % (f.filename, f.lineno, pattern))

        def match():
            s = self.screen()
            return s if re.search(pattern, s) and self.screen() == s else None
        return until(f"/{pattern}/ on the screen", match, timeout, self.screen)

    def pid(self, timeout=TIMEOUT):
        """The program's process id (not the wrapper's that records its
        exit status)."""
        return int(wait_file(self.status_path + ".pid", lambda t: t.strip().isdigit(), timeout,
                             "the program to start").strip())

    def dead(self):
        return self.t("display", "-p", "#{pane_dead}").strip() == "1"

    def wait_dead(self, timeout=TIMEOUT):
        """True once the program has ended; raises WaitTimeout if it does not."""
        return until("the program to end", self.dead, timeout, self.screen)

    def status(self, timeout=5.0):
        """(exit status, signal) of the program as strings, one of them "",
        e.g. ("0", "") or ("", "15"); None when it has not ended."""
        return read_status(self.status_path, timeout)

    def resize(self, w, h):
        """The terminal's new size (the program redraws when it notices:
        wait for what it should show then)."""
        self.t("resize-window", "-x", str(w), "-y", str(h))

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


class Scripted:
    """What script() saw: rc (exit status), screens (name -> text, in the
    order the script dumped them), err (stderr) and out (stdout)."""
    def __init__(self, rc, screens, out, err):
        self.rc, self.screens, self.out, self.err = rc, screens, out, err

    def __getitem__(self, name):
        return self.screens[name]


def script(argv, lines, env, w=80, h=24, timeout=TIMEOUT * 3, term="xterm-256color"):
    """Runs argv (peil ...) with its keys from lines (tui/script.h), at w x h.
    A line ":screen NAME" (NAME without a slash) dumps the screen under that
    name. A run that takes longer than timeout fails the test."""
    d = tempfile.mkdtemp(prefix="peil-script-")
    try:
        names, text = [], []
        for line in lines:
            if line.startswith(":screen ") and "/" not in line:
                names.append(line[8:])
                line = f":screen {d}/{len(names)}.txt"
            text.append(line)
        path = os.path.join(d, "script")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(text) + "\n")
        # Only what the test gives, so the user's locale and settings do
        # not leak in; C.UTF-8 unless the test chose a locale.
        full = {k: v for k, v in os.environ.items() if k == "PATH" or k.endswith("SAN_OPTIONS")}
        full["TERM"] = term
        if not any(k == "LANG" or k.startswith("LC_") for k in env):
            full["LC_ALL"] = "C.UTF-8"
        full.update({k: str(v) for k, v in env.items()})
        full.update(PEIL_SCRIPT=path, LINES=str(h), COLUMNS=str(w))
        p = subprocess.run(argv, env=full, stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=timeout)
        screens = {}
        for i, name in enumerate(names, 1):
            try:
                with open(os.path.join(d, f"{i}.txt"), encoding="utf-8") as f:
                    screens[name] = f.read()
            except FileNotFoundError:
                screens[name] = None    # the program ended before it
        return Scripted(p.returncode, screens, p.stdout.decode("utf-8", "replace"),
                        p.stderr.decode("utf-8", "replace"))
    finally:
        shutil.rmtree(d, ignore_errors=True)


def setup(need_tmux=True):
    """PEIL, ROOT, a private HOME/XDG dir and the base environment; exits
    77 (skipped) without tmux (when needed) or PyYAML."""
    if need_tmux and not have_tmux():
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
    atexit.register(shutil.rmtree, home, True)
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
    # Run as a test by tests/run.sh: the driver itself works.
    if not have_tmux():
        print("tmux is not installed")
        sys.exit(77)
    r = Results()
    # No echo: the terminal's echo of a line and cat's copy of the one
    # before it may interleave on a busy machine; cat's output alone is in
    # the order the keys came.
    t = Term("sh -c \"stty -echo; printf 'caf\\303\\251 \\344\\270\\255\\n'; exec cat\"", w=40, h=5)
    r.check(t.wait("café 中") is not None, "tmux runs a program and captures UTF-8", t.screen())
    r.check(t.pid() > 0 and t.pid() != int(t.t("display", "-p", "#{pane_pid}") or 0),
            "pid() is the program's, not the wrapper's")
    t.keys("a", "b", "Enter")
    t.type("é€")
    t.keys("Enter")
    r.check(re.search(r"中\nab\né€\n", t.wait(r"é€")) is not None,
            "keys and type arrive in order, without pauses", t.screen())
    start = time.monotonic()
    try:
        t.wait("never shown", timeout=0.5)
        r.check(False, "a wait that times out raises WaitTimeout")
    except WaitTimeout as e:
        r.check("never shown" in str(e) and "é€" in str(e) and time.monotonic() - start < 5,
                "a wait that times out raises WaitTimeout, with the pattern and the screen", str(e))
    os.kill(t.pid(), 1)
    r.check(t.wait_dead() and t.status() == ("", "1"), "a signal sent to pid() ends the program",
            str(t.status()))
    t.close()
    # Exit statuses are recorded, whatever tmux remembers.
    for cmd, want in (("true", ("0", "")), ("sh -c 'exit 3'", ("3", "")),
                      ("sh -c 'kill -TERM $$'", ("", "15"))):
        t = Term(cmd, w=40, h=5)
        r.check(t.wait_dead() and t.status() == want, f"{cmd}: status {want}", str(t.status()))
        t.close()
    d = tempfile.mkdtemp(prefix="peil-wait-")
    f = os.path.join(d, "f")
    subprocess.Popen(["sh", "-c", f"cat /dev/null; echo one > {f}.tmp && mv {f}.tmp {f}"]).wait()
    r.check(wait_file(f, lambda text: "one" in text) == "one\n", "wait_file returns the text once it holds")
    try:
        wait_file(f, lambda text: "two" in text, timeout=0.3)
        r.check(False, "wait_file times out with WaitTimeout")
    except WaitTimeout:
        r.check(True, "wait_file times out with WaitTimeout")
    shutil.rmtree(d)
    r.done()
