#!/usr/bin/env python3
"""The phones' server never reads a file, and its join secret is long and
new each time (issue 18, security). Two workshops are started in tmux with
--serve 127.0.0.1:0: each join address carries 32 hex digits (128 bits),
and the two differ. With the session file, a bait file and the
questionnaire in the working directory, requests that name a file every
way a server might resolve it -- ../, %2e%2e, %2f, double encoding,
backslashes, absolute paths, the session file's own name and path,
/etc/passwd -- with the valid secret and without get 404, and no body holds
a line of any of those files."""
import os
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "lib"))
from tmuxdrive import Term, Results, setup, until  # noqa: E402
from phones import Phone, URL_RE  # noqa: E402

PEIL, ROOT, HOME, ENV = setup()
R = Results()
BAIT = "bait-7f3e9c1d0a5b4e62 peil must never serve this line"


def start(name):
    """A workshop in HOME, the session file named relatively: the join
    address from its screen. 30 seats: the address's burst (2N + 32
    requests) holds every request below, so none is refused with 429."""
    argv = [PEIL, "--lang", "en", "workshop", "-q", "library.yaml", "-o", name, "--organisation", "Proefstad",
            "--participants", "30", "--serve", "127.0.0.1:0"]
    t = Term(" ".join("'%s'" % a for a in argv), w=110, h=45, env=ENV, cwd=HOME)
    s = t.wait(URL_RE)
    return t, re.search(URL_RE, s).group(1)


def hostile(secret, session):
    """Request paths that name a file, with and without the secret."""
    s = "/" + secret
    names = ["session.yaml", "bait.txt", "library.yaml"]
    paths = [s + "/../../../../../../etc/passwd", s + "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
             s + "/%2E%2E%2F%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", s + "/..%2f..%2f..%2f..%2fetc%2fpasswd",
             s + "/%252e%252e/%252e%252e/etc/passwd", s + "/..\\..\\..\\..\\etc\\passwd", s + "//etc/passwd",
             s + "/etc/passwd", s + "/%2fetc%2fpasswd", s + "/vote/../../../../etc/passwd",
             s + "/wait/../../session.yaml", s + "/" + session, s + "/%2F" + session.lstrip("/").replace("/", "%2F"),
             s + "/.", s + "/..", s + "/%2e", s + "/session.yaml%00.html",
             "/etc/passwd", "//etc/passwd", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", session,
             "/" + secret.lower() + "/session.yaml"]
    for n in names:
        paths += [s + "/" + n, s + "/./" + n, s + "/%2e/" + n, s + "/../" + n, s + "/" + n.upper(), "/" + n]
    return paths


def main():
    shutil.copy(os.path.join(ROOT, "tests", "fixtures", "valid", "library.yaml"), os.path.join(HOME, "library.yaml"))
    with open(os.path.join(HOME, "bait.txt"), "w") as f:
        f.write(BAIT + "\n")
    t1, url1 = start("session.yaml")
    t2 = None
    try:
        t2, url2 = start("other.yaml")
        sec = [re.search(r"/([^/]+)/$", u).group(1) for u in (url1, url2)]
        for x in sec:
            R.check(re.fullmatch(r"[0-9A-Fa-f]{32,}", x) is not None and len(x) * 4 >= 128,
                    "the secret %r: at least 128 bits as hex digits" % x)
            R.check(len(set(x)) >= 6, "the secret %r looks random (%d distinct digits)" % (x, len(set(x))))
        R.check(sec[0] != sec[1], "two workshops, two secrets: %r" % sec)
        t2.keys("q")
        t2.wait_dead()

        session = os.path.join(HOME, "session.yaml")
        until("the session file", lambda: os.path.exists(session))
        secrets_of = {"session": open(session).read().splitlines(), "bait": [BAIT],
                      "passwd": [x for x in open("/etc/passwd").read().splitlines() if x.startswith("root:")],
                      "questionnaire": [x for x in open(os.path.join(HOME, "library.yaml")).read().splitlines()
                                        if x.strip().startswith(("id:", "version:"))]}
        markers = [(k, x.strip()) for k, lines in secrets_of.items() for x in lines if len(x.strip()) >= 12]
        R.check(any(k == "session" for k, _ in markers) and any(k == "passwd" for k, _ in markers),
                "markers from the session file and /etc/passwd: %r" % markers[:6])
        phone = Phone(url1)        # no seat: it never takes one, its address's bucket counts
        n = 0
        for path in hostile(sec[0], session):
            st, _, body = phone.request("GET", raw_path=path)
            n += 1
            R.check(st == 404, "GET %s: status %s, expected 404" % (path, st), body[:200])
            leaked = [k for k, m in markers if m in body]
            R.check(not leaked, "GET %s: the body holds lines of %s" % (path, sorted(set(leaked))), body[:300])
        # a query that names a file gets the page itself, never the file
        for q in ("?file=/etc/passwd", "?f=../session.yaml", "?path=bait.txt"):
            st, _, body = phone.request("GET", raw_path="/" + sec[0] + "/" + q)
            leaked = [k for k, m in markers if m in body]
            R.check(not leaked, "GET %s: the body holds lines of %s" % (q, sorted(set(leaked))), body[:300])
        # %00: libmicrohttpd hands the handler the decoded path as a C
        # string, which ends at the NUL: the join page, not a file
        st, _, body = phone.request("GET", raw_path="/" + sec[0] + "/%00")
        R.check(st in (200, 404) and not [k for k, m in markers if m in body],
                "GET /SECRET/%%00: status %s; no file's line" % st, body[:300])
        print("%d paths that name a file: all 404, no file's line in a body" % n)
        t1.keys("q")
        t1.wait_dead()
    finally:
        t1.close()
        if t2:
            t2.close()
    R.done()


main()
