#!/usr/bin/env python3
"""A network organisation's round, end to end (issue 20), on a generated
inbox of 342 municipalities with the mistakes a real inbox holds
(bench/gen_inbox.py: an old questionnaire version, two files of one
municipality, a typo, a group file, no population, CRLF and a BOM, a .yml
file, a name without "Gemeente", a name that differs from the registry, ...):

  - intake reports exactly the problems each mistake causes, per organisation,
    in text, CSV (; and a BOM) and JSON;
  - sector's figures equal a reference computed here independently, with
    PyYAML, from the YAML files and the registry (organisations, latest file,
    size classes, quantiles, suppression below 10, paired changes);
  - the round file holds no organisation's name or code and no cell of
    fewer than 10; benchmark against it gives a percentile within one
    quantile step (5 points) of the exact one, for every municipality;
    export --peers ROUND gives a scorecard with the same peer figures.

    python3 tests/e2e/network_inbox.py ROOT       (PEIL = the binary)
"""
import csv
import io
import json
import math
import os
import re
import subprocess
import sys
import tempfile

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("ROOT", ".")
PEIL = os.environ.get("PEIL", os.path.join(ROOT, "build", "peil"))
try:
    import yaml
except ImportError:
    print("PyYAML is not installed (python3-yaml)")
    sys.exit(77)

failures = []
CLASSES = ["<10k", "10–20k", "20–50k", "50–100k", "100k+"]


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args, env=None, lang="en"):
    return subprocess.run([PEIL, "--lang", lang] + list(args), capture_output=True, text=True,
                          env=dict(os.environ, **(env or {})))


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) < 1e-9


# ---- the reference (SPEC: Scoring, benchmark, sector) ----

def name_key(s):
    k = " ".join((s or "").split()).lower()
    for w in ("gemeente ", "stad "):
        if k.startswith(w):
            return k[len(w):]
    return k


def load_yaml(path):
    with open(path, encoding="utf-8-sig") as f:
        return yaml.safe_load(f.read().replace("\r\n", "\n"))


def domain_scores(qn, resp):
    answers = resp.get("answers") or {}
    out = {}
    for d in qn["domains"]:
        sw = swl = 0.0
        for q in d["questions"]:
            a = answers.get(q["id"]) or {}
            w = q.get("weight", 1)
            if "level" in a and w > 0:
                sw += w
                swl += w * a["level"]
        out[d["id"]] = swl / sw if sw > 0 else None
    return out


def valid(qn, resp):
    if not isinstance(resp, dict) or "peil-responses" not in resp:
        return False
    levels = {lv["value"] for lv in qn["levels"]}
    return all("level" not in (a or {}) or a["level"] in levels for a in (resp.get("answers") or {}).values())


