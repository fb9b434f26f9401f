#!/usr/bin/env python3
"""End to end: a generated corpus of 200 municipalities (bench/gen_corpus.py),
`peil benchmark` and `peil aggregate` on it, every figure checked against
values computed here independently with PyYAML from the SPEC's rules.

    python3 tests/e2e/bench_corpus.py ROOT       (PEIL = the binary)
"""
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("ROOT", ".")
PEIL = os.environ.get("PEIL", os.path.join(ROOT, "build", "peil"))
N = 200
EPS = 1e-9

try:
    import yaml
except ImportError:
    print("PyYAML is not installed (python3-yaml)")
    sys.exit(77)

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) < 1e-9


def run(*args, env=None):
    return subprocess.run([PEIL] + list(args), capture_output=True, text=True,
                          env=dict(os.environ, **(env or {})))


# ---- the independent computation (SPEC: Scoring, benchmark) ----

def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def hidden(q, answers):
    c = q.get("show_if")
    if not c:
        return False
    a = answers.get(c["question"]) or {}
    if "level" not in a:
        return True
    return ("min" in c and a["level"] < c["min"]) or ("max" in c and a["level"] > c["max"])


def domain_scores(qn, resp):
    answers = resp.get("answers") or {}
    out = {}
    for d in qn["domains"]:
        sw = sw_l = 0.0
        for q in d["questions"]:
            a = answers.get(q["id"]) or {}
            w = q.get("weight", 1)
            if "level" in a and w > 0 and not hidden(q, answers):
                sw += w
                sw_l += w * a["level"]
        out[d["id"]] = sw_l / sw if sw > 0 else None
    return out


def size_class(pop):
    if pop is None:
        return None
    for bound, name in ((10000, "<10k"), (20000, "10–20k"), (50000, "20–50k"), (100000, "50–100k")):
        if pop < bound:
            return name
    return "100k+"


def quantile(s, p):
    pos = (len(s) - 1) * p
    lo = math.floor(pos)
    if lo + 1 >= len(s):
        return s[-1]
    return s[lo] + (s[lo + 1] - s[lo]) * (pos - lo)


def percentile(s, x):
    below = sum(1 for v in s if v < x - EPS)
    ties = sum(1 for v in s if abs(v - x) <= EPS)
    return (below + ties / 2) / len(s) * 100


def expected_benchmark(qn, self_resp, peers, same_size, k):
    own = domain_scores(qn, self_resp)
    cls = size_class(self_resp.get("population"))
    chosen = [p for p in peers if p["organisation"] != self_resp["organisation"]
              and (not same_size or size_class(p.get("population")) == cls)]
    scores = [domain_scores(qn, p) for p in chosen]
    doms = []
    for d in qn["domains"]:
        vals = sorted(s[d["id"]] for s in scores if s[d["id"]] is not None)
        e = {"id": d["id"], "score": own[d["id"]], "n": len(vals),
             "percentile": None, "p25": None, "median": None, "p75": None}
        if len(vals) >= k:
            if len(vals) >= 10:     # fewer: no quartiles (single municipalities' scores)
                e.update(p25=quantile(vals, .25), median=quantile(vals, .5), p75=quantile(vals, .75))
            if own[d["id"]] is not None:
                e["percentile"] = percentile(vals, own[d["id"]])
        doms.append(e)
    return {"peers": len(chosen), "size_class": cls, "domains": doms}


def compare_benchmark(got, exp, label):
    check(got["peers"] == exp["peers"], "%s: peers %s, expected %s" % (label, got["peers"], exp["peers"]))
    check(got["size_class"] == exp["size_class"], "%s: size_class %r" % (label, got["size_class"]))
    for g, e in zip(got["domains"], exp["domains"]):
        for key in ("id", "n"):
            check(g[key] == e[key], "%s %s: %s %r, expected %r" % (label, e["id"], key, g[key], e[key]))
        for key in ("score", "percentile", "p25", "median", "p75"):
            check(close(g[key], e[key]), "%s %s: %s %r, expected %r" % (label, e["id"], key, g[key], e[key]))


