"""The default questionnaire as the content tests read it (a helper imported
from tests/e2e/lib, not a test itself): a strict YAML load (duplicate keys
and aliases refused, as peil refuses them), which questions a region asks,
the text a reader in a region meets (peil's rule: the `nl-BE` variant for
an organisation in a region of BE, else the base language), every text a
reader meets, and a runner for peil with a clean environment."""
import os
import re
import subprocess

import yaml

QUESTIONNAIRE = "questionnaires/municipal-digital-maturity.yaml"
REGIONS = ("NL", "BE-VLG")
LANGS = ("nl", "en")

# What a reader in one region must never meet (issue 17, CONTENT-2027.md).
# Acronyms and names match case-sensitively as whole words (Woo, not
# "Woonwijk"); lower-case terms match case-insensitively at a word start,
# so that plurals and compounds count too (wethouders, schepencollege).
NL_ONLY = ["ENSIA", "DigiD", "Woo", "Wdo", "Wet digitale overheid", "Cyberbeveiligingswet", "BIO2",
           "Baseline Informatiebeveiliging Overheid", "Logius", "eHerkenning", "Common Ground", "IBD",
           "wethouder", "college van B&W", "burgemeester en wethouders", "gemeenschappelijke regeling",
           "rekenkamer", "portefeuillehouder", "raadsinformatiebrief"]
BE_ONLY = ["schepen", "OCMW", "Decreet Lokaal Bestuur", "Audit Vlaanderen", "Burgerprofiel", "MAGDA",
           "Bestuursdecreet", "CSAM"]
# What a Flemish reader should meet where it belongs (at least eight of them).
FLEMISH = ["CSAM", "itsme", "eID", "Burgerprofiel", "eBox", "Decreet Lokaal Bestuur", "organisatiebeheersing",
           "Audit Vlaanderen", "Bestuursdecreet", "MAGDA", "authentieke bron", "Digitaal Vlaanderen", "CCB",
           "CyberFundamentals", "VTC", "GBA", "OCMW", "digibank", "regierol", "algemeen directeur", "schepen",
           "KSZ", "Vlaams Toezicht", "interlokale vereniging", "opdrachthoudende vereniging",
           "dienstverlenende vereniging", "welzijnsvereniging"]
# Vague frequency words that no level text may contain (issue 17).
VAGUE = ["periodiek", "periodieke", "regelmatig", "regelmatige", "af en toe", "van tijd tot tijd",
         "periodically", "regularly", "from time to time", "at intervals", "occasionally"]


def term_re(term):
    """A regular expression for one term (see NL_ONLY above)."""
    if term.lower() == term:
        return re.compile(r"(?<![\w])" + re.escape(term), re.IGNORECASE)
    return re.compile(r"(?<![\w])" + re.escape(term) + r"(?![\w])")


def vague_re(word):
    return re.compile(r"(?<![\w])" + re.escape(word) + r"(?![\w])", re.IGNORECASE)


def found(terms, text):
    """The terms of `terms` that occur in text, in list order."""
    return [t for t in terms if term_re(t).search(text)]


class StrictLoader(yaml.SafeLoader):
    """A safe loader that, like peil, refuses duplicate keys and aliases."""


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
    """(document, raw text) of a YAML file, refused as peil refuses it."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.YAMLError(f"line {event.start_mark.line + 1}: YAML aliases are refused")
    return yaml.load(text, Loader=StrictLoader), text


def questions(q):
    """(domain, question) for every question, in questionnaire order."""
    for d in q.get("domains") or []:
        for qu in d.get("questions") or []:
            yield d, qu


def asked(qu, region):
    """Whether a question is asked of an organisation in `region`."""
    regions = qu.get("regions")
    return not regions or region in regions


def tr(text, lang, region):
    """The text a reader in `region` meets in `lang`: the variant for the
    region's country (nl-BE for BE-VLG) where there is one, else the base."""
    if text is None or isinstance(text, str):
        return text
    country = region.split("-")[0]
    return text.get(f"{lang}-{country}") or text.get(lang)


