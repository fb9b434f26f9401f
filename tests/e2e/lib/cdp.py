"""Headless Chromium driven over the DevTools protocol on a pipe
(--remote-debugging-pipe: JSON messages ended by NUL on fds 3 and 4), so
no WebSocket library is needed (a helper imported from tests/e2e/lib, not
a test itself). Every wait is bounded and raises TimeoutError."""
import base64
import json
import os
import select
import shutil
import subprocess
import time

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-default-browser-check", "--remote-debugging-pipe"]


def find_browser():
    for b in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(b):
            return shutil.which(b)
    return None


def find_axe(root):
    """axe-core's axe.min.js: tests/node (scripts/deps.sh check, pinned in
    tests/node/package.json) or else npm's global one (deps.sh installs
    that too). None when neither is there. Every accessibility test looks
    here, so that one of them cannot skip where another runs."""
    local = os.path.join(root, "tests", "node", "node_modules", "axe-core", "axe.min.js")
    if os.path.exists(local):
        return local
    if shutil.which("npm"):
        top = subprocess.run(["npm", "root", "-g"], capture_output=True, text=True, timeout=60).stdout.strip()
        axe = os.path.join(top, "axe-core", "axe.min.js")
        if top and os.path.exists(axe):
            return axe
    return None


class Chrome:
    def __init__(self, browser, profile, log):
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def fds():
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)
        self.p = subprocess.Popen([browser, *FLAGS, "--user-data-dir=" + profile, "about:blank"],
                                  stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
                                  preexec_fn=fds, close_fds=False)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buf = b""
        self.next_id = 0
        self.events = []
        self.session = None
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]

    def _read(self, deadline):
        while b"\0" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.from_chrome], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self.from_chrome, 65536)
            if not chunk:
                raise TimeoutError("Chromium closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, timeout=30, **params):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params}
        if self.session:
            msg["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            m = self._read(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"]))
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, method, timeout=30):
        deadline = time.monotonic() + timeout
        while True:
            for i, m in enumerate(self.events):
                if m.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self._read(deadline))

    def js(self, expr, timeout=30):
        r = self.call("Runtime.evaluate", timeout=timeout, expression=expr, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError("JavaScript: %s" % r["exceptionDetails"])
        return r["result"].get("value")

    def until(self, expr, timeout=20):
        """The value of expr once it is truthy (polled in the page)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                v = self.js(expr)
            except RuntimeError:
                v = None    # between two pages
            if v:
                return v
            time.sleep(0.05)
        raise TimeoutError("the page never showed: " + expr)

    def phone(self, width=390, height=844):
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=2,
                  mobile=True)
        for d in ("Page", "Runtime", "Log"):
            self.call(d + ".enable")

    def open(self, url):
        self.events = [m for m in self.events if m.get("method") != "Page.loadEventFired"]
        self.call("Page.navigate", url=url)
        self.wait_event("Page.loadEventFired")

    def click(self, selector):
        """A real mouse click at the middle of the element."""
        box = self.js("(function(){var r=document.querySelector(%s).getBoundingClientRect();"
                      "return [r.left+r.width/2,r.top+r.height/2]})()" % json.dumps(selector))
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def problems(self):
        """Console errors and CSP reports seen so far."""
        out = []
        for m in self.events:
            p = m.get("params", {})
            if m.get("method") == "Log.entryAdded" and p["entry"]["level"] == "error":
                out.append(p["entry"]["text"])
            if m.get("method") == "Runtime.consoleAPICalled" and p.get("type") == "error":
                out.append(str(p.get("args")))
            if m.get("method") == "Runtime.exceptionThrown":
                out.append(str(p.get("exceptionDetails")))
        return out

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
        except (TimeoutError, RuntimeError, OSError):
            pass
        try:
            self.p.wait(10)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait(10)
        os.close(self.to_chrome)
        os.close(self.from_chrome)
