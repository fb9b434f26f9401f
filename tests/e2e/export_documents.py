#!/usr/bin/env python3
"""The council documents as a clerk and a document system get them
(issue 16):
- PDF: pdfinfo says A4, tagged, title and author set, a sensible page count;
  pdffonts shows every font embedded; pdftotext finds the organisation,
  every domain, the summary and the radar on page 1, the page footer
  "page n of m"; the appendix only with --appendix, on a page of its own;
  a table longer than a page repeats its header row on every page it is on,
  and no row is split; each page rendered to PNG has ink on it; for the
  example municipalities page 1 holds the summary, the radar and the whole
  decision section, its facts (the plan's cost and hours, priorities
  without an action) too (DOC_PNG=path keeps the Dutch example's page 1,
  the README's image);
- ODT: mimetype first and stored, no extra field; every XML part
  well-formed; the manifest lists every file; headings with outline levels
  in named styles; the same sections as the PDF with --appendix; table
  header rows; LibreOffice headless converts it to PDF with the same number
  of domain rows.
Both in Dutch and English."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import xml.dom.minidom

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.environ["ROOT"]
PEIL = os.environ["PEIL"]
FX = os.path.join(ROOT, "tests/fixtures/exports")
Q = os.path.join(FX, "questionnaire.yaml")
TMP = tempfile.mkdtemp()
ENV = dict(os.environ, LC_ALL="C.UTF-8", XDG_DATA_HOME=TMP + "/data", XDG_CONFIG_HOME=TMP + "/config")
DOMAINS = {"en": ["Services", "Skills", "Data", "Information security and privacy"],
           "nl": ["Dienstverlening", "Vaardigheden", "Gegevens", "Informatieveiligheid en privacy"]}
WORDS = {"en": {"decide": "What the council is asked to decide", "summary": "In short", "radar": "The domains at a glance", "page": "page {} of {}",
                "appendix": "Appendix: every question and answer", "domains": "Per domain",
                "next": "What goes well", "question": "Question"},
         "nl": {"decide": "Wat de raad wordt gevraagd te besluiten", "summary": "In het kort", "radar": "De domeinen in één oogopslag", "page": "pagina {} van {}",
                "appendix": "Bijlage: alle vragen en antwoorden", "domains": "Per domein",
                "next": "Wat goed gaat", "question": "Vraag"}}
FAILS = []


def fail(msg):
    FAILS.append(msg)
    print("FAIL:", msg)


def run(cmd, timeout=120):
    return subprocess.run(cmd, capture_output=True, env=ENV, timeout=timeout)


def export(lang, fmt, out, *extra):
    r = run([PEIL, "--lang", lang, "export", "-q", Q, os.path.join(FX, "current.yaml"), "--format", fmt,
             "--baseline", os.path.join(FX, "baseline.yaml"), "-o", out, *extra])
    if r.returncode != 0 or b"Sanitizer" in r.stderr or b"runtime error" in r.stderr:
        fail(f"export {lang} {fmt} {extra}: exit {r.returncode}: {r.stderr[-300:]!r}")
    return out


def info(path):
    out = run(["pdfinfo", path]).stdout.decode()
    return dict(re.findall(r"(?m)^([A-Za-z ]+):\s*(.*)$", out))


def pages_text(path, layout=False):
    t = run(["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [path, "-"]).stdout.decode()
    return t.split("\f")[:-1] if t.endswith("\f") else t.split("\f")


def domain_rows(text, lang):
    """Rows of the domain table: a line that starts with a domain's title (its
    first word: a long title may wrap in its cell) and has a score with two
    decimals, between the domain heading and the next section."""
    w = WORDS[lang]
    start = text.find(w["domains"])
    end = text.find(w["next"], start)
    region = text[start:end if end > 0 else None]
    return sum(1 for line in region.splitlines() for d in DOMAINS[lang]
               if re.match(re.escape(d.split()[0]) + r"\b.*?\s\d[.,]\d\d\b", line.strip()))


def check_pdf(lang):
    w = WORDS[lang]
    pdf = export(lang, "pdf", os.path.join(TMP, f"card-{lang}.pdf"), "--peers", os.path.join(FX, "peers"))
    i = info(pdf)
    n = int(i.get("Pages", "0"))
    print(f"pdf {lang}: {n} pages, {i.get('Page size')}, tagged {i.get('Tagged')}, title {i.get('Title')!r}")
    if "(A4)" not in i.get("Page size", ""):
        fail(f"pdf {lang}: page size {i.get('Page size')}, not A4")
    if i.get("Tagged") != "yes":
        fail(f"pdf {lang}: not tagged")
    if "Bibliotheek Voorbeeldstad" not in i.get("Title", "") or "J. de Vries" not in i.get("Author", ""):
        fail(f"pdf {lang}: title {i.get('Title')!r}, author {i.get('Author')!r}")
    if not 3 <= n <= 10:
        fail(f"pdf {lang}: {n} pages")
    fonts = run(["pdffonts", pdf]).stdout.decode().splitlines()[2:]
    if not fonts or any(f.split()[-5] != "yes" for f in fonts):
        fail(f"pdf {lang}: a font is not embedded: {fonts}")
    pages = pages_text(pdf)
    whole = "\n".join(pages)
    for s in ["Bibliotheek Voorbeeldstad"] + DOMAINS[lang]:
        if s not in whole:
            fail(f"pdf {lang}: {s!r} not in the text")
    if w["summary"] not in pages[0] or w["radar"] not in pages[0] or w["decide"] not in pages[0]:
        fail(f"pdf {lang}: page 1 lacks the summary, the radar or the decision")
    for k, p in enumerate(pages, 1):
        if w["page"].format(k, n) not in p:
            fail(f"pdf {lang}: page {k} has no footer {w['page'].format(k, n)!r}")
    if w["appendix"] in whole:
        fail(f"pdf {lang}: the appendix without --appendix")
    rows = domain_rows("\n".join(pages_text(pdf, layout=True)), lang)
    if rows != 4:
        fail(f"pdf {lang}: {rows} domain rows, want 4")
    app = export(lang, "pdf", os.path.join(TMP, f"app-{lang}.pdf"), "--appendix")
    ap = pages_text(app)
    first = [k for k, p in enumerate(ap) if w["appendix"] in p]
    lines = [x.strip() for x in ap[first[0]].splitlines() if x.strip()] if first else []
    if not first or w["appendix"] not in lines[:2]:      # after the running header
        fail(f"pdf {lang}: --appendix: the appendix does not start a page: {lines[:3]}")
    render(pdf, lang)
    return whole, app


def render(pdf, lang):
    """Every page as PNG, with ink on it."""
    prefix = os.path.join(TMP, f"page-{lang}")
    run(["pdftoppm", "-r", "30", "-gray", pdf, prefix])
    for name in sorted(f for f in os.listdir(TMP) if f.startswith(f"page-{lang}") and f.endswith(".pgm")):
        data = open(os.path.join(TMP, name), "rb").read()
        head = data.split(b"\n", 3)
        w, h = map(int, head[1].split())
        px = head[3][:w * h]
        ink = sum(1 for b in px if b < 200) / len(px)
        if not 0.003 < ink < 0.5:
            fail(f"pdf {lang}: {name} looks empty or black ({ink:.1%} ink)")


def long_table_fixture():
    """60 questions in one domain, all raised from 1 to 3: the changes table
    runs over more than one page."""
    head = open(Q).read().split("domains:")[0].replace("id: peil-export-example", "id: peil-long")
    qs = "".join(f"""      - id: l.q{i:02d}
        text: {{nl: "Lange vraag {i:02d}?", en: "Long question {i:02d}?"}}
        answers:
          - {{level: 1, text: {{nl: Nee, en: "No"}}}}
          - {{level: 2, text: {{nl: Soms, en: Sometimes}}}}
          - {{level: 3, text: {{nl: Vaak, en: Often}}}}
          - {{level: 4, text: {{nl: Meestal, en: Mostly}}}}
          - {{level: 5, text: {{nl: Altijd, en: Always}}}}
