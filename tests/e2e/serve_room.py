#!/usr/bin/env python3
"""peil workshop --serve in tmux, with eight simulated phones on loopback.
The test reads the join address from the screen; eight phones join and
vote, two change their vote; the screen shows "7 of 8" with the votes
hidden, then "all 8 are in" and the histogram; the facilitator records
the answer and every phone follows to the next question (the long poll
returns). A ninth phone gets "the room is full". A forged cookie, a vote
for another question, a malformed body, an oversized body, a wrong
content type, a path without the secret and a wrong method each get their
error status and change neither the file nor the count. A second round
(N) keeps the first in `rounds`. q stops the server with the workshop."""
import os
import re
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "lib"))
from tmuxdrive import Term, Results, setup, load, until  # noqa: E402
from phones import Phone, URL_RE, phase_of  # noqa: E402

PEIL, ROOT, HOME, ENV = setup()
Q = os.path.join(ROOT, "tests", "fixtures", "valid", "library.yaml")
Q1, Q2 = "services.online-loans", "services.help-desk"
R = Results()
SESSION = os.path.join(HOME, "session.yaml")


def read(path):
    with open(path, "rb") as f:
        return f.read()


def q1_answer():
    return (load(SESSION).get("answers") or {}).get(Q1) or {}


def refusals(t, url, phone):
    """Each bad request gets its status; nothing changes."""
    before = read(SESSION)
    forged = Phone(url, cookie="peil_seat=" + "0" * 32)
    long_body = "question=%s&answer=2&pad=%s" % (Q1, "x" * 2000)
    cases = [
        ("a forged cookie", forged.vote(Q1, "2"), 403),
        ("a vote for another question", phone.vote(Q2, "2"), 409),
        ("a body without an answer", phone.request("POST", "vote", body="question=" + Q1)[0], 400),
        ("a body with an extra field", phone.request("POST", "vote", body="question=%s&answer=2&seat=1" % Q1)[0], 400),
        ("a body that is not a form", phone.request("POST", "vote", body="{\"answer\": 2}")[0], 400),
        ("an answer that is no level", phone.vote(Q1, "7"), 400),
        ("an oversized body", phone.request("POST", "vote", body=long_body)[0], 413),
        ("a JSON content type", phone.request("POST", "vote", body="question=%s&answer=2" % Q1,
                                              headers={"Content-Type": "application/json"})[0], 415),
        ("a path without the secret", phone.request("GET", raw_path="/")[0], 404),
        ("a wrong secret", phone.request("GET", raw_path="/" + "A" * 32 + "/")[0], 404),
        ("a traversal", phone.request("GET", raw_path=phone.base + "../../etc/passwd")[0], 404),
        ("GET on vote", phone.request("GET", "vote")[0], 405),
        ("DELETE on the page", phone.request("DELETE")[0], 405),
        ("a long poll without a seat", Phone(url).wait("0")[0], 403),
    ]
    for what, got, want in cases:
        R.check(got == want, "%s: status %s, expected %s" % (what, got, want))
    R.check(read(SESSION) == before, "a refused request changed the session file")
    R.check(re.search(r"Votes in the room: 0 of 8", t.screen()) is not None,
            "a refused request changed the count", t.screen())


