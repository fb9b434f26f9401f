#!/usr/bin/env python3
"""Synthetic corpus for peil's benchmarks and end-to-end tests.

Writes OUT/bench-digital-maturity.yaml (5 domains x 10 questions, 5 levels, Dutch and
English texts of realistic length) and OUT/responses/rNNNNN.yaml: N response
files, one municipality each, written the way peil writes them (flow
mappings for bare answers, block mappings with notes, an end marker), with
notes on about a third of the answers, some "not applicable", some "don't
know" and some open questions. Deterministic: the same seed gives the same
bytes. Standard library only.

    python3 bench/gen_corpus.py OUT [-n 10000] [--seed 1] [--questions 10]
"""
import argparse
import os
import random

DOMAINS = [
    ("informatiebeveiliging", "Informatiebeveiliging", "Information security", 3, 4),
    ("data", "Datagedreven werken", "Data-driven working", 2, 3),
    ("identiteit", "Digitale identiteit en toegang", "Digital identity and access", 2, 3),
    ("inclusie", "Digitale inclusie", "Digital inclusion", 1, 3),
    ("regie", "Samenwerking en regie", "Collaboration and governance", 1, 3),
]

TOPICS_NL = ["het incidentresponsplan", "de back-upprocedure", "het verwerkingsregister",
             "de DPIA-werkwijze", "het leveranciersmanagement", "de ENSIA-verantwoording",
             "de toegang tot basisregistraties", "het datakwaliteitsbeleid", "eHerkenning voor ondernemers",
             "het informatiepunt digitale overheid", "de regie op ketenpartners", "de cloudstrategie",
             "het opleidingsplan voor medewerkers", "de toegankelijkheid van de website",
             "de monitoring van bevoorrechte accounts", "het archiefbeheer", "de open data-publicatie",
             "de samenwerking in de regio", "het beheer van algoritmes", "de inzet van DigiD Machtigen"]
TOPICS_EN = ["the incident response plan", "the back-up procedure", "the register of processing",
             "the DPIA practice", "supplier management", "the ENSIA accountability report",
             "access to the base registers", "the data quality policy", "eHerkenning for businesses",
             "the digital government help desk", "governance of chain partners", "the cloud strategy",
             "the staff training plan", "the accessibility of the website",
             "monitoring of privileged accounts", "records management", "open data publication",
             "regional collaboration", "governance of algorithms", "the use of DigiD authorisation"]

LEVELS = [(1, "Initieel", "Initial"), (2, "Herhaalbaar", "Repeatable"), (3, "Gedefinieerd", "Defined"),
          (4, "Beheerst", "Managed"), (5, "Optimaliserend", "Optimising")]

ANSWER_NL = ["Er is nog niets vastgelegd; het hangt af van individuele medewerkers en wordt niet bijgehouden.",
             "Er zijn losse afspraken en een eerste versie, maar die wordt niet overal en niet altijd gevolgd.",
             "Het is vastgesteld door het college, belegd bij een eigenaar en wordt jaarlijks bijgewerkt.",
             "Het wordt gemeten en gerapporteerd aan de directie; afwijkingen leiden tot concrete verbeteracties.",
             "Het wordt voortdurend verbeterd samen met ketenpartners en de gemeente deelt haar aanpak in de regio."]
ANSWER_EN = ["Nothing is written down yet; it depends on individual staff and is not tracked.",
             "There are loose agreements and a first version, but they are not followed everywhere or always.",
             "It is adopted by the executive, owned by someone and updated every year.",
             "It is measured and reported to management; deviations lead to concrete improvement actions.",
             "It is improved continuously with chain partners and the municipality shares its approach in the region."]
ADVICE_NL = ["Leg vast wie verantwoordelijk is en maak een eerste inventarisatie van de huidige situatie.",
             "Laat de werkwijze vaststellen en maak één eigenaar verantwoordelijk voor de uitvoering en het bijhouden.",
             "Meet de uitvoering met een paar heldere indicatoren en bespreek ze elk kwartaal met de directie.",
             "Betrek ketenpartners bij de verbetercyclus en vergelijk de resultaten met andere gemeenten.",
             None]
ADVICE_EN = ["Decide who is responsible and make a first inventory of the current situation.",
             "Have the approach adopted and make one owner responsible for carrying it out and keeping it current.",
             "Measure execution with a few clear indicators and discuss them with management every quarter.",
             "Involve chain partners in the improvement cycle and compare results with other municipalities.",
             None]

NOTES = ["Besproken in het MT van {m}; actie uitgezet bij de CISO.",
         "Plan bestaat sinds {y}, laatst getest in het najaar. Verbeterpunten staan in het jaarplan.",
         "Wordt uitgevoerd door de regionale uitvoeringsorganisatie; wij hebben geen eigen inzicht in de details.",
         "Volgens de ENSIA-rapportage van {y} op orde, maar de auditor had twee kleine bevindingen.",
         "Nog niet vastgesteld door het college; concept ligt klaar voor besluitvorming in {m}.",
         "Onduidelijk wie eigenaar is. Navragen bij team Dienstverlening en de FG.",
         "Pilot loopt met drie afdelingen; evaluatie gepland na de zomer.",
         "Zie de notitie in het intranet, map Informatievoorziening/{y}."]
