#!/usr/bin/env python3
"""What a user would otherwise write: `peil aggregate` in Python with
PyYAML's C loader (python3-yaml). Reads the questionnaire and every response
file, and prints the SPEC's aggregate JSON (group statistics per question,
domain score means per respondent). No validation beyond what the
aggregation needs.

    python3 bench/pyyaml_agg.py QUESTIONNAIRE FILE|DIR...
"""
import json
import math
import os
import sys

import yaml

LOADER = getattr(yaml, "CSafeLoader", None)


def files(args):
    for a in args:
        if os.path.isdir(a):
            for root, dirs, names in os.walk(a):
                dirs.sort()
                for n in sorted(names):
                    if n.endswith(".yaml") and not n.startswith("."):
                        yield os.path.join(root, n)
        else:
            yield a


def load(path):
    with open(path, "rb") as f:
        return yaml.load(f, Loader=LOADER)


def question_stats(values, counts, levels):
    n = len(values)
    if n == 0:
        return dict(n=0, mean=None, median=None, min=None, max=None, sd=None, consensus=None, contested=False)
    vs = sorted(values)
    mean = sum(vs) / n
    median = vs[n // 2] if n % 2 else (vs[n // 2 - 1] + vs[n // 2]) / 2
    sd = math.sqrt(sum((v - mean) ** 2 for v in vs) / n)
    width = levels[-1] - levels[0]
    cons = 1.0
    for lv in levels:
        p = counts[lv] / n
        if p > 0 and width > 0:
            cons += p * math.log2(1 - abs(lv - mean) / width)
    return dict(n=n, mean=mean, median=median, min=vs[0], max=vs[-1], sd=sd, consensus=cons,
                contested=cons < 0.6 or vs[-1] - vs[0] >= 2)


def main():
    if LOADER is None:
        sys.exit("PyYAML has no C loader here (install python3-yaml with libyaml)")
    qn = load(sys.argv[1])
    levels = [lv["value"] for lv in qn["levels"]]
    questions = [(d["id"], q["id"], q.get("weight", 1)) for d in qn["domains"] for q in d["questions"]]
    values = {qid: [] for _, qid, _ in questions}
    dscores = {d["id"]: [] for d in qn["domains"]}
    respondents = 0
    for path in files(sys.argv[2:]):
        r = load(path)
        respondents += 1
        answers = r.get("answers") or {}
        sums = {}
        for did, qid, w in questions:
            a = answers.get(qid)
            if isinstance(a, dict) and "level" in a:
                values[qid].append(a["level"])
                if w > 0:
                    s = sums.setdefault(did, [0.0, 0.0])
                    s[0] += w * a["level"]
                    s[1] += w
        for did, (sw, w) in sums.items():
            dscores[did].append(sw / w)
    out = {"respondents": respondents, "questions": [], "domains": []}
    for did, qid, _ in questions:
        counts = {lv: 0 for lv in levels}
        for v in values[qid]:
            counts[v] += 1
        st = question_stats(values[qid], counts, levels)
        out["questions"].append(dict(id=qid, domain=did, counts={str(k): c for k, c in counts.items()}, **st))
    for did, ss in dscores.items():
        out["domains"].append(dict(id=did, mean=sum(ss) / len(ss) if ss else None,
                                   min=min(ss) if ss else None, max=max(ss) if ss else None))
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