def main():
    argv = [PEIL, "--lang", "en", "workshop", "-q", Q, "-o", SESSION, "--organisation", "Proefstad",
            "--participants", "8", "--serve", "127.0.0.1:0"]
    t = Term(" ".join("'%s'" % a for a in argv), w=110, h=45, env=ENV)
    try:
        s = t.wait(URL_RE)
        url = re.search(URL_RE, s).group(1)
        R.check("0 of 8 seats taken" in s, "the seats are on the screen", s)
        phones = [Phone(url) for _ in range(8)]
        for i, p in enumerate(phones):
            st, page = p.join()
            R.check(st == 200 and p.cookie, "phone %d joins: %s" % (i, st))
            R.check("Can members borrow and renew online?" in page and 'name="answer" value="3"' in page,
                    "phone %d sees the question and its answers" % i)
        t.wait(r"8 of 8 seats taken")
        st, page = Phone(url).join()
        R.check(st == 403 and "The room is full" in page, "a ninth phone: %s, full page" % st)
        refusals(t, url, phones[0])

        votes = ["2", "2", "3", "3", "3", "4", "na"]
        for p, v in zip(phones, votes):
            R.check(p.vote(Q1, v) == 303, "a vote is counted (303)")
        R.check(phones[0].vote(Q1, "3") == 303 and phones[1].vote(Q1, "3") == 303, "two change their vote")
        s = t.wait(r"Votes in the room: 7 of 8 . hidden until everyone has voted")
        R.check("Op orde" not in s.split("Votes in the room")[1], "no histogram before all are in", s)
        a = q1_answer()
        R.check(a.get("votes", {}).get(3) == 5 and a.get("votes", {}).get(2) == 0 and a.get("votes_na") == 1,
                "the file has the counts as the votes arrive: %s" % a)
        page = phones[7].join()[1]
        waiter = {}
        th = threading.Thread(target=lambda: waiter.update(r=phones[7].wait(phase_of(page), timeout=15)))
        th.start()
        R.check(phones[7].vote(Q1, "unknown") == 303, "the eighth vote is counted")
        s = t.wait(r"Votes in the room: all 8 are in")
        R.check(re.search(r"3 In order +█+░* +5", s) is not None, "the histogram shows 5 votes for level 3", s)
        R.check(phones[0].vote(Q1, "1") == 409, "after the reveal, votes are closed")
        th.join(16)
        R.check(waiter.get("r", (0, ""))[0] == 200 and waiter["r"][1] != phase_of(page),
                "the reveal ends a phone's long poll: %s" % (waiter.get("r"),))
        a = q1_answer()
        R.check(a.get("votes") == {1: 0, 2: 0, 3: 5, 4: 1, 5: 0} and a.get("votes_na") == 1 and
                a.get("votes_unknown") == 1, "the file: %s" % a)

        page = phones[2].join()[1]
        t.keys("3")     # the group's answer: level 3; on to the next question
        t.wait(r"Question 2/5")
        st, phase = phones[2].wait(phase_of(page))
        R.check(st == 200 and phase != phase_of(page), "the long poll follows the facilitator")
        R.check("digital help for visitors" in phones[2].join()[1], "the phone shows the next question")
        R.check(q1_answer().get("level") == 3, "the group's answer is recorded: %s" % q1_answer())
        R.check(phones[2].vote(Q1, "2") == 409, "a vote for the previous question is refused")

        # a second round on question 2
        for p in phones[:3]:
            p.vote(Q2, "1")
        t.wait(r"3 of 8")
        t.keys("N")
        t.wait(r"Votes in the room: 0 of 8 . hidden until everyone has voted . round 2")
        R.check(phones[0].vote(Q2, "2") == 303, "round 2: a phone votes again")
        t.wait(r"1 of 8 . hidden")
        a = (load(SESSION).get("answers") or {}).get(Q2) or {}
        R.check(a.get("rounds") == [{"votes": {1: 3, 2: 0, 3: 0, 4: 0, 5: 0}}] and a.get("votes", {}).get(2) == 1,
                "round 1 is kept in rounds: %s" % a)

        # a vote is in progress (1 of 8): q asks first (issue 19), q again quits
        t.keys("q")
        t.wait(r"A vote is in progress \(1 of 8 in\)\. Press q again to quit")
        t.keys("q")
        t.wait_dead()
        R.check(t.status() == ("0", ""), "q ends the workshop: %s" % (t.status(),))
        try:
            phones[0].join()
            R.check(False, "the server still answers after the workshop ended")
        except OSError:
            pass
    finally:
        t.close()
    until("nothing", lambda: True)
    R.done()


main()
