#!/usr/bin/env python3
"""Colours follow the settings file: `theme = none` (and NO_COLOR) give a
screen without any colour, `theme = high-contrast` a screen that differs
from the default one, and in every theme the highlighted answer is marked
by a sign, not by colour alone. Keys through PEIL_SCRIPT; the colours are
read from what peil sends to the terminal."""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import script  # noqa: E402

ROOT = os.environ.get("ROOT") or (sys.argv[1] if len(sys.argv) > 1 else ".")
PEIL = os.path.abspath(os.environ.get("PEIL") or os.path.join(ROOT, "build", "peil"))
Q = os.path.abspath(os.path.join(ROOT, "tests", "fixtures", "unix", "library.yaml"))
# SGR parameters that set a colour (not the 39/49 resets to the terminal's own).
COLOUR = re.compile(r"\x1b\[([0-9;]*)m")


def colours(shot):
    found = set()
    for m in COLOUR.finditer(shot):
        params = [p for p in m.group(1).split(";") if p]
        for i, p in enumerate(params):
            n = int(p)
            if (30 <= n <= 37 or 40 <= n <= 47 or 90 <= n <= 97 or 100 <= n <= 107 or n in (38, 48)) \
                    and not (i > 0 and params[i - 1] in ("38", "48")):
                found.add(n)
    return found


def capture(tmp, theme, extra=None):
    cfg = os.path.join(tmp, "cfg-" + (theme or "unset"))
    os.makedirs(os.path.join(cfg, "peil"), exist_ok=True)
    if theme:
        with open(os.path.join(cfg, "peil", "config"), "w") as f:
            f.write("theme = %s\n" % theme)
    env = {"HOME": tmp, "XDG_DATA_HOME": tmp + "/data", "XDG_CONFIG_HOME": cfg, "LANG": "en_GB.UTF-8",
           "TERM": "xterm-256color", "PATH": os.environ.get("PATH", "")}
    for k in ("ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"):
        if k in os.environ:
            env[k] = os.environ[k]
    env.update(extra or {})
    path = os.path.join(tmp, "%s-%d.yaml" % (theme or "unset", len(extra or {})))
    run = script([PEIL, "fill", "-q", Q, "-o", path, "--organisation", "Gemeente Test"],
                 [":screen question", "q"], env, w=100, h=30)
    if "Can members borrow" not in (run["question"] or ""):
        return None, "exit %d: %s\n%s" % (run.rc, run.err, run["question"])
    # On quit peil says where the answers are: a path that differs per run.
    return re.sub(r"saved in \S+", "saved in FILE", run.out), run["question"]


def main():
    tmp = tempfile.mkdtemp(prefix="peil-theme-")
    fail = []
    shots = {}
    for name, theme, extra in (("default", None, None), ("theme = default", "default", None),
                               ("theme = none", "none", None), ("NO_COLOR=1", None, {"NO_COLOR": "1"}),
                               ("theme = high-contrast", "high-contrast", None)):
        shot, plain = capture(tmp, theme, extra)
        if shot is None:
            fail.append("%s: the question screen did not come up:\n%s" % (name, plain))
            continue
        shots[name] = shot
        # The highlighted answer carries a sign of its own.
        if not re.search(r"▶ *\( *\) *1 ", plain) and not re.search(r"> *\( *\) *1 ", plain):
            fail.append("%s: the highlighted answer has no marker besides colour:\n%s" % (name, plain))
    if len(shots) == 5:
        if not colours(shots["default"]):
            fail.append("the default theme shows no colour at all")
        if shots["theme = default"] != shots["default"]:
            fail.append("theme = default differs from no setting")
        for name in ("theme = none", "NO_COLOR=1"):
            if colours(shots[name]):
                fail.append("%s still shows colours %s" % (name, sorted(colours(shots[name]))))
        if shots["theme = high-contrast"] == shots["default"]:
            fail.append("theme = high-contrast looks exactly like the default theme")
    subprocess.run(["rm", "-rf", tmp])
    for f in fail:
        print("FAIL", f)
    if not fail:
        print("themes: default, none, NO_COLOR and high-contrast behave; answers marked by a sign")
    return 1 if fail else 0


if __name__ == "__main__":
    sys.exit(main())
