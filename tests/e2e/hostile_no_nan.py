#!/usr/bin/env python3
"""No NaN or infinity ever reaches an output: zero answers, only "not
applicable" and "don't know", only unscored (weight 0) answers, a domain
without scored questions, zero respondents, zero peers, peers without
scores. Every command and export format runs on each; JSON must parse
strictly (no NaN/Infinity constants), every other output must not show
nan/inf in any spelling, and every run must succeed."""
import json
import os
import re
import subprocess
import sys
import tempfile

PEIL = os.environ.get("PEIL") or sys.exit("PEIL not set")
ROOT = os.environ.get("ROOT", sys.argv[1] if len(sys.argv) > 1 else ".")
Q = os.path.join(ROOT, "tests", "fixtures", "hostile", "q-zero-weight-domain.yaml")
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1782777600")
BAD_TEXT = re.compile(r"(?<![A-Za-z])[-+]?(nan|inf|infinity)(?![A-Za-z])", re.I)

HEADER = ("peil-responses: 1\nquestionnaire: library-digital-services\n"
          "organisation: {org}\ndate: 2026-06-30\n{extra}answers:\n")
RESPONSES = {
    "no-answers": ("Gemeente Leeg", "", "  {}\n"),
    "only-na-unknown": ("Gemeente Onbekend", "", "".join(
        f"  {q}: {{status: {s}}}\n" for q, s in [
            ("services.online-loans", "na"), ("services.help-desk", "unknown"),
            ("services.wifi-note", "na"), ("skills.training", "unknown"),
            ("skills.plan", "na"), ("extra.asked-not-scored", "unknown")])),
    "only-unscored": ("Gemeente Ongewogen", "targets: {services: 5, skills: 1, extra: 5}\n",
                      "  services.wifi-note: {level: 3}\n  extra.asked-not-scored: {level: 5}\n"),
    "zero-votes": ("Gemeente Stemloos", "participants: 0\n",
                   "  services.help-desk: {level: 2, votes: {}}\n"
                   "  skills.training: {level: 1, votes: {1: 0, 2: 0}}\n"),
    "one-answer": ("Gemeente Een", "population: 0\n", "  skills.training: {level: 1}\n"),
}


def run(args):
    r = subprocess.run([PEIL, *args], capture_output=True, env=ENV)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


def reject_constant(name):
    raise ValueError(f"JSON constant {name}")


def main():
    failures, runs = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for name, (org, extra, answers) in RESPONSES.items():
            files[name] = os.path.join(tmp, name + ".yaml")
            with open(files[name], "w", encoding="utf-8") as f:
                f.write(HEADER.format(org=org, extra=extra) + answers + "...\n")
        peers_none = os.path.join(tmp, "no-peers")
        peers_empty = os.path.join(tmp, "peers-without-scores")
        os.mkdir(peers_none)
        os.mkdir(peers_empty)
        for i in range(6):
            with open(os.path.join(peers_empty, f"peer{i}.yaml"), "w") as f:
                f.write(HEADER.format(org=f"Peer {i}", extra="") + "  {}\n...\n")
        empty_dir = os.path.join(tmp, "no-respondents")
        os.mkdir(empty_dir)

        commands = []
        for name, path in files.items():
            base = files["no-answers"]
            commands += [
                (f"score {name}", ["score", "-q", Q, path]),
                (f"score json {name}", ["score", "-q", Q, path, "--format", "json"]),
                (f"compare {name}", ["compare", "-q", Q, base, path]),
                (f"compare json {name}", ["compare", "-q", Q, base, path, "--format", "json"]),
                (f"compare json {name} reversed", ["compare", "-q", Q, path, base, "--format", "json"]),
                (f"aggregate json {name}", ["aggregate", "-q", Q, path, files["only-na-unknown"], "--format", "json"]),
                (f"benchmark json {name} no peers", ["benchmark", "-q", Q, path, "--peers", peers_none, "--format", "json"]),
                (f"benchmark json {name} scoreless peers",
                 ["benchmark", "-q", Q, path, "--peers", peers_empty, "--min-peers", "5", "--format", "json"]),
                (f"benchmark {name}", ["benchmark", "-q", Q, path, "--peers", peers_empty, "--min-peers", "5"]),
            ]
            for fmt in ("md", "html", "csv", "json"):
                commands.append((f"export {fmt} {name}", ["export", "-q", Q, path, "--format", fmt,
                                                          "--baseline", base, "--peers", peers_empty]))
        commands += [
            ("aggregate json zero respondents", ["aggregate", "-q", Q, empty_dir, "--format", "json"]),
            ("aggregate zero respondents", ["aggregate", "-q", Q, empty_dir]),
        ]
        for name, args in commands:
            runs += 1
            code, out, err = run(args)
            problem = None
            if "zero respondents" in name:
                if code not in (0, 1) or (code == 1 and ": error: " not in err and "peil" not in err):
                    problem = f"exit {code}: {err.strip()[:300]}"
            elif code != 0:
                problem = f"exit {code}: {err.strip()[:300]}"
            if not problem and "json" in name and out.strip():
                try:
                    json.loads(out, parse_constant=reject_constant)
                except ValueError as e:
                    problem = f"invalid JSON: {e}"
            m = BAD_TEXT.search(out) or BAD_TEXT.search(err)
            if not problem and m:
                problem = f"shows {m.group(0)!r}: ...{(out + err)[max(0, m.start() - 80):m.end() + 40]}..."
            if problem:
                failures.append(name)
                print(f"FAIL {name}: {problem}")
    print(f"{runs} runs, {len(failures)} with NaN, infinity or a failure")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
