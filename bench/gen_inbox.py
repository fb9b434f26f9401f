#!/usr/bin/env python3
"""A network organisation's inbox, generated: N municipalities (default 342)
with realistic sizes, last year's files for half of them, a registry, and
the mistakes a real inbox holds (issue 20). Used by the end-to-end tests
(tests/e2e/network_*.py) and by `make bench`. Deterministic by --seed;
standard library only.

    python3 bench/gen_inbox.py OUT [-n 342] [--seed 20] [--questions 4]

Writes
    OUT/bench-digital-maturity.yaml   the questionnaire (bench/gen_corpus.py)
    OUT/2026/...                      this year's inbox, mistakes included
    OUT/2025/...                      last year's files of every other municipality
    OUT/registry.csv                  organisation_id;name;population;province;partnership
    OUT/manifest.json                 which municipality got which mistake, and
                                      the intake problems each should cause
"""
import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_corpus as gc  # noqa: E402

PROVINCES = ["Groningen", "Fryslân", "Drenthe", "Overijssel", "Flevoland", "Gelderland", "Utrecht",
             "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg"]
# The mistakes, each on its own municipality (index into the list).
MISTAKES = ["old-version", "two-files", "typo", "group-file", "no-population", "crlf-bom", "yml",
            "no-gemeente", "name-differs", "unconfirmed", "incomplete", "no-code", "not-in-registry",
            "no-file"]


SUFFIXES = ["", "-Noord", "-Zuid", " aan Zee", " aan de Maas", " aan den IJssel", "-Oost", "-West",
            " in het Veld", " aan de Vecht"]


def municipalities(n, rnd):
    names = ["%s%s%s" % (p, r, x) for x in SUFFIXES for p in gc.PLACES for r in gc.ROOTS]
    if n > len(names):
        raise SystemExit("at most %d municipalities" % len(names))
    head = names[:len(gc.PLACES) * len(gc.ROOTS)]
    rnd.shuffle(head)
    names[:len(head)] = head
    out = []
    for name in names[:n]:
        i = len(out) + 1
        out.append({"code": "GM%04d" % i, "name": "Gemeente " + name, "population": gc.population(rnd),
                    "province": PROVINCES[i % len(PROVINCES)], "skill": rnd.uniform(1.5, 4.5)})
    return out


def answers(nq, rnd, skill, open_ok=False):
    lines = []
    for did, qid in gc.question_ids(nq):
        a = gc.answer_line(qid, rnd, skill + (0.5 if did == "informatiebeveiliging" else 0))
        while a is None and not open_ok:
            a = gc.answer_line(qid, rnd, skill)
        if a:
            lines.append(a)
    return lines


def response(m, nq, rnd, date, version="2026.1", name=None, code=True, population=True, extra=(),
             skill=None, open_ok=False):
    lines = ["peil-responses: 1", "questionnaire: bench-digital-maturity",
             'questionnaire_version: "%s"' % version, "organisation: %s" % (name or m["name"])]
    if code:
        lines.append("organisation_id: %s" % m["code"])
    lines += ["respondent: %s" % rnd.choice(gc.NAMES), "date: %s" % date]
    if population:
        lines.append("population: %d" % m["population"])
    lines += list(extra) + ["answers:"] + answers(nq, rnd, m["skill"] if skill is None else skill, open_ok)
    return "\n".join(lines) + "\n...\n"


def drop_answers(text, prefix):
    """The response text without the answers whose id starts with prefix
    (an answer is its "  id:" line and the deeper-indented lines after it)."""
    out, dropping = [], False
    for ln in text.split("\n"):
        if ln.startswith("  ") and not ln.startswith("   "):
            dropping = ln[2:].startswith(prefix)
        elif not ln.startswith("    "):
            dropping = False
        if not dropping:
            out.append(ln)
    return "\n".join(out)


def write(path, text, crlf=False, bom=False):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = text.replace("\n", "\r\n") if crlf else text
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(("\ufeff" if bom else "") + data)