def met_texts(q, region, lang):
    """Every text a reader in `region` meets in `lang`, as (where, kind, text):
    the questionnaire's title and description, the levels, the domains, and
    of every question asked there its text, help, and each answer's text,
    advice and council text."""
    out = [("questionnaire", "title", q.get("title")), ("questionnaire", "description", q.get("description"))]
    for lv in q.get("levels") or []:
        out += [(f"level {lv.get('value')}", "label", lv.get("label")),
                (f"level {lv.get('value')}", "description", lv.get("description"))]
    for d in q.get("domains") or []:
        out += [(f"domain {d.get('id')}", "title", d.get("title")),
                (f"domain {d.get('id')}", "description", d.get("description"))]
        for qu in d.get("questions") or []:
            if not asked(qu, region):
                continue
            out += [(qu.get("id"), "text", qu.get("text")), (qu.get("id"), "help", qu.get("help"))]
            for a in qu.get("answers") or []:
                where = f"{qu.get('id')} level {a.get('level')}"
                out += [(where, "answer text", a.get("text")), (where, "advice", a.get("advice")),
                        (where, "council", a.get("council"))]
    return [(w, k, tr(t, lang, region)) for w, k, t in out if tr(t, lang, region)]


def shown(cond, answers):
    """peil's show_if rule: the condition holds for these answers {id: level}."""
    if not cond:
        return True
    level = answers.get(cond.get("question"))
    if not isinstance(level, int):
        return False
    return not ("min" in cond and level < cond["min"]) and not ("max" in cond and level > cond["max"])


def env(tmp, **extra):
    """A clean environment for peil: its own HOME and XDG dirs, C.UTF-8."""
    e = dict(os.environ, HOME=tmp, XDG_DATA_HOME=os.path.join(tmp, "data"),
             XDG_CONFIG_HOME=os.path.join(tmp, "config"), LC_ALL="C.UTF-8")
    for k in ("LANGUAGE", "LANG", "LC_MESSAGES", "PEIL_PATH"):
        e.pop(k, None)
    e.update(extra)
    return e


def peil_binary(root):
    return os.environ.get("PEIL") or os.path.join(root, "build", "peil")


def run(peil, args, tmp, stdin=None, timeout=120, **extra):
    """A finished peil process (stdout and stderr as text)."""
    return subprocess.run([peil] + list(args), input=stdin, capture_output=True, text=True,
                          errors="replace", timeout=timeout, env=env(tmp, **extra),
                          stdin=None if stdin is not None else subprocess.DEVNULL)


def response_yaml(q, region, levels, organisation="Gemeente Proefdorp", targets=None, plan=None):
    """A response file's text: `levels` maps question id -> level."""
    lines = ["peil-responses: 1", f"questionnaire: {q['id']}", f"questionnaire_version: \"{q['version']}\"",
             f"organisation: {organisation}", f"region: {region}", "date: 2026-12-01"]
    if targets:
        lines.append("targets: {" + ", ".join(f"{k}: {v}" for k, v in targets.items()) + "}")
    if plan:
        lines.append("plan:")
        for i, (title, qids) in enumerate(plan):
            lines.append(f"- {{id: a{i + 1}, title: \"{title}\", questions: [{', '.join(qids)}], status: planned}}")
    lines.append("answers:")
    lines += [f"  {qid}: {{level: {lv}}}" for qid, lv in levels.items()]
    return "\n".join(lines) + "\n...\n"


def uniform(q, region, level, follow=None):
    """{id: level} of a complete response in `region` where every question
    is answered with `level` (follow-ups revealed by show_if with `follow`,
    default the same level), hidden ones left out."""
    out = {}
    for _, qu in questions(q):
        if not asked(qu, region) or not shown(qu.get("show_if"), out):
            continue
        out[qu["id"]] = level if follow is None or not qu.get("show_if") else follow
    return out
