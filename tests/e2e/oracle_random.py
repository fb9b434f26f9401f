#!/usr/bin/env python3
"""Differential test: random questionnaires and responses (level scales that
start at 0 or skip values, weights of 0 and fractions, targets from the file
and from the questionnaire, show_if, N/A, don't know, open questions, and
improvement plans: due dates or none, every status, dropped actions, several
actions per question) scored by `peil score`, `peil aggregate` and
`peil plan`, against the SPEC's reference implementation
../shared/checks/oracle.py. Skipped (77) without it."""
import calendar, datetime, json, os, random, subprocess, sys, tempfile

root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
peil = os.environ.get("PEIL", os.path.join(root, "build/peil"))
oracle_dir = os.path.join(root, "..", "shared", "checks")
if not os.path.exists(os.path.join(oracle_dir, "oracle.py")):
    print("skipped: ../shared/checks/oracle.py is not here"); sys.exit(77)
try:
    import yaml  # noqa: F401  (oracle.py needs it)
except ImportError:
    print("skipped: needs PyYAML"); sys.exit(77)
sys.path.insert(0, oracle_dir)
import oracle  # noqa: E402

def questionnaire(rng):
    start = rng.choice([0, 1, 1, 10])
    steps = rng.choice([[1] * 4, [1] * 2, [1, 2, 1], [1] * 1, [5, 5, 10]])
    values = [start]
    for s in steps:
        values.append(values[-1] + s)
    q = {"peil": 1, "id": "rnd", "version": "1", "languages": ["en"], "title": "R",
         "levels": [{"value": v, "label": "L%d" % v} for v in values], "domains": []}
    earlier = []
    for d in range(rng.randint(1, 4)):
        dom = {"id": "d%d" % d, "title": "D%d" % d, "questions": []}
        if rng.random() < 0.6: dom["weight"] = rng.choice([1, 2, 0.5, 3])
        if rng.random() < 0.6: dom["target"] = rng.choice(values)
        for i in range(rng.randint(1, 6)):
            qid = "d%d.q%d" % (d, i)
            qu = {"id": qid, "text": "T", "help": "H",
                  "answers": [{"level": v, "text": "a%d" % v} for v in values]}
            if rng.random() < 0.4: qu["weight"] = rng.choice([0, 1, 2, 0.5, 1.5])
            if rng.random() < 0.2: qu["allow_na"] = False
            if earlier and rng.random() < 0.3:
                cond = {"question": rng.choice(earlier)}
                if rng.random() < 0.7: cond["min"] = rng.choice(values)
                if "min" not in cond or rng.random() < 0.3: cond["max"] = rng.choice(values)
                qu["show_if"] = cond
            earlier.append(qid)
            dom["questions"].append(qu)
        q["domains"].append(dom)
    return q

def response(rng, q, n):
    values = [l["value"] for l in q["levels"]]
    r = {"peil-responses": 1, "questionnaire": "rnd", "organisation": "Org %d" % n,
         "respondent": "R%d" % n, "date": "2026-01-%02d" % (n % 28 + 1), "answers": {}}
    if rng.random() < 0.5:
        r["targets"] = {d["id"]: rng.choice(values) for d in q["domains"] if rng.random() < 0.5}
    for d in q["domains"]:
        for qu in d["questions"]:
            x = rng.random()
            if x < 0.6: r["answers"][qu["id"]] = {"level": rng.choice(values)}
            elif x < 0.7 and qu.get("allow_na", True): r["answers"][qu["id"]] = {"status": "na"}
            elif x < 0.8: r["answers"][qu["id"]] = {"status": "unknown"}
            # Carried over from last year and not yet confirmed: counted
            # as unconfirmed (and as given), also when the question is hidden.
            if qu["id"] in r["answers"] and rng.random() < 0.25:
                r["answers"][qu["id"]]["carried_over"] = True
    if n == 0 or rng.random() < 0.7:      # the first of a round is the one `peil plan` checks
        r["plan"] = plan(rng, q)
    return r

TODAY = datetime.date(2026, 12, 4)      # peil's today, through SOURCE_DATE_EPOCH
EPOCH = str(calendar.timegm(TODAY.timetuple()) + 3600)

def plan(rng, q):
    """Actions with or without due dates (before, on and after today), every
    status, costs and hours whole, fractional or absent, ids out of file
    order, and questions named by several actions."""
    qids = [qu["id"] for d in q["domains"] for qu in d["questions"]]
    ids = rng.sample(range(100), rng.randint(1, 7))
    acts = []
    for n in ids:
        a = {"id": rng.choice(["a", "b-", "x.", "z_"]) + str(n), "title": "Action %d" % n,
             "questions": rng.sample(qids, rng.randint(1, min(3, len(qids)))),
             "status": rng.choice(["planned", "in-progress", "done", "dropped"])}
        if rng.random() < 0.5: a["owner"] = rng.choice(["CISO", "Teamleider ICT", "Privacy officer"])
        if rng.random() < 0.7: a["due"] = TODAY + datetime.timedelta(days=rng.choice([-400, -30, -1, 0, 1, 90, 365]))
        if rng.random() < 0.7: a["cost"] = rng.choice([0, 1500, 15000, 2499.5, 0.1])
        if rng.random() < 0.6: a["hours"] = rng.choice([0, 8, 120, 12.5])
        acts.append(a)
    return acts

