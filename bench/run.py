#!/usr/bin/env python3
"""peil's benchmark runner (`make bench`): measures, in one run, side by side

  1. `peil aggregate` over N response files against the floor (a bare
     libyaml event parse, bench/floor.c, one thread) and against what a user
     would otherwise write (bench/pyyaml_agg.py, PyYAML's C loader);
  2. `peil benchmark` of one municipality against the N files as peers;
  3. the council documents (PDF, ODT) against Chromium printing the HTML,
     and exports of inputs up to the loader's limit (bench/export_bench.py);
  4. the TUI (`peil fill`) through a pseudo-terminal: start-up to the first
     drawn screen, per-key latency and bytes written per key, against
     `dialog --radiolist` with the same number of items and the pty's own
     echo.

Wall time is the median of --repeat runs after one warm-up run (the page
cache is warm: this measures parsing, not the disk); peak memory is the
largest resident set of the process (wait4 rusage). Prints one table.
Standard library only.

    python3 bench/run.py --peil build/peil --floor build/bench/floor --corpus DIR [-n 10000]
"""
import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import tty_measure  # noqa: E402  (bench/tty_measure.py)
import export_bench  # noqa: E402  (bench/export_bench.py)
import network_bench  # noqa: E402  (bench/network_bench.py)

QID = "bench-digital-maturity"


TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run(argv, env=None):
    """Runs argv; returns (wall s, CPU s, peak RSS in KB, exit code).
    The peak comes from /usr/bin/time (GNU time, a small process): a child
    forked from Python would start its high-water mark at Python's size."""
    with tempfile.NamedTemporaryFile("r") as tf:
        cmd = [TIME, "-f", "%M", "-o", tf.name] + argv if TIME else argv
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        peak, cpu = ru.ru_maxrss, ru.ru_utime + ru.ru_stime     # includes time's child
        if TIME:
            try:
                peak = int(tf.read().strip().split()[-1])
            except (ValueError, IndexError):
                pass
    return wall, cpu, peak, p.returncode


def measure_rounds(jobs, repeat):
    """Runs every job once to warm up, then `repeat` rounds of all jobs in
    turn, so that a neighbour's load falls on all of them alike. Returns,
    per job name, the best (least disturbed) and the median wall time, the
    best CPU time and the largest peak memory, or None when the job failed.
    A job is (name, argv, env, rounds)."""
    samples = {}
    for name, argv, env, _ in jobs:
        samples[name] = [] if run(argv, env)[3] == 0 else None
    for i in range(repeat):
        for name, argv, env, rounds in jobs:
            if samples[name] is None or i >= rounds:
                continue
            wall, cpu, peak, rc = run(argv, env)
            samples[name] = samples[name] + [(wall, cpu, peak)] if rc == 0 else None
    res = {}
    for name, got in samples.items():
        res[name] = got and {"wall": min(w for w, _, _ in got),
                             "median": statistics.median(w for w, _, _ in got),
                             "cpu": min(c for _, c, _ in got),
                             "peak": max(pk for _, _, pk in got) / 1024.0}
    return res


def two_cores_free(argv, single, trials=3):
    """Two copies of argv side by side, against one alone: close to 1.0
    when both cores were ours, close to 2.0 when a neighbour held one."""
    best = None
    for _ in range(trials):
        t0 = time.perf_counter()
        ps = [subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(2)]
        for p in ps:
            p.wait()
        wall = time.perf_counter() - t0
        best = wall if best is None else min(best, wall)
    return best / single


def ensure_corpus(path, n, seed):
    stamp = os.path.join(path, ".complete-%d-%d" % (n, seed))
    if os.path.exists(stamp):
        return
    print("generating %d response files in %s (seed %d)..." % (n, path, seed), file=sys.stderr)
    subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), path, "-n", str(n),
                    "--seed", str(seed)], check=True)
    open(stamp, "w").close()


def corpus_bytes(path):
    d = os.path.join(path, "responses")
    return sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d))


def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    return "%s, %d cores, %.0f GiB RAM, Linux %s" % (model, os.cpu_count() or 1, mem, platform.release())


def has_command(peil, name):
    p = subprocess.run([peil, name, "--help"], capture_output=True, text=True)
    return p.returncode == 0 and "not available yet" not in p.stdout + p.stderr


