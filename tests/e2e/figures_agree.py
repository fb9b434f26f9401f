#!/usr/bin/env python3
"""One figure, the same digits everywhere (issue 12, defects 3 and 4).

tests/fixtures/figures/ holds scores that sit exactly on a rounding
boundary (2.125, 2.625, 2.375, 1.125, 1.8125). `peil score`, `peil compare`,
the TUI's results screen and the Markdown, HTML, ODT and PDF exports must all show
them rounded half up (2.13, 2.63, 2.38, 1.13, 1.81), with a decimal comma
in Dutch, and a change must be the difference of the two figures shown
(2.38 - 1.81 = +0.57, where the exact change 0.5625 would read 0.56).
The JSON keeps the exact values."""
import json, os, re, shutil, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import Results, script, setup  # noqa: E402

peil, root, home, env = setup(need_tmux=False)
fx = os.path.join(root, "tests/fixtures/figures")
Q, CUR, BASE = (os.path.join(fx, n) for n in ("questionnaire.yaml", "current.yaml", "baseline.yaml"))
r = Results()
# (domain title, score) per language; overall, and the overall change
WANT = {
    "en": {"Alpha": "2.13", "Beta": "2.63", "overall": "2.38", "base": "1.81", "delta": "+0.57",
           "gap": "0.88"},
    "nl": {"Alfa": "2,13", "Beta": "2,63", "overall": "2,38", "base": "1,81", "delta": "+0,57",
           "gap": "0,88"},
}
WRONG = re.compile(r"\b2[.,]12\b|\b2[.,]62\b|\b0[.,]56\b|\b2[.,]37\b|\b0[.,]87\b")


def run(*args, lang):
    p = subprocess.run([peil, *args, "--lang", lang], capture_output=True, text=True,
                       env={**os.environ, **env})
    r.check(p.returncode == 0, f"peil {' '.join(args)} --lang {lang}: exit {p.returncode}", p.stderr)
    return p.stdout


def row(text, title):
    """The line of a table that starts with the domain's title."""
    for line in text.splitlines():
        cells = [c.strip() for c in re.split(r"\|| {2,}", line) if c.strip()]
        if cells and cells[0] == title:
            return cells
    return []


def export_text(fmt, lang):
    """The export's text: ODT's content.xml and PDF (pdftotext) too."""
    out = os.path.join(home, f"figures.{fmt}")
    run("export", "-q", Q, CUR, "--baseline", BASE, "--format", fmt, "-o", out, lang=lang)
    if fmt == "odt":
        import zipfile
        with zipfile.ZipFile(out) as z:
            text = z.read("content.xml").decode("utf-8")
    elif fmt == "pdf":
        text = subprocess.run(["pdftotext", "-layout", out, "-"], capture_output=True, text=True).stdout
    else:
        with open(out, encoding="utf-8") as f:
            text = f.read()
    return re.sub(r"<[^>]+>", " ", text) if fmt in ("html", "odt") else text


for lang, want in WANT.items():
    dom = [k for k in want if k[0].isupper()]
    out = run("score", "-q", Q, CUR, lang=lang)
    for d in dom:
        r.check(row(out, d)[1:2] == [want[d]], f"score {lang}: {d} reads {want[d]}", out)
    r.check(want["gap"] in row(out, dom[0]), f"score {lang}: the gap reads {want['gap']}", out)
    r.check(want["overall"] in " ".join(row(out, "Overall" if lang == "en" else "Totaal")),
            f"score {lang}: overall {want['overall']}", out)
    r.check(not WRONG.search(out), f"score {lang}: a figure rounded the printf way", out)

    out = run("compare", "-q", Q, BASE, CUR, lang=lang)
    total = row(out, "Overall" if lang == "en" else "Totaal")
    r.check(total[1:3] == [want["base"], want["overall"]] and want["delta"] in total[3],
            f"compare {lang}: overall {want['base']} -> {want['overall']}, {want['delta']}", out)
    r.check(row(out, dom[0])[2:3] == [want[dom[0]]], f"compare {lang}: {dom[0]} reads {want[dom[0]]}", out)
    r.check(not WRONG.search(out), f"compare {lang}: a figure rounded the printf way", out)

    for fmt in ("md", "html", "odt", "pdf"):
        if fmt == "pdf" and not shutil.which("pdftotext"):
            continue
        text = export_text(fmt, lang)
        for d in dom + ["overall", "base", "gap"]:
            r.check(want[d] in text, f"export {fmt} {lang}: {want[d]} ({d})")
        # "went up by 0.57, from 1.81 to 2.38"
        r.check(re.search(r"\b%s\b.*%s.*%s" % (re.escape(want["delta"][1:]), re.escape(want["base"]),
                                                 re.escape(want["overall"])), text) is not None,
                f"export {fmt} {lang}: the overall change reads {want['delta'][1:]}")
        r.check(not WRONG.search(text), f"export {fmt} {lang}: a figure rounded the printf way",
                "\n".join(l for l in text.splitlines() if WRONG.search(l)))

# Under a Dutch locale, without --lang: the same Dutch digits in `peil
# score` and on the results screen (they read 2.80 and 2.46 once).
p = subprocess.run([peil, "score", "-q", Q, CUR], capture_output=True, text=True,
                   env={**{k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANGUAGE"},
                        **env, "LANG": "nl_NL.UTF-8"})
r.check(row(p.stdout, "Alfa")[1:2] == ["2,13"] and "2,38" in p.stdout and not WRONG.search(p.stdout),
        "score under LANG=nl_NL.UTF-8: Dutch digits", p.stdout + p.stderr)
f = os.path.join(home, "copy-locale.yaml")
shutil.copy(CUR, f)
s = script([peil, "fill", "-q", Q, "-o", f], ["r", ":screen results", "q"], dict(env, LANG="nl_NL.UTF-8"),
           w=100, h=30)["results"] or ""
r.check(re.search(r"Totaalniveau.*2,38", s) is not None and re.search(r"Alfa\b.*\s2,13\s", s) is not None,
        "the results screen under LANG=nl_NL.UTF-8: Dutch digits", s)

# JSON is for tools: the exact values, not the rounded ones.
doc = json.loads(run("score", "-q", Q, CUR, "--format", "json", lang="en"))
r.check([d["score"] for d in doc["domains"]] == [2.125, 2.625] and doc["overall"]["score"] == 2.375,
        "score json keeps the exact values", str(doc["domains"]))

# The results screen shows the same digits.
for lang, want in WANT.items():
    f = os.path.join(home, f"copy-{lang}.yaml")
    shutil.copy(CUR, f)
    run_ = script([peil, "fill", "-q", Q, "-o", f, "--lang", lang], ["r", ":screen results", "q"],
                  env, w=100, h=30)
    s = run_["results"] or ""
    title = "Overall level" if lang == "en" else "Totaalniveau"
    r.check(re.search(title + r".*" + re.escape(want["overall"]), s) is not None,
            f"results screen {lang}: overall {want['overall']}", s)
    for d in [k for k in want if k[0].isupper()]:
        r.check(re.search(re.escape(d) + r"\b.*\s" + re.escape(want[d]) + r"\s", s) is not None,
                f"results screen {lang}: {d} reads {want[d]}", s)
    r.check(not WRONG.search(s), f"results screen {lang}: a figure rounded the printf way", s)
r.done()
