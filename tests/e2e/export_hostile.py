#!/usr/bin/env python3
"""Hostile input in every export format: an organisation name and notes with
<script>, =HYPERLINK(...), |, newlines and terminal escape sequences
(tests/fixtures/exports/hostile.yaml) must come out harmless — shown as the
text they are, never as markup, formulas, table cells or control codes."""
import csv
import html.parser
import io
import json
import os
import subprocess
import sys
import tempfile

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.environ["ROOT"]
PEIL = os.environ["PEIL"]
FX = os.path.join(ROOT, "tests", "fixtures", "exports")
FAILS = []

ORG = ('<script>alert(1)</script> =HYPERLINK("http://evil.example") | pipe\n'
       'second line \ufffd[31mred\ufffd[0m')     # ESC replaced on loading


def fail(msg):
    FAILS.append(msg)
    print("FAIL:", msg)


def export(fmt, *extra):
    env = dict(os.environ, LC_ALL="C.UTF-8", SOURCE_DATE_EPOCH="1782777600", PEIL_PATH=FX)
    for k in ("LANGUAGE", "LANG", "LC_MESSAGES"):
        env.pop(k, None)
    with tempfile.TemporaryDirectory() as tmp:
        env["XDG_DATA_HOME"] = env["XDG_CONFIG_HOME"] = tmp
        p = subprocess.run([PEIL, "--lang", "en", "export", "-q", os.path.join(FX, "questionnaire.yaml"),
                            os.path.join(FX, "hostile.yaml"), "--format", fmt,
                            "--baseline", os.path.join(FX, "baseline.yaml"), *extra],
                           capture_output=True, env=env)
    if p.returncode != 0 or b"Sanitizer" in p.stderr or b"runtime error" in p.stderr:
        fail(f"{fmt}: exit {p.returncode}: {p.stderr.decode(errors='replace')[:400]}")
    return p.stdout


def no_control_characters(fmt, data, allow_cr=False):
    text = data.decode("utf-8")    # must be valid UTF-8
    for i, ch in enumerate(text):
        c = ord(ch)
        bad = (c < 0x20 and ch not in "\n\t" and not (allow_cr and ch == "\r" and text[i + 1:i + 2] == "\n")) \
            or 0x7f <= c <= 0x9f or 0x202a <= c <= 0x202e or 0x2066 <= c <= 0x2069
        if bad:
            fail(f"{fmt}: control or bidi character U+{c:04X} at {i}: {text[max(0, i - 30):i + 10]!r}")
            return text
    return text


