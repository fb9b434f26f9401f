#!/usr/bin/env python3
"""Checks the structural promises of the default questionnaire (issue 3).

    tests/e2e/check_default_questionnaire.py [REPO_ROOT]

REPO_ROOT defaults to the parent of tests/. Reads
questionnaires/municipal-digital-maturity.yaml and the example assessments in
questionnaires/examples/, and checks what later edits must not silently break:
the five domain ids in order, at least 8 questions per domain, the common
five-level scale, every text in Dutch and English and the two different, help
on every question, advice on every answer below the top level, show_if naming
an earlier question, id rules, and example files that answer only known
questions with defined levels. When $PEIL names a peil binary (tests/run.sh
sets it), it also checks that `peil validate` accepts all three files without
a single error or warning. Prints one line per failed check and a final line
"N passed, M failed"; exits 1 when anything failed, 77 (skipped) without PyYAML.

Needs Python 3 and PyYAML.
"""
import os
import subprocess
import sys

try:
    import yaml
except ImportError:
    print("check_default_questionnaire: needs PyYAML (apt-get install python3-yaml)")
    sys.exit(77)

QUESTIONNAIRE = "questionnaires/municipal-digital-maturity.yaml"
EXAMPLES = ("questionnaires/examples/gemeente-voorbeeld-2025.yaml",
            "questionnaires/examples/gemeente-voorbeeld-2026.yaml")
DOMAINS = ["security", "data", "identity", "inclusion", "collaboration"]
LANGS = ["nl", "en"]
LEVELS = {1: ("Initieel", "Initial"), 2: ("Herhaalbaar", "Repeatable"),
          3: ("Gedefinieerd", "Defined"), 4: ("Beheerst", "Managed"),
          5: ("Optimaliserend", "Optimising")}
MIN_QUESTIONS = 8


class StrictLoader(yaml.SafeLoader):
    """A safe loader that, like peil, refuses duplicate keys and aliases."""


def _no_alias(loader, node):
    raise yaml.constructor.ConstructorError(None, None, "YAML aliases are refused", node.start_mark)


def _mapping(loader, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                "while reading a mapping", node.start_mark,
                f"duplicate key {key!r} (first at line {seen[key] + 1})", key_node.start_mark)
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep=deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.YAMLError(f"line {event.start_mark.line + 1}: YAML aliases are refused")
    return yaml.load(text, Loader=StrictLoader), text


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
                if "advice" in a:
                    yield f"{where} level {a.get('level')}", "advice", a.get("advice")


def bilingual(where, kind, value):
    if not isinstance(value, dict):
        return [f"{where}: {kind} is not a mapping with {' and '.join(LANGS)}"]
    out = []
    for lang in LANGS:
        s = value.get(lang)
        if not isinstance(s, str) or not s.strip():
            out.append(f"{where}: {kind} has no '{lang}' text")
    extra = set(value) - set(LANGS)
    if extra:
        out.append(f"{where}: {kind} has unexpected languages {sorted(extra)}")
    if not out and value["nl"].strip() == value["en"].strip():
        out.append(f"{where}: {kind} is identical in nl and en: {value['nl']!r}")
    return out


def questions_of(q):
    for d in q.get("domains") or []:
        for qu in d.get("questions") or []:
            yield d, qu