def mutate(kind, m, nq, rnd, inbox, date):
    """Writes municipality m's file(s) with one mistake; returns the intake
    problems expected for it."""
    base = os.path.join(inbox, m["code"].lower())
    if kind == "old-version":
        write(base + ".yaml", response(m, nq, rnd, date, version="2025.1"))
        return ["other-version"]
    if kind == "two-files":
        write(base + "-concept.yaml", response(m, nq, rnd, "2026-03-01"))
        write(base + ".yaml", response(m, nq, rnd, date))
        return ["several-files"]
    if kind == "typo":
        text = response(m, nq, rnd, date).replace("level: 2", "level: 7", 1).replace("{level: 3}", "{level: 7}", 1)
        write(base + ".yaml", text)
        return ["invalid"]
    if kind == "group-file":
        qid = gc.question_ids(nq)[0][1]
        text = drop_answers(response(m, nq, rnd, date, extra=["participants: 6"]), qid + ":")
        text = text.replace("answers:\n", "answers:\n  %s: {level: 3, votes: {2: 2, 3: 3, 4: 1}, proposal: true}\n"
                            % qid, 1)
        write(base + ".yaml", text)
        return ["proposals"]
    if kind == "no-population":
        write(base + ".yaml", response(m, nq, rnd, date, population=False))
        return ["no-population"]
    if kind == "crlf-bom":
        write(base + ".yaml", response(m, nq, rnd, date), crlf=True, bom=True)
        return []
    if kind == "yml":
        write(base + ".yml", response(m, nq, rnd, date))
        return []
    if kind == "no-gemeente":
        write(base + ".yaml", response(m, nq, rnd, date, name=m["name"].replace("Gemeente ", "")))
        return []
    if kind == "name-differs":
        write(base + ".yaml", response(m, nq, rnd, date, name=m["name"] + "rade"))
        return ["name-differs"]
    if kind == "unconfirmed":
        text = response(m, nq, rnd, date)
        text = text.replace("{level: ", "{carried_over: true, level: ", 2)
        write(base + ".yaml", text)
        return ["unconfirmed"]
    if kind == "incomplete":
        write(base + ".yaml", drop_answers(response(m, nq, rnd, date), "regie."))
        return ["incomplete"]
    if kind == "no-code":
        write(base + ".yaml", response(m, nq, rnd, date, code=False))
        return []
    if kind == "not-in-registry":
        write(base + ".yaml", response(m, nq, rnd, date))
        return ["not-in-registry"]
    if kind == "no-file":
        return ["no-file"]
    raise ValueError(kind)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("-n", type=int, default=342)
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--questions", type=int, default=4)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    gc.write_questionnaire(os.path.join(a.out, "bench-digital-maturity.yaml"), a.questions, rnd)
    ms = municipalities(a.n, rnd)
    inbox, last = os.path.join(a.out, "2026"), os.path.join(a.out, "2025")
    manifest = {"municipalities": [], "mistakes": {}}
    # the mistakes go to municipalities spread over the list
    chosen = {kind: 7 + 23 * k for k, kind in enumerate(MISTAKES)}
    by_index = {v: k for k, v in chosen.items()}
    for i, m in enumerate(ms):
        date = "2026-%02d-%02d" % (rnd.randint(9, 11), rnd.randint(1, 28))
        kind = by_index.get(i)
        expect = mutate(kind, m, a.questions, rnd, inbox, date) if kind else []
        if not kind:
            write(os.path.join(inbox, m["code"].lower() + ".yaml"), response(m, a.questions, rnd, date))
        if kind:
            manifest["mistakes"][kind] = {"code": m["code"], "name": m["name"], "problems": expect}
        if i % 2 == 0 and kind != "typo":     # last year: every other municipality, some older spellings
            name = m["name"].replace("Gemeente ", "") if i % 6 == 0 else m["name"]
            write(os.path.join(last, m["code"].lower() + ".yaml"),
                  response(m, a.questions, rnd, "2025-%02d-15" % rnd.randint(9, 11), version="2026.1",
                           name=name, code=i % 6 != 0, skill=m["skill"] - 0.3))
        manifest["municipalities"].append(m)
    write(os.path.join(inbox, "lees-mij.txt"), "Aangeleverd via het portaal.\n")
    write(os.path.join(inbox, "bench-digital-maturity.yaml"),
          open(os.path.join(a.out, "bench-digital-maturity.yaml"), encoding="utf-8").read())
    manifest["not_read"] = ["lees-mij.txt", "bench-digital-maturity.yaml"]
    # partnerships for --group-by: two large, one of 8 (too small to publish)
    def partnership(i):
        return "Regio Klein" if 100 <= i < 108 else ("Samen Noord" if i % 3 == 0 else
                                                       "Samen Zuid" if i % 3 == 1 else "")
    rows = ["organisation_id;name;population;province;partnership"]
    for m in ms:
        kind = by_index.get(ms.index(m))
        if kind == "not-in-registry":
            continue
        pop = "" if kind == "no-population" else str(m["population"])
        rows.append("%s;%s;%s;%s;%s" % (m["code"], m["name"], pop, m["province"], partnership(ms.index(m))))
    write(os.path.join(a.out, "registry.csv"), "\n".join(rows) + "\n", crlf=True, bom=True)
    with open(os.path.join(a.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
