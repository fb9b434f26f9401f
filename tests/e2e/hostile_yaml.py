#!/usr/bin/env python3
"""Hostile YAML: every input is refused with a clear FILE:LINE:COL error (or
accepted where it is valid), in bounded memory, never a crash.

For each case `peil validate` runs once; the test prints its wall time and
peak RSS (from wait4) and asserts a generous memory bound:
  peak RSS < 200 MB (< 600 MB under AddressSanitizer, whose shadow memory
  and quarantine count as RSS). Inputs over 1 MiB run on PEIL_PLAIN (see BIG).
The time is printed, not asserted: speed is measured by `make bench`, where
a slow or busy machine cannot make a test fail.
Big inputs are generated here, in a temporary directory, not committed."""
import functools
import os
import re
import subprocess
import sys
import tempfile
import threading
import time

PEIL = os.environ.get("PEIL") or sys.exit("PEIL not set")
ROOT = os.environ.get("ROOT", sys.argv[1] if len(sys.argv) > 1 else ".")
HOSTILE = os.path.join(ROOT, "tests", "fixtures", "hostile")


# Inputs over BIG bytes run on the build without sanitizers (tests/run.sh's
# PEIL_PLAIN) when there is one. Their point is a limit and bounded memory,
# and under ASan they cost three times the CPU. The limits themselves are
# run at their exact boundary under ASan in unit/test_yaml (nodes, text
# length, file size, depth), the parser's memory errors are the fuzzers'
# (tests/fuzz), and every small case below still runs under PEIL.
PEIL_PLAIN = os.environ.get("PEIL_PLAIN") or PEIL
BIG = 1 << 20


@functools.lru_cache(maxsize=None)
def asan_build(path):
    with open(path, "rb") as f:
        return b"__asan_init" in f.read()


def max_rss_mb(path):
    return 600 if asan_build(path) else 200

QUESTIONNAIRE = open(os.path.join(HOSTILE, "library.yaml"), encoding="utf-8").read()


def run(peil, args, stdin_chunks=None):
    """Runs peil; returns (exit code, stderr text, seconds, peak RSS in MB).
    Linux counts the peak RSS a child had before exec (a copy of ours) in
    its own, so our peak is reset first and nothing big is held meanwhile."""
    try:                        # reset our own peak (Linux >= 4.0)
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass
    start = time.monotonic()
    p = subprocess.Popen([peil] + args, stdin=subprocess.PIPE if stdin_chunks else subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = {}

    def drain(name, stream):
        out[name] = stream.read()

    readers = [threading.Thread(target=drain, args=(n, s)) for n, s in
               (("out", p.stdout), ("err", p.stderr))]
    for t in readers:
        t.start()
    if stdin_chunks:
        try:
            for chunk in stdin_chunks():
                p.stdin.write(chunk)
        except BrokenPipeError:
            pass                # peil stopped reading: that is the point
        try:
            p.stdin.close()
        except BrokenPipeError:
            pass
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    for t in readers:
        t.join()
    seconds = time.monotonic() - start
    return p.returncode, out["err"].decode("utf-8", "replace"), seconds, usage.ru_maxrss / 1024


def billion_laughs():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join('*' + prev for _ in range(9))}]")
    return ("\n".join(lines) + "\n").encode()


def utf16(text, codec, bom):
    return bom + text.encode(codec)


