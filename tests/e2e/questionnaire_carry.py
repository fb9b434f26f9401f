#!/usr/bin/env python3
"""Last year's assessment carried over onto the new version of the default
questionnaire (issue 17): `peil fill --from` a response to version 2026.1
(tests/fixtures/gemeente-voorbeeld-2026.1.yaml, the example municipality as
it was, answering tests/fixtures/municipal-digital-maturity-2026.1.yaml).

The expectations come from the two questionnaires themselves:
- an answer to a question that still exists is carried with its level or
  status, note and evidence, marked carried_over; recheck as well when the
  question has changed_in later than 2026.1;
- a "not applicable" to a question that no longer allows it (a legal duty
  now) is open again, its note kept, and stderr says so;
- an answer to a question that no longer exists goes to the question that
  `replaces` its id (carried_over, recheck), and stderr says so; without one
  it is left out, and stderr says that too, naming the id;
- every other question of the new version is open;
- plan actions keep only questions of the new version; an action left with
  none is left out and reported;
- the organisation, region, targets and who decided them come along;
- `peil validate` accepts the new file without a warning, and
  `peil compare` of the old and the new file runs without error.
"""
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
OLDQ = os.path.join(root, "tests/fixtures/municipal-digital-maturity-2026.1.yaml")
OLDR = os.path.join(root, "tests/fixtures/gemeente-voorbeeld-2026.1.yaml")
fails = []


def expect(what, cond):
    if not cond:
        fails.append(what)
    return cond


def vkey(v):
    return tuple(int(x) for x in str(v).split("."))