def read_registry(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    return {r["organisation_id"].upper(): r for r in rows}


def organisations(qn, directory, registry):
    """{key: (name, population, scores)}: the latest valid file of each."""
    files = []
    for name in sorted(os.listdir(directory)):
        if not name.lower().endswith((".yaml", ".yml")):
            continue
        r = load_yaml(os.path.join(directory, name))
        if not valid(qn, r):
            continue
        files.append(r)
    by_name = {name_key(r["name"]): code for code, r in registry.items()}
    orgs = {}
    for order, r in enumerate(files):
        code = (r.get("organisation_id") or by_name.get(name_key(r["organisation"])) or "").upper()
        key = code or "=" + name_key(r["organisation"])
        pop = r.get("population")
        if pop is None and code in registry and registry[code]["population"]:
            pop = int(registry[code]["population"])
        rec = (str(r["date"]), order, r["organisation"], pop, domain_scores(qn, r))
        if key not in orgs or rec[:2] >= orgs[key][:2]:
            orgs[key] = rec
    return {k: v[2:] for k, v in orgs.items()}


def size_class(pop):
    if pop is None:
        return None
    for bound, name in zip((10000, 20000, 50000, 100000), CLASSES):
        if pop < bound:
            return name
    return "100k+"


def quantile(s, p):
    pos = (len(s) - 1) * p
    lo = math.floor(pos)
    return s[-1] if lo + 1 >= len(s) else s[lo] + (s[lo + 1] - s[lo]) * (pos - lo)


def percentile(s, x):
    below = sum(1 for v in s if v < x - 1e-9)
    ties = sum(1 for v in s if abs(v - x) <= 1e-9)
    return (below + ties / 2) / len(s) * 100


def expected_sector(qn, cur, base, group=None):
    """group: {key: value} for --group-by, else the size classes."""
    cells, changes = {}, {}
    classes = ["all"] + (sorted(set(v for v in group.values() if v)) if group else CLASSES)
    for d in qn["domains"]:
        did = d["id"]
        for cls in classes:
            keys = [k for k, (_, pop, _) in cur.items()
                    if cls == "all" or (group.get(k) == cls if group else size_class(pop) == cls)]
            vals = sorted(cur[k][2][did] for k in keys if cur[k][2][did] is not None)
            e = {"n": len(vals)}
            for key, p in (("p10", .1), ("p25", .25), ("median", .5), ("p75", .75), ("p90", .9)):
                e[key] = quantile(vals, p) if len(vals) >= 10 else None
            e["mean"] = sum(vals) / len(vals) if len(vals) >= 10 else None
            cells[(did, cls)] = (e, vals)
            deltas = sorted(cur[k][2][did] - base[k][2][did] for k in keys
                            if k in base and cur[k][2][did] is not None and base[k][2][did] is not None)
            c = {"pairs": len(deltas), "mean_change": None, "median_change": None, "improved": None,
                 "declined": None}
            if len(deltas) >= 10:
                c.update(mean_change=sum(deltas) / len(deltas), median_change=quantile(deltas, .5),
                         improved=sum(1 for x in deltas if x > 1e-9) / len(deltas),
                         declined=sum(1 for x in deltas if x < -1e-9) / len(deltas))
            changes[(did, cls)] = c
    return cells, changes


# ---- the checks ----

def check_intake(inbox, manifest):
    reg = os.path.join(inbox, "registry.csv")
    p = run("intake", os.path.join(inbox, "2026"), "--registry", reg, "--format", "json")
    check(p.returncode == 1, "intake: exit %d (a file does not validate: 1)" % p.returncode)
    got = json.loads(p.stdout)
    found = {}
    for prob in got["problems"]:
        found.setdefault(prob["organisation_id"] or prob["file"], set()).add(prob["problem"])
    for kind, m in manifest["mistakes"].items():
        want = set(m["problems"])
        check(found.pop(m["code"], set()) == want, "intake, %s (%s): %r, expected %r"
              % (kind, m["code"], found.get(m["code"]), want))
    not_read = {os.path.basename(k) for k, v in found.items() if v == {"not-read"}}
    check(not_read == set(manifest["not_read"]), "intake: files not read %r" % not_read)
    rest = {k: v for k, v in found.items() if v != {"not-read"}}
    check(not rest, "intake: problems nobody made: %r" % rest)
    check(got["organisations"] == len(manifest["municipalities"]) - 1, "intake: %d organisations" % got["organisations"])
    p = run("intake", os.path.join(inbox, "2026"), "--registry", reg, "--format", "csv")
    check(p.stdout.startswith("\ufeffOrganisation;organisation_id;File;Problem;Message\n"),
          "intake csv header: %r" % p.stdout[:80])
    rows = list(csv.reader(io.StringIO(p.stdout.lstrip("\ufeff")), delimiter=";"))
    check(len(rows) - 1 == len(got["problems"]), "intake csv: %d rows for %d problems" % (len(rows) - 1,
                                                                                      len(got["problems"])))
    p = run("intake", os.path.join(inbox, "2026"), "--registry", reg)
    typo = manifest["mistakes"]["typo"]
    check("\n%s (%s)\n" % (typo["name"], typo["code"]) in p.stdout and
          ": error: level 7 is not one of the questionnaire's levels" in p.stdout, "intake text: %s" % p.stdout[:400])


def check_intake_nl(inbox, manifest):
    """The intake in Dutch, as a Dutch network organisation sends it back:
    every problem kind's exact line under its organisation, the section
    headings, the summary, and the CSV's Dutch header (issue 20). Counts,
    line numbers and the date come from the generator; the words are
    asserted whole."""
    reg = os.path.join(inbox, "registry.csv")
    m = {k: v for k, v in manifest["mistakes"].items()}
    p = run("intake", os.path.join(inbox, "2026"), "--registry", reg, lang="nl")
    check(p.returncode == 1, "intake nl: exit %d (a file does not validate: 1)" % p.returncode)
    out = p.stdout

    def path(kind, suffix=""):
        return os.path.join(inbox, "2026", "%s%s.yaml" % (m[kind]["code"].lower(), suffix))

    def org(kind):
        return "%s (%s)" % (m[kind]["name"], m[kind]["code"])

    n = len(manifest["municipalities"])
    want = [
        (r"\d+ bestanden, %d organisaties; 9 met problemen; 1 bestand is niet geldig\." % (n - 1), None),
        (re.escape("  %s: beantwoordt versie 2025.1 van de vragenlijst, niet 2026.1" % path("old-version")),
         "old-version"),
        (re.escape("  %s: nog een bestand van deze organisatie, telt niet mee: het laatste geldige is %s ("
                   % (path("two-files", "-concept"), path("two-files"))) + r"\d{4}-\d\d-\d\d\)", "two-files"),
        (re.escape("  %s: geen inwonertal: de organisatie telt in geen grootteklasse mee" % path("no-population")),
         "no-population"),
        (re.escape("  %s: onvolledig: " % path("incomplete")) + r"(1 vraag|[2-9]\d* vragen) open", "incomplete"),
        (re.escape("  %s: 1 antwoord is een voorstel van een groep, nog niet besloten" % path("group-file")),
         "group-file"),
        (re.escape("  %s: 2 antwoorden uit de vorige keer zijn niet bevestigd" % path("unconfirmed")), "unconfirmed"),
        (re.escape("  %s: de naam '%srade' wijkt af van '%s' in het register"
                   % (path("name-differs"), m["name-differs"]["name"], m["name-differs"]["name"])), "name-differs"),
        (re.escape("  %s: niet geldig: %s:" % (path("typo"), path("typo")))
         + r"\d+:\d+: error: niveau 7 is geen van de niveaus van de vragenlijst \(en nog 1 fout\)", "typo"),
        (re.escape("  %s: de organisation_id staat niet in het register" % path("not-in-registry")),
         "not-in-registry"),
        (re.escape("Niet gelezen bestanden"), None),
        (re.escape("  %s/2026/bench-digital-maturity.yaml: niet gelezen: een vragenlijst, geen antwoordbestand"
                   % inbox), None),
        (re.escape("  %s/2026/lees-mij.txt: niet gelezen: geen .yaml- of .yml-bestand" % inbox), None),
        (re.escape("In het register, geen bestand ontvangen"), None),
        (re.escape("  " + org("no-file")), None),
    ]
    lines = out.splitlines()
    for rx, kind in want:
        at = [i for i, line in enumerate(lines) if re.fullmatch(rx, line)]
        if len(at) != 1:
            check(False, "intake nl: %d lines match %s\n%s" % (len(at), rx, out[:1500]))
            continue
        if kind:        # under its organisation's heading, after the blank line
            i = at[0] - 1
            while i > 0 and lines[i].startswith("  "):
                i -= 1
            check(lines[i] == org(kind), "intake nl: %r under %r, not %r" % (lines[at[0]], lines[i], org(kind)))
    check(not re.search(r"(?i)\b(does not|incomplete|not read|registry|question)\b", out),
          "intake nl: English in the Dutch report: %s" % out[:800])
    p = run("intake", os.path.join(inbox, "2026"), "--registry", reg, "--format", "csv", lang="nl")
    check(p.stdout.startswith("\ufeffOrganisatie;organisation_id;Bestand;Probleem;Melding\n"),
          "intake nl csv header: %r" % p.stdout[:80])
    rows = list(csv.reader(io.StringIO(p.stdout.lstrip("\ufeff")), delimiter=";"))
    row = [r for r in rows if r[:2] == [m["no-population"]["name"], m["no-population"]["code"]]]
    check(row == [[m["no-population"]["name"], m["no-population"]["code"], path("no-population"), "no-population",
                   "geen inwonertal: de organisatie telt in geen grootteklasse mee"]],
          "intake nl csv: the row without population: %r" % row)


def check_sector(inbox, qn, registry):
    reg = os.path.join(inbox, "registry.csv")
    cur = organisations(qn, os.path.join(inbox, "2026"), registry)
    base = organisations(qn, os.path.join(inbox, "2025"), registry)
    p = run("sector", os.path.join(inbox, "2026"), "--baseline", os.path.join(inbox, "2025"), "--registry", reg,
            "--format", "json")
    check(p.returncode == 0, "sector: exit %d %s" % (p.returncode, p.stderr))
    got = json.loads(p.stdout)
    check(got["organisations"] == len(cur), "sector: %d organisations, reference %d" % (got["organisations"], len(cur)))
    cells, changes = expected_sector(qn, cur, base)
    check(len(got["cells"]) == len(cells), "sector: %d cells" % len(got["cells"]))
    for c in got["cells"]:
        e, _ = cells[(c["domain"], c["class"])]
        for k, v in e.items():
            check(close(c[k], v) if k != "n" else c[k] == v, "sector %s %s %s: %r, reference %r"
                  % (c["domain"], c["class"], k, c[k], v))
    for c in got["changes"]:
        e = changes[(c["domain"], c["class"])]
        for k, v in e.items():
            check(close(c[k], v) if k != "pairs" else c[k] == v, "sector change %s %s %s: %r, reference %r"
                  % (c["domain"], c["class"], k, c[k], v))
    check_sector_formats(inbox, qn, got)
    return cur, cells


def check_sector_formats(inbox, qn, got):
    """CSV (open data, and ; with decimal commas and a BOM), md and html
    carry the JSON's figures."""
    args = ["sector", os.path.join(inbox, "2026"), "--baseline", os.path.join(inbox, "2025"), "--registry",
            os.path.join(inbox, "registry.csv")]
    want = {(c["domain"], c["class"]): dict(c) for c in got["cells"]}
    for c in got["changes"]:
        want[(c["domain"], c["class"])].update(c)
    for extra, sep, comma, bom in (([], ",", False, False), (["--csv-sep", ";", "--bom"], ";", True, True)):
        p = run(*(args + ["--format", "csv"] + extra))
        check(p.stdout.startswith("\ufeff") == bom, "sector csv %r: BOM %r" % (extra, p.stdout[:3]))
        rows = list(csv.DictReader(io.StringIO(p.stdout.lstrip("\ufeff")), delimiter=sep))
        check(len(rows) == len(want), "sector csv %r: %d rows" % (extra, len(rows)))
        for r in rows:
            c = want[(r["domain"], r["class"])]
            for k in ("n", "mean", "p10", "median", "p90", "pairs", "improved"):
                v = r[k].replace(",", ".") if comma else r[k]
                ok = v == "" if c[k] is None else abs(float(v) - c[k]) < 1e-9
                check(ok, "sector csv %r %s %s %s: %r, json %r" % (extra, r["domain"], r["class"], k, r[k], c.get(k)))
    p = run(*(args + ["--format", "html"]))
    charts = p.stdout.count('<figure class="bars">')
    check(charts == len(qn["domains"]) and p.stdout.count("<table") == 2 * len(qn["domains"]),
          "sector html: %d charts, %d tables" % (charts, p.stdout.count("<table")))
    p = run(*(args + ["--format", "md"]))
    check(p.stdout.count("| Class | n | Mean |") == len(qn["domains"]), "sector md: %r" % p.stdout[:300])
    p = run(*(args + ["--group-by", "nonsense"]))
    check(p.returncode == 1 and "no organisation has a value for --group-by 'nonsense'" in p.stderr,
          "sector --group-by nonsense: %d %s" % (p.returncode, p.stderr))


def check_round(inbox, qn, registry, cur, cells):
    """Grouped by partnership, one of which has 8 members: too few."""
    path = os.path.join(inbox, "round-2026.yaml")
    group = {k: registry[k]["partnership"] if k in registry else None for k in cur}
    gcells, _ = expected_sector(qn, cur, {}, group)
    for k, v in gcells.items():
        cells.setdefault(k, v)
    p = run("sector", os.path.join(inbox, "2026"), "--registry", os.path.join(inbox, "registry.csv"),
            "--group-by", "partnership", "--format", "round", "-o", path)
    check(p.returncode == 0, "sector --format round: exit %d %s" % (p.returncode, p.stderr))
    text = open(path, encoding="utf-8").read()
    rnd = yaml.safe_load(text)
    for code, r in registry.items():
        check(code not in text and r["name"] not in text and r["name"].replace("Gemeente ", "") not in text,
              "the round file names %s" % code)
    small = {k for k, (e, _) in cells.items() if e["n"] < 10}
    check(small, "the test set has no cell of fewer than 10 (add small classes)")
    have = {(c["domain"], c["class"]) for c in rnd["cells"]}
    check(not (have & small), "the round file holds small cells: %r" % (have & small))
    # no value in the file equals a score of an organisation in a small cell
    values = {c["p%d" % p] for c in rnd["cells"] for p in range(5, 100, 5)}
    for c in rnd["cells"]:
        check(c["n"] >= 10 and c["n"] == cells[(c["domain"], c["class"])][0]["n"], "round cell %r" % c)
    for k in small:
        shown = {round(v, 4) for v in cells[k][1]} & {v for c in rnd["cells"] if (c["domain"], c["class"]) == k
                                                      for v in [c["p%d" % p] for p in range(5, 100, 5)]}
        check(not shown, "round: a score of the small cell %r" % (k,))
    check(values, "round: no values")
    p = run("validate", path)
    check(p.returncode == 0, "validate of the round file: %s" % p.stderr)
    # every sixth municipality: the percentile from the round is within one
    # step of the exact one. Their scorecards in one batch export (one
    # process, not one per municipality): the same peer figures as benchmark
    # gives, which the check below compares on five of them.
    worst = 0
    picked = [(code, os.path.join(inbox, "2026", code.lower() + ".yaml")) for code in sorted(registry)[::6]]
    picked = [(code, f) for code, f in picked if os.path.exists(f)]
    cards = os.path.join(os.path.dirname(path), "cards")
    p = run("export", *[f for _, f in picked], "-o", cards, "--peers", path, "--format", "json")
    for code, f in picked:
        self = domain_scores(qn, load_yaml(f))
        out = os.path.join(cards, code.lower() + ".json")
        if not os.path.exists(out):
            check(False, "export --peers ROUND %s: no scorecard (exit %d): %s" % (code, p.returncode, p.stderr))
            continue
        for d in json.load(open(out))["domains"]:
            _, vals = cells[(d["id"], "all")]
            if self[d["id"]] is None:
                continue
            got = (d.get("peers") or {}).get("percentile")
            exact = percentile(vals, self[d["id"]])
            if got is None:
                check(False, "%s %s: no percentile from the round, exact %.2f" % (code, d["id"], exact))
                continue
            d = dict(d, percentile=got)
            worst = max(worst, abs(d["percentile"] - exact))
            check(abs(d["percentile"] - exact) <= 5 + 1e-9, "%s %s: percentile %.2f from the round, exact %.2f"
                  % (code, d["id"], d["percentile"], exact))
    print("round file: largest percentile difference %.2f points" % worst)
    # the scorecard from the round file: the same peer figures as benchmark gives
    for code in sorted(registry)[:40:8]:
        f = os.path.join(inbox, "2026", code.lower() + ".yaml")
        if not os.path.exists(f):
            continue
        b = run("benchmark", f, "--peers", path, "--format", "json")
        e = run("export", f, "--peers", path, "--format", "json")
        if b.returncode or e.returncode:
            check(False, "export/benchmark --peers ROUND %s: %s %s" % (code, b.stderr, e.stderr))
            continue
        want = {d["id"]: d["percentile"] for d in json.loads(b.stdout)["domains"]}
        card = json.loads(e.stdout)
        got = {d["id"]: (d.get("peers") or {}).get("percentile") for d in card["domains"]}
        check(got == want and any(v is not None for v in got.values()),
              "export --peers ROUND %s: percentiles %r, benchmark %r" % (code, got, want))
        check((card.get("peers") or {}).get("peers") == rnd["organisations"],
              "export --peers ROUND %s: peers %r, the round has %r" % (code, card.get("peers"), rnd["organisations"]))


def main():
    if not os.access(PEIL, os.X_OK):
        print("no peil binary at %s" % PEIL)
        return 77
    with tempfile.TemporaryDirectory(prefix="peil-inbox-") as tmp:
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_inbox.py"), tmp, "-n", "342"], check=True)
        os.environ["PEIL_PATH"] = tmp
        manifest = json.load(open(os.path.join(tmp, "manifest.json"), encoding="utf-8"))
        qn = load_yaml(os.path.join(tmp, "bench-digital-maturity.yaml"))
        registry = read_registry(os.path.join(tmp, "registry.csv"))
        check_intake(tmp, manifest)
        check_intake_nl(tmp, manifest)
        cur, cells = check_sector(tmp, qn, registry)
        check_round(tmp, qn, registry, cur, cells)
    print("%d failures" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
