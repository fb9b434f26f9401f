#!/usr/bin/env python3
"""The results screen and the lists as a CIO reads them (issue 12,
defects 2, 8 and 12; issue 14.3's one list panel), in Dutch, on the
default questionnaire, every question answered, and dozens of priorities:
- every domain row keeps its figures: score, level and "ambitie N" with
  the number, at 100x30, 80x24 and 60x20; titles are cut, never numbers;
- at 60x20 the five domain titles stay told apart ("Digitale …" twice
  was the defect);
- End, and PgDn pressed often enough, reach the last line ("… en nog N:
  zie de export"), which stayed out of reach;
- the progress bar is not full at 98% (59 of 60);
- the overview's description, cut after two rows, ends in an ellipsis.
Runs through PEIL_SCRIPT: no terminal, nothing to wait for."""
import os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import Results, load, script, setup  # noqa: E402

import yaml  # noqa: E402  (setup() checked it is there)

peil, root, home, env = setup(need_tmux=False)
r = Results()
Q = os.path.join(root, "questionnaires/municipal-digital-maturity.yaml")
qn = load(Q)
ids = [qu["id"] for d in qn["domains"] for qu in d["questions"]]


def response(path, answered, targets=None):
    answers = {qid: {"level": 1 + i % 2} for i, qid in enumerate(ids[:answered])}
    doc = {"peil-responses": 1, "questionnaire": qn["id"], "questionnaire_version": str(qn["version"]),
           "organisation": "Gemeente Test", "date": "2026-11-30", "answers": answers}
    if targets:
        doc["targets"] = targets
    with open(path, "w", encoding="utf-8") as f:
        yaml.safe_dump(doc, f, allow_unicode=True, sort_keys=False)


def domain_rows(screen):
    """The five rows under the rule: the domain list."""
    lines = screen.splitlines()
    start = next(i for i, l in enumerate(lines) if l.startswith(" ─") or l.startswith("─"))
    return lines[start + 1:start + 1 + len(qn["domains"])]


full = os.path.join(home, "full.yaml")
# Own targets, so the rows read "ambitie 4*" (the widest figure).
response(full, len(ids), targets={d["id"]: 4 for d in qn["domains"]})
for w, h in ((100, 30), (80, 24), (60, 20)):
    run = script([peil, "fill", "-o", full, "--lang", "nl"],
                 ["r", ":screen results", "<End>", ":screen end", "<Home>"] + ["<PgDn>"] * 12 +
                 [":screen paged", "q"], env, w=w, h=h)
    s = run["results"] or ""
    rows = domain_rows(s)
    r.check(all(re.search(r"\d,\d\d\s+\d \S+.*ambitie 4\*?\s*$", row) for row in rows),
            f"{w}x{h}: a domain row lost a figure", s)
    titles = [row[3:].split("  ")[0].strip() for row in rows]
    r.check(len(set(titles)) == len(titles), f"{w}x{h}: domain titles read the same: {titles}", s)
    for name in ("end", "paged"):
        s = run[name] or ""
        r.check(re.search(r"… en nog \d+: zie de export", s) is not None,
                f"{w}x{h}: {name} does not reach the last line", s)

# 59 of 60 answered: 98%, and the bar has an empty cell left (it rounded
# 24.6 of 25 cells up to a full bar).
big = os.path.join(home, "sixty.yaml")
with open(big, "w", encoding="utf-8") as f:
    f.write('peil: 1\nid: sixty\nversion: "1"\nlanguages: [nl, en]\ntitle: {nl: Zestig, en: Sixty}\n'
            'levels:\n  - {value: 1, label: {nl: Laag, en: Low}}\n  - {value: 2, label: {nl: Hoog, en: High}}\n'
            'domains:\n  - id: d\n    title: {nl: Alles, en: All}\n    questions:\n')
    for i in range(60):
        f.write(f'      - id: d.q{i}\n        text: {{nl: "Vraag {i}?", en: "Question {i}?"}}\n        answers:\n'
                '          - {level: 1, text: {nl: Nee, en: "No"}}\n          - {level: 2, text: {nl: Ja, en: "Yes"}}\n')
part = os.path.join(home, "part.yaml")
with open(part, "w", encoding="utf-8") as f:
    f.write("peil-responses: 1\nquestionnaire: sixty\norganisation: T\ndate: 2026-11-30\nanswers:\n" +
            "".join(f"  d.q{i}: {{level: 1}}\n" for i in range(59)))
run = script([peil, "fill", "-q", big, "-o", part, "--lang", "nl"], [":screen question", "q"], env, w=100, h=30)
s = run["question"] or ""
bar = re.search(r"Voortgang ([█░#.=\- ]+?) +98%", s)
r.check(bar is not None and "░" in bar.group(1), "the progress bar is full at 98%", s)

# The overview: a long description cut after two rows ends in "…".
run = script([peil, "fill", "-o", full, "--lang", "nl"], ["o", ":screen overview", "q"], env, w=60, h=20)
s = (run["overview"] or "").splitlines()
r.check(len(s) > 3 and s[3].rstrip().endswith("…"), "the overview's description stops without an ellipsis",
        "\n".join(s[:5]))
r.done()