MONTHS = ["januari", "maart", "mei", "september", "november"]
PLACES = ["Hoog", "Laag", "Noord", "Zuid", "Oost", "West", "Nieuw", "Oud", "Groot", "Klein"]
ROOTS = ["veen", "dam", "dorp", "broek", "horst", "wijk", "meer", "berg", "zande", "hoven", "lo", "gem"]
NAMES = ["A. Jansen", "M. de Vries", "S. Bakker", "J. Visser", "L. Smit", "K. Peeters", "E. Claes", "R. Maes"]
ROLES = ["CIO", "Informatiemanager", "CISO", "Privacy officer", "Teamleider dienstverlening", "Gemeentesecretaris"]


def q(s):
    """A double-quoted YAML scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def text(nl, en, indent):
    pad = " " * indent
    return "\n%snl: %s\n%sen: %s" % (pad, q(nl), pad, q(en))


def question_ids(nq):
    return [(d[0], "%s.q%02d" % (d[0], i + 1)) for d in DOMAINS for i in range(nq)]


def weights(nq, rnd):
    return {qid: rnd.choice([1, 1, 1, 2, 2, 3]) for _, qid in question_ids(nq)}


def write_questionnaire(path, nq, rnd):
    w = weights(nq, rnd)
    out = ['peil: 1', 'id: bench-digital-maturity', 'version: "2026.1"', 'languages: [nl, en]',
           'title: {nl: "Digitale volwassenheid gemeenten (benchmark)", '
           'en: "Municipal digital maturity (benchmark)"}', 'levels:']
    for v, nl, en in LEVELS:
        out.append("  - value: %d\n    label: {nl: %s, en: %s}" % (v, nl, en))
    out.append("domains:")
    for k, (did, tnl, ten, dw, target) in enumerate(DOMAINS):
        out.append("  - id: %s\n    title:%s\n    weight: %d\n    target: %d\n    questions:"
                   % (did, text(tnl, ten, 6), dw, target))
        for i in range(nq):
            t = (k * nq + i) % len(TOPICS_NL)
            qid = "%s.q%02d" % (did, i + 1)
            out.append("      - id: %s" % qid)
            out.append("        text:%s" % text(
                "In hoeverre is %s binnen uw gemeente geregeld, vastgelegd en belegd bij een eigenaar?" % TOPICS_NL[t],
                "To what extent is %s in your municipality arranged, written down and owned by someone?" % TOPICS_EN[t], 10))
            out.append("        help:%s" % text(
                "Denk aan %s zoals die in de praktijk werkt, niet alleen op papier. Als bewijs telt een "
                "vastgesteld document, een verslag van een test of een rapportage aan de directie." % TOPICS_NL[t],
                "Think of %s as it works in practice, not only on paper. Evidence is an adopted document, "
                "a test report or a report to management." % TOPICS_EN[t], 10))
            out.append("        weight: %d" % w[qid])
            out.append("        answers:")
            for li, (v, _, _) in enumerate(LEVELS):
                out.append("          - level: %d\n            text:%s" % (v, text(ANSWER_NL[li], ANSWER_EN[li], 14)))
                if ADVICE_NL[li]:
                    out.append("            advice:%s" % text(ADVICE_NL[li], ADVICE_EN[li], 14))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def municipality(i, rnd):
    return "Gemeente %s%s %05d" % (rnd.choice(PLACES), rnd.choice(ROOTS), i)


def population(rnd):
    # Roughly the Dutch spread: many small, few large municipalities.
    return int(min(900000, max(1000, rnd.lognormvariate(10.3, 0.8))))


def answer_line(qid, rnd, skill):
    r = rnd.random()
    if r < 0.04:
        return None                                   # open
    if r < 0.09:
        body = "status: na"
    elif r < 0.12:
        body = "status: unknown"
    else:
        lvl = max(1, min(5, int(round(rnd.gauss(skill, 0.9)))))
        body = "level: %d" % lvl
    if rnd.random() < 0.33:
        note = rnd.choice(NOTES).format(m=rnd.choice(MONTHS), y=rnd.choice([2023, 2024, 2025]))
        lines = ["  %s:" % qid] + ["    " + p for p in body.split(", ")] + ["    note: %s" % q(note)]
        if rnd.random() < 0.15:
            lines.append('    evidence: ["intranet/iv/%s-%d.pdf"]' % (qid.replace(".", "-"), rnd.randint(2023, 2025)))
        return "\n".join(lines)
    return "  %s: {%s}" % (qid, body)


def write_response(path, i, nq, rnd):
    skill = rnd.uniform(1.5, 4.5)
    lines = ["peil-responses: 1", "questionnaire: bench-digital-maturity", 'questionnaire_version: "2026.1"',
             "organisation: %s" % municipality(i, rnd), "respondent: %s" % rnd.choice(NAMES),
             "role: %s" % rnd.choice(ROLES), "date: 2026-%02d-%02d" % (rnd.randint(1, 12), rnd.randint(1, 28))]
    if rnd.random() < 0.97:
        lines.append("population: %d" % population(rnd))
    if rnd.random() < 0.3:
        lines.append("targets: {informatiebeveiliging: 4, data: %d}" % rnd.randint(2, 5))
    lines.append("answers:")
    for did, qid in question_ids(nq):
        a = answer_line(qid, rnd, skill + (0.5 if did == "informatiebeveiliging" else 0))
        if a:
            lines.append(a)
    lines.append("...")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("-n", type=int, default=10000, help="number of response files")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--questions", type=int, default=10, help="questions per domain")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    os.makedirs(os.path.join(a.out, "responses"), exist_ok=True)
    write_questionnaire(os.path.join(a.out, "bench-digital-maturity.yaml"), a.questions, rnd)
    for i in range(1, a.n + 1):
        write_response(os.path.join(a.out, "responses", "r%05d.yaml" % i), i, a.questions, rnd)


if __name__ == "__main__":
    main()
