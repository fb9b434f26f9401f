#!/usr/bin/env python3
"""peil aggregate on a group of six respondents (tests/fixtures/group/team),
compared with figures worked out by hand; duplicates, a file for another
questionnaire, an invalid file, the merged response file."""
import json, math, os, subprocess, sys, tempfile

root = sys.argv[1] if len(sys.argv) > 1 else os.environ["ROOT"]
peil = os.environ.get("PEIL") or os.path.join(root, "build", "peil")
fx = os.path.join(root, "tests", "fixtures", "group")
Q = os.path.join(fx, "library.yaml")
TEAM = os.path.join(fx, "team")
env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8", SOURCE_DATE_EPOCH="1780000000")
env.pop("LANGUAGE", None)
fails = []


def run(*args):
    return subprocess.run([peil, "aggregate", "-q", Q, *args], capture_output=True, text=True, env=env, timeout=30)


def check(cond, what):
    if not cond:
        fails.append(what)


def near(a, b):
    return a is not None and abs(a - b) < 1e-9


l2 = math.log2
# Worked out by hand from the six files (see the fixture). Levels 1..5, width 4.
# online-loans 4 4 5 4 3 4; help-desk 2 5 1 3 4 2; wifi 3 3 4 na unknown 3;
# training 3 2 4 1 3 2; plan 3 2 4 (hidden: training 1) 5 3.
EXPECTED = {
    "services.online-loans": dict(n=6, counts={"1": 0, "2": 0, "3": 1, "4": 4, "5": 1}, mean=4, median=4,
                                  min=3, max=5, sd=math.sqrt(2 / 6), consensus=1 + 2 / 6 * l2(1 - 1 / 4),
                                  iqr=0, contested=False),  # one outlier each side: agreed
    "services.help-desk": dict(n=6, counts={"1": 1, "2": 2, "3": 1, "4": 1, "5": 1}, mean=17 / 6, median=2.5,
                               min=1, max=5, sd=math.sqrt(65) / 6,
                               consensus=1 + (l2(1 - 11 / 24) + 2 * l2(1 - 5 / 24) + l2(1 - 1 / 24)
                                              + l2(1 - 7 / 24) + l2(1 - 13 / 24)) / 6,
                               iqr=3.75 - 2, contested=True),
    "services.wifi-note": dict(n=4, counts={"1": 0, "2": 0, "3": 3, "4": 1, "5": 0}, mean=3.25, median=3,
                               min=3, max=4, sd=math.sqrt(0.75 / 4),
                               consensus=1 + 0.75 * l2(1 - 0.25 / 4) + 0.25 * l2(1 - 0.75 / 4),
                               iqr=0.25, contested=False, na=1, unknown=1),
    "skills.training": dict(n=6, counts={"1": 1, "2": 2, "3": 2, "4": 1, "5": 0}, mean=2.5, median=2.5,
                            min=1, max=4, sd=math.sqrt(11 / 12),
                            consensus=1 + 2 / 6 * l2(1 - 1.5 / 4) + 4 / 6 * l2(1 - 0.5 / 4), iqr=1,
                            contested=False),  # consensus 0.65, middle half 2..3
    "skills.plan": dict(n=5, counts={"1": 0, "2": 1, "3": 2, "4": 1, "5": 1}, mean=3.4, median=3,
                        min=2, max=5, sd=math.sqrt(1.04),
                        consensus=1 + 0.2 * l2(1 - 1.4 / 4) + 0.4 * l2(1 - 0.4 / 4) + 0.2 * l2(1 - 0.6 / 4)
                        + 0.2 * l2(1 - 1.6 / 4), iqr=1, contested=False, na=1),
}
# services = (loans + 2 help) / 3 per person: 8/3 14/3 7/3 10/3 11/3 8/3
# skills = mean of training and plan (plan hidden for D. Smit): 3 2 4 1 4 2.5
DOMAINS = {"services": (58 / 18, 7 / 3, 14 / 3), "skills": (16.5 / 6, 1, 4)}

