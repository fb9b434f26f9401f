#!/usr/bin/env python3
"""Out of memory in the front ends (cli/xalloc.h): peil gives the terminal
back, says "peil: out of memory" (in the user's language) and ends with
status 1, wherever in a session the memory runs out; the answers saved
before it stay in the file. PEIL_XALLOC_FAIL=N makes the N-th allocation
of cli/ and tui/ fail (and every one after it).

Scripted runs (PEIL_SCRIPT) fail the allocations in turn, from the first
to the one after the session's last (each of the first 16, then every
sixth: all ~100 under ASan cost 20 s of CPU), and check the terminal's own output:
after curses switched to the alternate screen (smcup, ESC [?1049h) it
must switch back (rmcup, ESC [?1049l) before the end. One run in tmux
checks what a person sees: the shell's screen again, with the message.
`score`, `aggregate` and `intake` fail the same way (each of their first
ten allocations, then every tenth)."""
import os, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import Results, Term, answers, have_tmux, script, setup  # noqa: E402

peil, root, home, env = setup(need_tmux=False)
town = os.path.join(root, "tests/fixtures/tui/town.yaml")
r = Results()
SMCUP, RMCUP = "\x1b[?1049h", "\x1b[?1049l"
# Answers, the help screen (many allocations), a note, the results.
KEYS = ["2", "?", "<Esc>", "3", "e", "nota<Esc>", "r", "<Esc>", "q"]
LIMIT = 3000            # allocations: far more than this session makes


def run(n, lang="en", name=None):
    f = os.path.join(home, name or f"n{n}.yaml")
    e = dict(env, PEIL_XALLOC_FAIL=str(n))
    return f, script([peil, "fill", "-q", town, "-o", f, "--organisation", "Gemeente OOM", "--lang", lang],
                     KEYS, e)


def restored(out):
    """True when every switch to the alternate screen is undone later."""
    return out.rfind(RMCUP) > out.rfind(SMCUP)


# Every allocation in turn, until the session gets through (bounded).
n, failed, in_tui, bad = 1, 0, 0, []
while n <= LIMIT:
    f, s = run(n)
    if s.rc == 0:
        break
    failed += 1
    in_tui += SMCUP in s.out
    if SMCUP not in s.out and s.out:
        bad.append(f"N={n}: before curses, yet the terminal got {s.out[:80]!r}")
    if s.rc != 1 or s.err != "peil: out of memory\n" or (SMCUP in s.out and not restored(s.out)):
        bad.append(f"N={n}: status {s.rc}, stderr {s.err[-300:]!r}, "
                   f"smcup {s.out.count(SMCUP)}, rmcup {s.out.count(RMCUP)}")
    if os.path.exists(f):
        try:
            answers(f)
        except Exception as ex:     # noqa: BLE001 - any failure to read is the finding
            bad.append(f"N={n}: the response file does not load: {ex}")
    n += 1 if n < 16 else 6
print(f"{failed} runs failed an allocation (the last at {n - 6}), the next got through")
r.check(n <= LIMIT and s.rc == 0, f"with enough memory the session ends normally (after {n - 1} failing runs)",
        s.err)
# The first few come before curses starts (the file's path): nothing on
# the terminal then, only the message.
r.check(failed >= 25 and in_tui >= failed - 3,
        "nearly every allocation that fails is the TUI's own, with curses running",
        f"{failed} failed, {in_tui} in the TUI")
r.check(not bad, "every one: status 1, only 'peil: out of memory' on stderr, the terminal restored",
        "\n".join(bad[:10]))
a = answers(os.path.join(home, f"n{n}.yaml"))
r.check([(a.get(q) or {}).get("level") for q in ("services.online", "services.accessible")] == [2, 3] and
        (a.get("security.policy") or {}).get("note") == "nota", "the run that got through saved its answers", str(a))

# The answers saved before the failure stay saved: fail half-way.
f, s = run(n - 10, name="late.yaml")
a = answers(f) if os.path.exists(f) else {}
r.check(s.rc == 1 and (a.get("services.online") or {}).get("level") == 2,
        "a failure late in the session keeps the answers chosen before it", f"status {s.rc}, {a}")

# In Dutch.
f, s = run(3, lang="nl", name="nl.yaml")
r.check(s.rc == 1 and s.err == "peil: onvoldoende geheugen\n" and restored(s.out),
        "--lang nl: 'peil: onvoldoende geheugen', the terminal restored", repr(s.err))

# The command line: the same message and status, last on stderr, for the
# table of `score`, the merging of `aggregate` and the report of `intake`.
answers_file = os.path.join(root, "tests/fixtures/tui/town-answers.yaml")
for argv in (["score", answers_file], ["aggregate", answers_file, answers_file],
             ["intake", os.path.join(root, "tests/fixtures/tui")]):
    full = dict(os.environ, **env)
    k, bad = 1, []
    while k <= LIMIT:
        p = subprocess.run([peil, *argv, "-q", town], env=dict(full, PEIL_XALLOC_FAIL=str(k)),
                           capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if p.returncode != 1 or not p.stderr.endswith("peil: out of memory\n"):
            break
        k += 1 if k < 10 else 10
    print(f"peil {argv[0]}: got through at allocation {k}")
    r.check(k > 1 and p.returncode == 0 and "peil: out of memory" not in p.stderr,
            f"peil {argv[0]}: allocations 1..{k - 1} (sampled) fail with status 1 and the message last; "
            f"then it succeeds", f"N={k}: status {p.returncode}\n{p.stderr[-400:]}")

# What a person sees (tmux): the question on screen, then ? for the help
# screen runs out of memory: the shell's screen is back, with the message.
if have_tmux():
    def quits(k):
        q = script([peil, "fill", "-q", town, "-o", os.path.join(home, f"q{k}.yaml"), "--organisation", "G",
                    "--lang", "en"], ["q"], dict(env, PEIL_XALLOC_FAIL=str(k)))
        return q.rc == 0
    lo, hi = 1, n               # quits(hi): the longer session got through
    while lo < hi:              # the first N at which starting and quitting gets through
        mid = (lo + hi) // 2
        lo, hi = (lo, mid) if quits(mid) else (mid + 1, hi)
    quit_n = lo
    # quit_n - 1 allocations start the session and quit it; the help
    # screen alone makes more than 40.
    f = os.path.join(home, "tmux.yaml")
    t = Term(f"{peil} fill -q {town} -o {f} --organisation 'Gemeente OOM' --lang en",
             env=dict(env, PEIL_XALLOC_FAIL=str(quit_n + 20)))
    t.wait(r"Question 1/7")
    r.check(not t.dead(), "tmux: the session runs", t.screen())
    t.keys("?")
    r.check(t.wait_dead(), "tmux: ? ends the session when memory runs out", t.screen())
    r.check(t.status() == ("1", ""), "tmux: exit status 1", str(t.status()))
    alt = t.t("display", "-p", "#{alternate_on}").strip()
    screen = t.screen(history=True)
    r.check(alt == "0" and "peil: out of memory" in screen and "Question 1/7" not in screen,
            "tmux: the normal screen is back, with the message", f"alternate_on={alt}\n{screen}")
    t.close()
else:
    print("tmux is not installed: the tmux part is left out")

r.done()
