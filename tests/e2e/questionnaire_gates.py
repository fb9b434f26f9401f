#!/usr/bin/env python3
"""No show_if penalty in the default questionnaire (issue 17): improving a
gate question never lowers its domain's score.

A gate is a question that another question's show_if names. For every gate,
in every region that asks it, the test writes a response per gate level 1..5
in which the domain's other questions sit at a fixed level B (1, 3 and 5) and
every follow-up that the gate reveals sits at level 1, its lowest, and asks
`peil score --format json` for the domain's score. Going up one level at the
gate must not bring the score down: a follow-up that appears when the gate
improves must not pull the domain below where it was (give it weight 0, or
drop the gate). Prints each failing step with the two scores. To show that
it can fail, the same simulation must find the penalty in version 2026.1
(tests/fixtures/), which the issue names.
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
try:
    import qn
except ImportError:
    print("skipped: needs PyYAML (apt-get install python3-yaml)")
    sys.exit(77)

root = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.environ["ROOT"]
peil = qn.peil_binary(root)
Q = os.path.join(root, qn.QUESTIONNAIRE)
OLD = os.path.join(root, "tests/fixtures/municipal-digital-maturity-2026.1.yaml")
BASELINES = (1, 3, 5)
fails = []


def dependents(q, gate):
    """The questions a gate reveals, also through a chain of show_ifs."""
    out = {gate}
    for _, qu in qn.questions(q):
        if (qu.get("show_if") or {}).get("question") in out:
            out.add(qu["id"])
    out.discard(gate)
    return out


def levels_for(q, region, domain, gate, g, base, follow):
    """{id: level}: the gate at g, its follow-ups at 1 when shown, the rest
    of the domain at base (other follow-ups too, when shown)."""
    out = {}
    for d, qu in qn.questions(q):
        if not qn.asked(qu, region) or not qn.shown(qu.get("show_if"), out):
            continue
        if d["id"] != domain and not qu.get("show_if"):
            continue
        out[qu["id"]] = g if qu["id"] == gate else 1 if qu["id"] in follow else base
    return out


def domain_score(qpath, q, region, levels, domain, tmp, name):
    path = os.path.join(tmp, name + ".yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(qn.response_yaml(q, region, levels))
    p = qn.run(peil, ["--lang", "en", "score", "-q", qpath, path, "--format", "json"], tmp)
    if p.returncode != 0 or p.stderr:
        fails.append(f"{name}: peil score exits {p.returncode}: {p.stderr[-300:]}")
        return None
    d = next((d for d in json.loads(p.stdout)["domains"] if d["id"] == domain), None)
    return d and d["score"]


def penalties(qpath, regions, tmp, baselines=BASELINES):
    """(gates, responses scored, failing steps) of one questionnaire."""
    q, _ = qn.load(qpath)
    out = []
    byid = {qu["id"]: (d, qu) for d, qu in qn.questions(q)}
    gates = []
    for _, qu in qn.questions(q):
        g = (qu.get("show_if") or {}).get("question")
        if g in byid and g not in gates:
            gates.append(g)
    runs = 0
    for gate in gates:
        domain = byid[gate][0]["id"]
        follow = dependents(q, gate)
        for region in regions:
            if not qn.asked(byid[gate][1], region):
                continue
            for base in baselines:
                scores = []
                for g in (1, 2, 3, 4, 5):
                    levels = levels_for(q, region, domain, gate, g, base, follow)
                    scores.append(domain_score(qpath, q, region, levels, domain, tmp,
                                              f"{gate}-{region}-{base}-{g}"))
                    runs += 1
                for g in range(4):
                    a, b = scores[g], scores[g + 1]
                    if a is not None and b is not None and b < a - 1e-9:
                        shown = sorted(f for f in follow
                                       if f in levels_for(q, region, domain, gate, g + 2, base, follow))
                        out.append(f"{region}: {gate} from level {g + 1} to {g + 2} (the rest of {domain} "
                                   f"at {base}, follow-ups {', '.join(shown)} at 1) lowers the {domain} score "
                                   f"from {a:.2f} to {b:.2f}")
    return gates, runs, out


def main():
    with tempfile.TemporaryDirectory() as tmp:
        # The test can fail: version 2026.1 had the penalty (issue 17 names
        # security.exercise, data.algorithm-register, inclusion.help-steering).
        gates, runs, found = penalties(OLD, ("NL",), tmp, baselines=(5,))
        seen = sorted({f.split()[1] for f in found})
        if not {"security.incident-response", "data.algorithm-inventory", "inclusion.assisted-help"} <= set(seen):
            fails.append(f"on version 2026.1 the simulation finds penalties only at {seen}")
        print(f"version 2026.1: {len(gates)} gates, {runs} responses scored, penalties at {', '.join(seen)}")

        gates, runs, found = penalties(Q, qn.REGIONS, tmp)
        fails.extend(found)
    print(f"{qn.QUESTIONNAIRE}: {len(gates)} gate questions ({', '.join(gates) or 'none'}), {runs} responses scored")
    for f in fails:
        print("FAIL:", f)
    print("ok" if not fails else f"{len(fails)} failed")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