# 1. the figures
p = run(TEAM, "--format", "json")
check(p.returncode == 0, f"json: exit {p.returncode}: {p.stderr}")
j = json.loads(p.stdout or "{}")
check(j.get("respondents") == 6, f"respondents {j.get('respondents')}")
got = {x["id"]: x for x in j.get("questions", [])}
check(list(got) == list(EXPECTED), f"questions in questionnaire order: {list(got)}")
for qid, e in EXPECTED.items():
    g = got.get(qid, {})
    for k in ("n", "counts", "min", "max", "contested"):
        check(g.get(k) == e[k], f"{qid}.{k} = {g.get(k)}, expected {e[k]}")
    for k in ("mean", "median", "sd", "consensus", "iqr"):
        check(near(g.get(k), e[k]), f"{qid}.{k} = {g.get(k)}, expected {e[k]}")
    check(g.get("na") == e.get("na", 0) and g.get("unknown") == e.get("unknown", 0),
          f"{qid}: na {g.get('na')} unknown {g.get('unknown')}")
check(near(got["services.help-desk"]["consensus"], 0.4594960261), "help-desk consensus by value")
for d in j.get("domains", []):
    mean, lo, hi = DOMAINS[d["id"]]
    check(near(d["mean"], mean) and near(d["min"], lo) and near(d["max"], hi) and d["n"] == 6,
          f"domain {d}")
check(len(j.get("domains", [])) == 2, "two domains")

# 2. the text table: contested first (lowest consensus first), histogram per question
p = run(TEAM)
check(p.returncode == 0, f"text: exit {p.returncode}")
rows = [l for l in p.stdout.splitlines() if ": " in l and l[:2] in ("! ", "  ") and "." in l.split(": ")[0]]
ids = [l.split(": ")[0].split()[-1] for l in rows]
# help-desk is the one contested; then lowest consensus first: plan 0.62,
# training 0.65, wifi 0.855, online-loans 0.862
check(ids == ["services.help-desk", "skills.plan", "skills.training", "services.wifi-note",
              "services.online-loans"], f"text order {ids}")
check(rows and rows[0].startswith("! ▄█▄▄▄"), f"help-desk histogram: {rows[:1]}")
wifi = [l for l in rows if "services.wifi-note:" in l]
check(wifi and wifi[0].startswith("  ··█▃·"), f"wifi histogram, not contested: {wifi}")
check("6 respondents; 1 of 5 questions contested" in p.stdout, "summary line")

# 3. a file for another questionnaire: named, at its questionnaire key, exit 1, no output
other = os.path.join(fx, "bad", "other-questionnaire.yaml")
p = run(TEAM, other)
check(p.returncode == 1, f"other questionnaire: exit {p.returncode}")
check(p.stdout == "", "other questionnaire: nothing on stdout")
check(f"{other}:2:16: error: this file answers questionnaire 'some-other-questionnaire', not "
      "'library-digital-services'" in p.stderr, f"other questionnaire message: {p.stderr}")

# 4. an invalid file: reported, exit 1, the others still checked
bad = os.path.join(fx, "bad", "undefined-level.yaml")
p = run(bad, TEAM, "--format", "json")
check(p.returncode == 1 and p.stdout == "", f"invalid file: exit {p.returncode}")
check(f"{bad}:7:34: error: level 7 is not one of the questionnaire's levels" in p.stderr, p.stderr)
check("1 of 7 files could not be used" in p.stderr, p.stderr)

