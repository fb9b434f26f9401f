"""A network organisation's work in `make bench` (imported by bench/run.py;
issue 20), each against a reference measured in the same run:

1. `peil validate` of the N generated files against `peil aggregate` of the
   same files (target: at most 2x; it reloaded the questionnaire per file
   and took 30x);
2. `peil sector` of the N files (and with the same files as the baseline);
3. batch scorecards: `peil export DIR -o OUTDIR --peers DIR` for the 342
   municipalities of bench/gen_inbox.py, against one export per municipality
   (one process each, every one reading the peers again), measured on 20
   and scaled to 342.

Jobs are interleaved round by round (measure_rounds in run.py), so a
neighbour's load falls on all of them alike."""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
QID = "bench-digital-maturity"
INBOX_N = 342
SINGLE_SAMPLE = 20


def ensure_inbox(path):
    stamp = os.path.join(path, ".complete-%d" % INBOX_N)
    if not os.path.exists(stamp):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_inbox.py"), path, "-n", str(INBOX_N)], check=True)
        open(stamp, "w").close()


def section(run, measure_rounds, a, out):
    """Appends the table to out; returns the targets as (ok, text)."""
    corpus = a.corpus
    q = os.path.join(corpus, QID + ".yaml")
    resp = os.path.join(corpus, "responses")
    inbox = a.corpus + "-inbox"
    ensure_inbox(inbox)
    env = dict(os.environ, PEIL_PATH=corpus)
    ienv = dict(os.environ, PEIL_PATH=inbox)
    tmp = tempfile.mkdtemp(prefix="peil-bench-network-")
    cards = os.path.join(tmp, "cards")
    singles = [os.path.join(inbox, "2026", "gm%04d.yaml" % i) for i in range(1, 400)]
    singles = [s for s in singles if os.path.exists(s)][:SINGLE_SAMPLE]
    # one process per municipality: a shell loop over the sample
    loop = " ; ".join('"%s" export "%s" --format html --peers "%s" -o "%s/one-%d.html" 2>/dev/null'
                      % (a.peil, s, os.path.join(inbox, "2026"), tmp, i) for i, s in enumerate(singles))
    R = a.repeat
    jobs = [
        ("validate", [a.peil, "validate", resp], env, R),
        ("aggregate", [a.peil, "aggregate", "-q", q, resp, "--format", "json"], env, R),
        ("sector", [a.peil, "sector", "-q", q, resp, "--format", "json"], env, R),
        ("sector-baseline", [a.peil, "sector", "-q", q, resp, "--baseline", resp, "--format", "json"], env, R),
        # the inbox holds one broken file on purpose: exit 1 is a success here
        ("batch", ["/bin/sh", "-c", '"%s" export "%s" --format html --peers "%s" -o "%s" 2>/dev/null; [ $? -le 1 ]'
                   % (a.peil, os.path.join(inbox, "2026"), os.path.join(inbox, "2026"), cards)], ienv, R),
        ("singles", ["/bin/sh", "-c", loop], ienv, max(1, R // 3)),
    ]
    try:
        res = measure_rounds(jobs, R)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    scale = INBOX_N / max(1, len(singles))
    if res.get("singles"):
        res["singles"] = dict(res["singles"], wall=res["singles"]["wall"] * scale,
                              median=res["singles"]["median"] * scale, cpu=res["singles"]["cpu"] * scale)

    def row(name, r):
        if not r:
            return "  %-52s %10s" % (name, "failed")
        return "  %-52s %8.2f s %8.2f s %8.2f s %7.1f MB" % (name, r["wall"], r["median"], r["cpu"], r["peak"])

    out.append("A network organisation's round (issue 20), best of %d interleaved runs" % R)
    out.append("  %-52s %10s %10s %10s %10s" % ("", "wall", "median", "CPU", "peak mem"))
    out.append(row("peil validate, %d files" % a.n, res.get("validate")))
    out.append(row("peil aggregate, the same files (reference)", res.get("aggregate")))
    out.append(row("peil sector, %d files" % a.n, res.get("sector")))
    out.append(row("peil sector, %d files, the same as baseline" % a.n, res.get("sector-baseline")))
    out.append(row("batch: %d html scorecards, peers read once" % INBOX_N, res.get("batch")))
    out.append(row("one process per municipality (%d, x%.1f)" % (len(singles), scale), res.get("singles")))
    targets = []
    v, g = res.get("validate"), res.get("aggregate")
    if v and g:
        targets.append((v["wall"] <= 2 * g["wall"], "validate <= 2x aggregate of the same files: %.2f x"
                        % (v["wall"] / g["wall"])))
    s = res.get("sector")
    if s:
        targets.append((s["peak"] <= 40, "sector of %d files: peak memory <= 40 MB: %.1f MB" % (a.n, s["peak"])))
    b, one = res.get("batch"), res.get("singles")
    if b:
        # The wall time is mostly the disk: every scorecard is written
        # atomically and synced (core/atomic.c), 342 fsyncs.
        targets.append((b["cpu"] <= 5, "batch of %d scorecards: CPU <= 5 s: %.2f s (wall %.2f s, mostly fsync)"
                        % (INBOX_N, b["cpu"], b["wall"])))
    if b and one:
        targets.append((one["wall"] >= 2 * b["wall"], "batch >= 2x faster than a process per municipality: %.1f x"
                        % (one["wall"] / b["wall"])))
    return targets