def pyyaml_python():
    """The Debian python3 (python3-yaml) if it has the C loader, else ours."""
    for py in ("/usr/bin/python3", sys.executable):
        if os.path.exists(py) and subprocess.run(
                [py, "-c", "import yaml; yaml.CSafeLoader"], capture_output=True).returncode == 0:
            return py
    return None


def fmt_s(r, key="wall"):
    return "%8.2f s" % r[key] if r else "   failed"


def fmt_mb(r):
    return "%7.1f MB" % r["peak"] if r else "         —"


def ratio(a, b, key="wall"):
    return "%9.2f" % (a[key] / b[key]) if a and b else "        —"


def speedup(a, b):
    return "%8.1fx" % (b["wall"] / a["wall"]) if a and b else "        —"


def reading_section(a, out):
    corpus, small = a.corpus, a.corpus + "-small"
    ensure_corpus(corpus, a.n, a.seed)
    ensure_corpus(small, max(1, a.n // 10), a.seed)
    q = os.path.join(corpus, QID + ".yaml")
    resp, sresp = os.path.join(corpus, "responses"), os.path.join(small, "responses")
    env1 = dict(os.environ, PEIL_THREADS="1")
    threads = os.cpu_count() or 1
    agg, py = has_command(a.peil, "aggregate"), pyyaml_python()
    self_file = os.path.join(resp, "r00001.yaml")
    aggregate = [a.peil, "aggregate", "-q", q, resp, "--format", "json"]
    bench = [a.peil, "benchmark", "-q", q, self_file, "--peers", resp, "--format", "json"]
    R = a.repeat
    jobs = [("floor", [a.floor, resp], None, R)]
    if agg:
        jobs += [("aggregate", aggregate, None, R), ("aggregate-1", aggregate, env1, R),
                 ("aggregate-small", aggregate[:4] + [sresp] + aggregate[5:], None, 1)]
    if py:
        jobs.append(("pyyaml", [py, os.path.join(HERE, "pyyaml_agg.py"), q, resp], None, max(1, R // 3)))
    jobs += [("benchmark", bench, None, R), ("benchmark-1", bench, env1, R),
             ("benchmark-small", bench[:6] + [sresp] + bench[7:], None, 1)]
    results = measure_rounds(jobs, R)
    pair = two_cores_free([a.floor, resp], results["floor"]["wall"]) if results["floor"] else None
    rows = [("libyaml event parse, 1 thread (floor)", results["floor"], None)]
    if agg:
        rows += [("peil aggregate, %d threads" % threads, results["aggregate"], results["aggregate-small"]),
                 ("peil aggregate, 1 thread", results["aggregate-1"], None)]
    if py:
        rows.append(("PyYAML C loader script (aggregate)", results["pyyaml"], None))
    rows += [("peil benchmark, 1 vs %d peers" % a.n, results["benchmark"], results["benchmark-small"]),
             ("peil benchmark, 1 thread", results["benchmark-1"], None)]

    out.append("Reading %d response files (%.1f MB), warm cache, best of %d interleaved runs"
               % (a.n, corpus_bytes(corpus) / 1e6, a.repeat))
    out.append("  %-38s %10s %10s %10s %9s %9s %9s %10s %10s" % ("", "wall", "median", "CPU", "vs floor",
                                                                   "CPU/floor", "vs PyYAML", "peak mem",
                                                                   "at %d files" % max(1, a.n // 10)))
    for name, r, r_small in rows:
        out.append("  %-38s %10s %10s %10s %9s %9s %9s %10s %10s" % (name, fmt_s(r), fmt_s(r, "median"),
                                                                   fmt_s(r, "cpu"),
                                                              ratio(r, results["floor"]),
                                                              ratio(r, results["floor"], "cpu"),
                                                              speedup(r, results.get("pyyaml")), fmt_mb(r),
                                                              fmt_mb(r_small) if r_small else ""))
    out.append("  (wall: elapsed, best run; median: of all runs; CPU: user + system over all threads,"
               " best run; vs floor: ratio of best wall times; CPU/floor: of best CPU times)")
    if pair:
        out.append("  two floors side by side took %.2f x one floor: %s" % (
            pair, "both cores were free" if pair < 1.25 else "a neighbour held a core, so 2 threads ran on ~1"))
    if not agg:
        out.append("  (peil aggregate is not available in this build: skipped)")
    if not py:
        out.append("  (no PyYAML with the C loader: install python3-yaml; skipped)")
    return results


def targets(results, tui, out):
    def check(ok, what):
        out.append("  %-7s %s" % ("ok" if ok else "MISSED", what))

    out.append("Targets")
    floor, py = results.get("floor"), results.get("pyyaml")
    for key, name in (("aggregate", "aggregate"), ("benchmark", "benchmark")):
        r = results.get(key)
        if not r or not floor:
            out.append("  -       %s: not measured" % name)
            continue
        check(r["wall"] <= floor["wall"], "%s no slower than the floor: %.2f x" % (name, r["wall"] / floor["wall"]))
        if py:
            check(py["wall"] >= 10 * r["wall"], "%s >= 10x faster than PyYAML: %.1f x" % (name, py["wall"] / r["wall"]))
        check(r["peak"] <= 20, "%s peak memory <= 20 MB: %.1f MB" % (name, r["peak"]))
        # Issue 14: the work peil adds to the parse (tree, validation,
        # statistics) costs at most half the parse, whatever the wall clock.
        check(r["cpu"] <= 1.5 * floor["cpu"], "%s CPU <= 1.5x the floor's CPU: %.2f x (%.2f s vs %.2f s)"
              % (name, r["cpu"] / floor["cpu"], r["cpu"], floor["cpu"]))
    if tui:
        peil, dlg = tui.get("peil-answers"), tui.get("dialog")
        if peil:
            check(peil["startup"] <= 0.010, "TUI first screen <= 10 ms: %.1f ms" % (peil["startup"] * 1e3))
        if peil and dlg:
            check(peil["bytes"] < dlg["bytes"], "fewer bytes per key than dialog: %.0f vs %.0f"
                  % (peil["bytes"], dlg["bytes"]))
        echo = tui.get("echo")
        if peil and echo:
            extra = (peil["latency"] - echo["latency"]) * 1e3
            check(extra < 1.0, "per-key latency beyond the pty's own: %+.2f ms" % extra)


def main():
    ap = argparse.ArgumentParser(description="peil benchmarks")
    ap.add_argument("--peil", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--corpus", required=True, help="directory for the generated corpus")
    ap.add_argument("-n", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--questionnaire", help="for the TUI: default questionnaires/municipal-digital-maturity.yaml")
    ap.add_argument("--no-tui", action="store_true")
    ap.add_argument("--no-nice", action="store_true", help="keep the normal scheduling priority")
    a = ap.parse_args()
    # On a shared machine, the highest priority (root only) keeps neighbours
    # from taking turns on our cores; it applies to every command alike.
    prio = "normal priority"
    if not a.no_nice:
        try:
            os.setpriority(os.PRIO_PROCESS, 0, -20)
            prio = "nice -20"
        except OSError:
            pass
    out = ["%s benchmark, %s" % (subprocess.run([a.peil, "--version"], capture_output=True,
                                                      text=True).stdout.split("\n")[0], time.strftime("%Y-%m-%d")),
           "machine: " + machine(),
           "load average at start: %.2f %.2f %.2f; %s" % (os.getloadavg() + (prio,))]
    if os.getloadavg()[0] > 0.5:
        out.append("warning: the machine is busy: wall times (and so the ratios) are inflated, "
                   "two threads may share one core; the CPU column is less affected")
    out.append("")
    results = reading_section(a, out)
    out.append("")
    export_bench.section(run, a.peil, a.repeat, out)
    out.append("")
    network = network_bench.section(run, measure_rounds, a, out)
    tui = None
    if not a.no_tui:
        out.append("")
        qn = a.questionnaire or os.path.join(os.path.dirname(HERE), "questionnaires",
                                             "municipal-digital-maturity.yaml")
        if not os.path.exists(qn):
            qn = os.path.join(a.corpus, QID + ".yaml")
        tui = tty_measure.section(a.peil, qn, out)
    out.append("")
    targets(results, tui, out)
    for ok, what in network:
        out.append("  %-7s %s" % ("ok" if ok else "MISSED", what))
    print("\n".join(out))


if __name__ == "__main__":
    main()
