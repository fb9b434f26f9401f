#!/usr/bin/env python3
"""What a Flemish and a Dutch reader meet in the default questionnaire
(issue 17): no institution or term of the other country, and for a
Flemish reader at least eight Flemish ones.

For each region (BE-VLG, NL) and language (nl, en) the test reads what peil
itself shows, not just the YAML:
- plain mode (`peil fill --plain --region R`) answering every question, with
  `help` on each: domain titles, questions, help and every level's text,
  and "Question N of M" counting the questions the region asks;
  once with every answer at level 5 and once at level 1 (and at any other
  level some show_if needs), so that every follow-up is shown;
- the Markdown scorecard with --appendix of a complete response at each
  level 1-4: the advice of every question at that level, the glossary, the
  method (the levels), the interface's own words for the region;
- `peil score`, `peil plan` and `peil compare` as text, which print
  questions and advice too;
- the council texts, five at a time: a response with every question at
  level 5 but five at level L, so that those five are the scorecard's
  priorities and their council text is printed.
All scorecards of one language come from one batch export (`peil export
FILE... -o DIR`), so that the questionnaire is read once per language.
The TUI's domain screen lists only the questions the region asks.
It also checks that peil printed the text the region's reader should get
(the nl-BE variant where there is one), so that the YAML-side list of texts
below is the one peil shows, and then runs the same term checks over every
text a reader in that region meets in the YAML (questionnaire, levels,
domains, and each asked question's text, help, answers, advice, council).
"""
import os
import re
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
fails = []


def expect(what, cond):
    if not cond:
        fails.append(what)
    return cond


def unescape_md(s):
    """Markdown output with peil's backslash escapes removed, lines joined."""
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s) and not s[i + 1].isalnum():
            i += 1
        out.append(s[i])
        i += 1
    return "".join(out).replace("<br>", " ")


def plain_levels(q, region):
    """Uniform answer levels whose plain runs together show every question
    asked in the region: 5 and 1, and more if some show_if needs it."""
    levels = [5, 1]
    seen = set()
    for lv in levels:
        seen |= set(qn.uniform(q, region, lv))
    for lv in (2, 3, 4):
        more = set(qn.uniform(q, region, lv)) - seen
        if more:
            levels.append(lv)
            seen |= more
    return levels


def plain_runs(q, region, lang, tmp):
    """Everything plain mode prints in `region` and `lang`."""
    out = []
    n = sum(1 for _ in qn.questions(q)) + 5
    for lv in plain_levels(q, region):
        path = os.path.join(tmp, f"plain-{region}-{lang}-{lv}.yaml")
        p = qn.run(peil, ["--lang", lang, "fill", "-q", Q, "--plain", "--region", region, "--organisation",
                          "Gemeente Proefdorp", "-o", path], tmp, stdin=f"help\n{lv}\n" * n)
        expect(f"{region}/{lang}: plain mode at level {lv} exits 0, not {p.returncode}: {p.stderr[-300:]}",
               p.returncode == 0)
        out.append(p.stdout + p.stderr)
    asked = sum(1 for _, qu in qn.questions(q) if qn.asked(qu, region))
    word = "Question" if lang == "en" else "Vraag"
    of = "of" if lang == "en" else "van"
    counts = set(re.findall(rf"{word} \d+ {of} (\d+),", out[0]))
    expect(f"{region}/{lang}: plain mode counts {sorted(counts)} questions, not the {asked} asked in {region}",
           counts == {str(asked)})
    return "\n".join(out)


class Batch:
    """Response files written now and exported later, all of one language
    in a single `peil export FILE... -o DIR --format md --appendix` (the
    questionnaire is read once: a few hundred scorecards cost one process)."""

    def __init__(self, tmp):
        self.tmp = tmp
        self.names = []
        self.md = {}

    def add(self, q, region, levels, name, targets=None):
        d = os.path.join(self.tmp, "in")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, name + ".yaml"), "w", encoding="utf-8") as f:
            f.write(qn.response_yaml(q, region, levels, targets=targets))
        self.names.append(name)
        return name

    def run(self, lang):
        out = os.path.join(self.tmp, "out-" + lang)
        files = [os.path.join(self.tmp, "in", n + ".yaml") for n in self.names]
        p = qn.run(peil, ["--lang", lang, "export", "-q", Q, *files, "-o", out, "--format", "md", "--appendix"],
                   self.tmp)
        expect(f"{lang}: the batch of {len(files)} md scorecards exits 0, not {p.returncode}: {p.stderr[-300:]}",
               p.returncode == 0)
        for n in self.names:
            try:
                with open(os.path.join(out, n + ".md"), encoding="utf-8") as f:
                    self.md[(lang, n)] = unescape_md(f.read())
            except OSError as e:
                fails.append(f"{lang}: no scorecard for {n}: {e}")
                self.md[(lang, n)] = ""

    def get(self, lang, name):
        return self.md[(lang, name)]