def check_questionnaire(c, q, raw):
    c.check("file is UTF-8 without tabs or control characters",
            [f"line {i + 1}: {'a tab' if ch == chr(9) else f'control character U+{ord(ch):04X}'}"
             for i, line in enumerate(raw.split("\n")) for ch in line
             if ch == "\t" or (ord(ch) < 32) or 0x7f <= ord(ch) < 0xa0 or 0x202a <= ord(ch) <= 0x202e])
    c.check("header: peil 1, id, version 2026.1, languages [nl, en]", [
        p for p in (
            q.get("peil") != 1 and f"peil is {q.get('peil')!r}, not 1",
            q.get("id") != "municipal-digital-maturity" and f"id is {q.get('id')!r}",
            q.get("version") != "2026.1" and f"version is {q.get('version')!r}, not the string '2026.1'",
            q.get("languages") != LANGS and f"languages are {q.get('languages')!r}, not {LANGS}",
        ) if p])

    levels = q.get("levels") or []
    problems = []
    if [lv.get("value") for lv in levels] != list(LEVELS):
        problems.append(f"level values are {[lv.get('value') for lv in levels]}, not [1, 2, 3, 4, 5]")
    for lv in levels:
        want = LEVELS.get(lv.get("value"))
        label = lv.get("label") or {}
        if want and (not isinstance(label, dict) or (label.get("nl"), label.get("en")) != want):
            problems.append(f"level {lv.get('value')}: label is {label!r}, not nl {want[0]!r} / en {want[1]!r}")
        if not lv.get("description"):
            problems.append(f"level {lv.get('value')}: no description")
    c.check("five levels 1..5 with the common labels, each described", problems)

    domains = q.get("domains") or []
    ids = [d.get("id") for d in domains]
    c.check("domain ids are exactly security, data, identity, inclusion, collaboration, in that order",
            [] if ids == DOMAINS else [f"domain ids are {ids}"])
    c.check(f"at least {MIN_QUESTIONS} questions per domain",
            [f"domain {d.get('id')}: {len(d.get('questions') or [])} questions"
             for d in domains if len(d.get("questions") or []) < MIN_QUESTIONS])
    problems = []
    for d in domains:
        if d.get("weight", 1) != 1:
            problems.append(f"domain {d.get('id')}: weight {d.get('weight')!r}, not 1")
        if d.get("target") not in LEVELS:
            problems.append(f"domain {d.get('id')}: target {d.get('target')!r} is not a level value")
    c.check("every domain has weight 1 and a default target that is a level", problems)

    c.check("every text is present in nl and en, and the two differ",
            [p for where, kind, value in texts(q) for p in bilingual(where, kind, value)])

    seen, problems = set(), []
    for d, qu in questions_of(q):
        qid = qu.get("id")
        if not isinstance(qid, str) or not qid.startswith(f"{d.get('id')}."):
            problems.append(f"question {qid!r} in domain {d.get('id')} is not prefixed '{d.get('id')}.'")
        elif qid in seen:
            problems.append(f"question id {qid!r} is used twice")
        seen.add(qid)
    c.check("question ids are unique and prefixed with their domain id and a dot", problems)

    c.check("every question has help",
            [f"{qu.get('id')}: no help" for _, qu in questions_of(q) if not qu.get("help")])

    problems = []
    for _, qu in questions_of(q):
        levels_seen = [a.get("level") for a in qu.get("answers") or []]
        if levels_seen != list(LEVELS):
            problems.append(f"{qu.get('id')}: answers for levels {levels_seen}, not one each for 1..5 in order")
    c.check("every question has exactly one answer per level, in level order", problems)

    c.check("every answer for levels 1-4 has advice",
            [f"{qu.get('id')} level {a.get('level')}: no advice"
             for _, qu in questions_of(q) for a in qu.get("answers") or []
             if a.get("level") in (1, 2, 3, 4) and not a.get("advice")])

    earlier, problems, count = set(), [], 0
    for _, qu in questions_of(q):
        cond = qu.get("show_if")
        if cond is not None:
            count += 1
            target = cond.get("question") if isinstance(cond, dict) else None
            if target not in earlier:
                problems.append(f"{qu.get('id')}: show_if names {target!r}, which is not an earlier question")
            if not isinstance(cond, dict) or not ("min" in cond or "max" in cond):
                problems.append(f"{qu.get('id')}: show_if has neither min nor max")
            elif any(k in cond and cond[k] not in LEVELS for k in ("min", "max")):
                problems.append(f"{qu.get('id')}: show_if min/max is not a level value")
        earlier.add(qu.get("id"))
    if count < 3:
        problems.append(f"only {count} questions use show_if; the questionnaire promises at least 3")
    c.check("show_if names an earlier question (at least 3 uses)", problems)