def main():
    q, _ = qn.load(Q)
    oldq, _ = qn.load(OLDQ)
    old, _ = qn.load(OLDR)
    new_ids = {qu["id"]: qu for _, qu in qn.questions(q)}
    old_ids = {qu["id"] for _, qu in qn.questions(oldq)}
    replaced_by = {}
    for qid, qu in new_ids.items():
        reps = qu.get("replaces") or []
        for r in [reps] if isinstance(reps, str) else reps:
            replaced_by[r] = qid
    version = q["version"]

    with tempfile.TemporaryDirectory() as tmp:
        p = qn.run(peil, ["--lang", "en", "validate", "-q", OLDQ, OLDR], tmp)
        expect(f"the 2026.1 response validates against the 2026.1 fixture: {p.stdout}{p.stderr}",
               p.returncode == 0 and p.stdout == f"{OLDR}: ok\n" and not p.stderr)

        new = os.path.join(tmp, "2027.yaml")
        p = qn.run(peil, ["--lang", "en", "fill", "-q", Q, "--from", OLDR, "-o", new, "--plain"], tmp)
        if not expect(f"fill --from exits 0, not {p.returncode}: {p.stderr[-500:]}", p.returncode == 0):
            print("\n".join("FAIL: " + f for f in fails))
            return 1
        err = p.stderr
        r, _ = qn.load(new)
        answers = r.get("answers") or {}
        expect(f"the new file answers version {version}: {r.get('questionnaire_version')!r}",
               r.get("questionnaire_version") == version)
        for key in ("organisation", "population", "targets", "targets_decided"):
            expect(f"{key} carried: {r.get(key)!r} vs {old.get(key)!r}", r.get(key) == old.get(key))
        expect(f"region: {r.get('region')!r}", r.get("region", "NL") == old.get("region", "NL"))

        carried = moved = dropped = rechecked = reopened = 0
        merged = {}
        for oid, a in (old.get("answers") or {}).items():
            expect(f"{oid}: the 2026.1 example answers a question 2026.1 had", oid in old_ids)
            if oid in new_ids and a.get("status") == "na" and new_ids[oid].get("allow_na", True) is False:
                b = answers.get(oid) or {}
                expect(f"{oid}: n/a last year, now a duty: not open again: {b}",
                       not ({"level", "status"} & set(b)) and b.get("note") == a.get("note"))
                expect(f"stderr does not say that {oid} is open again:\n{err}",
                       f"'{oid}' no longer allows \"not applicable\" in version {version}; "
                       "the question is open again" in err)
                reopened += 1
            elif oid in new_ids:
                b = answers.get(oid) or {}
                changed = "changed_in" in new_ids[oid] and vkey(new_ids[oid]["changed_in"]) > vkey("2026.1")
                for k in ("level", "status", "note", "evidence"):
                    expect(f"{oid}: {k} {b.get(k)!r}, was {a.get(k)!r}", b.get(k) == a.get(k))
                expect(f"{oid}: not marked carried_over: {b}", b.get("carried_over") is True)
                expect(f"{oid}: recheck is {b.get('recheck')!r}, changed_in {new_ids[oid].get('changed_in')!r}",
                       bool(b.get("recheck")) == changed)
                carried += 1
                rechecked += changed
            elif oid in replaced_by:
                to = replaced_by[oid]
                merged.setdefault(to, []).append((oid, a))
                expect(f"stderr does not say that {oid} is now {to}:\n{err}",
                       f"'{oid}' is now '{to}' in version {version}" in err)
                moved += 1
            else:
                expect(f"{oid}: removed, but its answer is in the new file", oid not in answers)
                expect(f"stderr does not report the left-out answer to {oid}:\n{err}",
                       f"'{oid}' is not a question of version {version}; its answer is left out" in err)
                dropped += 1
        for to, olds in merged.items():
            b = answers.get(to) or {}
            if new_ids[to].get("allow_na", True) is False:
                olds = [(o, a) for o, a in olds if a.get("status") != "na"]
                if not olds:
                    expect(f"{to}: replaces only n/a answers and is a duty now, but is not open: {b}",
                           not ({"level", "status"} & set(b)))
                    continue
            expect(f"{to} (replacing {', '.join(o for o, _ in olds)}): not carried over with recheck: {b}",
                   b.get("carried_over") is True and b.get("recheck") is True)
            expect(f"{to}: its level {b.get('level')!r} / status {b.get('status')!r} is none of the old answers' "
                   f"{[(a.get('level'), a.get('status')) for _, a in olds]}",
                   (b.get("level"), b.get("status")) in [(a.get("level"), a.get("status")) for _, a in olds])
        fresh = [qid for qid, qu in new_ids.items()
                 if qid not in old_ids and not (set([qu["replaces"]] if isinstance(qu.get("replaces"), str)
                                                else qu.get("replaces") or []) & set(old.get("answers") or {}))]
        for qid in fresh:
            expect(f"{qid} is new in {version} but not open: {answers.get(qid)}", qid not in answers)
        expect(f"no answer to a question outside {version}: "
               f"{sorted(set(answers) - set(new_ids))}", not set(answers) - set(new_ids))

        # The plan: open actions carried, each naming only questions of this version.
        for act in r.get("plan") or []:
            gone = [x for x in act.get("questions") or [] if x not in new_ids]
            expect(f"action {act.get('id')} names questions not in {version}: {gone}", not gone)
        carried_actions = {a.get("id") for a in r.get("plan") or []}
        for act in old.get("plan") or []:
            if act.get("status") in ("done", "dropped"):
                continue
            left = [replaced_by.get(x, x) for x in act.get("questions") or []
                    if x in new_ids or x in replaced_by]
            if left:
                expect(f"open action {act['id']} (questions {left}) not carried", act["id"] in carried_actions)
            else:
                expect(f"open action {act['id']} left out silently:\n{err}",
                       f"action '{act['id']}' left out" in err and act["id"] not in carried_actions)

        p = qn.run(peil, ["--lang", "en", "validate", new], tmp)
        expect(f"peil validate on the carried file: {p.stdout}{p.stderr}",
               p.returncode == 0 and p.stdout == f"{new}: ok\n" and not p.stderr)
        p = qn.run(peil, ["--lang", "en", "compare", OLDR, new], tmp)
        expect(f"peil compare old new exits {p.returncode}: {p.stderr[-300:]}", p.returncode == 0)

    print(f"{carried} answers carried ({rechecked} to recheck), {moved} moved to a replacing question, "
          f"{dropped} left out, {reopened} not applicable no more, {len(fresh)} new questions open")
    expect("nothing carried at all", carried > 0)
    for f in fails:
        print("FAIL:", f)
    print("ok" if not fails else f"{len(fails)} failed")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