def scored(q, region):
    """The questions asked in the region that count (weight > 0) and whose
    follow-up condition a gate at level 5 meets: the ones whose advice can
    reach the council scorecard's priorities."""
    top = qn.uniform(q, region, 5)
    return [qu for _, qu in qn.questions(q) if qu["id"] in top and qu.get("weight", 1) > 0]


def add_region(q, region, batch):
    """Adds the region's scorecards to the batch: a complete response at each
    level 1-4, and the council responses, every question at level 5 but five
    at level L (so those five are the priorities and their council text is
    printed). Returns (level scorecards, [(question, level, answer, name)])."""
    uniform = [batch.add(q, region, qn.uniform(q, region, lv), f"scorecard-{region}-{lv}") for lv in (1, 2, 3, 4)]
    want = []
    targets = {d["id"]: 5 for d in q["domains"]}
    qs = scored(q, region)
    for lv in (1, 2, 3, 4):
        for i in range(0, len(qs), 5):
            ids = {qu["id"] for qu in qs[i:i + 5]}
            levels = {}
            for _, qu in qn.questions(q):
                if qn.asked(qu, region) and qn.shown(qu.get("show_if"), levels):
                    levels[qu["id"]] = lv if qu["id"] in ids else 5
            name = batch.add(q, region, levels, f"council-{region}-{lv}-{i}", targets=targets)
            want += [(qu["id"], lv, qu["answers"][lv - 1], name) for qu in qs[i:i + 5] if qu["id"] in levels]
    return uniform, want


def cli_texts(q, region, lang, tmp, uniform):
    """What `peil score`, `peil plan` and `peil compare` print (as text) for
    the level-1 and level-2 responses: the priorities' questions and advice
    must be the region's texts."""
    one, two = (os.path.join(tmp, "in", n + ".yaml") for n in uniform[:2])
    out = []
    for args in (["score", one], ["plan", one], ["compare", one, two]):
        p = qn.run(peil, ["--lang", lang, args[0], "-q", Q] + args[1:], tmp)
        expect(f"{region}/{lang}: peil {args[0]} exits {p.returncode}: {p.stderr[-300:]}", p.returncode == 0)
        out.append(p.stdout)
    byid = {qu["id"]: qu for _, qu in qn.questions(q)}
    shown = [qid for qid in qn.uniform(q, region, 1) if byid[qid].get("weight", 1) > 0]
    first = byid[shown[0]] if shown else None
    if first:
        text = qn.tr(first["text"], lang, region)
        expect(f"{region}/{lang}: peil score does not print the region's text of {first['id']}: {text[:60]!r}",
               text in out[0] or "…" in out[0])
        expect(f"{region}/{lang}: peil compare does not print the region's text of {first['id']}: {text[:60]!r}",
               text in out[2])
    return "\n".join(out)


def check_region(q, region, lang, tmp, batch, uniform, want):
    forbidden = qn.NL_ONLY if region == "BE-VLG" else qn.BE_ONLY
    rendered = [("plain mode", plain_runs(q, region, lang, tmp))]
    rendered += [(f"scorecard at level {lv}", batch.get(lang, name)) for lv, name in zip((1, 2, 3, 4), uniform)]
    rendered.append(("score, plan and compare", cli_texts(q, region, lang, tmp, uniform)))
    councils = sorted({name for _, _, _, name in want})
    rendered += [("council scorecards", "\n".join(batch.get(lang, n) for n in councils))]
    everything = "\n".join(t for _, t in rendered)

    # peil shows the texts this region's reader should get.
    missing = []
    for where, kind, text in qn.met_texts(q, region, lang):
        if kind in ("advice", "council") or (kind == "description" and where.startswith("questionnaire")):
            continue        # advice: below; the description is on no screen checked here
        if text.strip() not in everything:
            missing.append(f"{where} {kind}: {text[:70]!r}")
    expect(f"{region}/{lang}: peil showed every question, help, level text and title "
           f"({len(missing)} missing, first: {missing[:3]})", not missing)
    for lv in (1, 2, 3, 4):
        md = rendered[lv][1]
        for qid in qn.uniform(q, region, lv):
            qu = next(x for _, x in qn.questions(q) if x["id"] == qid)
            adv = qn.tr(qu["answers"][lv - 1].get("advice"), lang, region)
            if adv and not expect(f"{region}/{lang}: the level-{lv} scorecard's appendix misses the advice "
                                  f"of {qid}: {adv[:70]!r}", adv.strip() in md):
                break
    absent = []
    for qid, lv, a, name in want:
        text = qn.tr(a.get("council") or a.get("advice"), lang, region)
        if text and text.strip() not in batch.get(lang, name):
            absent.append(f"{qid} level {lv}: {text[:60]!r}")
    expect(f"{region}/{lang}: the council scorecards miss {len(absent)} of {len(want)} council texts "
           f"(first: {absent[:3]})", not absent)

    # No term of the other country: in what peil printed, and in every text.
    for name, text in rendered:
        terms = qn.found(forbidden, text)
        for t in terms:
            at = qn.term_re(t).search(text).start()
            fails.append(f"{region}/{lang}: {name} shows {t!r}: ...{text[max(0, at - 80):at + 40]!r}...")
    for where, kind, text in qn.met_texts(q, region, lang):
        for t in qn.found(forbidden, text):
            fails.append(f"{region}/{lang}: {where} {kind} names {t!r}: {text[:100]!r}")
    return everything


