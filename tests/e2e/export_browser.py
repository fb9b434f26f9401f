#!/usr/bin/env python3
"""The HTML scorecard in headless Chromium as a phone and a desktop show it
(issue 16 item 9 and its accessibility check):
- at 390 px no table is wider than the viewport, the page does not scroll
  sideways, and every chart text is drawn at 12 px or more;
- axe-core (npm, installed by scripts/deps.sh check) finds no WCAG 2.1 A or
  AA violation at 1024 px and at 390 px;
- a screenshot at 390 px is kept when SHOT_DIR is set, to look at.
The page is checked as written, except that a copy without the
Content-Security-Policy meta tag carries the measuring script (the real
page forbids every script)."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from cdp import find_axe  # noqa: E402

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.environ["ROOT"]
PEIL = os.environ["PEIL"]
FX = os.path.join(ROOT, "tests/fixtures/exports")
TMP = tempfile.mkdtemp()
ENV = dict(os.environ, LC_ALL="C.UTF-8", XDG_DATA_HOME=TMP + "/data", XDG_CONFIG_HOME=TMP + "/config")
FAILS = []

MEASURE = """
<script>
window.addEventListener('load', function () {
  var out = {width: innerWidth, scroll: document.documentElement.scrollWidth, tables: [], small: []};
  document.querySelectorAll('table').forEach(function (t, i) {
    var r = t.getBoundingClientRect();
    if (r.right > innerWidth + 0.5 || r.left < -0.5) out.tables.push([i, r.left, r.right]);
  });
  document.querySelectorAll('svg text, svg tspan').forEach(function (e) {
    if (e.tagName === 'text' && e.querySelector('tspan')) return;
    var cs = getComputedStyle(e.tagName === 'tspan' ? e.parentNode : e);
    if (cs.display === 'none' || e.getClientRects().length === 0) return;
    var m = (e.tagName === 'tspan' ? e.parentNode : e).getScreenCTM();
    var px = parseFloat(cs.fontSize) * (m ? m.a : 1);
    if (px < 11.95) out.small.push([e.textContent.slice(0, 30), Math.round(px * 10) / 10]);
  });
  parent.postMessage(JSON.stringify(out), '*');
});
</script>
"""

AXE = """
<script>%s</script>
<script>
window.addEventListener('load', function () {
  axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
    .then(function (r) {
      parent.postMessage(JSON.stringify(r.violations.map(function (v) {
        return {id: v.id, impact: v.impact, nodes: v.nodes.length,
                target: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); })};
      })), '*');
    });
});
</script>
"""


def fail(msg):
    FAILS.append(msg)
    print("FAIL:", msg)


def browser():
    for b in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(b):
            return shutil.which(b)
    return None


def chrome(b, width, url, *extra):
    prof = tempfile.mkdtemp(dir=TMP)
    cmd = [b, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--hide-scrollbars", f"--user-data-dir={prof}", f"--window-size={width},900", *extra, url]
    return subprocess.run(cmd, capture_output=True, timeout=180)


WRAPPER = """<!DOCTYPE html><html lang="en"><head><title>viewport</title></head><body style="margin:0">
<iframe title="scorecard" src="%s" style="width:%dpx;height:%dpx;border:0;display:block"></iframe>
<script>
addEventListener('message', function (e) {
  var pre = document.createElement('pre');
  pre.id = 'peil-result';
  pre.textContent = 'RESULT' + e.data + 'END';
  document.body.appendChild(pre);
});
</script></body></html>
"""


def wrap(inner, width, height, name):
    """A page showing `inner` in a viewport `width` px wide: headless
    Chromium's window is at least 500 px wide, an iframe can be narrower."""
    path = os.path.join(TMP, name)
    with open(path, "w") as f:
        f.write(WRAPPER % (os.path.basename(inner), width, height))
    return path


def run_page(b, page, width, script):
    """The page with a script before </body>, in a viewport `width` px
    wide; the script's JSON result."""
    src = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?', "", page)
    inner = os.path.join(TMP, f"page-{width}-{len(script)}.html")
    with open(inner, "w") as f:
        f.write(src.replace("</body>", script + "</body>"))
    outer = wrap(inner, width, 900, f"wrap-{width}-{len(script)}.html")
    r = chrome(b, max(width, 500) + 20, "file://" + outer, "--virtual-time-budget=30000", "--dump-dom")
    m = re.search(r'<pre id="peil-result">RESULT(.*?)END</pre>', r.stdout.decode(errors="replace"), re.S)
    if not m:
        fail(f"{width} px: the page gave no result (exit {r.returncode}): {r.stderr.decode()[-300:]}")
        return None
    import html
    return json.loads(html.unescape(m.group(1)))


def main():
    b = browser()
    if not b:
        print("skipped: chromium is not installed (scripts/deps.sh check installs it)")
        return 77
    out = os.path.join(TMP, "card.html")
    r = subprocess.run([PEIL, "--lang", "nl", "export", "-q", os.path.join(FX, "questionnaire.yaml"),
                        os.path.join(FX, "current.yaml"), "--format", "html", "--baseline",
                        os.path.join(FX, "baseline.yaml"), "--peers", os.path.join(FX, "peers"), "-o", out],
                       capture_output=True, env=ENV, timeout=60)
    if r.returncode != 0:
        fail(f"export failed: {r.stderr.decode()[-300:]}")
        return 1
    page = open(out).read()
    phone = run_page(b, page, 390, MEASURE)
    if phone:
        print(f"390 px: page {phone['scroll']} px wide, {len(phone['tables'])} tables too wide, "
              f"{len(phone['small'])} chart texts under 12 px")
        if phone["tables"]:
            fail(f"390 px: tables wider than the viewport: {phone['tables']}")
        if phone["scroll"] > phone["width"]:
            fail(f"390 px: the page scrolls sideways ({phone['scroll']} > {phone['width']})")
        if phone["small"]:
            fail(f"390 px: chart text under 12 px: {phone['small'][:5]}")
    if os.environ.get("SHOT_DIR"):
        chrome(b, 520, "file://" + wrap(out, 390, 3000, "shot.html"), "--window-size=520,3000",
               f"--screenshot={os.environ['SHOT_DIR']}/scorecard-390.png")
    axe = find_axe(ROOT)
    if not axe:
        fail("axe-core is not installed (scripts/deps.sh check installs it with npm)")
    else:
        script = AXE % open(axe).read().replace("</script", "<\\/script")
        for width in (1024, 390):
            v = run_page(b, page, width, script)
            if v is None:
                continue
            print(f"axe-core at {width} px: {len(v)} WCAG 2.1 A/AA violations")
            for x in v:
                fail(f"axe {width} px: {x['id']} ({x['impact']}, {x['nodes']} nodes): {x['target']}")
    shutil.rmtree(TMP, ignore_errors=True)
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