""" for i in range(60))
    q = head + f"domains:\n  - id: l\n    title: {{nl: Lang, en: Long}}\n    questions:\n{qs}"
    paths = []
    for name, level in (("old", 1), ("new", 3)):
        ans = "".join(f"  l.q{i:02d}: {{level: {level}}}\n" for i in range(60))
        path = os.path.join(TMP, f"long-{name}.yaml")
        with open(path, "w") as f:
            f.write(f"peil-responses: 1\nquestionnaire: peil-long\nquestionnaire_version: \"2026.1\"\n"
                    f"organisation: Gemeente Lang\ndate: 2026-0{6 if level == 3 else 5}-30\nanswers:\n{ans}")
        paths.append(path)
    qp = os.path.join(TMP, "long-q.yaml")
    with open(qp, "w") as f:
        f.write(q)
    return qp, paths[0], paths[1]


def check_long_table():
    qp, old, new = long_table_fixture()
    pdf = os.path.join(TMP, "long.pdf")
    r = run([PEIL, "--lang", "en", "export", "-q", qp, new, "--baseline", old, "--format", "pdf", "-o", pdf])
    if r.returncode != 0:
        fail(f"long table: export failed: {r.stderr[-300:]!r}")
        return
    pages = pages_text(pdf, layout=True)
    on = [k for k, p in enumerate(pages) if "Long question" in p and "↑" in p]
    print(f"long table: the changes run over pages {[k + 1 for k in on]}")
    if len(on) < 2:
        fail("long table: the changes table fits one page; the fixture is too small")
    for k in on:
        if not re.search(r"(?m)^\s*Question\s+Domain\s+Before\s+Now\s*$", pages[k]):
            fail(f"long table: page {k + 1} does not repeat the header row")
        for line in pages[k].splitlines():      # a row whole: question and new level on one line
            if re.match(r"Long question \d\d\?", line.strip()) and "↑" not in line:
                fail(f"long table: page {k + 1}: a row split: {line.strip()!r}")
    seen = sorted(set(re.findall(r"Long question (\d\d)\?", "\n".join(pages[k] for k in on))))
    if len(seen) != 60:
        fail(f"long table: {len(seen)} of 60 rows shown")


PLAN = [  # (id, title, owner, due, status, cost, hours): the example municipality's kind of plan
    ("isms", "ISMS inrichten op basis van de BIO2", "CISO", "2026-06-30", "done", 14000, 240),
    ("register", "Hoog-risico-algoritmes publiceren in het Algoritmeregister", "Informatiemanager", "2026-10-31",
     "in-progress", 4000, 100),
    ("budget", "Digitale hulp structureel in de begroting, met prestatieafspraken met bibliotheek en welzijn",
     "teamleider Dienstverlening", "2027-01-31", "in-progress", 35000, 60),
    ("procure", "Toegankelijkheidseisen en een toegankelijkheidsrapport in elke aanbesteding", "Inkoopadviseur",
     "2027-02-28", "planned", None, 40),
    ("nis2", "NIS2-gapanalyse en training voor het college", "CISO", "2027-03-31", "in-progress", 12500, 80),
    ("drill", "Ransomware-oefening met de crisisorganisatie en het college", "CISO", "2027-04-30", "planned", 9500, 60),
    ("panel", "Inwonerpanel voor gebruikerstests, met digitaal kwetsbare inwoners", "teamleider Dienstverlening",
     "2027-05-31", "planned", 7500, 200),
    ("backup", "Offline back-ups en een jaarlijkse hersteltest per kritisch systeem", "Teamleider ICT",
     "2027-09-30", "planned", 18000, 160),
]


def check_plan_table():
    """The plan's table in the PDF as a council member reads it: seven
    columns that do not all fit their longest word, yet no amount is broken
    over two lines ("€" above "14.000"), and no owner or month is broken
    inside the word ("Informatiemanag-er", "septemb-er"); in the ODT, as
    LibreOffice lays it out, no amount either (exports/colwidth.c serves
    both)."""
    cur = open(os.path.join(FX, "current.yaml")).read().rstrip().removesuffix("...")
    qs = ["services.online-loans", "services.help-desk", "skills.training", "data.register"]
    acts = []
    for i, (aid, title, owner, due, status, cost, hours) in enumerate(PLAN):
        acts.append(f"- {{id: {aid}, title: \"{title}\", questions: [{qs[i % 4]}, {qs[(i + 1) % 4]}], "
                    f"owner: {owner}, due: {due}, status: {status}, "
                    + (f"cost: {cost}, " if cost else "") + f"hours: {hours}}}")
    cur = cur.replace("answers:\n", "plan:\n" + "\n".join(acts) + "\nanswers:\n", 1) + "...\n"
    src = os.path.join(TMP, "plan.yaml")
    with open(src, "w") as f:
        f.write(cur)
    pdf = os.path.join(TMP, "plan.pdf")
    r = run([PEIL, "--lang", "nl", "export", "-q", Q, src, "--format", "pdf", "-o", pdf])
    if r.returncode != 0:
        fail(f"plan table: export failed: {r.stderr[-300:]!r}")
        return
    amounts(pdf, "plan table")
    for word in ("Informatiemanager", "Dienstverlening", "september", "uitvoering"):
        if not re.search(r"\b" + word + r"\b", "\n".join(pages_text(pdf, layout=True))):
            fail(f"plan table: '{word}' is broken inside the word")
    # the ODT as LibreOffice lays it out (libreoffice() in main): the same
    # columns, figures whole
    odt = os.path.join(TMP, "plan.odt")
    r = run([PEIL, "--lang", "nl", "export", "-q", Q, src, "--format", "odt", "-o", odt])
    if r.returncode != 0:
        fail(f"plan table: odt export failed: {r.stderr[-300:]!r}")
        return None
    return odt, "plan table", lambda pdf: amounts(pdf, "plan table in the ODT")


def amounts(pdf, what):
    """Every cost of PLAN and their total on one line, "€ 14.000"."""
    text = "\n".join(pages_text(pdf, layout=True))
    total = sum(p[5] or 0 for p in PLAN)
    for cost in [p[5] for p in PLAN if p[5]] + [total]:
        amount = f"{cost:,}".replace(",", ".")
        if not re.search(r"€\s" + re.escape(amount) + r"\b", text):
            fail(f"{what}: the amount € {amount} is not on one line")


def check_odt(lang, pdf_app):
    path = export(lang, "odt", os.path.join(TMP, f"card-{lang}.odt"))
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        first = infos[0]
        if first.filename != "mimetype" or first.compress_type != zipfile.ZIP_STORED or first.extra:
            fail(f"odt {lang}: the first entry is {first.filename} (method {first.compress_type})")
        if z.read("mimetype") != b"application/vnd.oasis.opendocument.text":
            fail(f"odt {lang}: mimetype {z.read('mimetype')!r}")
        parts = {}
        for i in infos:
            if i.filename.endswith(".xml") or i.filename.endswith(".svg"):
                try:
                    parts[i.filename] = xml.dom.minidom.parseString(z.read(i.filename))
                except Exception as e:  # noqa: a parse error of any kind
                    fail(f"odt {lang}: {i.filename} is not well-formed: {e}")
        names = {i.filename for i in infos}
    for need in ("content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"):
        if need not in parts:
            fail(f"odt {lang}: {need} missing")
            return
    listed = {e.getAttribute("manifest:full-path")
              for e in parts["META-INF/manifest.xml"].getElementsByTagName("manifest:file-entry")}
    if names - {"mimetype", "META-INF/manifest.xml"} - listed:
        fail(f"odt {lang}: not in the manifest: {names - listed}")
    content = parts["content.xml"]
    heads = [h for h in content.getElementsByTagName("text:h")]
    h1 = ["".join(n.data for n in h.childNodes if n.nodeType == n.TEXT_NODE)
          for h in heads if h.getAttribute("text:outline-level") == "1"]
    if not h1 or any(not h.getAttribute("text:style-name").startswith(("Heading_20_", "H1_break")) for h in heads):
        fail(f"odt {lang}: headings without outline level or named style")
    styles = parts["styles.xml"].toxml()
    if 'style:name="Heading_20_1"' not in styles or 'style:default-outline-level="1"' not in styles:
        fail(f"odt {lang}: no Heading 1 style with an outline level")
    pdf_text = "\n".join(pages_text(pdf_app))
    missing = [h for h in h1 if h not in pdf_text]
    if missing:
        fail(f"odt {lang}: sections not in the PDF: {missing}")
    if not content.getElementsByTagName("table:table-header-rows"):
        fail(f"odt {lang}: no table header rows")
    if not content.getElementsByTagName("draw:image"):
        fail(f"odt {lang}: no charts")
    print(f"odt {lang}: {len(infos)} files, {len(h1)} sections, "
          f"{len(content.getElementsByTagName('table:table'))} tables")
    return path


def libreoffice(jobs):
    """Converts every ODT of jobs [(odt, what, check(pdf))] to PDF in one
    LibreOffice start (a start costs 4 s of CPU), then checks each PDF."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        fail("LibreOffice is missing (scripts/deps.sh check installs libreoffice-writer-nogui)")
        return
    out = os.path.join(TMP, "lo")
    r = run([office, "--headless", "--norestore", f"-env:UserInstallation=file://{TMP}/lo-profile",
             "--convert-to", "pdf", "--outdir", out] + [odt for odt, _, _ in jobs], timeout=240)
    for odt, what, check in jobs:
        pdf = os.path.join(out, os.path.basename(odt)[:-4] + ".pdf")
        if r.returncode != 0 or not os.path.exists(pdf):
            fail(f"{what}: LibreOffice could not convert the ODT: {r.stderr[-300:]!r}")
        else:
            check(pdf)


