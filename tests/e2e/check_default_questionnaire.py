#!/usr/bin/env python3
"""Checks the structural promises of the default questionnaire (issues 3, 17).

    tests/e2e/check_default_questionnaire.py [REPO_ROOT]

REPO_ROOT defaults to the parent of tests/. Reads
questionnaires/municipal-digital-maturity.yaml and the example assessments in
questionnaires/examples/, and checks what later edits must not silently break:
- the file keeps its path and id, its version starts with 2027, and it is
  written for the regions NL and BE-VLG;
- five levels 1..5, each labelled and described, without the old
  maturity-model jargon (Initieel / Herhaalbaar / Gedefinieerd / Beheerst /
  Optimaliserend) as labels;
- the five domain ids in order, and 9 to 14 questions per domain for an
  organisation in each region (the questions that region is asked);
- every text in Dutch and English, the two different, regional variants
  (nl-BE, en-BE) only of a language the file has and different from the base;
- help on every question, with its evidence ("Bewijs:" / "Evidence:") in the
  text every region's reader meets; advice on every answer below the top
  level; a council text on every advice that uses an abbreviation;
- no vague frequency word (periodiek, regelmatig, af en toe, periodically,
  regularly ...) in any level text, advice or council text, in either
  language and either region;
- the questions about a legal duty (LEGAL_DUTIES below, from the content
  helpers' notes) exist and have allow_na: false;
- show_if names an earlier question asked wherever its follow-up is;
  `replaces` names ids of version 2026.1 (tests/fixtures/) that are gone,
  `changed_in` sits only on ids 2026.1 had;
- example files that answer only questions their region is asked, with
  defined levels, respecting show_if, with targets, who decided them, and
  a plan on questions of this version (6 to 10 actions in 2026, up to 10 the
  year before); the 2026 files complete; each pair one organisation a year
  apart; a Flemish example's own texts (notes, plan) name nothing
  Dutch-only, and the reverse;
- with $PEIL (tests/run.sh sets it): `peil validate` prints exactly
  "FILE: ok" for the questionnaire and every example, nothing else.
Prints one line per failed check and a final line "N passed, M failed";
exits 1 when anything failed, 77 (skipped) without PyYAML.
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
try:
    import qn
    import yaml
except ImportError:
    print("check_default_questionnaire: needs PyYAML (apt-get install python3-yaml)")
    sys.exit(77)

QUESTIONNAIRE = qn.QUESTIONNAIRE
OLD = "tests/fixtures/municipal-digital-maturity-2026.1.yaml"
# (file, region), as pairs: last year's assessment, then this year's.
EXAMPLES = (("questionnaires/examples/gemeente-voorbeeld-2025.yaml", "NL"),
            ("questionnaires/examples/gemeente-voorbeeld-2026.yaml", "NL"),
            ("questionnaires/examples/gemeente-voorbeeldegem-2025.yaml", "BE-VLG"),
            ("questionnaires/examples/gemeente-voorbeeldegem-2026.yaml", "BE-VLG"))
DOMAINS = ["security", "data", "identity", "inclusion", "collaboration"]
LANGS = list(qn.LANGS)
VARIANTS = ["nl-BE", "en-BE"]
LEVELS = [1, 2, 3, 4, 5]
JARGON = ["Initieel", "Herhaalbaar", "Gedefinieerd", "Beheerst", "Optimaliserend",
          "Initial", "Repeatable", "Defined", "Managed", "Optimising"]
MIN_QUESTIONS, MAX_QUESTIONS = 9, 14
# Questions about a legal duty (the content helpers' notes,
# /work/notes/issue-17-*.md): not applicable is no answer to a duty.
LEGAL_DUTIES = [
    "security.dpo", "security.accountability", "security.cbw", "security.privacy",
    "security.internet-standards", "security.incident-response", "security.suppliers",
    "data.ai-literacy", "data.information-requests", "data.active-disclosure", "data.records", "data.protocols",
    "identity.assurance-level", "identity.login-means", "identity.business-login", "identity.mandates",
    "identity.electronic-messages", "identity.connection-security",
    "inclusion.offline-alternatives", "inclusion.help-direction", "inclusion.web-accessibility",
    "inclusion.accessible-documents", "collaboration.participation-policy"]
# An abbreviation: two or more capitals in a word (AVG, DPIA, DigiD, eID).
ABBREVIATION = re.compile(r"\b[a-z]?[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*\b")


def load(path):
    return qn.load(path)


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, problems):
        problems = list(problems)
        if problems:
            self.failed += 1
            print(f"FAIL {name}")
            for p in problems[:25]:
                print(f"     {p}")
            if len(problems) > 25:
                print(f"     ... and {len(problems) - 25} more")
        else:
            self.passed += 1


def texts(q):
    """Every translatable text in the questionnaire, as (where, kind, value)."""
    yield "questionnaire", "title", q.get("title")
    yield "questionnaire", "description", q.get("description")
    for lv in q.get("levels") or []:
        where = f"level {lv.get('value')}"
        yield where, "label", lv.get("label")
        yield where, "description", lv.get("description")
    for d in q.get("domains") or []:
        yield f"domain {d.get('id')}", "title", d.get("title")
        yield f"domain {d.get('id')}", "description", d.get("description")
        for qu in d.get("questions") or []:
            where = qu.get("id")
            yield where, "text", qu.get("text")
            yield where, "help", qu.get("help")
            for a in qu.get("answers") or []:
                yield f"{where} level {a.get('level')}", "answer text", a.get("text")
                for kind in ("advice", "council"):
                    if kind in a:
                        yield f"{where} level {a.get('level')}", kind, a.get(kind)


def bilingual(where, kind, value):
    if value is None and kind == "description":
        return []
    if not isinstance(value, dict):
        return [f"{where}: {kind} is not a mapping with {' and '.join(LANGS)}"]
    out = []
    for lang in LANGS:
        s = value.get(lang)
        if not isinstance(s, str) or not s.strip():
            out.append(f"{where}: {kind} has no '{lang}' text")
    extra = set(value) - set(LANGS) - set(VARIANTS)
    if extra:
        out.append(f"{where}: {kind} has unexpected languages {sorted(extra)}")
    for v in VARIANTS:
        if v in value and (not isinstance(value[v], str) or value[v].strip() == str(value.get(v[:2])).strip()):
            out.append(f"{where}: {kind}'s {v} variant is empty or the same as its base")
    if not out and value["nl"].strip() == value["en"].strip():
        out.append(f"{where}: {kind} is identical in nl and en: {value['nl']!r}")
    return out


def questions_of(q):
    return qn.questions(q)


def every_reading(value):
    """Each text a reader can meet of one value: per region and language."""
    return {(r, lang): qn.tr(value, lang, r) for r in qn.REGIONS for lang in LANGS}


def check_header(c, q):
    c.check("header: peil 1, same id, version 2027.x, languages [nl, en], regions [NL, BE-VLG]", [
        p for p in (
            q.get("peil") != 1 and f"peil is {q.get('peil')!r}, not 1",
            q.get("id") != "municipal-digital-maturity" and f"id is {q.get('id')!r}",
            not (isinstance(q.get("version"), str) and re.fullmatch(r"2027\.\d+", q["version"]))
            and f"version is {q.get('version')!r}, not a string '2027.N'",
            q.get("languages") != LANGS and f"languages are {q.get('languages')!r}, not {LANGS}",
            q.get("regions") != list(qn.REGIONS) and f"regions are {q.get('regions')!r}, not {list(qn.REGIONS)}",
        ) if p])

    levels = q.get("levels") or []
    problems = []
    if [lv.get("value") for lv in levels] != LEVELS:
        problems.append(f"level values are {[lv.get('value') for lv in levels]}, not {LEVELS}")
    for lv in levels:
        label = lv.get("label")
        for (r, lang), s in every_reading(label).items():
            if not s or s.strip() in JARGON:
                problems.append(f"level {lv.get('value')}: {lang} label for {r} is {s!r} "
                                "(maturity-model jargon or none)")
        if not lv.get("description"):
            problems.append(f"level {lv.get('value')}: no description")
    c.check("five levels 1..5, each described, with labels a council member understands (no "
            "Initieel/Herhaalbaar/Gedefinieerd/Beheerst/Optimaliserend)", problems)


def check_domains(c, q):
    domains = q.get("domains") or []
    ids = [d.get("id") for d in domains]
    c.check("domain ids are exactly security, data, identity, inclusion, collaboration, in that order",
            [] if ids == DOMAINS else [f"domain ids are {ids}"])
    problems = []
    for d in domains:
        for r in qn.REGIONS:
            n = sum(1 for qu in d.get("questions") or [] if qn.asked(qu, r))
            if not MIN_QUESTIONS <= n <= MAX_QUESTIONS:
                problems.append(f"domain {d.get('id')}: {n} questions for an organisation in {r}")
    c.check(f"{MIN_QUESTIONS} to {MAX_QUESTIONS} questions per domain in each region", problems)
    problems = []
    for d in domains:
        if d.get("weight", 1) != 1:
            problems.append(f"domain {d.get('id')}: weight {d.get('weight')!r}, not 1")
        if d.get("target") not in LEVELS:
            problems.append(f"domain {d.get('id')}: target {d.get('target')!r} is not a level value")
    c.check("every domain has weight 1 and a default target that is a level", problems)


def check_texts(c, q):
    c.check("every text is present in nl and en, the two differ, and regional variants differ from their base",
            [p for where, kind, value in texts(q) for p in bilingual(where, kind, value)])

    problems = []
    for _, qu in questions_of(q):
        if not qu.get("help"):
            problems.append(f"{qu.get('id')}: no help")
            continue
        for (r, lang), s in every_reading(qu["help"]).items():
            word = "Bewijs:" if lang == "nl" else "Evidence:"
            if qn.asked(qu, r) and word not in (s or ""):
                problems.append(f"{qu.get('id')}: the {lang} help for {r} says no {word!r}")
    c.check("every question has help that names the evidence (Bewijs: / Evidence:) for each region", problems)

    c.check("every answer for levels 1-4 has advice",
            [f"{qu.get('id')} level {a.get('level')}: no advice"
             for _, qu in questions_of(q) for a in qu.get("answers") or []
             if a.get("level") in (1, 2, 3, 4) and not a.get("advice")])

    problems = []
    for _, qu in questions_of(q):
        for a in qu.get("answers") or []:
            if "advice" not in a or a.get("council"):
                continue
            for (r, lang), s in every_reading(a["advice"]).items():
                abbr = ABBREVIATION.findall(s or "")
                if abbr and qn.asked(qu, r):
                    problems.append(f"{qu.get('id')} level {a.get('level')}: {lang} advice for {r} uses "
                                    f"{', '.join(sorted(set(abbr)))} and has no council text")
                    break
    c.check("every advice with an abbreviation has a plain council text", problems)

    problems = []
    for _, qu in questions_of(q):
        for a in qu.get("answers") or []:
            for kind in ("text", "advice", "council"):
                for (r, lang), s in every_reading(a.get(kind)).items():
                    for w in qn.VAGUE:
                        if s and qn.vague_re(w).search(s):
                            problems.append(f"{qu.get('id')} level {a.get('level')} {kind} ({lang}, {r}): {w!r} "
                                            f"in {s[:80]!r}")
    c.check("no level text, advice or council text contains a vague frequency word "
            "(periodiek, regelmatig, af en toe, van tijd tot tijd, periodically, regularly, ...)",
            sorted(set(problems)))


def check_questions(c, q, old):
    seen, problems = set(), []
    for d, qu in questions_of(q):
        qid = qu.get("id")
        if not isinstance(qid, str) or not qid.startswith(f"{d.get('id')}."):
            problems.append(f"question {qid!r} in domain {d.get('id')} is not prefixed '{d.get('id')}.'")
        elif qid in seen:
            problems.append(f"question id {qid!r} is used twice")
        seen.add(qid)
    c.check("question ids are unique and prefixed with their domain id and a dot", problems)

    problems = []
    for _, qu in questions_of(q):
        levels_seen = [a.get("level") for a in qu.get("answers") or []]
        if levels_seen != LEVELS:
            problems.append(f"{qu.get('id')}: answers for levels {levels_seen}, not one each for 1..5 in order")
    c.check("every question has exactly one answer per level, in level order", problems)

    byid = {qu.get("id"): qu for _, qu in questions_of(q)}
    problems = [f"{qid}: not a question of this version" for qid in LEGAL_DUTIES if qid not in byid]
    problems += [f"{qid}: allow_na is {byid[qid].get('allow_na', True)!r}, not false"
                 for qid in LEGAL_DUTIES if qid in byid and byid[qid].get("allow_na", True) is not False]
    c.check(f"the {len(LEGAL_DUTIES)} questions about a legal duty exist and have allow_na: false", problems)

    earlier, problems = {}, []
    for _, qu in questions_of(q):
        cond = qu.get("show_if")
        if cond is not None:
            target = cond.get("question") if isinstance(cond, dict) else None
            if target not in earlier:
                problems.append(f"{qu.get('id')}: show_if names {target!r}, which is not an earlier question")
            elif any(qn.asked(qu, r) and not qn.asked(earlier[target], r) for r in qn.REGIONS):
                problems.append(f"{qu.get('id')}: show_if names {target!r}, which some region asking "
                                f"{qu.get('id')} is not asked")
            if not isinstance(cond, dict) or not ("min" in cond or "max" in cond):
                problems.append(f"{qu.get('id')}: show_if has neither min nor max")
            elif any(k in cond and cond[k] not in LEVELS for k in ("min", "max")):
                problems.append(f"{qu.get('id')}: show_if min/max is not a level value")
        earlier[qu.get("id")] = qu
    c.check("show_if names an earlier question, asked wherever its follow-up is", problems)

    if old is None:
        return
    old_ids = {qu.get("id") for _, qu in questions_of(old)}
    problems, replaced = [], {}
    for _, qu in questions_of(q):
        reps = qu.get("replaces")
        for rid in [reps] if isinstance(reps, str) else reps or []:
            if rid not in old_ids:
                problems.append(f"{qu.get('id')}: replaces {rid!r}, which version 2026.1 did not have")
            elif rid in byid:
                problems.append(f"{qu.get('id')}: replaces {rid!r}, which is still a question")
            elif rid in replaced:
                problems.append(f"{qu.get('id')}: replaces {rid!r}, which {replaced[rid]} replaces already")
            replaced[rid] = qu.get("id")
        if "changed_in" in qu and qu.get("id") not in old_ids:
            problems.append(f"{qu.get('id')}: changed_in on a question 2026.1 did not have")
        if "changed_in" in qu and qu.get("changed_in") != q.get("version"):
            problems.append(f"{qu.get('id')}: changed_in is {qu.get('changed_in')!r}, not {q.get('version')!r}")
    c.check("replaces names removed ids of version 2026.1, each once; changed_in only on kept ids", problems)


def check_example(c, root, rel, region, q):
    name = os.path.basename(rel)
    path = os.path.join(root, rel)
    try:
        r, raw = load(path)
    except (OSError, yaml.YAMLError) as e:
        c.check(f"{name}: parses", [str(e).replace("\n", " ")])
        return None
    c.check(f"{name}: parses", [] if isinstance(r, dict) else ["the document is not a mapping"])
    if not isinstance(r, dict):
        return None
    c.check(f"{name}: header names this version, its region, an organisation, targets and who decided them", [
        p for p in (
            r.get("peil-responses") != 1 and f"peil-responses is {r.get('peil-responses')!r}, not 1",
            r.get("questionnaire") != q.get("id") and f"questionnaire is {r.get('questionnaire')!r}",
            r.get("questionnaire_version") != q.get("version")
            and f"questionnaire_version is {r.get('questionnaire_version')!r}, not {q.get('version')!r}",
            r.get("region", qn.REGIONS[0]) != region and f"region is {r.get('region')!r}, not {region}",
            not r.get("organisation") and "no organisation",
            not r.get("date") and "no date",
            not r.get("targets") and "no targets",
            not (r.get("targets_decided") or {}).get("by") and "no targets_decided with 'by'",
            not raw.rstrip().endswith("\n...") and "no explicit document end marker '...' at the end",
        ) if p])

    questions = {qu.get("id"): qu for _, qu in questions_of(q)}
    answers = r.get("answers") or {}
    levels = {k: a.get("level") for k, a in answers.items() if isinstance(a, dict)}
    problems = []
    for qid, a in answers.items():
        if qid not in questions:
            problems.append(f"{qid}: not a question of {q.get('id')} {q.get('version')}")
            continue
        if not isinstance(a, dict):
            problems.append(f"{qid}: the answer is not a mapping")
            continue
        if not qn.asked(questions[qid], region):
            problems.append(f"{qid}: is not asked in {region}")
        if "level" in a and "status" in a:
            problems.append(f"{qid}: has both a level and a status")
        if "level" in a and a["level"] not in LEVELS:
            problems.append(f"{qid}: level {a['level']!r} is not a defined level")
        if "status" in a and a["status"] not in ("na", "unknown"):
            problems.append(f"{qid}: status {a['status']!r} is not na or unknown")
        if a.get("status") == "na" and questions[qid].get("allow_na", True) is False:
            problems.append(f"{qid}: not applicable, but the question has allow_na: false")
        if "level" in a and not qn.shown(questions[qid].get("show_if"), levels):
            problems.append(f"{qid}: has a level but is hidden by its show_if condition")
    for dom, level in (r.get("targets") or {}).items():
        if dom not in DOMAINS:
            problems.append(f"targets: {dom!r} is not a domain")
        elif level not in LEVELS:
            problems.append(f"targets: {dom} = {level!r} is not a defined level")
    c.check(f"{name}: answers only questions asked in {region}, with defined levels, respecting show_if", problems)

    forbidden = qn.NL_ONLY if region == "BE-VLG" else qn.BE_ONLY
    c.check(f"{name}: its own texts (notes, plan, who decided) name nothing of the other country", [
        f"line {i + 1}: {t!r}" for i, line in enumerate(raw.split("\n")) if not line.lstrip().startswith("#")
        for t in qn.found(forbidden, line)])

    plan = r.get("plan") or []
    lo = 6 if "2026" in name else 1
    problems = [] if lo <= len(plan) <= 10 else [f"{len(plan)} actions, not {lo} to 10"]
    for act in plan:
        for qid in act.get("questions") or []:
            if qid not in questions or not qn.asked(questions[qid], region):
                problems.append(f"action {act.get('id')}: {qid!r} is not a question asked in {region}")
    c.check(f"{name}: a plan of {lo} to 10 actions on questions of this version asked in {region}", problems)

    if "2026" in name:
        open_ = [qu.get("id") for _, qu in questions_of(q)
                 if qn.asked(qu, region) and qn.shown(qu.get("show_if"), levels)
                 and not ({"level", "status"} & set(answers.get(qu.get("id")) or {}))]
        c.check(f"{name}: every question asked is answered", [f"{qid}: open" for qid in open_])
    return r


def check_with_peil(c, root):
    """peil's own validator says "FILE: ok" of every file, and nothing else."""
    peil = os.environ.get("PEIL")
    if not peil or not os.access(peil, os.X_OK):
        return
    files = [QUESTIONNAIRE] + [f for f, _ in EXAMPLES]
    env = dict(os.environ, PEIL_PATH=os.path.join(root, "questionnaires"), LC_ALL="C.UTF-8")
    for k in ("LANGUAGE", "LANG", "LC_MESSAGES"):
        env.pop(k, None)
    try:
        p = subprocess.run([peil, "--lang", "en", "validate"] + files, capture_output=True, text=True,
                           errors="replace", timeout=60, env=env, cwd=root)
    except (OSError, subprocess.TimeoutExpired) as e:
        c.check("peil validate prints 'FILE: ok' for the questionnaire and the examples, nothing else", [str(e)])
        return
    want = "".join(f"{f}: ok\n" for f in files)
    problems = [] if p.stdout == want else [f"stdout: {line}" for line in p.stdout.splitlines()
                                            if line not in want.splitlines()] or [f"stdout is {p.stdout!r}"]
    problems += [f"stderr: {line}" for line in p.stderr.splitlines()]
    if p.returncode != 0:
        problems.append(f"peil validate exited with {p.returncode}")
    c.check("peil validate prints 'FILE: ok' for the questionnaire and the examples, nothing else", problems)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(here))
    c = Checks()
    path = os.path.join(root, QUESTIONNAIRE)
    try:
        q, raw = load(path)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        c.check(f"{QUESTIONNAIRE} parses", [str(e).replace("\n", " ")])
        print(f"{c.passed} passed, {c.failed} failed")
        return 1
    c.check(f"{QUESTIONNAIRE} parses", [] if isinstance(q, dict) else ["the document is not a mapping"])
    try:
        old, _ = load(os.path.join(root, OLD))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        c.check(f"{OLD} parses", [str(e).replace("\n", " ")])
        old = None
    if isinstance(q, dict):
        c.check("file is UTF-8 without tabs or control characters",
                [f"line {i + 1}: {'a tab' if ch == chr(9) else f'control character U+{ord(ch):04X}'}"
                 for i, line in enumerate(raw.split("\n")) for ch in line
                 if ch == "\t" or (ord(ch) < 32) or 0x7f <= ord(ch) < 0xa0 or 0x202a <= ord(ch) <= 0x202e])
        check_header(c, q)
        check_domains(c, q)
        check_texts(c, q)
        check_questions(c, q, old)
        examples = [check_example(c, root, rel, region, q) for rel, region in EXAMPLES]
        for i in (0, 2):
            old_r, new_r = examples[i], examples[i + 1]
            if old_r and new_r:
                c.check(f"{os.path.basename(EXAMPLES[i][0])} is an earlier assessment of the same organisation", [
                    p for p in (
                        old_r.get("organisation") != new_r.get("organisation") and "organisations differ",
                        not str(old_r.get("date")) < str(new_r.get("date")) and "the older file is not older",
                    ) if p])
    check_with_peil(c, root)
    print(f"{c.passed} passed, {c.failed} failed")
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