# name, bytes (or a callable), how it is fed, expected exit, regex the first
# error must match (None: accepted)
CASES = [
    ("billion-laughs", billion_laughs, "file", 1, r"anchors \(&a\) and aliases are not allowed"),
    ("flow-nesting-100000", b"[" * 100000 + b"]" * 100000, "file", 1,
     r"nesting deeper than 64 levels"),
    ("block-nesting-100000", b"- " * 100000 + b"x\n", "file", 1, r"nesting deeper than 64 levels"),
    ("indented-nesting-2000", lambda: "".join(" " * i + f"k{i}:\n" for i in range(2000)).encode(),
     "file", 1, r"nesting deeper than 64 levels"),
    ("scalar-100MB", lambda: b"x: " + b"a" * (100 << 20) + b"\n", "file", 1,
     r"larger than the limit of 16 MiB"),
    ("scalar-100MB-pipe", lambda: [b"x: "] + [b"a" * (1 << 20)] * 100 + [b"\n"], "pipe", 1,
     r"larger than the limit of 16 MiB"),
    ("scalar-1MB", lambda: b"x: " + b"a" * (1 << 20) + b"\n", "file", 1,
     r"a text of 1048576 bytes is longer than the limit of 262144"),
    ("million-keys-block", lambda: "".join(f"k{i}: {i}\n" for i in range(1000000)).encode(),
     "file", 1, r"more than 500000 YAML nodes"),
    ("million-keys-flow", lambda: ("{" + ", ".join(f"k{i}: 1" for i in range(1000000)) + "}").encode(),
     "file", 1, r"more than 500000 YAML nodes"),
    ("200000-unknown-keys", lambda: ("peil: 1\n" + "".join(f"k{i}: 1\n" for i in range(200000))).encode(),
     "file", 1, r"unknown key|missing required key"),
    ("200000-duplicate-keys", lambda: b"peil: 1\n" + b"peil: 1\n" * 200000, "file", 1,
     r"duplicate key 'peil'"),
    ("invalid-utf8", b"peil: 1\nid: \"caf\xc3\x28\"\n", "file", 1, r"cannot read the file: invalid"),
    ("invalid-utf8-overlong", b"peil: 1\nid: \xc0\xaf\n", "file", 1, r"cannot read the file: invalid"),
    ("lone-surrogate", b"peil: 1\nid: \xed\xa0\x80\n", "file", 1, r"cannot read the file: invalid"),
    ("nul-byte", b"peil: 1\nid: a\x00b\n", "file", 1, r"cannot read the file: control characters"),
    ("utf8-bom", lambda: b"\xef\xbb\xbf" + QUESTIONNAIRE.encode(), "file", 0, None),
    ("utf16le-bom", lambda: utf16(QUESTIONNAIRE, "utf-16-le", b"\xff\xfe"), "file", 0, None),
    ("utf16be-bom", lambda: utf16(QUESTIONNAIRE, "utf-16-be", b"\xfe\xff"), "file", 0, None),
    ("bom-in-the-middle", b"peil: 1\n\xef\xbb\xbfid: x\n", "file", 1, r"."),
    ("long-comment-line-10MB", lambda: QUESTIONNAIRE.encode() + b"# " + b"c" * (10 << 20) + b"\n",
     "file", 0, None),
    ("long-scalar-line-10MB", lambda: b"peil: 1\nid: " + b"i" * (10 << 20) + b"\n", "file", 1,
     r"longer than the limit"),
    ("long-flow-line-600000-items", lambda: b"x: [" + b"1," * 600000 + b"1]\n", "file", 1,
     r"more than 500000 YAML nodes"),
    ("300000-control-characters", lambda: b"x:\n" + b'- "a\\x01"\n' * 300000, "file", 1,
     r"missing required key"),
    ("million-documents", b"---\n" * 1000000, "file", 1, r"one YAML document, not several"),
    ("only-bom", b"\xef\xbb\xbf", "file", 1, r"empty"),
    ("tag-bomb", lambda: b"%TAG !x! tag:" + b"x" * (1 << 20) + b":\n--- !x!y 1\n", "file", 1, r"."),
]


def main():
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        print(f"over {BIG} bytes: {PEIL_PLAIN}, else {PEIL}")
        print(f"{'case':32} {'exit':>4} {'seconds':>8} {'peak MB':>8}  first error")
        for name, data, how, want_exit, pattern in CASES:
            path = os.path.join(tmp, name + ".yaml")
            if how == "file":
                with open(path, "wb") as f:
                    f.write(data() if callable(data) else data)
                peil = PEIL_PLAIN if os.path.getsize(path) > BIG else PEIL
                code, err, secs, rss = run(peil, ["validate", path])
                shown = path
            else:                   # the pipe feeds 100 MB
                peil = PEIL_PLAIN
                code, err, secs, rss = run(peil, ["validate", "/dev/stdin"], stdin_chunks=data)
                shown = "/dev/stdin"
            errors = [l for l in err.splitlines() if ": error: " in l]
            first = errors[0] if errors else (err.splitlines() or [""])[0]
            print(f"{name:32} {code:>4} {secs:8.2f} {rss:8.0f}  {first[len(shown):][:70]}")
            problems = []
            if code != want_exit:
                problems.append(f"exit {code}, expected {want_exit}")
            if "Sanitizer" in err or "runtime error" in err or code < 0:
                problems.append("crashed or sanitizer report:\n" + err[-2000:])
            if pattern is not None:
                if not errors:
                    problems.append("no error line")
                elif not re.match(re.escape(shown) + r":\d+:\d+: error: ", errors[0]):
                    problems.append(f"not FILE:LINE:COL: error: {errors[0][:200]}")
                elif not any(re.search(pattern, e) for e in errors):
                    problems.append(f"no error matches {pattern!r}: {errors[:3]}")
            if len(err.splitlines()) > 1200:
                problems.append(f"{len(err.splitlines())} lines of messages: not bounded")
            if rss > max_rss_mb(peil):
                problems.append(f"peak RSS {rss:.0f} MB (limit {max_rss_mb(peil)})")
            if problems:
                failures.append(name)
                for p in problems:
                    print(f"  FAIL {name}: {p}")
    if failures:
        print("failed:", " ".join(failures))
        return 1
    print(f"all {len(CASES)} hostile inputs handled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
