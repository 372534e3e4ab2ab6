"""Writing plans and reports safely when runs overlap or are stopped: parallel `apply` and
`update` runs on one plan keep every answer (each takes the plan's lock before reading it),
a held lock makes a run wait and then refuse, naming the plan, the lock and how to clear it;
within one `apply` run the same answer given twice is taken once and two different answers
for one action are refused (form-conflict); a plan that is a link stays a link, keeps its
mode, and a read-only plan is refused; and a rebuild stopped by SIGTERM leaves a report folder
holding the old reports or none, never a new return beside an old paper."""
import glob
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

import openpyxl

from support import check, finish

IACT = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
AS_OF = "2025-07-31"
DAY = "2025-08-10"
PLAN = os.path.join("plans", "somerset", "somerset-ft.yaml")
HEADERS = ["Action ID", "Action", "Due", "Current status", "Last update", "New status",
           "Completed on", "New due date", "Update", "Evidence"]
COL = {h: i + 1 for i, h in enumerate(HEADERS)}


def iact(*args, cwd, env=None):
    return subprocess.run([IACT, *args], capture_output=True, text=True, cwd=cwd,
                          env=env or dict(os.environ, NO_COLOR="1"))


def fresh(tmp, name):
    """A copy of the sample plans, with forms collected for the Somerset system."""
    work = os.path.join(tmp, name)
    shutil.copytree(os.path.join(ROOT, "plans"), os.path.join(work, "plans"))
    r = iact("collect", "plans/somerset", "--as-of", AS_OF, "-o", "forms", cwd=work)
    check(r.returncode == 0, "%s: collect: %s" % (name, r.stderr[-400:]))
    return work


def plan_rows(work):
    """(form, row, action id) of every form row for an action of somerset-ft.yaml."""
    out = []
    for f in sorted(glob.glob(os.path.join(work, "forms", "*.xlsx"))):
        record = openpyxl.load_workbook(f)["iact"]
        for r in range(6, record.max_row + 1):
            if record.cell(r, 1).value is None:
                continue
            if str(record.cell(r, 4).value).endswith("somerset-ft.yaml"):
                out.append((f, int(record.cell(r, 1).value), str(record.cell(r, 2).value)))
    return out


def answer(form, row, out, **cells):
    """Saves a copy of `form` at `out` with the answer `cells` in `row`."""
    wb = openpyxl.load_workbook(form)
    for column, value in cells.items():
        wb["Updates"].cell(row, COL[column.replace("_", " ")]).value = value
    os.makedirs(os.path.dirname(out), exist_ok=True)
    wb.save(out)
    return out


def text_of(work, path=PLAN):
    with open(os.path.join(work, path)) as f:
        return f.read()


def no_locks_left(work, what):
    left = glob.glob(os.path.join(work, "**", ".*.lock"), recursive=True)
    check(not left, "%s: no lock file is left behind: %s" % (what, left))


def parallel_runs(tmp):
    """Item 1: ten apply runs and ten update runs at once on one plan lose no answer."""
    work = fresh(tmp, "parallel")
    rows = plan_rows(work)
    check(len(rows) >= 20, "parallel: 20 open actions in %s (%d)" % (PLAN, len(rows)))
    if len(rows) < 20:
        return
    commands, notes = [], []
    for i, (form, row, ident) in enumerate(rows[:10]):
        note = "Answer %d from a form, applied in parallel." % i
        notes.append(note)
        out = answer(form, row, os.path.join(work, "inbox%d" % i, os.path.basename(form)),
                     Update=note)
        commands.append([IACT, "apply", out, "--plans", "plans", "--date", DAY])
    for i, (_form, _row, ident) in enumerate(rows[10:20]):
        note = "Answer %d from the command line, in parallel." % i
        notes.append(note)
        commands.append([IACT, "update", PLAN, ident, "--note", note, "--date", DAY])
    procs = [subprocess.Popen(c, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=dict(os.environ, NO_COLOR="1")) for c in commands]
    for c, p in zip(commands, procs):
        out, err = p.communicate(timeout=120)
        check(p.returncode == 0, "parallel: %s %s: exit %d %s" % (c[1], c[2], p.returncode,
                                                                 err[-400:]))
    text = text_of(work)
    lost = [n for n in notes if n not in text]
    check(not lost, "parallel: every answer is in the plan; lost %d of 20: %s" % (
        len(lost), lost[:3]))
    r = iact("validate", "plans/somerset", "--as-of", DAY, "-q", cwd=work)
    check(r.returncode == 0, "parallel: the plan validates after the runs: %s" % r.stderr[-400:])
    no_locks_left(work, "parallel")