def close(a, b):
    if a is None or b is None: return a is None and b is None
    return abs(float(a) - float(b)) < 1e-6

def run(args):
    p = subprocess.run([peil] + args, capture_output=True, text=True, timeout=30,
                       env=dict(os.environ, SOURCE_DATE_EPOCH=EPOCH))
    if p.returncode != 0:
        raise RuntimeError("peil %s: exit %d: %s" % (" ".join(args[:2]), p.returncode, p.stderr[:300]))
    return json.loads(p.stdout)

def compare_score(got, exp, where, fails):
    gd = {d["id"]: d for d in got["domains"]}
    for d in exp["domains"]:
        g = gd[d["id"]]
        for k in ["score", "level", "target", "gap"]:
            if not close(g[k], d[k]): fails.append("%s %s.%s %s != %s" % (where, d["id"], k, g[k], d[k]))
        for k in ["answered", "na", "unknown", "open", "hidden", "unconfirmed", "total"]:
            if g[k] != d[k]: fails.append("%s %s.%s %s != %s" % (where, d["id"], k, g[k], d[k]))
    for k in ["score", "level"]:
        if not close(got["overall"][k], exp["overall"][k]): fails.append("%s overall.%s" % (where, k))
    if not close(got["progress"], exp["progress"]): fails.append("%s progress" % where)
    if [p["question"] for p in got["priorities"]] != [p["question"] for p in exp["priorities"]]:
        fails.append("%s priorities %s != %s" % (where, [p["question"] for p in got["priorities"]],
                                                  [p["question"] for p in exp["priorities"]]))
    elif [p["actions"] for p in got["priorities"]] != [p["actions"] for p in exp["priorities"]]:
        fails.append("%s priorities' actions %s != %s" % (where, [p["actions"] for p in got["priorities"]],
                                                           [p["actions"] for p in exp["priorities"]]))

def compare_plan(got, exp, where, fails):
    """Every field of every action, in order; the uncovered priorities; the totals."""
    for k in ["uncovered"]:
        if got[k] != exp[k]: fails.append("%s plan.%s %s != %s" % (where, k, got[k], exp[k]))
    for k in ["cost", "hours"]:
        if not close(got["totals"][k], exp["totals"][k]): fails.append("%s plan.totals.%s" % (where, k))
    if [a["id"] for a in got["actions"]] != [a["id"] for a in exp["actions"]]:
        fails.append("%s plan order %s != %s" % (where, [a["id"] for a in got["actions"]], [a["id"] for a in exp["actions"]]))
        return
    for g, e in zip(got["actions"], exp["actions"]):
        for k, v in e.items():
            same = close(g.get(k), v) if k in ("cost", "hours") else g.get(k) == v
            if not same or k not in g: fails.append("%s action %s.%s %r != %r" % (where, e["id"], k, g.get(k), v))

def compare_group(got, exp, where, fails):
    gq = {x["id"]: x for x in got["questions"]}
    for qid, e in exp["questions"].items():
        g = gq[qid]
        for k in ["n", "mean", "median", "min", "max", "sd", "iqr", "consensus"]:
            if not close(g.get(k), e.get(k)): fails.append("%s %s.%s %s != %s" % (where, qid, k, g.get(k), e.get(k)))
        if e["n"] and g["contested"] != e["contested"]: fails.append("%s %s.contested" % (where, qid))
    gd = {x["id"]: x for x in got["domains"]}
    for did, e in exp["domains"].items():
        for k in ["mean", "min", "max"]:
            if not close((gd.get(did) or {}).get(k), (e or {}).get(k)): fails.append("%s domain %s.%s" % (where, did, k))

def main():
    rng = random.Random(int(os.environ.get("SEED", "20261124")))
    # make check's share (each round starts peil about seven times); .ci/run
    # asks for more.
    rounds = int(os.environ.get("ROUNDS", "12"))
    fails, checks = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(rounds):
            q = questionnaire(rng)
            qp = os.path.join(tmp, "q%d.yaml" % i)
            with open(qp, "w") as f: yaml.safe_dump(q, f, sort_keys=False)
            paths = []
            for n in range(rng.randint(1, 5)):
                rp = os.path.join(tmp, "r%d-%d.yaml" % (i, n))
                with open(rp, "w") as f: yaml.safe_dump(response(rng, q, n), f, sort_keys=False)
                paths.append(rp)
                before = len(fails)
                compare_score(run(["score", "-q", qp, rp, "--format", "json"]), oracle.score(q, oracle.load(rp)), rp, fails)
                # One plan per round keeps the test's time (each run is a process under ASan).
                if n == 0:
                    compare_plan(run(["plan", "-q", qp, rp, "--format", "json"]),
                                 oracle.plan(q, oracle.load(rp), str(TODAY)), rp, fails)
                checks += 1
                if len(fails) > before: fails.append("  (questionnaire %s)" % qp)
            exp = oracle.group(q, [oracle.load(p) for p in paths])
            compare_group(run(["aggregate", "-q", qp, *paths, "--format", "json"]), exp, "aggregate round %d" % i, fails)
            checks += 1
        for f in fails[:20]: print(f)
    bad = len({f.split(" ")[0] for f in fails if not f.startswith("  ")})
    print("%d passed, %d failed" % (checks - bad, bad))
    sys.exit(1 if fails else 0)

main()
