"""The exports in `make bench` (imported by bench/run.py):

1. the council documents side by side in one run: the native PDF and ODT
   against printing the HTML scorecard with headless Chromium (what a user
   had to do before), the HTML itself for scale;
2. exports of ever larger inputs up to the largest the loader accepts
   (500,000 YAML nodes: one answer with 490,000 evidence items): time and
   peak memory must grow linearly (the builders were quadratic: 20,000
   items took 28 s and 1.2 GB for a CSV on 2026-12-04).

Wall is the median of `repeat` runs after a warm-up; peak is the largest
resident set of the main process (Chromium's helper processes are not
counted, so its figure is a lower bound)."""
import os
import shutil
import statistics
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FX = os.path.join(os.path.dirname(HERE), "tests", "fixtures", "exports")
Q = os.path.join(FX, "questionnaire.yaml")


def measure(run, argv, repeat, env=None):
    run(argv, env)                                  # warm-up
    rs = [run(argv, env) for _ in range(repeat)]
    if any(r[3] != 0 for r in rs):
        return None
    return {"wall": statistics.median(r[0] for r in rs), "cpu": statistics.median(r[1] for r in rs),
            "peak": max(r[2] for r in rs) / 1024.0}


def chromium():
    for b in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(b):
            return shutil.which(b)
    return None


def documents(run, peil, repeat, out, tmp):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    base = [peil, "--lang", "nl", "export", "-q", Q, os.path.join(FX, "current.yaml"),
            "--baseline", os.path.join(FX, "baseline.yaml"), "--peers", os.path.join(FX, "peers")]
    html = os.path.join(tmp, "card.html")
    run(base + ["--format", "html", "-o", html], env)
    rows = [("peil --format pdf (cairo + pango)", base + ["--format", "pdf", "-o", os.path.join(tmp, "c.pdf")]),
            ("peil --format odt (libzip + libxml2)", base + ["--format", "odt", "-o", os.path.join(tmp, "c.odt")]),
            ("peil --format html", base + ["--format", "html", "-o", os.path.join(tmp, "c2.html")])]
    b = chromium()
    if b:
        rows.append(("chromium --print-to-pdf of the HTML",
                     [b, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                      "--disable-background-networking", "--disable-component-update", "--disable-sync",
                      "--user-data-dir=" + os.path.join(tmp, "profile"), "--no-pdf-header-footer",
                      "--print-to-pdf=" + os.path.join(tmp, "chromium.pdf"), "file://" + html]))
    res = {name: measure(run, argv, repeat, env) for name, argv in rows}
    ref = res.get("chromium --print-to-pdf of the HTML")
    out.append("Council documents: the example scorecard (nl, baseline, peers), median of %d runs" % repeat)
    out.append("  %-40s %10s %10s %11s %12s" % ("", "wall", "CPU", "peak RSS", "vs Chromium"))
    for name, _ in rows:
        r = res[name]
        if not r:
            out.append("  %-40s failed" % name)
            continue
        speed = "%10.1fx" % (ref["wall"] / r["wall"]) if ref and r is not ref else "%11s" % "—"
        out.append("  %-40s %8.3f s %8.3f s %8.1f MB %12s" % (name, r["wall"], r["cpu"], r["peak"], speed))
    if not b:
        out.append("  (chromium is not installed: no reference)")
    return res


def big_response(path, n):
    with open(path, "w") as f:
        f.write('peil-responses: 1\nquestionnaire: peil-export-example\nquestionnaire_version: "2026.1"\n'
                "organisation: Gemeente Groot\ndate: 2026-06-30\nanswers:\n  services.online-loans:\n"
                "    level: 2\n    note: \"See www.example.org and info@example.org\"\n    evidence:\n")
        for i in range(n):
            f.write("      - evidence-%d.pdf\n" % i)


def scaling(run, peil, out, tmp):
    sizes = (61250, 122500, 245000, 490000)
    fmts = (("csv", []), ("md", []), ("html", []), ("odt", []), ("pdf", ["--appendix"]))
    out.append("")
    out.append("Exports of large inputs: one answer with N evidence items (490,000 is the loader's "
               "node limit); wall s / peak MB, and µs per item at the largest")
    out.append("  %-6s" % "format" + "".join("%18s" % ("N = %d" % n) for n in sizes) + "%10s" % "µs/item")
    files = {}
    for n in sizes:
        files[n] = os.path.join(tmp, "big-%d.yaml" % n)
        big_response(files[n], n)
    for fmt, extra in fmts:
        cells, last = [], None
        for n in sizes:
            r = measure(run, [peil, "export", "-q", Q, files[n], "--format", fmt, "-o",
                              os.path.join(tmp, "big." + fmt)] + extra, 1)
            last = r
            cells.append("%9.2f s %5.0f MB" % (r["wall"], r["peak"]) if r else "%18s" % "failed")
        per = "%10.1f" % (last["wall"] / sizes[-1] * 1e6) if last else "%10s" % "—"
        out.append("  %-6s" % fmt + "".join("%18s" % c for c in cells) + per)
    out.append("  linear: each doubling of N should about double the time and add a constant to the memory")


def section(run, peil, repeat, out):
    tmp = tempfile.mkdtemp()
    try:
        documents(run, peil, repeat, out, tmp)
        scaling(run, peil, out, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
