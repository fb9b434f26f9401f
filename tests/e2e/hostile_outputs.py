#!/usr/bin/env python3
"""Output paths under attack (issue 13.1, 13.3, 13.12, 13.13): every output
(-o of fill, export, aggregate, workshop; the TUI's export dialog) refuses
a path that is not a regular file, one of its own inputs, a response file,
a file another peil holds and a read-only file, with exit 3 and a message
naming the reason, and leaves what was there exactly as it was. An
existing export keeps its mode; a user's file that only looks like a
temporary file survives the lock."""
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxdrive import WaitTimeout, wait_file  # noqa: E402

PEIL = os.environ.get("PEIL") or sys.exit("PEIL not set")
ROOT = os.environ.get("ROOT", sys.argv[1] if len(sys.argv) > 1 else ".")
H = os.path.join(ROOT, "tests", "fixtures", "hostile")
LIB = os.path.join(H, "library.yaml")  # copied into the scratch directory in main()
ENV = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", SOURCE_DATE_EPOCH="1782777600")
failures = []


def check(ok, what, detail=""):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)
        if detail:
            print("     " + detail.replace("\n", "\n     ")[:1500])


def peil(*args, stdin=b""):
    r = subprocess.run([PEIL, *args], input=stdin, capture_output=True, env=ENV, timeout=60)
    return r.returncode, r.stderr.decode("utf-8", "replace")


def snapshot(d):
    """Every entry of d with its kind, mode and content."""
    out = {}
    for n in sorted(os.listdir(d)):
        st = os.lstat(os.path.join(d, n))
        body = open(os.path.join(d, n), "rb").read() if stat.S_ISREG(st.st_mode) else b""
        out[n] = (stat.S_IFMT(st.st_mode), stat.S_IMODE(st.st_mode), body)
    return out


def refused(args, want, what, d, stdin=b""):
    """args must exit 3 with `want` in the message and leave d unchanged."""
    before = snapshot(d)
    code, err = peil(*args, stdin=stdin)
    check(code == 3 and want in err, f"{what}: exit 3 and says '{want}'", f"exit {code}: {err}")
    check(snapshot(d) == before, f"{what}: leaves everything as it was",
          f"{sorted(before)} -> {sorted(snapshot(d))}")