class Html(html.parser.HTMLParser):
    ALLOWED = {"html", "head", "meta", "title", "style", "body", "header", "main", "section", "h1", "h2",
               "h3", "h4", "p", "br", "dl", "dt", "dd", "div", "table", "thead", "tbody", "tr", "th", "td",
               "caption", "ul", "ol", "li", "strong", "span", "figure", "figcaption", "svg", "title", "desc",
               "polygon", "circle", "rect", "line", "text", "tspan"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.h1, self.in_h1 = [], "", False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in self.ALLOWED:
            fail(f"html: unexpected element <{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("src", "href", "xlink:href", "srcset", "action"):
                fail(f"html: attribute {name}={value!r} on <{tag}>")
        self.in_h1 = tag == "h1"

    def handle_endtag(self, tag):
        self.in_h1 = False

    def handle_data(self, data):
        if self.in_h1:
            self.h1 += data


def check_html_valid():
    """HTML Tidy, when installed, finds nothing to complain about."""
    import shutil
    if not shutil.which("tidy"):
        print("note: tidy is not installed; HTML validity not checked")
        return
    for args in ((os.path.join(FX, "hostile.yaml"), "--baseline", os.path.join(FX, "baseline.yaml")),
                 (os.path.join(FX, "group.yaml"), "--baseline", os.path.join(FX, "group-baseline.yaml"),
                  "--peers", os.path.join(FX, "peers"))):
        env = dict(os.environ, LC_ALL="C.UTF-8", PEIL_PATH=FX)
        out = subprocess.run([PEIL, "export", "-q", os.path.join(FX, "questionnaire.yaml"), *args,
                              "--format", "html"], capture_output=True, env=env).stdout
        t = subprocess.run(["tidy", "-q", "-e", "--show-warnings", "yes"], input=out, capture_output=True)
        if t.returncode != 0 or t.stderr.strip():
            fail(f"html: tidy reports: {t.stderr.decode(errors='replace')[:600]}")


def check_html():
    text = no_control_characters("html", export("html"))
    p = Html()
    p.feed(text)
    if p.h1 != ORG.replace("\n", " "):
        fail(f"html: the organisation is not shown as typed: {p.h1!r}")
    if "<script" in text.lower() or "<img" in text.lower():
        fail("html: raw markup from the input")
    for shown in ("&lt;img src=x onerror=alert(3)&gt;", "=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)",
                  "| a | b |<br># heading<br>- list item"):
        if shown not in text:
            fail(f"html: missing escaped text {shown!r}")


def check_markdown():
    text = no_control_characters("md", export("md"))
    lines = text.split("\n")
    if lines[0] != "# \\<script\\>alert(1)\\</script\\> =HYPERLINK(\"http\\://evil.example\") \\| pipe second line " \
                   "\ufffd\\[31mred\ufffd\\[0m":
        fail(f"md: title line {lines[0]!r}")
    i = text.find("<")
    while i >= 0:
        if text[i - 1] != "\\" and not text.startswith("<br>", i):
            fail(f"md: raw '<' at {text[i - 20:i + 20]!r}")
        i = text.find("<", i + 1)
    for ln in lines:
        s = ln.lstrip()
        if s.startswith(("# heading", "- list item", "1. numbered", "=HYPERLINK")):
            fail(f"md: a note became markup: {ln!r}")
    # every table row has as many cells as its header
    cols = None
    for ln in lines:
        if ln.startswith("|"):
            n = len(ln.replace("\\|", "")) - len(ln.replace("\\|", "").replace("|", ""))
            if cols is None:
                cols = n
            elif n != cols:
                fail(f"md: table row with {n} separators, header has {cols}: {ln!r}")
        else:
            cols = None
    for shown in ("\\[link\\](javascript:alert(1)) \\*\\*bold\\*\\* \\<img src=x onerror=alert(3)\\>",
                  "\\| a \\| b \\|  \n   \\# heading  \n   \\- list item  \n   1\\. numbered"):
        if shown not in text:
            fail(f"md: missing escaped text {shown!r}")


def check_csv(sep, bom):
    extra = ["--csv-sep", sep] + (["--bom"] if bom else [])
    data = export("csv", *extra)
    if bom != data.startswith(b"\xef\xbb\xbf"):
        fail(f"csv: BOM {'missing' if bom else 'unexpected'}")
    text = no_control_characters("csv", data, allow_cr=True)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=sep))
    if len(rows) != 10 or any(len(r) != 13 for r in rows):  # 9 columns, 2 to the target, 2 since the baseline
        fail(f"csv {sep!r}: {len(rows)} rows, widths {[len(r) for r in rows]}")
        return
    for r in rows:
        for cell in r:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                fail(f"csv {sep!r}: a spreadsheet would run {cell!r}")
    notes = {r[1]: r[7] for r in rows[1:]}
    want = {"services.online-loans": "'=HYPERLINK(\"http://evil.example\",\"click\")",
            "services.wifi-note": "'+1+2", "skills.training": "'-2+3", "skills.plan": "'@SUM(A1:A9)",
            "data.open": "\"quoted\", with; separators,\ufffd\nand CRLF"}
    for q, note in want.items():
        if notes.get(q) != note:
            fail(f"csv {sep!r}: note of {q} is {notes.get(q)!r}, expected {note!r}")
    evidence = {r[1]: r[8] for r in rows[1:]}
    if evidence["skills.training"] != "'\tTAB=1":
        fail(f"csv: evidence starting with a tab not neutralised: {evidence['skills.training']!r}")


def check_json():
    text = no_control_characters("json", export("json"))

    def constant(name):
        fail(f"json: {name} is not JSON")
    d = json.loads(text, parse_constant=constant)
    if d["organisation"] != ORG:
        fail(f"json: organisation {d['organisation']!r}")
    notes = {a["question"]: a["note"] for a in d["answers"]}
    if notes["data.register"] != "\ufffd]8;;http://evil.example\ufffd\\link\ufffd]8;;\ufffd\\ and \ufffd bell \ufffd reversed":
        fail(f"json: escape sequences not neutralised: {notes['data.register']!r}")


check_html()
check_html_valid()
check_markdown()
for sep, bom in ((",", False), (";", True), ("tab", False)):
    check_csv("\t" if sep == "tab" else sep, bom)
check_json()
if FAILS:
    sys.exit(1)
print("hostile input is harmless in md, html, csv and json")
