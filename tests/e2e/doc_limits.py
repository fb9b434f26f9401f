#!/usr/bin/env python3
"""The documentation states the limits the code enforces: every limit in
core/ydoc.h, core/diag.h, core/pool.c and core/schema.c appears, with the
code's own figure, in questionnaires/FORMAT.md and in the manual page, and
every environment variable the sources read (getenv) is in the manual's
ENVIRONMENT section. A limit changed in the code without the documentation
fails here."""
import os, re, sys

root = sys.argv[1] if len(sys.argv) > 1 else os.environ["ROOT"]
fails = []


def read(rel):
    with open(os.path.join(root, rel), encoding="utf-8") as f:
        return f.read()


def flat(text):
    """Text without Markdown emphasis or roff escapes, one space between words."""
    text = text.replace("**", "").replace("\\-", "-").replace("−", "-")
    text = re.sub(r"\\f[BIRP]", "", text)
    text = re.sub(r"^\.[A-Z]+ ?", "", text, flags=re.M)     # .B, .BR, .TP ...
    return re.sub(r"\s+", " ", text)


def const(rel, name):
    """The value of `NAME = expr` (an enum constant) in a source file."""
    m = re.search(r"\b%s\s*=\s*([0-9* ]+)[,}]" % name, read(rel))
    if not m:
        fails.append(f"{rel}: no {name}")
        return None
    v = 1
    for factor in m.group(1).split("*"):
        v *= int(factor)
    return v


def grouped(n):
    return f"{n:,}"


ydoc, diag, pool = "core/ydoc.h", "core/diag.h", "core/pool.c"
size = const(ydoc, "YDOC_MAX_FILE_SIZE")
depth = const(ydoc, "YDOC_MAX_DEPTH")
scalar = const(ydoc, "YDOC_MAX_SCALAR")
nodes = const(ydoc, "YDOC_MAX_NODES")
errors = const(diag, "DIAG_MAX_ERRORS_PER_FILE")
warnings = const(diag, "DIAG_MAX_WARNINGS_PER_FILE")
threads = const(pool, "POOL_MAX_THREADS")
dirs = const(pool, "POOL_MAX_DEPTH")
m = re.search(r"return n > (\d+) \? \1 :", read(pool))
cpus = int(m.group(1)) if m else None
m = re.search(r"v > -(\d+)L && v < \1L", read("core/schema.c"))
number = int(m.group(1)) if m else None
if None in (size, depth, scalar, nodes, errors, warnings, threads, dirs, cpus, number):
    fails.append("a limit could not be read from the sources")
    print("\n".join(fails))
    sys.exit(1)

limits = {  # what, phrase in the docs
    "file size": f"{size // (1024 * 1024)} MiB",
    "nesting": f"{depth} levels",
    "string length": f"{scalar // 1024} KiB",
    "YAML nodes": f"{grouped(nodes)} YAML nodes",
    "numbers": f"-{grouped(number)} and {grouped(number)}",
    "errors per file": f"{errors} errors",
    "warnings per file": f"{grouped(warnings)} warnings",
    "directory depth": f"{dirs} levels",
}
docs = {"questionnaires/FORMAT.md": flat(read("questionnaires/FORMAT.md")),
        "doc/peil.1": flat(read("doc/peil.1"))}
for path, text in docs.items():
    for what, phrase in limits.items():
        if phrase not in text:
            fails.append(f"{path}: does not state the {what} limit as '{phrase}'")

raw = read("doc/peil.1")
env = flat(raw[raw.find(".SH ENVIRONMENT"):raw.find(".SH FILES")])
if "PEIL_THREADS" not in env or f"from 1 to {threads}" not in env or f"at most {cpus}" not in env:
    fails.append(f"doc/peil.1: PEIL_THREADS not described as 'from 1 to {threads}' "
                 f"with a default of 'at most {cpus}' processors")
names = set()
for d in ("core", "cli", "tui", "scoring", "exports"):
    for f in os.listdir(os.path.join(root, d)):
        if f.endswith(".c"):
            names |= set(re.findall(r'getenv\("([A-Z_]+)"\)', read(os.path.join(d, f))))
for name in sorted(names):
    if name not in env:
        fails.append(f"doc/peil.1: environment variable {name} (read by the sources) is not in ENVIRONMENT")

if fails:
    print("\n".join(fails))
    sys.exit(1)
print(f"doc_limits: {len(limits)} limits in FORMAT.md and peil.1, {len(names)} environment variables")