def hidden(q, answers, qu):
    """True when qu's show_if condition is not met by these answers (peil's rule)."""
    cond = qu.get("show_if")
    if not cond:
        return False
    a = answers.get(cond["question"]) or {}
    level = a.get("level") if isinstance(a, dict) else None
    if level is None:
        return True
    return ("min" in cond and level < cond["min"]) or ("max" in cond and level > cond["max"])


def check_example(c, root, rel, q):
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
    c.check(f"{name}: header names the questionnaire and an organisation", [
        p for p in (
            r.get("peil-responses") != 1 and f"peil-responses is {r.get('peil-responses')!r}, not 1",
            r.get("questionnaire") != q.get("id") and f"questionnaire is {r.get('questionnaire')!r}",
            not r.get("organisation") and "no organisation",
            not r.get("date") and "no date",
            not raw.rstrip().endswith("\n...") and "no explicit document end marker '...' at the end",
        ) if p])

    questions = {qu.get("id"): qu for _, qu in questions_of(q)}
    levels = set(LEVELS)
    answers = r.get("answers") or {}
    problems = []
    for qid, a in answers.items():
        if qid not in questions:
            problems.append(f"{qid}: not a question of {q.get('id')}")
            continue
        if not isinstance(a, dict):
            problems.append(f"{qid}: the answer is not a mapping")
            continue
        if "level" in a and "status" in a:
            problems.append(f"{qid}: has both a level and a status")
        if "level" in a and a["level"] not in levels:
            problems.append(f"{qid}: level {a['level']!r} is not a defined level")
        if "status" in a and a["status"] not in ("na", "unknown"):
            problems.append(f"{qid}: status {a['status']!r} is not na or unknown")
        if "level" in a and hidden(q, answers, questions[qid]):
            problems.append(f"{qid}: has a level but is hidden by its show_if condition")
    for dom, level in (r.get("targets") or {}).items():
        if dom not in DOMAINS:
            problems.append(f"targets: {dom!r} is not a domain")
        elif level not in levels:
            problems.append(f"targets: {dom} = {level!r} is not a defined level")
    c.check(f"{name}: answers only known questions, with defined levels, respecting show_if", problems)
    return r


def check_with_peil(c, root):
    """peil's own validator: no errors and no warnings on any of the files."""
    peil = os.environ.get("PEIL")
    if not peil or not os.access(peil, os.X_OK):
        return
    files = [os.path.join(root, f) for f in (QUESTIONNAIRE,) + EXAMPLES]
    env = dict(os.environ, PEIL_PATH=os.path.join(root, "questionnaires"), LC_ALL="C.UTF-8")
    try:
        p = subprocess.run([peil, "validate"] + files, capture_output=True, text=True,
                           errors="replace", timeout=60, env=env)
    except (OSError, subprocess.TimeoutExpired) as e:
        c.check("peil validate accepts the questionnaire and examples without warnings", [str(e)])
        return
    problems = [line for line in (p.stdout + p.stderr).splitlines()
                if "error:" in line or "warning:" in line]
    if p.returncode != 0:
        problems.append(f"peil validate exited with {p.returncode}")
    c.check("peil validate accepts the questionnaire and examples without warnings", problems)


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
    if isinstance(q, dict):
        check_questionnaire(c, q, raw)
        examples = [check_example(c, root, rel, q) for rel in EXAMPLES]
        if all(examples):
            old, new = examples
            c.check("the 2025 example is an earlier assessment of the same organisation", [
                p for p in (
                    old.get("organisation") != new.get("organisation") and "organisations differ",
                    not str(old.get("date")) < str(new.get("date")) and "the 2025 file is not older",
                ) if p])
    check_with_peil(c, root)
    print(f"{c.passed} passed, {c.failed} failed")
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
