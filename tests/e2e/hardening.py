"""Hardening: output paths made from input stay under -o; a signal or a hung pandoc leaves
no process and no partial file; plans read from standard input; FIFOs, broken links and link
loops in a plans folder are reported; a failed return keeps a folder the user made."""
import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from support import check, finish, report_files, run

IACT = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
SOMERSET = os.path.join(ROOT, "plans", "somerset")
AS_OF = ["--as-of", "2025-03-01"]


def iact(*args, env=None, stdin=None, cwd=None):
    return subprocess.run([IACT, *args], capture_output=True, text=True, env=env, input=stdin,
                          cwd=cwd)


def files_under(folder):
    out = []
    for base, dirs, files in os.walk(folder):
        out += [os.path.relpath(os.path.join(base, n), folder) for n in dirs + files
                if n != ".iact-as-of"]
    return sorted(out)


def leftovers(folder):
    """Partial files and work folders anywhere under `folder`."""
    return [f for f in files_under(folder) if ".partial-" in f or ".work-" in f]


def running(pid):
    """Whether `pid` runs (a zombie waiting to be reaped does not)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False


def copy_system(dest):
    shutil.copytree(SOMERSET, dest)
    return dest


# A pandoc that writes half its output, starts a child of its own, records both, and hangs.
FAKE_PANDOC = r"""#!/bin/sh
for a in "$@"; do case "$a" in --output=*) out="${a#--output=}";; esac; done
printf 'half a paper' > "$out"
sleep 120 &
echo "$$ $!" >> "$IACT_FAKE_PIDS"
wait
"""


def fake_pandoc_env(work):
    bin_dir = os.path.join(work, "bin")
    os.makedirs(bin_dir, exist_ok=True)
    pandoc = os.path.join(bin_dir, "pandoc")
    with open(pandoc, "w") as f:
        f.write(FAKE_PANDOC)
    os.chmod(pandoc, 0o755)
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ["PATH"],
               IACT_FAKE_PIDS=os.path.join(work, "pids"), NO_COLOR="1")
    return env


def recorded_pids(work):
    path = os.path.join(work, "pids")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [int(p) for line in f for p in line.split()]


def output_paths(work):
    """Names derived from input never reach above -o."""
    # A trust plan named `...yaml`, named on its own: filed under its ODS code.
    system = copy_system(os.path.join(work, "dots"))
    os.rename(os.path.join(system, "somerset-ft.yaml"), os.path.join(system, "...yaml"))
    out = os.path.join(work, "out-dots")
    os.makedirs(out)
    before = set(os.listdir(work))
    r = iact("return", os.path.join(system, "...yaml"), "-o", out, *AS_OF)
    check(r.returncode == 0, "...yaml: exit %d: %s" % (r.returncode, r.stderr))
    check(files_under(out) == ["RH5", "RH5/2025-06", "RH5/2025-06/return.xlsx"],
          "...yaml: the return is filed under the trust's code: %s" % files_under(out))
    check(set(os.listdir(work)) == before, "...yaml: nothing was written beside -o")

    # System folders whose names cannot name a folder: the ICB's code is used instead.
    for name in ["-rf", "back\\slash", "tab\there", "x" * 130]:
        system = copy_system(os.path.join(work, "names", name))
        out = os.path.join(work, "out-names")
        shutil.rmtree(out, ignore_errors=True)
        r = iact("return", system, "-o", out, *AS_OF)
        check(r.returncode == 0 and files_under(out)[:1] == ["QSL"],
              "folder %r: filed under QSL, got exit %d %s %s" % (name, r.returncode,
                                                                 files_under(out), r.stderr))

    # A period id from a timeline never reaches a path: the timeline refuses one that is not
    # a month (and the output folder would refuse it too; see safe_path_test).
    for period in ["..", "-x", ".hidden"]:
        fw = os.path.join(work, "fw-" + period.strip(".-"))
        shutil.copytree(os.path.join(ROOT, "frameworks"), fw)
        with open(os.path.join(fw, "timeline.yaml"), "a") as f:
            f.write("  - id: \"%s\"\n    due: 2025-03-31\n    title: Odd.\n" % period)
        out = os.path.join(work, "out-period")
        r = iact("--frameworks", fw, "return", SOMERSET, "-o", out, "--period", period, *AS_OF)
        check(r.returncode == 2 and "period id '%s' is not a month written YYYY-MM" % period in
              r.stderr, "period %r: refused, got exit %d: %s" % (period, r.returncode, r.stderr))
        check(not os.path.exists(os.path.join(out, "somerset", "return.xlsx")) and
              not os.path.exists(os.path.join(work, "return.xlsx")),
              "period %r: no return written" % period)

    # A link inside -o that leads outside it is refused; one that stays inside is followed.
    out = os.path.join(work, "out-link")
    outside = os.path.join(work, "outside")
    os.makedirs(out)
    os.makedirs(outside)
    os.symlink(outside, os.path.join(out, "somerset"))
    r = iact("return", SOMERSET, "-o", out, *AS_OF)
    check(r.returncode == 2 and "is a link to" in r.stderr and "outside the output folder" in
          r.stderr, "link out of -o: refused, got exit %d: %s" % (r.returncode, r.stderr))
    check(os.listdir(outside) == [], "link out of -o: nothing written through it")
    os.remove(os.path.join(out, "somerset"))
    os.makedirs(os.path.join(out, "real"))
    os.symlink("real", os.path.join(out, "somerset"))
    r = iact("return", SOMERSET, "-o", out, *AS_OF)
    check(r.returncode == 0 and os.path.exists(os.path.join(out, "real", "2025-06",
                                                            "return.xlsx")),
          "link inside -o: followed, got exit %d: %s" % (r.returncode, r.stderr))

    # `build sys/sub/..` is named after the folder it resolves to.
    system = copy_system(os.path.join(work, "resolved"))
    os.makedirs(os.path.join(system, "sub"))
    out = os.path.join(work, "out-resolved")
    r = iact("build", os.path.join(system, "sub", ".."), "-o", out, "--to", "md", *AS_OF)
    check(r.returncode == 0 and os.path.isdir(os.path.join(out, "resolved")),
          "build sys/sub/..: named 'resolved', got %s (exit %d) %s" % (
              files_under(out)[:3], r.returncode, r.stderr))

    # A failed return keeps a folder the user made where the workbook would go.
    out = os.path.join(work, "out-folder")
    os.makedirs(os.path.join(out, "somerset", "2025-06", "return.xlsx"))
    r = iact("return", SOMERSET, "-o", out, *AS_OF)
    check(r.returncode == 2, "return over a folder fails: exit %d" % r.returncode)
    check(os.path.isdir(os.path.join(out, "somerset", "2025-06", "return.xlsx")),
          "return over a folder: the folder is still there")
    check(leftovers(out) == [], "return over a folder: no partial left: %s" % leftovers(out))


def interrupts(work):
    """A signal during build stops pandoc and its children and removes every partial."""
    env = fake_pandoc_env(work)
    for sig, code in [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)]:
        if os.path.exists(env["IACT_FAKE_PIDS"]):
            os.remove(env["IACT_FAKE_PIDS"])
        out = os.path.join(work, "out-signal-%d" % sig)
        proc = subprocess.Popen([IACT, "build", os.path.join(ROOT, "plans"), "-o", out,
                                 "--to", "docx,html", "-j", "2", *AS_OF],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=env)
        deadline = time.time() + 20
        while len(recorded_pids(work)) < 4 and time.time() < deadline:
            time.sleep(0.05)
        pids = recorded_pids(work)
        check(len(pids) >= 4, "signal %d: two pandoc runs started (pids %s)" % (sig, pids))
        check(leftovers(out) != [], "signal %d: partial files exist before the signal" % sig)
        proc.send_signal(sig)
        try:
            _, err = proc.communicate(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
        time.sleep(1)
        check(proc.returncode == code, "signal %d: exit %s, wanted %d: %s" % (
            sig, proc.returncode, code, err))
        alive = [p for p in pids if running(p)]
        check(alive == [], "signal %d: programs still running a second later: %s" % (sig, alive))
        check(leftovers(out) == [], "signal %d: partial files left: %s" % (sig, leftovers(out)))
        check("stopping" in err, "signal %d: says what it stops: %s" % (sig, err))
        for p in pids:
            if running(p):
                os.kill(p, signal.SIGKILL)

    # A hung pandoc is stopped at --timeout, with its children; nothing partial is left.
    os.remove(env["IACT_FAKE_PIDS"])
    out = os.path.join(work, "out-timeout")
    start = time.time()
    r = iact("paper", SOMERSET, "-o", out, "--to", "docx", "--timeout", "1", *AS_OF, env=env)
    took = time.time() - start
    check(r.returncode == 2 and "did not finish" in r.stderr and "within 1 s" in r.stderr,
          "timeout: exit %d: %s" % (r.returncode, r.stderr))
    check(took < 10, "timeout: took %.1f s" % took)
    time.sleep(0.5)
    pids = recorded_pids(work)
    check(pids and [p for p in pids if running(p)] == [], "timeout: programs left: %s" % pids)
    check(leftovers(out) == [], "timeout: partial files left: %s" % leftovers(out))

    # Partial files from a run that was killed outright are removed by the next run there;
    # those of a run still going are kept.
    out = os.path.join(work, "out-stale")
    folder = os.path.join(out, "somerset", "2025-06")
    os.makedirs(folder)
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = [".board-paper.partial-%d-1.docx" % dead.pid, ".return.partial-%d-7.xlsx" % dead.pid,
             ".board-paper.work-%d" % dead.pid]
    live = ".board-paper.partial-%d-1.docx" % os.getpid()
    for name in stale[:2] + [live]:
        open(os.path.join(folder, name), "w").close()
    os.makedirs(os.path.join(folder, stale[2], "inner"))
    r = iact("return", SOMERSET, "-o", out, *AS_OF)
    check(r.returncode == 0, "stale partials: exit %d %s" % (r.returncode, r.stderr))
    left = report_files(folder)
    check(left == sorted([live, "return.xlsx"]),
          "stale partials: the dead run's are gone, the live one's kept: %s" % left)


def standard_input(work):
    """`validate -` and `status -` read one plan from stdin."""
    with open(os.path.join(SOMERSET, "somerset-ft.yaml")) as f:
        text = f.read()
    broken = text.replace("kind: trust", "kind: trustt", 1)
    line = text[:text.index("kind: trust")].count("\n") + 1
    name = os.path.join("plans", "somerset", "somerset-ft.yaml")
    r = iact("validate", "-", "--stdin-filename", name, *AS_OF, stdin=broken, cwd=ROOT,
             env=dict(os.environ, NO_COLOR="1"))
    check(r.returncode == 1, "validate -: exit %d" % r.returncode)
    check("%s:%d:9: error: 'trustt' is not a valid kind" % (name, line) in r.stderr,
          "validate -: names the file and line: %s" % r.stderr[:300])
    check("kind: trustt" in r.stderr, "validate -: shows the line as read from stdin")
    check("unknown-lead" not in r.stderr, "validate -: its system folder gives the context")
    r = iact("validate", "-", *AS_OF, stdin=broken, env=dict(os.environ, NO_COLOR="1"))
    check("<stdin>:%d:9: error" % line in r.stderr, "validate -: <stdin> by default: %s" %
          r.stderr[:200])
    r = iact("validate", "-", "--stdin-filename", name, *AS_OF, stdin=text, cwd=ROOT)
    check(r.returncode == 0 and "0 errors" in r.stderr, "validate - of a good plan: %s" % r.stderr)
    r = iact("status", "-", "--stdin-filename", name, "--format", "json", *AS_OF, stdin=text,
             cwd=ROOT)
    check(r.returncode == 0 and '"system": "RH5"' in r.stdout,
          "status -: one trust, named by its code: %s %s" % (r.stdout[:200], r.stderr))
    r = iact("validate", "-", "-", stdin=text)
    check(r.returncode == 2 and "only once" in r.stderr, "validate - -: refused: %s" % r.stderr)
    r = iact("validate", "plans", "--stdin-filename", name, cwd=ROOT)
    check(r.returncode == 2 and "standard input" in r.stderr,
          "--stdin-filename without -: refused: %s" % r.stderr)


def odd_files(work):
    """FIFOs, devices, broken links and link loops in a plans folder are named, not skipped."""
    system = copy_system(os.path.join(work, "odd"))
    os.mkfifo(os.path.join(system, "pipe.yaml"))
    os.symlink("nowhere.yaml", os.path.join(system, "broken.yaml"))
    os.symlink("loop.yaml", os.path.join(system, "loop.yaml"))
    os.symlink("/dev/null", os.path.join(system, "device.yaml"))
    try:
        r = subprocess.run([IACT, "validate", system, *AS_OF], capture_output=True, text=True,
                           timeout=20, env=dict(os.environ, NO_COLOR="1"))
    except subprocess.TimeoutExpired:
        check(False, "odd files: validate hangs on a FIFO")
        return
    check(r.returncode == 1, "odd files: exit %d" % r.returncode)
    for name, why in [("pipe.yaml", "is a named pipe (FIFO), not a file"),
                      ("broken.yaml", "broken link: it points to nowhere.yaml"),
                      ("loop.yaml", "symlink loop"),
                      ("device.yaml", "is a device, not a file")]:
        check("%s: error: cannot read the plan: %s" % (os.path.join(system, name), why)
              in r.stderr, "odd files: %s reported as '%s': %s" % (name, why, r.stderr[-600:]))
    r = iact("validate", os.path.join(system, "loop.yaml"))
    check(r.returncode == 2 and "loop.yaml: symlink loop" in r.stderr,
          "a named link loop says so: %s" % r.stderr)
    # A pipe named on the command line is read, as `<(...)` gives one.
    r = subprocess.run(["bash", "-c", '"$0" validate <(cat "$1") --as-of 2025-01-01', IACT,
                        os.path.join(SOMERSET, "somerset-icb.yaml")], capture_output=True,
                       text=True, timeout=20)
    check("in 1 file" in r.stderr and "cannot read" not in r.stderr,
          "a named pipe is read: %s" % r.stderr[-300:])


def main():
    work = tempfile.mkdtemp(prefix="iact-hardening-")
    try:
        output_paths(work)
        interrupts(work)
        standard_input(work)
        odd_files(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    finish("hardening")


main()