def check_libreoffice(pdf, lang, ours):
    """The ODT as LibreOffice lays it out has the domain table of our PDF."""
    theirs = "\n".join(pages_text(pdf, layout=True))
    n, m = domain_rows(theirs, lang), domain_rows(ours, lang)
    print(f"LibreOffice: {info(pdf).get('Pages')} pages, {n} domain rows (ours: {m})")
    if n != m or n != len(DOMAINS[lang]):
        fail(f"LibreOffice: {n} domain rows, the PDF has {m}")


EXAMPLES = os.path.join(ROOT, "questionnaires/examples")


def decision_facts(md, lang):
    """The facts under the decision section's table in the Markdown: who
    set the targets, the plan with its cost and hours, overdue actions,
    priorities without an action."""
    start = md.find("## " + WORDS[lang]["decide"])
    end = md.find("\n## ", start + 3)
    return re.findall(r"(?m)^- \*\*(.+?):\*\* (.+)$", md[start:end if end > 0 else None]) if start >= 0 else []


def check_example_page1(stem, lang):
    """Page 1 answers "where are we, where do we want to be, what do you ask
    of us" for an example municipality: the summary, the radar and the whole
    decision section, its facts too: the plan's cost ("€ 100.500"), hours and
    the uncovered priorities (issue 16, item 1), not on page 2."""
    new, old = (os.path.join(EXAMPLES, f"{stem}-{y}.yaml") for y in (2026, 2025))
    out = os.path.join(TMP, f"{stem}-{lang}.pdf")
    base = [PEIL, "--lang", lang, "export", new, "--baseline", old]
    r = run(base + ["--format", "pdf", "-o", out])
    md = run(base + ["--format", "md"])
    if r.returncode != 0 or md.returncode != 0:
        fail(f"{stem} {lang}: export failed: {(r.stderr + md.stderr)[-300:]!r}")
        return
    facts = decision_facts(md.stdout.decode(), lang)
    cost = [v for k, v in facts if "€" in v]
    if len(facts) < 3 or not cost:
        fail(f"{stem} {lang}: the decision section's facts in the Markdown: {facts}")
        return
    page1 = " ".join(pages_text(out)[0].split())
    print(f"{stem} {lang}: page 1 has {sum(' '.join(v.split()) in page1 for k, v in facts)} of {len(facts)}"
          f" decision facts; the plan: {cost[0]!r}")
    for s in (WORDS[lang]["summary"], WORDS[lang]["radar"], WORDS[lang]["decide"]):
        if s not in page1:
            fail(f"{stem} {lang}: page 1 lacks {s!r}")
    for key, value in facts:
        if " ".join(value.split()) not in page1:
            fail(f"{stem} {lang}: {key}: {value!r} is not on page 1")
    if os.environ.get("DOC_PNG") and (stem, lang) == ("gemeente-voorbeeld", "nl"):   # the README's image
        prefix = os.path.join(TMP, "readme")
        run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", out, prefix])
        shutil.copy(prefix + ".png", os.environ["DOC_PNG"])
        print("wrote", os.environ["DOC_PNG"])


def main():
    for tool in ("pdfinfo", "pdffonts", "pdftotext", "pdftoppm"):
        if not shutil.which(tool):
            fail(f"{tool} is missing (scripts/deps.sh check installs poppler-utils)")
            return 1
    office_jobs = []
    for lang in ("nl", "en"):
        whole, app = check_pdf(lang)
        odt = check_odt(lang, app)
        if lang == "nl" and odt:
            ours = "\n".join(pages_text(app, layout=True))
            office_jobs.append((odt, "card", lambda pdf, lang=lang, ours=ours: check_libreoffice(pdf, lang, ours)))
    check_long_table()
    plan = check_plan_table()
    if plan:
        office_jobs.append(plan)
    libreoffice(office_jobs)
    for stem, lang in (("gemeente-voorbeeld", "nl"), ("gemeente-voorbeeld", "en"), ("gemeente-voorbeeldegem", "nl")):
        check_example_page1(stem, lang)
    shutil.rmtree(TMP, ignore_errors=True)
    if FAILS:
        print(f"{len(FAILS)} failure(s)")
        return 1
    print("PDF and ODT hold in nl and en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
