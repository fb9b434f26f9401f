#!/usr/bin/env python3
"""The join screen and the phones' server at its edges (issue 18), in tmux:
- J shows the QR code in Unicode half blocks under a UTF-8 locale, in full
  blocks with --large, and in plain ASCII under LC_ALL=C; the address as
  text; "Listening on this address only." for --serve 127.0.0.1:0 and the
  seats taken, which follow a phone that joins;
- every text of the questionnaire reaches the phone page escaped: a
  question and answer text with markup, quotes and an ampersand come out
  as text, never as elements;
- one seat asking from eight threads at once is slowed down (429) after
  its burst, and the room's other phones are still served;
- with 2N + 64 connections held open one more gets no page, and once they
  close phones are served again.
Loopback only; every request loop is bounded in count and each request in
time (tests/e2e/lib/phones.py)."""
import os
import re
import socket
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "lib"))
from tmuxdrive import Term, Results, setup, until  # noqa: E402
from phones import Phone, URL_RE  # noqa: E402

PEIL, ROOT, HOME, ENV = setup()
Q = os.path.join(ROOT, "tests", "fixtures", "valid", "library.yaml")
R = Results()
HOSTILE = '<script>alert(1)</script> & "quoted" \'too\' <b>bold</b>'


def workshop(out, q=Q, *extra):
    return [PEIL, "--lang", "en", "workshop", "-q", q, "-o", os.path.join(HOME, out), "--organisation", "Proefstad",
            "--participants", "3", "--serve", "127.0.0.1:0", *extra]


def qr_lines(screen, chars):
    """The screen's lines that are (nearly) all QR modules drawn with chars."""
    return [ln for ln in screen.splitlines()
            if len(ln.strip()) >= 21 and set(ln.strip()) <= set(chars + " ")]


def join_screen(name, extra=(), env=None, chars="▀▄█", want=None):
    t = Term(workshop(name + ".yaml", Q, *extra), w=120, h=50, env=dict(ENV, **(env or {})))
    try:
        url = re.search(URL_RE, t.wait(URL_RE)).group(1)
        t.keys("J")
        # The room's footer also says "seats taken": wait for the join
        # screen's own lines, or the screen before J may be the one read.
        s = t.wait(r"Listening on this address only\.\s*\n\s*\d+ of 3 seats taken")
        lines = qr_lines(s, chars)
        R.check(len(lines) >= 11, "%s: the QR code in %s (%d lines)" % (name, chars, len(lines)), s)
        if want:
            R.check(any(want in ln for ln in lines), "%s: drawn with %r" % (name, want), s)
        R.check(url in s.replace("\n", ""), "%s: the address as text" % name, s)
        R.check("Listening on this address only." in s, "%s: where it listens" % name, s)
        R.check("0 of 3 seats taken" in s, "%s: no seat taken yet" % name, s)
        st, _ = Phone(url).join()
        R.check(st == 200, "%s: a phone joins: %s" % (name, st))
        R.check("1 of 3 seats taken" in t.wait(r"1 of 3 seats taken"), "%s: the seat is counted on screen" % name)
        t.keys("Escape")
        t.wait(r"Votes in the room")
        t.keys("q")
        t.wait_dead()
    finally:
        t.close()


def escaped():
    with open(Q, encoding="utf-8") as f:
        text = f.read()
    text = text.replace('en: "Can members borrow and renew online?"', "en: %s" % yaml_str(HOSTILE), 1)
    text = text.replace('en: "Both, with notifications"', "en: %s" % yaml_str("Both " + HOSTILE), 1)
    q = os.path.join(HOME, "hostile.yaml")
    with open(q, "w", encoding="utf-8") as f:
        f.write(text)
    t = Term(workshop("escaped.yaml", q), w=120, h=45, env=ENV)
    try:
        url = re.search(URL_RE, t.wait(URL_RE)).group(1)
        st, page = Phone(url).join()
        R.check(st == 200, "hostile texts: the page is served: %s" % st)
        R.check("<script>alert" not in page and "<b>bold" not in page,
                "hostile texts: markup from the questionnaire reached the page", page[:2000])
        want = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;too&#39; &lt;b&gt;bold&lt;/b&gt;"
        alt = want.replace("&#39;", "&#x27;")
        R.check(page.count(want) + page.count(alt) >= 2, "hostile texts: question and answer escaped", page[:3000])
        t.keys("q")
        t.wait_dead()
    finally:
        t.close()


def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def rate():
    """One seat asking from 8 threads at once (the burst is 30, then 5 a
    second): at once, so that a slow machine cannot refill the bucket
    between requests. Bounded: 8 x 30 requests, each with a timeout."""
    t = Term(workshop("rate.yaml"), w=120, h=45, env=ENV)
    try:
        url = re.search(URL_RE, t.wait(URL_RE)).group(1)
        greedy = Phone(url)
        st, _ = greedy.join()
        statuses, lock = [st], threading.Lock()

        def ask():
            for _ in range(30):
                got = Phone(url, cookie=greedy.cookie).request("GET")[0]
                with lock:
                    statuses.append(got)
                    if statuses.count(429) >= 8:
                        return
        threads = [threading.Thread(target=ask) for _ in range(8)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        R.check(429 in statuses and statuses.count(200) >= 30,
                "a seat asking from 8 threads at once gets its burst of 30, then 429: %d x 200, %d x 429"
                % (statuses.count(200), statuses.count(429)))
        R.check(set(statuses) <= {200, 429}, "only 200 and 429: %s" % sorted(set(statuses)))
        st, _ = Phone(url).join()
        R.check(st == 200, "another phone is still served: %s" % st)
        t.keys("q")
        t.wait_dead()
    finally:
        t.close()


def connections():
    """Connections are capped at 2N + 64 (SECURITY.md): with that many held
    open, one more gets no page; once they close, phones are served again."""
    t = Term(workshop("conns.yaml"), w=120, h=45, env=ENV)
    held = []
    try:
        url = re.search(URL_RE, t.wait(URL_RE)).group(1)
        phone = Phone(url)
        cap = 2 * 3 + 64
        for _ in range(cap):             # bounded: the cap, each with a timeout
            held.append(socket.create_connection((phone.host, phone.port), timeout=5))
        try:
            st = phone.request("GET", timeout=3)[0]
        except OSError:
            st = None
        R.check(st != 200, "with %d connections held, one more was served: %s" % (cap, st))
        for c in held:
            c.close()
        held = []
        def served():
            try:
                return Phone(url).request("GET", timeout=3)[0] == 200
            except OSError:
                return False
        got = until("a phone to be served again", served, 20)
        R.check(got, "after the held connections closed, a phone is served")
        t.keys("q")
        t.wait_dead()
    finally:
        for c in held:
            c.close()
        t.close()


def main():
    join_screen("half", chars="▀▄█ ", want="▀")
    join_screen("large", extra=("--large",), chars="█ ", want="██")
    join_screen("ascii", env={"LC_ALL": "C", "LANG": "C"}, chars="#", want="##")
    escaped()
    rate()
    connections()
    R.done()


main()