def not_regular(tmp):
    """13.1: a FIFO, a directory, a socket and (as root) a device node."""
    d = os.path.join(tmp, "nodes")
    os.mkdir(d)
    resp = os.path.join(tmp, "r.yaml")
    shutil.copy(os.path.join(H, "r-one.yaml"), resp)
    nodes = {"fifo.yaml": "a named pipe (FIFO)", "dir.yaml": "a directory"}
    os.mkfifo(os.path.join(d, "fifo.yaml"))
    os.mkdir(os.path.join(d, "dir.yaml"))
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(os.path.join(d, "sock.yaml"))
    nodes["sock.yaml"] = "a socket"
    try:
        os.mknod(os.path.join(d, "null.yaml"), 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        nodes["null.yaml"] = "a character device"
    except OSError:
        print("note: no mknod here; the device case is covered by the FIFO")
    for name, kind in nodes.items():
        p = os.path.join(d, name)
        want = f"{p} is {kind}, not a regular file"
        refused(["export", "-q", LIB, resp, "--format", "md", "-o", p], want, f"export -o {name}", d)
        refused(["fill", "--plain", "-q", LIB, "-o", p, "--organisation", "X"], want, f"fill -o {name}", d,
                stdin=b"1\n")
        refused(["aggregate", "-q", LIB, resp, "-o", p], want, f"aggregate -o {name}", d)
        refused(["workshop", "-q", LIB, "--participants", "3", "-o", p], want, f"workshop -o {name}", d)
    sock.close()


def own_inputs(tmp):
    """13.3: an export or an aggregate never replaces its inputs or a response file."""
    d = os.path.join(tmp, "inputs")
    os.mkdir(d)
    r, other = os.path.join(d, "r.yaml"), os.path.join(d, "other.yaml")
    shutil.copy(os.path.join(H, "r-one.yaml"), r)
    shutil.copy(os.path.join(H, "r-one.yaml"), other)
    mine = "is one of the files this output is made from"
    refused(["export", "-q", LIB, r, "--format", "html", "-o", r], f"{r} {mine}", "export r.yaml -o r.yaml", d)
    refused(["export", "-q", LIB, r, "--format", "md", "-o", LIB], mine, "export -o its questionnaire",
            os.path.dirname(LIB))
    shutil.copy(os.path.join(H, "r-one.yaml"), r)    # in case the line above failed
    refused(["export", "-q", LIB, r, "--format", "md", "--baseline", other, "-o", other], mine,
            "export -o its baseline", d)
    refused(["export", "-q", LIB, r, "--format", "md", "-o", other], f"{other} is a peil response file",
            "export -o another response file", d)
    refused(["aggregate", "-q", LIB, r, other, "-o", r], f"{r} {mine}", "aggregate r.yaml -o r.yaml", d)
    refused(["aggregate", "-q", LIB, d, "-o", other], f"{other} is a peil response file",
            "aggregate DIR -o a respondent's file in DIR", d)
    code, err = peil("export", "-q", LIB, r, "--format", "md", "-o", other, "--force")
    check(code == 0 and open(other, "rb").read().startswith(b"#"), "--force replaces a response file", err)
    # A merged group file may be replaced by the next aggregate; once in the
    # input directory it is not read back as a respondent (13.11).
    shutil.copy(os.path.join(H, "r-one.yaml"), other)
    group = os.path.join(d, "group.yaml")
    for run in (1, 2):
        code, err = peil("aggregate", "-q", LIB, d, "-o", group)
        check(code == 0, f"aggregate DIR -o DIR/group.yaml, run {run}", err)
        body = open(group, encoding="utf-8").read() if os.path.exists(group) else ""
        check("participants: 2\n" in body, f"... run {run} counts the 2 respondents, not the group file",
              body[:300])
    note = (f"{group}:1:1: note: a merged group file (it carries votes), not one respondent's answers; "
            "left out")
    check(note in err, "the second run says it left the group file out", err)
    clean = os.path.join(tmp, "clean")
    os.mkdir(clean)
    one = open(os.path.join(H, "r-one.yaml"), encoding="utf-8").read()
    open(os.path.join(clean, "a.yaml"), "w").write(one + "...\n")
    open(os.path.join(clean, "b.yaml"), "w").write(
        one.replace("J. de Vries", "A. Jansen").replace("help-desk: {level: 2}", "help-desk: {level: 4}") + "...\n")
    shutil.copy(group, clean)
    code, err = peil("aggregate", "-q", LIB, clean, "--strict")
    check(code == 0 and "note: a merged group file" in err,
          "... which is a note, not a warning that --strict refuses", err)


def held_by_fill(tmp):
    """13.3: while fill holds r.yaml, no output is written there."""
    d = os.path.join(tmp, "held")
    os.mkdir(d)
    r, src = os.path.join(d, "r.yaml"), os.path.join(tmp, "src.yaml")
    shutil.copy(os.path.join(H, "r-one.yaml"), src)
    p = subprocess.Popen([PEIL, "fill", "--plain", "-q", LIB, "-o", r, "--organisation", "Held"],
                         stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    p.stdin.write(b"3\n")
    p.stdin.flush()
    wait_file(r, lambda text: "level: 3" in text, what="fill to save its first answer")
    check(os.path.exists(r + ".lock"), "fill holds the lock (precondition)")
    if os.path.exists(r + ".lock"):
        want = f"{r} is already open in another peil (process {p.pid} "
        refused(["export", "-q", LIB, src, "--format", "md", "-o", r, "--force"], want,
                "export --force over a file fill holds", d)
        refused(["aggregate", "-q", LIB, src, "-o", r, "--force"], want, "aggregate --force over a file fill holds", d)
    p.stdin.close()
    p.wait(timeout=20)


def modes(tmp):
    """13.13: a read-only response file is not rewritten; an export keeps its mode."""
    d = os.path.join(tmp, "modes")
    os.mkdir(d)
    ro = os.path.join(d, "ro.yaml")
    shutil.copy(os.path.join(H, "r-one.yaml"), ro)
    os.chmod(ro, 0o444)
    want = f"{ro} is read-only (mode 0444)"
    refused(["fill", "--plain", "-q", LIB, "-o", ro], want, "fill on a read-only response file", d,
            stdin=b"1\n1\n")
    card = os.path.join(d, "card.md")
    code, err = peil("export", "-q", LIB, ro, "--format", "md", "-o", card)
    os.chmod(card, 0o600)
    code, err = peil("export", "-q", LIB, ro, "--format", "md", "-o", card)
    got = stat.S_IMODE(os.stat(card).st_mode)
    check(code == 0 and got == 0o600, "re-exporting keeps the export's 0600", f"exit {code}, mode {got:o}: {err}")
    os.chmod(card, 0o444)
    refused(["export", "-q", LIB, ro, "--format", "md", "-o", card], f"{card} is read-only (mode 0444)",
            "export over a read-only export", d)


def wait_for(path, text):
    """Whether the file at path comes to contain text (tmuxdrive's bounded wait)."""
    try:
        wait_file(path, lambda body: text in body, what=f"{text!r} in {path}")
        return True
    except WaitTimeout as e:
        print(e)
        return False


def plain_not_saved(tmp):
    """13.5: plain mode never says Saved when the save failed; it says NOT
    saved, keeps the answers, retries, and refuses the first quit. The save
    is made to fail by making the file read-only half-way (root too)."""
    for leave in (False, True):
        d = os.path.join(tmp, f"plain-{leave}")
        os.mkdir(d)
        r, out = os.path.join(d, "r.yaml"), os.path.join(d, "transcript")
        with open(out, "wb") as o:
            p = subprocess.Popen([PEIL, "fill", "--plain", "-q", LIB, "-o", r, "--organisation", "P"],
                                 stdin=subprocess.PIPE, stdout=o, stderr=subprocess.STDOUT, env=ENV)
            p.stdin.write(b"3\n")
            p.stdin.flush()
            check(wait_for(r, "level: 3"), "plain: the first answer is saved")
            os.chmod(r, 0o444)
            p.stdin.write(b"2\nquit\n")
            p.stdin.flush()
            check(wait_for(out, "Type quit again"), "plain: quit after a failed save is refused once")
            if not leave:
                os.chmod(r, 0o644)
            p.stdin.write(b"quit\n")
            p.stdin.close()
            code = p.wait(timeout=30)
        text = open(out, encoding="utf-8").read()
        check("NOT saved: 2. " in text and "Saved: 2." not in text.replace("NOT saved: 2.", ""),
              "plain: the answer given while saving fails is NOT saved, never Saved", text[-800:])
        if leave:
            check(code == 3 and "Stopped. Your last answers are NOT saved." in text and
                  "are saved in" not in text.split("NOT saved: 2.")[1],
                  "plain: a second quit leaves with exit 3 and says NOT saved", f"exit {code}: {text[-600:]}")
        else:
            check(code == 0 and "Saved after all" in text and b"level: 2" in open(r, "rb").read(),
                  "plain: the retry at quit saves the kept answer", f"exit {code}: {text[-600:]}")


def lookalike_temp(tmp):
    """13.12: taking the lock deletes only provable leftovers of a save."""
    d = os.path.join(tmp, "temps")
    os.mkdir(d)
    r = os.path.join(d, "r.yaml")
    shutil.copy(os.path.join(H, "r-one.yaml"), r)
    for n in ("r.yaml.tmp-backup", "r.yaml.tmp-a1B2c3"):
        open(os.path.join(d, n), "w").write("mine\n")
    code, err = peil("fill", "--plain", "-q", LIB, "-o", r, stdin=b"q\n")
    left = sorted(os.listdir(d))
    check("r.yaml.tmp-backup" in left and "r.yaml.tmp-a1B2c3" in left,
          "a user's r.yaml.tmp-backup survives fill taking the lock", f"exit {code}: {left} {err}")


def tui_export_dialog(tmp):
    """13.3: the TUI's export dialog never writes over the session's own file."""
    from tmuxdrive import Term, have_tmux  # noqa: E402
    if not have_tmux():
        check(False, "tmux is needed for the export dialog case")
        return
    d = os.path.join(tmp, "tui")
    os.mkdir(d)
    f = os.path.join(d, "session.yaml")
    env = dict(ENV, HOME=d, TERM="xterm-256color")
    t = Term(f"{PEIL} fill -q {LIB} -o {f} --organisation Dialog --lang en", env=env)
    t.wait(r"Question 1/")
    before = open(f, "rb").read()
    t.keys("x")
    t.wait(r"Export a scorecard")
    t.keys("Down", "Down", "C-e", "BSpace", "BSpace", "BSpace", "BSpace")
    t.type("yaml")
    t.keys("Enter")
    s = t.wait(r"Not written")
    check(s is not None and "is one of the files this" in s, "the dialog refuses the session's own file", t.screen())
    check(open(f, "rb").read() == before, "... and the session file is unchanged")
    t.keys("Escape", "q")
    t.wait_dead()
    t.close()


def main():
    global LIB
    with tempfile.TemporaryDirectory() as tmp:
        # A copy: a broken peil must not destroy the repository's fixture.
        os.mkdir(os.path.join(tmp, "q"))
        LIB = shutil.copy(LIB, os.path.join(tmp, "q", "library.yaml"))
        not_regular(tmp)
        own_inputs(tmp)
        held_by_fill(tmp)
        modes(tmp)
        lookalike_temp(tmp)
        plain_not_saved(tmp)
        tui_export_dialog(tmp)
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
