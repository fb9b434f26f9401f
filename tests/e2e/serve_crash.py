#!/usr/bin/env python3
"""SIGKILL while the phones' votes arrive: every vote a phone was told
was counted (303) is in the session file, which is whole and valid.
40 phones on loopback each vote once, on 8 threads; peil is killed once
at least 10 votes were acknowledged, while the others are in flight."""
import os
import re
import signal
import subprocess
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "lib"))
from tmuxdrive import Term, Results, setup, load, until  # noqa: E402
from phones import Phone, URL_RE  # noqa: E402

PEIL, ROOT, HOME, ENV = setup()
Q = os.path.join(ROOT, "tests", "fixtures", "valid", "library.yaml")
Q1 = "services.online-loans"
N = 40
R = Results()
SESSION = os.path.join(HOME, "session.yaml")
ANSWERS = ["1", "2", "3", "4", "5", "na", "unknown"]


def main():
    argv = [PEIL, "--lang", "en", "workshop", "-q", Q, "-o", SESSION, "--organisation", "Proefstad",
            "--participants", str(N), "--serve", "127.0.0.1:0"]
    t = Term(" ".join("'%s'" % a for a in argv), w=110, h=45, env=ENV)
    acked = {a: 0 for a in ANSWERS}
    lock = threading.Lock()
    try:
        url = re.search(URL_RE, t.wait(URL_RE)).group(1)
        phones = [Phone(url) for _ in range(N)]
        for p in phones:
            p.join()
        pid = t.pid()
        enough = threading.Event()

        def voter(k):
            for i in range(k, N, 8):            # at most N votes in all
                a = ANSWERS[i % len(ANSWERS)]
                try:
                    st = phones[i].vote(Q1, a)
                except OSError:
                    return                      # peil is gone
                if st == 303:
                    with lock:
                        acked[a] += 1
                        if sum(acked.values()) >= 10:
                            enough.set()
        threads = [threading.Thread(target=voter, args=(k,)) for k in range(8)]
        for th in threads:
            th.start()
        R.check(enough.wait(30), "10 votes were acknowledged")
        os.kill(pid, signal.SIGKILL)
        for th in threads:
            th.join(30)
        t.wait_dead()
        R.check(t.status() == ("", "9"), "peil died of SIGKILL: %s" % (t.status(),))
    finally:
        t.close()
    total = sum(acked.values())
    data = load(SESSION)
    a = (data.get("answers") or {}).get(Q1) or {}
    votes = a.get("votes") or {}
    got = {str(k): v for k, v in votes.items()}
    got["na"] = a.get("votes_na", 0)
    got["unknown"] = a.get("votes_unknown", 0)
    print("acknowledged %d of %d before the kill; file: %s" % (total, N, got))
    for ans, n in acked.items():
        R.check(got.get(ans, 0) >= n, "answer %s: %d acknowledged, %d in the file" % (ans, n, got.get(ans, 0)))
    v = subprocess.run([PEIL, "validate", "-q", Q, SESSION], capture_output=True, text=True)
    R.check(v.returncode == 0, "the file validates after the kill: %s%s" % (v.stdout, v.stderr))
    until("nothing", lambda: True)
    R.done()


main()
