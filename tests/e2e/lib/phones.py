"""Simulated phones for the tests of `peil workshop --serve` (a helper
imported from tests/e2e/lib, not a test itself). Each Phone has its own
cookie (its seat). Only loopback addresses are ever contacted, and every
request has a timeout: the tests' request loops are bounded in count by
their own code and in time by TIMEOUT here."""
import http.client
import re
import ssl
import urllib.parse

TIMEOUT = 10.0
URL_RE = r"(https?://127\.0\.0\.1:\d+/[0-9A-F]{32}/)"


def split(url):
    u = urllib.parse.urlsplit(url)
    if u.hostname not in ("127.0.0.1", "::1", "localhost"):
        raise ValueError("tests talk to loopback only, not %r" % u.hostname)
    return u.hostname, u.port, u.path


class Phone:
    def __init__(self, url, cookie=None, tls=None):
        """tls: an ssl.SSLContext for an https:// address (one that trusts
        the test's own certificate); None uses the system's trust store."""
        self.host, self.port, self.base = split(url)
        self.https = url.startswith("https:")
        self.tls = tls if tls is not None or not self.https else ssl.create_default_context()
        self.cookie = cookie        # "peil_seat=..." once seated
        self.set_cookie = None      # the last Set-Cookie header, whole

    def request(self, method, path="", body=None, headers=None, timeout=TIMEOUT, raw_path=None):
        """(status, headers, text) of one request; path is relative to
        the join address unless raw_path is given."""
        if self.https:
            c = http.client.HTTPSConnection(self.host, self.port, timeout=timeout, context=self.tls)
        else:
            c = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            h = dict(headers or {})
            if self.cookie and "Cookie" not in h:
                h["Cookie"] = self.cookie
            if body is not None and "Content-Type" not in h:
                h["Content-Type"] = "application/x-www-form-urlencoded"
            c.request(method, raw_path if raw_path is not None else self.base + path, body=body, headers=h)
            r = c.getresponse()
            text = r.read().decode("utf-8", "replace")
            sc = r.getheader("Set-Cookie")
            if sc:
                self.set_cookie = sc
                m = re.match(r"(peil_seat=[0-9a-f]+)", sc)
                if m:
                    self.cookie = m.group(1)
            return r.status, dict(r.getheaders()), text
        finally:
            c.close()

    def join(self):
        """Opens the join address: (status, page)."""
        st, _, text = self.request("GET")
        return st, text

    def vote(self, question, answer):
        """A vote as the page's form sends it: the status (303 = counted)."""
        body = urllib.parse.urlencode({"question": question, "answer": answer})
        return self.request("POST", "vote", body=body)[0]

    def wait(self, phase, timeout=TIMEOUT):
        """The long poll: the phase once it is not `phase`."""
        st, _, text = self.request("GET", "wait?phase=%s" % phase, timeout=timeout)
        return st, text.strip()


def phase_of(page):
    """The phase a page was made in (from its script), or None."""
    m = re.search(r"var p='(\d+)'", page)
    return m.group(1) if m else None
