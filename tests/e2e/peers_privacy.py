#!/usr/bin/env python3
"""The privacy rules of `peil benchmark` and `peil export --peers` (issue 20),
each on a small directory of generated peers, as a network organisation's
inbox holds them:

  - duplicates do not count twice (four municipalities and a second file
    of one are four peers: below --min-peers 5 nothing is shown);
  - below 10 peers the quartiles are null, only the percentile is given;
  - --min-peers 4 is a usage error (benchmark and export);
  - a municipality is never its own peer under another spelling or code;
  - *.yml and *.YAML files are read; other files are counted, not read;
  - another municipality's broken file is counted but never named;
  - export --format csv --peers carries the peer figures (defect 5).

    python3 tests/e2e/peers_privacy.py ROOT       (PEIL = the binary)
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("ROOT", ".")
PEIL = os.environ.get("PEIL", os.path.join(ROOT, "build", "peil"))
Q = os.path.join(ROOT, "tests", "fixtures", "peers", "library.yaml")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args):
    return subprocess.run([PEIL, "--lang", "en"] + list(args), capture_output=True, text=True)


def response(org, level, date="2026-06-30", pop=15000, code=None, crlf=False, bom=False):
    lines = ["peil-responses: 1", "questionnaire: library-digital-services", 'questionnaire_version: "1.0"',
             "organisation: %s" % org, "date: %s" % date]
    if code:
        lines.append("organisation_id: %s" % code)
    if pop is not None:
        lines.append("population: %d" % pop)
    lines += ["answers:", "  services.online-loans: {level: %d}" % level,
              "  services.help-desk: {level: %d}" % level, "  skills.training: {level: %d}" % level,
              "  skills.plan: {level: %d}" % level, "..."]
    text = ("\r\n" if crlf else "\n").join(lines) + ("\r\n" if crlf else "\n")
    return ("\ufeff" if bom else "") + text


def write(d, name, text):
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "w", encoding="utf-8", newline="") as f:
        f.write(text)


def bench(self_path, peers, *extra):
    p = run("benchmark", "-q", Q, self_path, "--peers", peers, "--format", "json", *extra)
    check(p.returncode == 0, "benchmark %s: exit %d: %s" % (peers, p.returncode, p.stderr))
    return (json.loads(p.stdout) if p.returncode == 0 else None), p.stderr


def test_duplicates(tmp, self_path):
    d = os.path.join(tmp, "dup")
    for i, name in enumerate(["Een", "Twee", "Drie", "Vier"]):
        write(d, "%d.yaml" % i, response("Gemeente " + name, 1 + i))
    write(d, "een-2025.yaml", response("gemeente  EEN", 5, date="2025-06-30"))
    got, err = bench(self_path, d)
    if got:
        check(got["peers"] == 4, "duplicates: %d peers, expected 4" % got["peers"])
        check(all(x["percentile"] is None and x["median"] is None for x in got["domains"]),
              "duplicates: figures shown for 4 municipalities: %r" % got["domains"])
        check("5 files read, 4 peers; not counted: 1 older file of a peer" in err, "duplicates summary: %r" % err)


def test_quartiles(tmp, self_path):
    for n, want in ((9, False), (10, True)):
        d = os.path.join(tmp, "q%d" % n)
        for i in range(n):
            write(d, "p%d.yaml" % i, response("Gemeente P%d" % i, 1 + i % 5))
        got, _ = bench(self_path, d)
        if not got:
            continue
        for x in got["domains"]:
            check(x["percentile"] is not None, "%d peers: no percentile" % n)
            has = all(x[k] is not None for k in ("p25", "median", "p75"))
            none = all(x[k] is None for k in ("p25", "median", "p75"))
            check(has if want else none, "%d peers: quartiles %r" % (n, x))


def test_min_peers(tmp, self_path):
    msg = ("--min-peers takes a number of at least 5 (fewer would single out municipalities), not '4'")
    for cmd in (["benchmark", "-q", Q, self_path, "--peers", tmp, "--min-peers", "4"],
                ["export", "-q", Q, self_path, "--format", "md", "--peers", tmp, "--min-peers", "4"]):
        p = run(*cmd)
        check(p.returncode == 2, "%s --min-peers 4: exit %d" % (cmd[0], p.returncode))
        check(p.stderr.startswith("peil %s: %s\n" % (cmd[0], msg)), "%s --min-peers 4: %r" % (cmd[0], p.stderr))


def test_own_peer(tmp, self_path):
    d = os.path.join(tmp, "own")
    for i in range(10):
        write(d, "p%d.yaml" % i, response("Gemeente P%d" % i, 1 + i % 5))
    write(d, "zelf-2025.yaml", response("  zelf ", 5, date="2025-06-30"))          # another spelling
    got, err = bench(self_path, d)
    if got:
        check(got["peers"] == 10, "own peer by name: %d peers, expected 10" % got["peers"])
        check("1 file of this organisation" in err, "own peer by name summary: %r" % err)
    write(d, "zelf-code.yaml", response("Zelf (gemeente)", 5, code="GM9999"))        # another name, its code
    with open(self_path, encoding="utf-8") as f:
        text = f.read().replace("organisation: Gemeente Zelf", "organisation: Gemeente Zelf\norganisation_id: gm9999")
    coded = os.path.join(tmp, "self-coded.yaml")
    write(tmp, "self-coded.yaml", text)
    got, err = bench(coded, d)
    if got:
        check(got["peers"] == 10, "own peer: %d peers, expected 10" % got["peers"])
        check("2 files of this organisation" in err, "own peer summary: %r" % err)


def test_extensions_and_broken(tmp, self_path):
    d = os.path.join(tmp, "ext")
    for i in range(10):
        name = ("p%d.yaml", "p%d.yml", "p%d.YAML", "p%d.Yml")[i % 4] % i
        write(d, name, response("Gemeente P%d" % i, 1 + i % 5, crlf=i == 3, bom=i == 5))
    write(d, "notes.txt", "not a response\n")
    write(d, "p99-broken.yaml", response("Gemeente Kapot", 9))
    got, err = bench(self_path, d)
    if got:
        check(got["peers"] == 10, ".yml/.YAML: %d peers, expected 10 (%s)" % (got["peers"], err))
        check("11 files read, 10 peers; not counted: 1 invalid file, 1 other file (not .yaml or .yml)" in err,
              "extensions summary: %r" % err)
        check("p99-broken" not in err and "Kapot" not in err and "error" not in err,
              "a broken peer is named on stderr: %r" % err)
    p = run("export", "-q", Q, self_path, "--format", "md", "--peers", d)
    check("p99-broken" not in p.stderr and "1 invalid file" in p.stderr, "export names a broken peer: %r" % p.stderr)


def test_export_csv(tmp, self_path):
    """Defect 5: export --format csv --peers writes the peer figures: the
    same as benchmark's, in a table of the domains after the answers."""
    import csv, io
    d = os.path.join(tmp, "q10")            # ten peers (test_quartiles)
    got, _ = bench(self_path, d)
    p = run("export", "-q", Q, self_path, "--format", "csv", "--peers", d)
    check(p.returncode == 0, "export csv --peers: exit %d %s" % (p.returncode, p.stderr))
    tables = p.stdout.split("\n\n")      # text mode reads CRLF as \n
    check(len(tables) >= 2, "export csv --peers: no second table: %r" % p.stdout[-300:])
    if len(tables) < 2 or not got:
        return
    rows = list(csv.reader(io.StringIO(tables[1])))
    check(rows[0] == ["Domain", "Domain code", "Score", "Peers with a score", "Percentile", "Peers P25",
                      "Peers median", "Peers P75"], "csv peers header: %r" % rows[0])
    for r, dom in zip(rows[1:], got["domains"]):
        check(r[1] == dom["id"] and int(r[3]) == dom["n"], "csv peers row %r" % r)
        for i, key in ((4, "percentile"), (5, "p25"), (6, "median"), (7, "p75")):
            check(abs(float(r[i]) - dom[key]) < 1e-9, "csv %s %s: %s, benchmark says %r" % (dom["id"], key, r[i], dom[key]))


def main():
    if not os.access(PEIL, os.X_OK):
        print("no peil binary at %s" % PEIL)
        return 77
    self_path = os.path.join(ROOT, "tests", "fixtures", "peers", "self.yaml")
    with tempfile.TemporaryDirectory(prefix="peil-privacy-") as tmp:
        test_duplicates(tmp, self_path)
        test_quartiles(tmp, self_path)
        test_min_peers(tmp, self_path)
        test_own_peer(tmp, self_path)
        test_extensions_and_broken(tmp, self_path)
        test_export_csv(tmp, self_path)
    print("%d failures" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