def other_region_left_out(tmp):
    """The scorecard's appendix lists the questions asked in the reader's
    region only: a small questionnaire with one question per region."""
    border = os.path.join(root, "tests/fixtures/regions/q-2027.yaml")
    for region, mine, theirs in (("BE-VLG", "Alleen daar", "Alleen hier"), ("NL", "Alleen hier", "Alleen daar")):
        path = os.path.join(tmp, f"border-{region}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"peil-responses: 1\nquestionnaire: border\norganisation: Gemeente Grensdorp\nregion: {region}\n"
                    "date: 2026-03-01\nanswers:\n  d.kept: {level: 1}\n...\n")
        p = qn.run(peil, ["--lang", "nl", "export", "-q", border, path, "--format", "md", "--appendix"], tmp)
        expect(f"border/{region}: the appendix lists its own region's question {mine!r} and not the other's "
               f"{theirs!r}:\n{p.stdout[-600:]}{p.stderr}",
               p.returncode == 0 and f"#### {mine}" in p.stdout and theirs not in p.stdout)
        p = qn.run(peil, ["--lang", "nl", "export", "-q", border, path, "--format", "csv"], tmp)
        expect(f"border/{region}: the CSV has a row for its own region's question {mine!r} and none for the "
               f"other's {theirs!r}:\n{p.stdout}{p.stderr}",
               p.returncode == 0 and mine in p.stdout and theirs not in p.stdout)


def tui_domain_list(q, tmp):
    """The TUI's domain screen (r, a domain, Enter) lists the questions of the
    organisation's region only, numbered as asked: the data domain of a
    complete response in each region, scrolled to its end."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from tmuxdrive import script
    data = next(d for d in q["domains"] if d["id"] == "data")
    for region in qn.REGIONS:
        path = os.path.join(tmp, f"tui-{region}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(qn.response_yaml(q, region, qn.uniform(q, region, 2)))
        env = {"HOME": tmp, "XDG_DATA_HOME": os.path.join(tmp, "data"),
               "XDG_CONFIG_HOME": os.path.join(tmp, "config")}
        run = script([peil, "fill", "-q", Q, "-o", path, "--lang", "nl"],
                     ["<Down>", "<Enter>", ":screen top", "<End>", ":screen end", "q", "q", "q"], env, w=200, h=60)
        shown = (run.screens.get("top") or "") + (run.screens.get("end") or "")
        for qu in data["questions"]:
            words = " ".join(qn.tr(qu["text"], "nl", region).split()[:6])
            if qn.asked(qu, region):
                expect(f"{region}: the TUI's data domain does not list {qu['id']} ({words!r}):\n{shown}",
                       words in shown)
            else:
                expect(f"{region}: the TUI's data domain lists {qu['id']}, another region's question:\n{shown}",
                       words not in shown)
        n = sum(1 for d in q["domains"][:2] for qu in d["questions"] if qn.asked(qu, region))
        numbers = [int(x) for x in re.findall(r"^\s*(?:▶\s*)?(\d+)\s", run.screens.get("end") or "", re.M)]
        expect(f"{region}: the last question of the data domain is numbered {max(numbers or [0])}, not {n}:"
               f"\n{shown}", max(numbers or [0]) == n)


def main():
    try:
        q, _ = qn.load(Q)
    except (OSError, qn.yaml.YAMLError) as e:
        print(f"FAIL: {Q} does not load: {e}")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        other_region_left_out(tmp)
        tui_domain_list(q, tmp)
        flemish = ""
        batch = Batch(tmp)
        made = {region: add_region(q, region, batch) for region in qn.REGIONS}
        for lang in qn.LANGS:
            batch.run(lang)
        for region in qn.REGIONS:
            for lang in qn.LANGS:
                text = check_region(q, region, lang, tmp, batch, *made[region])
                if region == "BE-VLG" and lang == "nl":
                    flemish = text
    met = qn.found(qn.FLEMISH, flemish)
    print(f"a Flemish reader meets {len(met)} Flemish institutions or terms: {', '.join(met)}")
    expect(f"a Flemish reader meets only {len(met)} Flemish institutions or terms (at least 8): {met}",
           len(met) >= 8)
    for f in fails[:40]:
        print("FAIL:", f)
    if len(fails) > 40:
        print(f"FAIL: ... and {len(fails) - 40} more")
    print("ok" if not fails else f"{len(fails)} failed")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