def expected_aggregate(qn, resps):
    levels = [lv["value"] for lv in qn["levels"]]
    qs, doms = [], []
    for d in qn["domains"]:
        for q in d["questions"]:
            vals = sorted(r["answers"][q["id"]]["level"] for r in resps
                          if "level" in (r.get("answers") or {}).get(q["id"], {}))
            n = len(vals)
            e = {"id": q["id"], "n": n, "counts": {str(lv): vals.count(lv) for lv in levels}}
            if n:
                mean = sum(vals) / n
                e["mean"] = mean
                e["median"] = vals[n // 2] if n % 2 else (vals[n // 2 - 1] + vals[n // 2]) / 2
                e["sd"] = math.sqrt(sum((v - mean) ** 2 for v in vals) / n)
                cons = 1.0
                for lv in levels:
                    p = vals.count(lv) / n
                    if p:
                        cons += p * math.log2(1 - abs(lv - mean) / (levels[-1] - levels[0]))
                e["consensus"] = cons
                e["min"], e["max"] = vals[0], vals[-1]
            qs.append(e)
        ds = [s[d["id"]] for s in (domain_scores(qn, r) for r in resps) if s[d["id"]] is not None]
        doms.append({"id": d["id"], "mean": sum(ds) / len(ds), "min": min(ds), "max": max(ds)})
    return {"respondents": len(resps), "questions": qs, "domains": doms}


def check_aggregate(qpath, corpus, qn, resps):
    if run("aggregate", "--help").returncode != 0:
        print("peil aggregate is not available yet: its part is skipped")
        return
    for threads in ("1", "2"):
        p = run("aggregate", "-q", qpath, corpus, "--format", "json", env={"PEIL_THREADS": threads})
        check(p.returncode == 0, "aggregate exit %d: %s" % (p.returncode, p.stderr[-300:]))
        if p.returncode:
            return
        got, exp = json.loads(p.stdout), expected_aggregate(qn, resps)
        check(got["respondents"] == exp["respondents"], "aggregate respondents %r" % got["respondents"])
        for g, e in zip(got["questions"], exp["questions"]):
            for key, v in e.items():
                ok = close(g.get(key), v) if isinstance(v, float) else g.get(key) == v
                check(ok, "aggregate %s %s: %r, expected %r" % (e["id"], key, g.get(key), v))
        for g, e in zip(got["domains"], exp["domains"]):
            for key in ("mean", "min", "max"):
                check(close(g[key], e[key]), "aggregate domain %s %s: %r, expected %r"
                      % (e["id"], key, g[key], e[key]))


def check_benchmark(qpath, corpus, qn, resps):
    self_path = os.path.join(corpus, "r00001.yaml")
    for args, same, k in (([], False, 5), (["--same-size"], True, 5), (["--same-size", "--min-peers", "40"], True, 40)):
        for threads in ("1", "2"):
            p = run("benchmark", "-q", qpath, self_path, "--peers", corpus, "--format", "json", *args,
                    env={"PEIL_THREADS": threads})
            check(p.returncode == 0, "benchmark %s exit %d: %s" % (args, p.returncode, p.stderr[-300:]))
            if p.returncode == 0:
                compare_benchmark(json.loads(p.stdout), expected_benchmark(qn, resps[0], resps, same, k),
                                  "benchmark %s" % " ".join(args))
    # a few classes are small in 200 files: --min-peers hides them
    p = run("benchmark", "-q", qpath, self_path, "--peers", corpus, "--format", "json", "--min-peers", "1000")
    check(all(d["median"] is None and d["percentile"] is None for d in json.loads(p.stdout)["domains"]),
          "--min-peers 1000 still shows figures")
    check("200 files read, 199 peers; not counted: 1 file of this organisation\n" in p.stderr,
          "summary line: %r" % p.stderr)


def check_broken_peer(qpath, corpus):
    sub = os.path.join(corpus, "late")
    os.makedirs(sub)
    with open(os.path.join(corpus, "r00002.yaml"), encoding="utf-8") as f:
        text = f.read().replace("level: ", "level: 9", 1)
    with open(os.path.join(sub, "broken.yaml"), "w", encoding="utf-8") as f:
        f.write(text)
    self_path = os.path.join(corpus, "r00001.yaml")
    p = run("benchmark", "-q", qpath, self_path, "--peers", corpus, "--format", "json")
    check(p.returncode == 0, "a broken peer without --strict: exit %d" % p.returncode)
    # counted, not named: stderr may be forwarded to one municipality
    check("broken.yaml" not in p.stderr and "error:" not in p.stderr, "the broken peer is named: %r" % p.stderr)
    check("201 files read, 199 peers; not counted: 1 invalid file, 1 file of this organisation" in p.stderr,
          "summary: %r" % p.stderr)
    check(p.returncode == 0 and json.loads(p.stdout)["peers"] == 199, "the broken peer counted")
    p = run("benchmark", "-q", qpath, self_path, "--peers", corpus, "--strict")
    check(p.returncode == 1, "--strict with a broken peer: exit %d" % p.returncode)


def main():
    if not os.access(PEIL, os.X_OK):
        print("no peil binary at %s" % PEIL)
        return 77
    tmp = tempfile.mkdtemp(prefix="peil-bench-e2e-")
    try:
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_corpus.py"), tmp, "-n", str(N),
                        "--seed", "7", "--questions", "4"], check=True)
        qpath = os.path.join(tmp, "bench-digital-maturity.yaml")
        corpus = os.path.join(tmp, "responses")
        qn = load(qpath)
        resps = [load(os.path.join(corpus, f)) for f in sorted(os.listdir(corpus))]
        check_aggregate(qpath, corpus, qn, resps)
        check_benchmark(qpath, corpus, qn, resps)
        check_broken_peer(qpath, corpus)
    finally:
        shutil.rmtree(tmp)
    print("%d failures" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
