#!/usr/bin/env python3
"""Crash safety of `peil fill`: the TUI runs in tmux on one response file
and answers questions; peil is killed at random moments, many times also
in the middle of a save. After every kill the file must parse and
validate (with its end marker: a file peil wrote is never cut short) and
hold exactly the answers of some moment of the session, including every
answer that a completed save had put on disk before the kill.

  SIGKILL  (CRASH_TRIALS, default 40): nothing confirmed may be lost.
  SIGTERM, SIGHUP (CRASH_SOFT_TRIALS, default 10 each): peil saves, restores the terminal and ends
           within 3 s; once the screen has shown an answer, it is saved.
Prints the trial count and the losses (which must be zero)."""
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import Term, WaitTimeout, have_tmux  # noqa: E402

PEIL = os.environ.get("PEIL") or sys.exit("PEIL not set")
# The build without sanitizers when there is one (make check builds BUILD/
# and BUILD/san): the trials are about what is on disk after a kill, which
# sanitizers do not see, and they cost a quarter of the CPU this way.
# tests/run.sh finds it (PEIL_PLAIN); by hand, the one next to BUILD/san.
_plain = (os.environ.get("PEIL_PLAIN")
          or os.path.join(os.path.dirname(os.environ.get("PEIL_BUILD", "/nonexistent")), "peil"))
if os.access(_plain, os.X_OK) and b"__asan_init" not in open(_plain, "rb").read():
    PEIL = _plain
# make check's share; .ci/run asks for more (CRASH_TRIALS, CRASH_SOFT_TRIALS).
TRIALS = int(os.environ.get("CRASH_TRIALS", "40"))
SOFT_TRIALS = int(os.environ.get("CRASH_SOFT_TRIALS", "10"))
# A fixed seed: a failure can be run again as it was (CRASH_SEED=N for others).
SEED = int(os.environ.get("CRASH_SEED", "20261204"))
NQ = 300
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1782777600", LANG="C.UTF-8", LC_ALL="C.UTF-8")
ANSWER = re.compile(r"^  (q\d+): \{level: (\d)\}$", re.M)


