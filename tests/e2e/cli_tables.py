#!/usr/bin/env python3
"""The text tables of score, aggregate, compare and benchmark stay aligned in
Dutch and in English: every cell starts (or, right-aligned, ends) where its
header does, at least two spaces after the cell before it, with translated
headers ("Stemmen", "Mediaan") and titles of 40+ characters; a title too long
for its column gets a line of its own and the figures follow in step.
On the example assessments (questionnaires/examples) and on a fixture with
long, accented titles and level names (tests/fixtures/tables)."""
import os, re, subprocess, sys, tempfile

root = sys.argv[1] if len(sys.argv) > 1 else os.environ["ROOT"]
peil = os.environ.get("PEIL") or os.path.join(root, "build", "peil")
ex = os.path.join(root, "questionnaires", "examples")
fx = os.path.join(root, "tests", "fixtures", "tables")
TQ = os.path.join(fx, "tables.yaml")
fails = []
tables_checked = 0


def run(lang, *args, locale="C.UTF-8"):
    env = dict(os.environ, LC_ALL=locale, PEIL_PATH=fx)
    for k in ("LANGUAGE", "LANG", "LC_MESSAGES"):
        env.pop(k, None)
    p = subprocess.run([peil, "--lang", lang, *args], capture_output=True, text=True, env=env, timeout=60)
    if p.returncode != 0:
        fails.append(f"{lang} {' '.join(args)}: exit {p.returncode}: {p.stderr[-300:]}")
    return p.stdout


def columns(header, ncols, what):
    """(start, end) of each header cell; cells are at least two spaces apart."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+(?: \S+)*", header)]
    if header.startswith("  "):         # aggregate: the contested mark's column
        spans[0] = (0, spans[0][1])
    if len(spans) != ncols:
        fails.append(f"{what}: header has {len(spans)} cells, not {ncols} "
                     f"(two headers ran together?): {header!r}")
        return None
    return spans


def check_row(row, spans, right, what):
    """Every cell of `row` starts (left) or ends (right) at its header's."""
    for i, (start, end) in enumerate(spans):
        if i == 0:
            continue
        if right[i]:
            m = re.search(r"\S+$", row[:end])
            ok = m is not None and m.end() == end and (len(row) == end or row[end] == " ")
            ok = ok and row[m.start() - 2:m.start()] == "  "
        else:
            if len(row) <= start:   # trailing empty cells are left out
                continue
            ok = row[start - 2:start] == "  " and row[start] != " "
        if not ok:
            fails.append(f"{what}: column {i + 1} out of line:\n  {row!r}\n  header at {start}-{end}")
            return


def one_cell(row):
    """True when the line holds a single cell (no two-space gap inside)."""
    return not re.search(r"\S {2,}\S", row)


def check_table(out, first_header, ncols, what, right=None, skip=None):
    """Finds the table whose header starts with `first_header` and checks
    each row up to the next empty line (`skip`: lines that are not rows)."""
    global tables_checked
    lines = out.split("\n")
    at = [i for i, l in enumerate(lines) if l.startswith(first_header + "  ")]
    if not at:
        fails.append(f"{what}: no table headed {first_header!r} in:\n{out[:400]}")
        return
    spans = columns(lines[at[0]], ncols, what)
    if not spans:
        return
    right = right or [False] * ncols
    rows, n = lines[at[0] + 1:], 0
    for k, row in enumerate(rows):
        if row == "":
            break
        if skip and skip(row):
            continue
        if one_cell(row) and len(row) > spans[1][0] - 2:
            # a title too long for its column: its figures follow in step
            nxt = rows[k + 1] if k + 1 < len(rows) else ""
            if nxt[:spans[1][0]].strip() != "":
                fails.append(f"{what}: a long title's figures do not follow in step: {nxt!r}")
            continue
        check_row(row, spans, right, what)
        n += 1
    if n == 0:
        fails.append(f"{what}: no rows under {first_header!r}")
    tables_checked += 1


HEAD = {
    "nl": {"domain": "Domein", "votes": "  Stemmen"},
    "en": {"domain": "Domain", "votes": "  Votes"},
}
E25, E26 = os.path.join(ex, "gemeente-voorbeeld-2025.yaml"), os.path.join(ex, "gemeente-voorbeeld-2026.yaml")
OLD, NEW = os.path.join(fx, "old.yaml"), os.path.join(fx, "new.yaml")

for lang in ("nl", "en"):
    h = HEAD[lang]
    for name, old, new, q in (("examples", E25, E26, []), ("long titles", OLD, NEW, ["-q", TQ])):
        if not os.path.exists(new):
            continue
        out = run(lang, "score", *q, new)
        check_table(out, h["domain"], 6, f"score {name} {lang}")
        out = run(lang, "compare", *q, old, new)
        check_table(out, h["domain"], 5, f"compare {name} {lang}")
        out = run(lang, "aggregate", *q, old, new)
        check_table(out, h["votes"], 8, f"aggregate {name} {lang}")
        check_table(out, h["domain"], 5, f"aggregate domains {name} {lang}")
    # ASCII glyphs in a locale without UTF-8 line up too.
    out = run(lang, "aggregate", "-q", TQ, OLD, NEW, locale="C")
    check_table(out, h["votes"], 8, f"aggregate ASCII {lang}")

# Headers as wide as the old fixed columns ran into the next one.
out = run("nl", "aggregate", "-q", TQ, OLD, NEW)
if "Stemmenn" in out or "MediaanBereik" in out:
    fails.append("aggregate nl: headers run together")
# A long title's line of its own, then its figures in step.
out = run("en", "score", "-q", TQ, NEW)
lines = out.split("\n")
long_at = [i for i, l in enumerate(lines) if l.startswith("A domain whose title is far longer")]
if not long_at or not re.match(r"^ {20,}2\.00  ", lines[long_at[0] + 1]):
    fails.append(f"score: the long title's figures are not on the next line: {lines}")

# benchmark: numbers right-aligned under their headers, bars in between.
with tempfile.TemporaryDirectory() as peers:
    for i, (a, b, c) in enumerate([(1, 1, 1), (2, 2, 1), (3, 2, 2), (2, 3, 3), (1, 2, 3), (3, 3, 2)]):
        with open(os.path.join(peers, f"peer{i}.yaml"), "w") as f:
            f.write(f"peil-responses: 1\nquestionnaire: tables-wide-titles\norganisation: Gemeente {i}\n"
                    f"date: 2026-01-01\npopulation: 15000\nanswers:\n  identity.eid: {{level: {a}}}\n"
                    f"  cooperation.suppliers: {{level: {b}}}\n  long.q: {{level: {c}}}\n...\n")
    for lang in ("nl", "en"):
        for args in (["-q", TQ, NEW], ["-q", TQ, NEW, "--min-peers", "7"]):
            out = run(lang, "benchmark", *args, "--peers", peers)
            check_table(out, HEAD[lang]["domain"], 7, f"benchmark {lang} {args[3:]}",
                        right=[False] + [True] * 6, skip=lambda r: r.startswith("  "))

if fails:
    print("\n".join(fails))
    print(f"cli_tables: {len(fails)} failures")
    sys.exit(1)
print(f"cli_tables: {tables_checked} tables aligned (nl and en)")
