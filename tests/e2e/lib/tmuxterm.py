"""A program in a private tmux server, driven as a person at a terminal
would: shared by the tests in tests/e2e that drive the TUI (a helper,
imported from tests/e2e/lib, not a test itself)."""
import os
import re
import shutil
import subprocess
import time
import uuid


class Term:
    def __init__(self, argv, env, w=100, h=30, cwd=None):
        self.sock = "peil-e2e-" + uuid.uuid4().hex[:8]
        envs = " ".join("%s=%s" % (k, shquote(v)) for k, v in env.items())
        cmd = "cd %s && exec env -i %s %s" % (shquote(cwd or os.getcwd()), envs,
                                              " ".join(shquote(a) for a in argv))
        subprocess.run(["tmux", "-L", self.sock, "-f", "/dev/null", "new-session", "-d",
                        "-x", str(w), "-y", str(h), cmd], check=True)
        self.t("set", "-g", "remain-on-exit", "on")

    def t(self, *a):
        return subprocess.run(["tmux", "-L", self.sock] + list(a), capture_output=True,
                              text=True, errors="replace").stdout

    def screen(self):
        return self.t("capture-pane", "-p")

    def keys(self, *keys, literal=False, pause=0.15):
        for k in keys:
            self.t("send-keys", *(["-l", k] if literal else [k]))
            time.sleep(pause)

    def wait(self, pattern, timeout=8.0):
        end = time.time() + timeout
        while time.time() < end:
            s = self.screen()
            if re.search(pattern, s):
                return s
            time.sleep(0.1)
        return None

    def dead(self, timeout=5.0):
        end = time.time() + timeout
        while time.time() < end:
            if self.t("display", "-p", "#{pane_dead}").strip() == "1":
                return True
            time.sleep(0.1)
        return False

    def close(self):
        subprocess.run(["tmux", "-L", self.sock, "kill-server"], capture_output=True)


def shquote(s):
    return "'" + str(s).replace("'", "'\\''") + "'"


def have_tmux():
    return shutil.which("tmux") is not None