def questionnaire(path):
    lines = ['peil: 1', 'id: crash-test', 'version: "1"', 'languages: [nl, en]',
             'title: {nl: Crashtest, en: Crash test}', 'levels:']
    lines += [f'  - {{value: {v}, label: {{nl: "Niveau {v}", en: "Level {v}"}}}}' for v in range(1, 6)]
    lines.append('domains:')
    for d in range(3):
        lines += [f'  - id: d{d}', f'    title: {{nl: "Domein {d}", en: "Domain {d}"}}', '    questions:']
        for i in range(d * NQ // 3, (d + 1) * NQ // 3):
            lines += [f'      - id: q{i:03d}', f'        text: {{nl: "Vraag {i}", en: "Question {i}"}}',
                      '        help: {nl: Hulp, en: Help}', '        answers:']
            lines += [f'          - {{level: {v}, text: {{nl: "Antwoord {v}", en: "Answer {v}"}}}}'
                      for v in range(1, 6)]
    open(path, "w").write("\n".join(lines) + "\n")


def empty_response(path):
    open(path, "w").write("peil-responses: 1\nquestionnaire: crash-test\norganisation: Gemeente Crash\n"
                          "date: 2026-06-30\nanswers: {}\n...\n")
    os.chmod(path, 0o600)


def answers_in(path):
    """The answers in file order, or None when it is not a file peil wrote."""
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        return None
    if not text.endswith("\n...\n"):
        return None
    return [(q, int(v)) for q, v in ANSWER.findall(text)]


def validate(q, path):
    r = subprocess.run([PEIL, "validate", "-q", q, path], capture_output=True, text=True, env=ENV)
    return r.returncode == 0 and "no end marker" not in r.stderr, r.stderr


def trial(tm, q, path, rng, sig, stats):
    before = answers_in(path)
    if before is None or len(before) > NQ - 8:
        empty_response(path)
        before = []
    tm.respawn(f"{PEIL} fill -q {q} -o {path}")
    try:
        tm.wait(rf"Question {len(before) + 1}/{NQ}\b")
    except WaitTimeout as e:
        stats["problems"].append(f"did not open at question {len(before) + 1}: {e}")
        return
    pid = tm.pid()
    keys = [str(rng.randint(1, 5)) for _ in range(rng.randint(1, 8))]
    settled = sig != signal.SIGKILL and rng.random() < 0.5
    # Kill while keys are still arriving, mostly within a few milliseconds
    # of the last one: that is while peil writes and renames its file. The
    # pauses are the random moments this test is about, not waits.
    if not settled:
        keys = keys[:rng.randint(1, len(keys))]
    for i, k in enumerate(keys):
        tm.keys(k)
        if i < len(keys) - 1:
            time.sleep(rng.random() * 0.01)
    if settled:     # the screen shows every answer taken: then none may be lost
        tm.wait(rf"Question {len(before) + len(keys) + 1}/{NQ}\b")
    else:
        time.sleep(rng.choice([0, 0, 0.001, 0.002, 0.004, 0.008, 0.02]) * rng.random())
    seen = answers_in(path)                     # the last completed save we saw
    seen_n = len(seen) - len(before) if seen is not None else 0
    os.kill(pid, sig)
    try:
        tm.wait_dead(timeout=3.0)
    except WaitTimeout:
        stats["problems"].append(f"{signal.Signals(sig).name}: peil still runs after 3 s")
        os.kill(pid, signal.SIGKILL)
        tm.wait_dead()
    if sig != signal.SIGKILL and tm.t("display", "-p", "#{alternate_on}").strip() != "0":
        stats["problems"].append(f"{signal.Signals(sig).name}: the terminal was left in the TUI's screen")
    after = answers_in(path)
    folder = os.path.dirname(path)
    stats["temps"] += len([f for f in os.listdir(folder) if ".tmp-" in f])
    expected = [(f"q{len(before) + i:03d}", int(k)) for i, k in enumerate(keys)]
    name = signal.Signals(sig).name
    stats[name] = stats.get(name, 0) + 1
    ok, err = validate(q, path)
    if after is None or not ok:
        stats["losses"] += 1
        stats["problems"].append(f"{name}: the file does not validate after the kill: {err.strip()[:300]}")
        empty_response(path)
        return
    got = after[len(before):]
    if after[:len(before)] != before or got != expected[:len(got)]:
        stats["losses"] += 1
        stats["problems"].append(f"{name}: answers changed: before {len(before)}, sent {keys}, now {after[-10:]}")
    elif len(got) < seen_n or (settled and len(got) < len(keys)):
        stats["losses"] += 1
        stats["problems"].append(f"{name}: lost answers: {len(got)} saved of {len(keys)} sent, "
                                 f"{seen_n} already seen on disk{', screen had shown all' if settled else ''}")
    stats["answers"] += len(got)
    stats["mid_save"] += len(got) < len(keys)


def typed_note(tm, q, path, sig, stats):
    """Issue 13.7: a note being typed (the editor still open) is saved when
    the terminal goes away (SIGHUP) or peil is told to stop (SIGTERM)."""
    empty_response(path)
    tm.respawn(f"{PEIL} fill -q {q} -o {path} --lang en")
    tm.wait(r"Question 1/")
    pid = tm.pid()
    tm.keys("2")
    tm.wait(r"Question 2/")
    tm.keys("Left")
    tm.wait(r"Question 1/")
    tm.keys("e")
    tm.wait(r"Evidence")
    text = f"Half a thought before {signal.Signals(sig).name}"
    tm.type(text)
    tm.wait(re.escape(text))
    os.kill(pid, sig)
    try:
        tm.wait_dead(timeout=3.0)
    except WaitTimeout:
        stats["problems"].append(f"typed note, {signal.Signals(sig).name}: peil still runs after 3 s")
        os.kill(pid, signal.SIGKILL)
        tm.wait_dead()
    body = open(path, encoding="utf-8").read()
    if text not in body or "level: 2" not in body:
        stats["problems"].append(f"typed note, {signal.Signals(sig).name}: the note being typed was lost:\n{body[-300:]}")
    else:
        print(f"ok   a note being typed is saved on {signal.Signals(sig).name}")


def main():
    if not have_tmux():
        print("tmux not installed")
        return 77
    rng = random.Random(SEED)
    stats = {"losses": 0, "problems": [], "answers": 0, "mid_save": 0, "temps": 0}
    start = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        q = os.path.join(tmp, "crash-test.yaml")
        path = os.path.join(tmp, "antwoorden.yaml")
        questionnaire(q)
        empty_response(path)
        tm = Term("true", w=100, h=30, env={k: ENV[k] for k in ("SOURCE_DATE_EPOCH", "LANG")}, term="tmux-256color")
        try:
            plan = [signal.SIGKILL] * TRIALS + [signal.SIGTERM] * SOFT_TRIALS + [signal.SIGHUP] * SOFT_TRIALS
            rng.shuffle(plan)
            for sig in plan:
                trial(tm, q, path, rng, sig, stats)
                if len(stats["problems"]) > 10:
                    break
            for sig in (signal.SIGHUP, signal.SIGTERM):
                typed_note(tm, q, path, sig, stats)
            empty_response(path)
            # Resume once more and quit: every answer is there, and the
            # half-written temporary files of killed saves are gone.
            final = answers_in(path)
            tm.respawn(f"{PEIL} fill -q {q} -o {path}")
            tm.wait(r"Question \d+/")
            tm.keys("q")
            tm.wait_dead()
            if answers_in(path) != final:
                stats["problems"].append("resuming and quitting changed the answers")
        finally:
            tm.close()
        leftovers = [f for f in os.listdir(tmp) if ".tmp-" in f]
        mode = oct(os.stat(path).st_mode & 0o777)
    secs = time.monotonic() - start
    trials = sum(v for k, v in stats.items() if k.startswith("SIG"))
    print(f"{PEIL}, seed {SEED}: {trials} trials in {secs:.0f} s "
          f"({', '.join(f'{k} {v}' for k, v in sorted(stats.items()) if k.startswith('SIG'))}); "
          f"{stats['answers']} answers saved, {stats['mid_save']} kills before the last key was saved; "
          f"losses: {stats['losses']}; half-written temporary files found after kills: {stats['temps']}, "
          f"left after resuming: {len(leftovers)}; mode {mode}")
    for p in stats["problems"]:
        print("FAIL", p)
    if mode != "0o600":
        print("FAIL the response file lost its mode 0600")
    if leftovers:
        print("FAIL temporary files with answers in them stay behind:", leftovers)
    return 1 if stats["problems"] or mode != "0o600" or leftovers else 0


if __name__ == "__main__":
    sys.exit(main())
