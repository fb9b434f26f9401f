#!/usr/bin/env python3
"""peil workshop --serve with --tls-cert/--tls-key, end to end (issue 18):
a certificate for 127.0.0.1 made here with openssl; the join address on
the screen is https://; a phone that trusts that certificate joins over
TLS, gets a seat cookie marked Secure, votes, and the vote is counted in
the session file; a phone that does not trust it fails the handshake
(so the server really presents that certificate); plain HTTP on the TLS
port gets no page. Bad use, each with its exact message: only one of the
two options, a certificate file that is missing, a certificate that is
not one. Loopback only; every request has a timeout (tests/e2e/lib/phones.py).
Skipped (77) without openssl or tmux, or when libmicrohttpd has no TLS."""
import os
import re
import ssl
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "lib"))
from tmuxdrive import Term, Results, setup, load, until  # noqa: E402
from phones import Phone, URL_RE  # noqa: E402

PEIL, ROOT, HOME, ENV = setup()
Q = os.path.join(ROOT, "tests", "fixtures", "valid", "library.yaml")
Q1 = "services.online-loans"
SESSION = os.path.join(HOME, "session.yaml")
REFUSED = os.path.join(HOME, "refused.yaml")      # where the refused starts would have written
CERT, KEY = os.path.join(HOME, "cert.pem"), os.path.join(HOME, "key.pem")
OTHER_CERT, OTHER_KEY = os.path.join(HOME, "other.pem"), os.path.join(HOME, "other-key.pem")
R = Results()

for cert, key in ((CERT, KEY), (OTHER_CERT, OTHER_KEY)):
    try:
        mk = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                             "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                            capture_output=True, text=True, timeout=60)
    except FileNotFoundError:
        print("skipped: needs openssl to make a certificate")
        sys.exit(77)
    if mk.returncode != 0:
        print("skipped: openssl could not make a certificate:", mk.stderr[-300:])
        sys.exit(77)


def workshop(*extra, out=SESSION):
    return [PEIL, "--lang", "en", "workshop", "-q", Q, "-o", out, "--organisation", "Proefstad",
            "--participants", "2", "--serve", "127.0.0.1:0", *extra]


def bad_use():
    """Usage errors come before the terminal is needed: exit 2, exact message."""
    p = subprocess.run(workshop("--tls-cert", CERT, out=REFUSED), capture_output=True, text=True, timeout=60, env=ENV,
                       stdin=subprocess.DEVNULL)
    R.check(p.returncode == 2 and "peil workshop: --tls-cert and --tls-key go together" in p.stderr,
            "--tls-cert alone: exit %d" % p.returncode, p.stderr)
    R.check(not os.path.exists(REFUSED), "a refused start wrote the session file")


def refused(what, extra, message):
    """A start that fails in the terminal: exit 2 and the message."""
    t = Term(workshop(*extra, out=REFUSED), w=100, h=30, env=ENV)
    try:
        until("the workshop to refuse", t.dead, 30, t.screen)
        out = " ".join(t.screen(history=True).split())
        R.check(t.status() == ("2", "") or t.status() == ("1", ""), "%s: exit %s" % (what, t.status()), out)
        R.check(message in out, "%s: the message" % what, out)
        R.check(not os.path.exists(REFUSED), "%s: the session file was written" % what)
    finally:
        t.close()


def not_a_certificate():
    bad = os.path.join(HOME, "bad.pem")
    with open(bad, "w") as f:
        f.write("not a certificate\n")
    refused("a certificate that is not one", ["--tls-cert", bad, "--tls-key", KEY],
            "peil workshop: the TLS certificate or key was not accepted (PEM files of one pair expected)")
    refused("a key of another pair", ["--tls-cert", CERT, "--tls-key", OTHER_KEY],
            "peil workshop: the TLS certificate or key was not accepted (PEM files of one pair expected)")
    missing = os.path.join(HOME, "nope.pem")
    refused("a missing certificate file", ["--tls-cert", missing, "--tls-key", KEY],
            missing + ": error: No such file or directory")


def main():
    t = Term(workshop("--tls-cert", CERT, "--tls-key", KEY), w=110, h=45, env=ENV)
    try:
        s = t.wait(URL_RE + "|built without TLS")
        if "built without TLS" in " ".join(s.split()):
            print("skipped: this libmicrohttpd has no TLS")
            sys.exit(77)
        url = re.search(URL_RE, s).group(1)
        R.check(url.startswith("https://127.0.0.1:"), "the join address is https", url)
        trust = ssl.create_default_context(cafile=CERT)
        phone = Phone(url, tls=trust)
        st, page = phone.join()
        R.check(st == 200 and "Can members borrow and renew online?" in page, "a phone joins over TLS: %s" % st)
        R.check(phone.set_cookie and "; Secure" in phone.set_cookie and "HttpOnly" in phone.set_cookie,
                "the seat cookie is Secure over TLS", str(phone.set_cookie))
        R.check(phone.vote(Q1, "3") == 303, "the vote over TLS is counted (303)")
        votes = (load(SESSION).get("answers") or {}).get(Q1, {}).get("votes")
        R.check(votes and votes.get(3) == 1 and sum(votes.values()) == 1, "the session file holds the vote",
                str(votes))
        R.check(re.search(r"1 of 2", t.wait(r"1 of 2")) is not None, "the screen counts it")
        # A phone without the certificate in its trust store: the handshake fails.
        try:
            Phone(url).join()
            R.check(False, "a phone that does not trust the certificate got a page")
        except ssl.SSLCertVerificationError:
            pass
        # Plain HTTP on the TLS port: no page.
        plain = Phone(url.replace("https:", "http:", 1))
        try:
            st, page = plain.join()
            R.check(st != 200 and "borrow" not in page, "plain HTTP on the TLS port got status %s" % st)
        except (OSError, ValueError, http_errors()):
            pass
        t.keys("q", "q")        # a vote is in progress: q asks, q again quits
        t.wait_dead()
        R.check(t.status() == ("0", ""), "q ends the workshop: %s" % (t.status(),))
        try:
            Phone(url, tls=trust).join()
            R.check(False, "the server still answers after the workshop ended")
        except OSError:
            pass
    finally:
        t.close()
    bad_use()
    not_a_certificate()


def http_errors():
    import http.client
    return http.client.HTTPException


main()
R.done()
