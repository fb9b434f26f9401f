#!/usr/bin/env python3
"""The Dutch TUI is Dutch: with LANG=nl_NL.UTF-8 (and with --lang nl under
LC_ALL=C.UTF-8) the main screens (question, help, overview, results) show
the Dutch words, and no English interface text from po/nl.po appears on
them. Keys through PEIL_SCRIPT, as a person would type them."""
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


def english_fragments():
    """Pieces of English msgids whose Dutch differs, long enough to be telling."""
    out = subprocess.run(["msgcat", "--no-wrap", "--no-location", os.path.join(ROOT, "po", "nl.po")],
                         capture_output=True, text=True).stdout
    frags = set()
    for m in re.finditer(r'^msgid "(.*)"\nmsgstr "(.*)"$', out, re.M):
        msgid, msgstr = m.group(1), m.group(2)
        if not msgid or msgid == msgstr:
            continue
        for piece in re.split(r"%[-+ #0-9.]*[a-z]+|\\n|\\\"", msgid):
            piece = piece.strip(" .:;,()")
            if len(piece) >= 12:
                frags.add(piece)
    return frags


def main():
    try:
        frags = english_fragments()
    except FileNotFoundError:
        print("needs msgcat (gettext)")
        return 77
    if len(frags) < 20:
        print("FAIL could not read the English strings from po/nl.po")
        return 1
    tmp = tempfile.mkdtemp(prefix="peil-nl-")
    base = {"HOME": tmp, "XDG_DATA_HOME": tmp + "/data", "XDG_CONFIG_HOME": tmp + "/config",
            "TERM": "xterm-256color", "PATH": os.environ.get("PATH", "")}
    for k in ("ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"):
        if k in os.environ:
            base[k] = os.environ[k]
    fail = []
    screens = [  # (name, key to get there, Dutch words that must show)
        ("question", None, ["Vraag 1/5", "Voortgang", "Kunnen leden online lenen", "Niet van toepassing",
                            "Weet ik niet", "notitie"]),
        ("help", "?", ["Vraag", "Navigeren", "Schermen", "niet van toepassing"]),
        ("overview", "Escape o", ["Domein", "Beantwoord", "Ambitie", "Diensten"]),
        ("results", "r", ["Voortgang", "Niveaus", "ambitie"]),
    ]
    for label, env, args in (("LANG=nl_NL.UTF-8", {"LANG": "nl_NL.UTF-8"}, []),
                             ("--lang nl under LC_ALL=C.UTF-8", {"LC_ALL": "C.UTF-8"}, ["--lang", "nl"])):
        path = os.path.join(tmp, "nl-%d.yaml" % len(fail))
        lines = [":screen question"]
        for name, keys, words in screens[1:]:
            lines += [keys.replace("Escape", "<Esc>").replace(" ", ""), f":screen {name}"]
        run = script([PEIL] + args + ["fill", "-q", Q, "-o", path, "--organisation", "Gemeente Test"],
                     lines + ["q"], dict(base, **env), w=100, h=30)
        if run.rc != 0:
            fail.append("%s: exit %d: %s" % (label, run.rc, run.err))
        for name, keys, words in screens:
            shot = run[name] or ""
            for w in words:
                if w not in shot:
                    fail.append("%s, %s screen: lacks %r:\n%s" % (label, name, w, shot))
            english = sorted(f for f in frags if f in shot)
            if english:
                fail.append("%s, %s screen: English text %r:\n%s" % (label, name, english, shot))
    subprocess.run(["rm", "-rf", tmp])
    for f in fail:
        print("FAIL", f)
    if not fail:
        print("Dutch TUI: %d screens Dutch, two ways of choosing the language" % len(screens))
    return 1 if fail else 0


if __name__ == "__main__":
    sys.exit(main())