# 5. duplicates: warned about, never silent
copy = os.path.join(fx, "bad", "copy-of-it.yaml")
again = os.path.join(fx, "bad", "it-again.yaml")
p = run(TEAM, copy, "--format", "json")
check(p.returncode == 0 and json.loads(p.stdout)["respondents"] == 7, "a copy is counted")
check(f"{copy}: warning: exactly the same answers as {TEAM}/3-it.yaml" in p.stderr, p.stderr)
p = run(TEAM, again, "--format", "json")
check(p.returncode == 0 and json.loads(p.stdout)["respondents"] == 7, "the same respondent twice is counted")
check(f"{again}: warning: respondent 'C. Visser' also answered in {TEAM}/3-it.yaml" in p.stderr, p.stderr)
p = run(TEAM, os.path.join(TEAM, "1-wethouder.yaml"), "--format", "json")
check(p.returncode == 0 and json.loads(p.stdout)["respondents"] == 6, "the same file twice counts once")
check("warning: the same file as" in p.stderr, p.stderr)
p = run(TEAM, again, "--strict", "--format", "json")
check(p.returncode == 1 and p.stdout == "", f"--strict: exit {p.returncode}")

# 6. usage and empty input
p = subprocess.run([peil, "aggregate"], capture_output=True, text=True, env=env)
check(p.returncode == 2, f"no files: exit {p.returncode}")
with tempfile.TemporaryDirectory() as tmp:
    p = run(tmp)
    check(p.returncode == 1 and "no response files found" in p.stderr, f"empty dir: {p.returncode} {p.stderr}")

    # 7. the merged file: votes, the lower median as a proposal, valid
    merged = os.path.join(tmp, "merged.yaml")
    p = run(TEAM, "-o", merged, "--format", "json")
    check(p.returncode == 0, f"-o: exit {p.returncode} {p.stderr}")
    import yaml
    m = yaml.safe_load(open(merged))
    # facts, not an English label (issue 19, defect 9): each export words them
    check(m["participants"] == 6 and "respondent" not in m and m.get("session") == {"kind": "merged"},
          f"merged header {m}")
    check(str(m["date"]) == "2026-05-06", f"merged date is the latest answer's: {m['date']}")
    a = m["answers"]
    want = {"services.online-loans": 4, "services.help-desk": 2, "services.wifi-note": 3,
            "skills.training": 2, "skills.plan": 3}
    for qid, level in want.items():
        check(a[qid].get("level") == level and a[qid].get("proposal") is True, f"merged {qid}: {a[qid]}")
        check(a[qid].get("votes") == {int(k): v for k, v in EXPECTED[qid]["counts"].items()},
              f"merged {qid} votes {a[qid].get('votes')}")
    v = subprocess.run([peil, "validate", "-q", Q, merged], capture_output=True, text=True, env=env)
    check(v.returncode == 0, f"merged file validates: {v.stdout}{v.stderr}")
    check(oct(os.stat(merged).st_mode & 0o777) == "0o600", "merged file is owner-only")
    # its scorecard says the group's answers are only proposals, in every format
    def export(fmt, lang="en"):
        e = subprocess.run([peil, "--lang", lang, "export", "-q", Q, merged, "--format", fmt],
                           capture_output=True, text=True, env=env)
        check(e.returncode == 0, f"export {fmt} of the merged file: exit {e.returncode} {e.stderr}")
        return e.stdout
    md = export("md")
    check("| 0.46 | proposed: level 2 Basic (median), not yet decided |" in md, f"md group's answer: {md}")
    check("5 answers are only proposed" in md, "md: how many answers are proposals")
    check("| 0,46 | voorstel: niveau 2 Basis (mediaan), nog niet besloten |" in export("md", "nl"),
          "Dutch md group's answer")
    check("proposed: level 2 Basic (median), not yet decided</td>" in export("html"), "html group's answer")
    check(",2,Basic,\"proposed, not yet decided\"," in export("csv"), "csv status of a proposal")
    ej = json.loads(export("json"))
    check(ej["group"].get("proposals") == 5 and all(x["proposal"] for x in ej["answers"] if x["status"] == "level"),
          f"json proposals: {ej['group']}")

    # 8. an output that cannot be written: exit 3, nothing left behind
    p = run(TEAM, "-o", os.path.join(tmp, "missing", "m.yaml"))
    check(p.returncode == 3, f"unwritable -o: exit {p.returncode}")

for f in fails:
    print("FAIL:", f)
print(f"group_aggregate: {len(fails)} failures")
sys.exit(1 if fails else 0)