def held_lock(tmp):
    """Item 1: a lock another run holds makes update wait, then refuse saying how to clear it;
    a lock released while waiting lets it go on."""
    work = fresh(tmp, "held")
    ident = plan_rows(work)[0][2]
    lock = os.path.join(work, "plans", "somerset", ".somerset-ft.yaml.lock")
    with open(lock, "w") as f:
        f.write("999999\n")
    before = text_of(work)
    r = iact("update", PLAN, ident, "--note", "Waited for the lock.", "--date", DAY, cwd=work)
    check(r.returncode == 2, "held lock: update refuses with exit 2 (%d)" % r.returncode)
    check(PLAN in r.stderr and lock.split(work + os.sep)[-1] in r.stderr and
          "remove" in r.stderr and "999999" in r.stderr,
          "held lock: the message names the plan, the lock file, its holder and how to clear "
          "it: %s" % r.stderr[-400:])
    check(text_of(work) == before, "held lock: the plan is unchanged")
    check(os.path.exists(lock), "held lock: another run's lock is not removed")
    # Released while the run waits: it goes on.
    p = subprocess.Popen([IACT, "update", PLAN, ident, "--note", "Waited for the lock.", "--date",
                          DAY], cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    time.sleep(1)
    check(p.poll() is None, "held lock: update waits while the lock is held")
    os.remove(lock)
    out, err = p.communicate(timeout=60)
    check(p.returncode == 0 and "Waited for the lock." in text_of(work),
          "held lock: update goes on once the lock is released: %d %s" % (p.returncode, err))
    # Stopped while it waits: it removes nothing of the holder's.
    with open(lock, "w") as f:
        f.write("999999\n")
    p = subprocess.Popen([IACT, "update", PLAN, ident, "--note", "Stopped.", "--date", DAY],
                         cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1)
    p.send_signal(signal.SIGTERM)
    p.communicate(timeout=60)
    check(os.path.exists(lock), "held lock: a run stopped while waiting leaves the other's lock")
    os.remove(lock)
    no_locks_left(work, "held lock")


def repeated_answers(tmp):
    """Item 2: one run, the same answer twice (a form saved twice) is taken once; two forms
    answering one action differently: the second is refused naming both."""
    work = fresh(tmp, "repeated")
    (form, row, ident), (form2, row2, ident2) = plan_rows(work)[:2]
    note = "Reviewed at the August meeting; no change."
    a = answer(form, row, os.path.join(work, "inbox", "icb.xlsx"), New_status="At risk",
               Update=note)
    b = os.path.join(work, "inbox", "icb (1).xlsx")
    shutil.copy(a, b)
    r = iact("apply", a, b, "--plans", "plans", "--date", DAY, cwd=work)
    check(r.returncode == 0, "repeated: apply of one form twice: exit %d %s" % (r.returncode,
                                                                                r.stderr[-400:]))
    check(text_of(work).count(note) == 1,
          "repeated: the answer is written once (%d times)" % text_of(work).count(note))
    check("taken once" in r.stderr and "icb.xlsx" in r.stderr,
          "repeated: says the answer was given twice and taken once: %s" % r.stderr[-400:])

    work = fresh(tmp, "conflict")
    form, row, ident = plan_rows(work)[0]
    a = answer(form, row, os.path.join(work, "inbox", "a.xlsx"), New_status="Blocked",
               Update="Blocked by the estates programme.")
    b = answer(form, row, os.path.join(work, "inbox", "b.xlsx"), New_status="Complete",
               Update="Finished and signed off.")
    r = iact("apply", a, b, "--plans", "plans", "--date", DAY, cwd=work)
    text = text_of(work)
    check(r.returncode == 1, "conflict: exit 1 for a refused form (%d)" % r.returncode)
    check("[form-conflict]" in r.stderr and "a.xlsx" in r.stderr and "b.xlsx" in r.stderr and
          ("row %d" % row) in r.stderr and ident in r.stderr,
          "conflict: the refusal names the action, both forms and rows: %s" % r.stderr[-600:])
    check("Blocked by the estates programme." in text and "Finished and signed off." not in text,
          "conflict: the first answer stands and the second is not written")

    # One form named twice on the command line: its answers are taken once.
    work = fresh(tmp, "rows")
    form, row, ident = plan_rows(work)[0]
    one = answer(form, row, os.path.join(work, "inbox", "one.xlsx"), Update="Row answer.")
    r = iact("apply", one, one, "--plans", "plans", "--date", DAY, cwd=work)
    check(r.returncode == 0 and text_of(work).count("Row answer.") == 1,
          "rows: one form given twice on the command line is taken once: %d %s" % (
              r.returncode, r.stderr[-300:]))


def links_and_modes(tmp):
    """Item 7: a plan that is a link stays a link and its file is edited; its mode is kept;
    a read-only plan is refused."""
    work = fresh(tmp, "links")
    rows = plan_rows(work)
    real_dir = os.path.join(work, "elsewhere")
    os.makedirs(real_dir)
    real = os.path.join(real_dir, "somerset-ft.yaml")
    shutil.move(os.path.join(work, PLAN), real)
    os.symlink(real, os.path.join(work, PLAN))
    r = iact("update", PLAN, rows[0][2], "--note", "Through the link.", "--date", DAY, cwd=work)
    check(r.returncode == 0, "link: update exit %d %s" % (r.returncode, r.stderr[-300:]))
    check(os.path.islink(os.path.join(work, PLAN)), "link: the plan is still a link")
    with open(real) as f:
        check("Through the link." in f.read(), "link: the file it leads to has the edit")
    check(not glob.glob(os.path.join(work, "plans", "somerset", ".*partial*")) and
          not glob.glob(os.path.join(real_dir, ".*partial*")), "link: no partial file left")
    out = answer(rows[1][0], rows[1][1], os.path.join(work, "inbox", "f.xlsx"),
                 Update="Applied through the link.")
    r = iact("apply", out, "--plans", "plans", "--date", DAY, cwd=work)
    check(r.returncode == 0 and os.path.islink(os.path.join(work, PLAN)),
          "link: apply keeps the link: %d %s" % (r.returncode, r.stderr[-300:]))
    with open(real) as f:
        check("Applied through the link." in f.read(), "link: apply edits the file it leads to")
    no_locks_left(work, "link")

    work = fresh(tmp, "modes")
    plan = os.path.join(work, PLAN)
    os.chmod(plan, 0o600)
    r = iact("update", PLAN, rows[0][2], "--note", "Private.", "--date", DAY, cwd=work)
    mode = stat.S_IMODE(os.stat(plan).st_mode)
    check(r.returncode == 0 and mode == 0o600,
          "mode: a 0600 plan stays 0600 (%o): %s" % (mode, r.stderr[-300:]))
    os.chmod(plan, 0o444)
    before = text_of(work)
    r = iact("update", PLAN, rows[0][2], "--note", "Should not land.", "--date", DAY, cwd=work)
    check(r.returncode != 0 and "read-only" in r.stderr and PLAN in r.stderr,
          "read-only: update refuses naming the plan: %d %s" % (r.returncode, r.stderr[-300:]))
    check(text_of(work) == before and stat.S_IMODE(os.stat(plan).st_mode) == 0o444,
          "read-only: the plan is unchanged")
    no_locks_left(work, "modes")


def import_into(tmp):
    """Items 1 and 7 for `import --into`: through a link, keeping the mode; a read-only plan
    and a locked plan are left as they were."""
    work = os.path.join(tmp, "into")
    shutil.copytree(os.path.join(ROOT, "plans", "bob"), os.path.join(work, "bob"))
    real = os.path.join(work, "real-bhft.yaml")
    shutil.move(os.path.join(work, "bob", "bhft.yaml"), real)
    os.symlink(real, os.path.join(work, "bob", "bhft.yaml"))
    os.chmod(real, 0o640)
    tracker = os.path.join(work, "update.csv")
    with open(tracker, "w") as f:
        f.write("Ref,Action,Theme,Target date,Status,Latest update\n"
                "NEW-1,Publish a carers' guide,Families,30/06/2026,Not started,\n")
    plan = os.path.join("bob", "bhft.yaml")
    lock = os.path.join(work, ".real-bhft.yaml.lock")
    with open(lock, "w") as f:
        f.write("999999\n")
    r = iact("import", tracker, "--into", plan, "--date", "2026-04-02", cwd=work)
    check(r.returncode == 2 and lock.split(work + os.sep)[-1] in r.stderr,
          "into: a locked plan (its lock beside the file the link leads to) is refused: %d %s"
          % (r.returncode, r.stderr[-300:]))
    os.remove(lock)
    os.chmod(real, 0o444)
    r = iact("import", tracker, "--into", plan, "--date", "2026-04-02", cwd=work)
    with open(real) as f:
        check(r.returncode != 0 and "read-only" in r.stderr and "NEW-1" not in f.read(),
              "into: a read-only plan is refused: %d %s" % (r.returncode, r.stderr[-300:]))
    os.chmod(real, 0o640)
    r = iact("import", tracker, "--into", plan, "--date", "2026-04-02", cwd=work)
    check(r.returncode == 0, "into: exit %d %s" % (r.returncode, r.stderr[-300:]))
    with open(real) as f:
        check("NEW-1" in f.read(), "into: the file the link leads to has the new action")
    check(os.path.islink(os.path.join(work, plan)), "into: the plan is still a link")
    check(stat.S_IMODE(os.stat(real).st_mode) == 0o640, "into: the plan keeps its mode 0640")
    no_locks_left(work, "into")


FAKE_PANDOC = """#!/bin/sh
# A stand-in for pandoc: writes a small file, or (when the test asks) hangs.
for a in "$@"; do
  case "$a" in --output=*) out="${a#--output=}" ;; --version) echo "pandoc 3.1"; exit 0 ;; esac
done
if [ -e "$SLOW_FLAG" ]; then
  touch "$STARTED_FLAG"
  sleep 120
fi
echo "paper" > "$out"
"""


def report_set(folder):
    out = {}
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            with open(path, "rb") as f:
                out[name] = f.read()
    return out


def stopped_rebuild(tmp):
    """Item 8: SIGTERM while pandoc runs for a rebuild as of a new day leaves each report
    folder with its old reports or none."""
    work = os.path.join(tmp, "signal")
    shutil.copytree(os.path.join(ROOT, "plans"), os.path.join(work, "plans"))
    bin_dir = os.path.join(work, "bin")
    os.makedirs(bin_dir)
    with open(os.path.join(bin_dir, "pandoc"), "w") as f:
        f.write(FAKE_PANDOC)
    os.chmod(os.path.join(bin_dir, "pandoc"), 0o755)
    slow, started = os.path.join(work, "slow"), os.path.join(work, "started")
    env = dict(os.environ, NO_COLOR="1", PATH=bin_dir + os.pathsep + os.environ["PATH"],
               SLOW_FLAG=slow, STARTED_FLAG=started)
    for command in (["build", "plans/somerset"], ["paper", "plans/somerset"]):
        out = os.path.join(work, "out-" + command[0])
        args = command + ["--period", "2026-01", "--to", "docx", "-o", out]
        r = iact(*args, "--as-of", "2025-12-01", cwd=work, env=env)
        check(r.returncode == 0, "%s: first run: %s" % (command[0], r.stderr[-400:]))
        if command[0] == "paper":  # a return beside the paper, as build makes
            r = iact("return", "plans/somerset", "--period", "2026-01", "-o", out, "--as-of",
                     "2025-12-01", cwd=work, env=env)
        folders = [os.path.dirname(p) for p in glob.glob(os.path.join(out, "*", "*", "*.docx"))]
        check(folders, "%s: the first run wrote papers" % command[0])
        old = {d: report_set(d) for d in folders}
        open(slow, "w").close()
        p = subprocess.Popen([IACT, *args, "--as-of", "2026-01-20"], cwd=work, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(600):
            if os.path.exists(started) or p.poll() is not None:
                break
            time.sleep(0.05)
        check(os.path.exists(started), "%s: the rebuild reached pandoc" % command[0])
        time.sleep(0.2)
        p.send_signal(signal.SIGTERM)
        _, err = p.communicate(timeout=60)
        os.remove(slow)
        if os.path.exists(started):
            os.remove(started)
        check(p.returncode == 143, "%s: stopped by SIGTERM: exit %d %s" % (
            command[0], p.returncode, err[-300:]))
        for d in folders:
            now = report_set(d)
            hidden = [n for n in os.listdir(d) if n.startswith(".") and n != ".iact-as-of"]
            check(not hidden, "%s: no partial files or work folders left: %s" % (d, hidden))
            check(now == old[d] or not now,
                  "%s: holds the old reports or none after SIGTERM, never a mix: was %s, now "
                  "%s (as of %s)" % (d, sorted(old[d]), sorted(now),
                                     now.get(".iact-as-of", b"-").decode().strip()))


def main():
    tmp = tempfile.mkdtemp(prefix="iact-plan-writes-")
    try:
        parallel_runs(tmp)
        held_lock(tmp)
        repeated_answers(tmp)
        links_and_modes(tmp)
        import_into(tmp)
        stopped_rebuild(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    finish("plan writes")


if __name__ == "__main__":
    main()
