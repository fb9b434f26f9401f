#!/usr/bin/env python3
"""`peil score --format json` has exactly the SPEC's shape and rules: numbers
(not strings), null where there is no score or no target, figures as worked
out by hand in tests/unit/test_score.c; and the text table carries them."""
import json, os, subprocess, sys, tempfile

root = sys.argv[1] if len(sys.argv) > 1 else os.environ["ROOT"]
peil = os.environ["PEIL"]
fx = os.path.join(root, "tests", "fixtures", "scoring")
env = dict(os.environ, PEIL_PATH=fx, LC_ALL="C.UTF-8", XDG_DATA_HOME=tempfile.mkdtemp())
env.pop("LANGUAGE", None)
fails = []


def score(name, fmt="json"):
    p = subprocess.run([peil, "score", os.path.join(fx, name), "--format", fmt],
                       capture_output=True, text=True, env=env, timeout=30)
    if p.returncode != 0 or p.stderr:
        fails.append(f"{name}: exit {p.returncode}: {p.stderr[:300]}")
    return p.stdout


def near(a, b):
    return isinstance(a, (int, float)) and not isinstance(a, bool) and abs(a - b) < 1e-9


def check_shape(doc, name):
    want = ["questionnaire", "organisation", "date", "progress", "overall", "domains", "priorities"]
    if list(doc) != want:
        fails.append(f"{name}: top-level keys {list(doc)}, expected {want}")
    if set(doc["questionnaire"]) != {"id", "version"}:
        fails.append(f"{name}: questionnaire keys {list(doc['questionnaire'])}")
    if set(doc["overall"]) != {"score", "level"}:
        fails.append(f"{name}: overall keys {list(doc['overall'])}")
    dkeys = ["id", "score", "level", "target", "gap", "answered", "na", "unknown", "open", "hidden",
             "unconfirmed", "total"]
    for d in doc["domains"]:
        if list(d) != dkeys:
            fails.append(f"{name}: domain keys {list(d)}")
        for k in dkeys[1:]:
            if d[k] is not None and (isinstance(d[k], (str, bool)) or not isinstance(d[k], (int, float))):
                fails.append(f"{name}: domain {d['id']}: {k} is {d[k]!r}, not a number or null")
        for k in dkeys[5:]:
            if not isinstance(d[k], int):
                fails.append(f"{name}: domain {d['id']}: {k} is not an integer")
    for p in doc["priorities"]:
        if list(p) != ["question", "domain", "level", "target", "actions"] or not isinstance(p["actions"], list):
            fails.append(f"{name}: priority keys {list(p)}")


def expect(name, got, want):
    for path, value in want.items():
        node = got
        for part in path.split("."):
            node = node[int(part)] if isinstance(node, list) else node[part]
        ok = (node is None and value is None) or (value is not None and node is not None and
              (near(node, value) if isinstance(value, float) else node == value and type(node) == type(value)))
        if not ok:
            fails.append(f"{name}: {path} = {node!r}, expected {value!r}")


out = score("r15.yaml")
doc = json.loads(out)
check_shape(doc, "r15")
expect("r15", doc, {
    "questionnaire.id": "score-15", "questionnaire.version": "1",
    "organisation": "Gemeente Vijfschaal", "date": "2026-03-01",
    "progress": 8 / 9, "overall.score": 17 / 6, "overall.level": 2,
    "domains.0.id": "a", "domains.0.score": 8 / 3, "domains.0.level": 2, "domains.0.target": 4,
    "domains.0.gap": 4 / 3, "domains.0.answered": 3, "domains.0.na": 1, "domains.0.unknown": 0,
    "domains.0.open": 1, "domains.0.hidden": 0, "domains.0.total": 5,
    "domains.1.score": 3.5, "domains.1.target": 3, "domains.1.gap": -0.5, "domains.1.na": 0,
    "domains.1.hidden": 1, "domains.1.unconfirmed": 0,
    "domains.2.score": None, "domains.2.level": None, "domains.2.target": 5, "domains.2.gap": None,
    "domains.2.unknown": 1,
    "domains.3.score": None, "domains.3.target": None, "domains.3.gap": None, "domains.3.answered": 1,
    "priorities.0.question": "a.1", "priorities.0.domain": "a", "priorities.0.level": 2,
    "priorities.0.target": 4, "priorities.1.question": "a.2", "priorities.2.question": "b.1",
    "priorities.2.target": 3,
})
if len(doc["priorities"]) != 3:
    fails.append(f"r15: {len(doc['priorities'])} priorities, expected 3")

doc = json.loads(score("r03.yaml"))
check_shape(doc, "r03")
expect("r03", doc, {
    "progress": 1.0, "overall.score": 11 / 12, "overall.level": 0,
    "domains.0.score": 5 / 3, "domains.0.level": 1, "domains.1.score": 2 / 3, "domains.1.level": 0,
    "domains.1.target": None, "priorities.0.question": "x.1", "priorities.0.level": 0,
})

doc = json.loads(score("r15-empty.yaml"))
check_shape(doc, "r15-empty")
expect("r15-empty", doc, {"overall.score": None, "overall.level": None, "progress": 0.0,
                               "domains.1.hidden": 1, "domains.1.open": 2})
if doc["priorities"] != []:
    fails.append("r15-empty: priorities should be []")

# The text table a CIO pastes into an email carries the same figures.
text = score("r15.yaml", "text")
for want in ["Gemeente Vijfschaal", "Progress: 89%", "Alpha", "2.67", "1.33", "Beta", "3.50", "-0.50",
             "Overall", "2.83", "Priorities", "level 2 → 4", "Do 2"]:
    if want not in text:
        fails.append(f"text: '{want}' missing")

for f in fails:
    print("FAIL:", f)
print(f"score json: {len(fails)} failures")
sys.exit(1 if fails else 0)
