#!/usr/bin/env python3
"""Accessibility of the phone page: axe-core (npm, installed by
`scripts/deps.sh check` into tests/node or globally) runs inside headless Chromium
at 390 px on the voting page, the page after a vote, the revealed
results and "the room is full", and finds no WCAG 2.1 A or AA violation."""
import json
import os
import re
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "lib"))
from tmuxdrive import Term, Results, setup  # noqa: E402
from phones import Phone, URL_RE  # noqa: E402
from cdp import Chrome, find_axe, find_browser  # noqa: E402

PEIL, ROOT, HOME, ENV = setup()
Q = os.path.join(ROOT, "tests", "fixtures", "valid", "library.yaml")
AXE = find_axe(ROOT)
R = Results()
BROWSER = find_browser()
if not BROWSER or not AXE:
    print("needs chromium and axe-core (scripts/deps.sh check installs both)")
    sys.exit(77)
RUN = ("axe.run(document,{runOnly:{type:'tag',values:['wcag2a','wcag2aa','wcag21a','wcag21aa']}})"
       ".then(function(r){return {violations:r.violations.map(function(v){return v.id+': '+v.help+' '+"
       "v.nodes.map(function(n){return n.target.join(' ')}).join(', ')}),passes:r.passes.length}})")


def audit(c, what):
    with open(AXE, encoding="utf-8") as f:
        c.js(f.read() + "\n;true")
    r = c.js(RUN, timeout=60)
    R.check(r["passes"] > 5, "%s: axe ran its checks (%d passed)" % (what, r["passes"]))
    R.check(not r["violations"], "%s: WCAG 2.1 A/AA violations:\n  %s" % (what, "\n  ".join(r["violations"])))


def main():
    argv = [PEIL, "--lang", "nl", "workshop", "-q", Q, "-o", os.path.join(HOME, "s.yaml"),
            "--organisation", "Proefstad", "--participants", "3", "--serve", "127.0.0.1:0"]
    t = Term(" ".join("'%s'" % a for a in argv), w=110, h=45, env=ENV)
    tmp = tempfile.mkdtemp(prefix="peil-axe-")
    log = open(os.path.join(tmp, "chrome.log"), "w")
    c = None
    try:
        url = re.search(URL_RE, t.wait(URL_RE)).group(1)
        c = Chrome(BROWSER, os.path.join(tmp, "profile"), log)
        c.phone(390, 844)
        c.open(url)
        R.check(c.js("document.documentElement.lang") == "nl", "the page speaks the session's language")
        audit(c, "the voting page")
        c.click("button[value='2']")
        c.until("!!document.querySelector('button.mine')")
        audit(c, "after a vote")
        others = [Phone(url), Phone(url)]
        for p in others:
            p.join()
            p.vote("services.online-loans", "3")
        t.wait(r"alle 3 zijn binnen")
        c.open(url)
        R.check(c.until("document.querySelectorAll('li').length >= 5"), "the revealed counts are a list")
        audit(c, "the revealed votes")
        R.check(not c.problems(), "no console errors: %s" % json.dumps(c.problems()))
        c.call("Network.clearBrowserCookies")
        c.open(url)
        R.check("vol" in c.js("document.querySelector('h1').textContent"), "a fourth phone: the room is full")
        audit(c, "the room is full (its 403 is the only console error)")
        t.keys("q")
        t.wait_dead()
    finally:
        if c:
            c.close()
        log.close()
        t.close()
    R.done()


main()
