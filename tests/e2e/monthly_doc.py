"""docs/monthly-updates.md run as a programme lead would run it: every command the page shows
(its sh blocks, then the commands of "The cycle, start to finish"), in the page's order, in a
git repository of the sample plans with a local timeline in place, and forms filled in as
leads would fill them between collecting and applying. The commands are read from the page
itself, so the page and this test cannot drift apart. Each must succeed, and the round must
show in the plans, in `iact diff` and in the reports."""
import datetime
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

import openpyxl
import yaml

from support import check, finish

IACT = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
DOC = os.path.join(ROOT, "docs", "monthly-updates.md")
TODAY = datetime.date.today()
MONTH = "2025-09"  # what the cycle's <month> stands for
ENV = dict(os.environ, NO_COLOR="1", GIT_AUTHOR_NAME="Programme office",
           GIT_AUTHOR_EMAIL="office@example.org", GIT_COMMITTER_NAME="Programme office",
           GIT_COMMITTER_EMAIL="office@example.org")


def doc_commands(text):
    """The page's commands in order: each line of a ```sh block (without its comment), and
    each `iact ...` or `git ...` in the cycle's list."""
    commands, in_sh, section = [], False, ""
    for line in text.splitlines():
        if line.startswith("## "):
            section = line
        if line.strip() == "```sh":
            in_sh = True
            continue
        if in_sh and line.strip() == "```":
            in_sh = False
            continue
        if in_sh:
            words = shlex.split(line, comments=True)
            if words:
                commands.append(words)
        elif section.startswith("## The cycle"):
            for span in re.findall(r"`([^`]+)`", line):
                if span.startswith(("iact ", "git ")):
                    commands.append(shlex.split(span))
    return commands


def headers(ws):
    return {c.value: c.column for c in ws[1]}


def fill(path, answers):
    """Fills the form's rows in order with `answers` (dicts of header -> value), as a lead
    would; returns the action ids answered."""
    wb = openpyxl.load_workbook(path)
    ws, record = wb["Updates"], wb["iact"]
    col = headers(ws)
    ids = []
    for n, answer in enumerate(answers):
        row = n + 2
        for header, value in answer.items():
            ws.cell(row, col[header]).value = value
        ids.append((record.cell(6 + n, 3).value, record.cell(6 + n, 2).value))
    wb.save(path)
    return ids


def plan_actions(work):
    out = {}
    for path in glob.glob(os.path.join(work, "plans", "*", "*.yaml")):
        with open(path, encoding="utf-8") as f:
            p = yaml.safe_load(f)
        for a in p.get("actions") or []:
            out[(p["organisation"]["code"], str(a["id"]))] = a
    return out


def local_timeline(work):
    """A local reporting round due at the end of this month and of the next: the national
    periods have passed."""
    first = TODAY.replace(day=28) + datetime.timedelta(days=4)
    this_end = first - datetime.timedelta(days=first.day)
    second = (this_end + datetime.timedelta(days=32)).replace(day=1)
    next_end = (second + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    with open(os.path.join(work, "plans", ".iact-timeline.yaml"), "w") as f:
        f.write("iact-timeline: 1\nperiods:\n")
        for end in (this_end, next_end):
            f.write("  - id: %s\n    due: %s\n    title: Public board update, %s\n" % (
                end.strftime("%Y-%m"), end.isoformat(), end.strftime("%B %Y")))
    return this_end.strftime("%Y-%m")


def main():
    commands = doc_commands(open(DOC, encoding="utf-8").read())
    check(len(commands) >= 15 and commands[0][:2] == ["iact", "collect"] and
          ["git", "commit", "-am", "August updates"] in commands and
          ["iact", "diff", "git:HEAD~1:plans", "plans"] in commands,
          "the page's commands are found: %s" % commands)
    work = tempfile.mkdtemp(prefix="iact-monthly-")
    try:
        for system in ("nenc", "bob", "bnssg"):  # the systems the page names
            shutil.copytree(os.path.join(ROOT, "plans", system), os.path.join(work, "plans", system))
        period = local_timeline(work)
        subprocess.run(["git", "init", "-q"], cwd=work, check=True)
        subprocess.run(["git", "add", "-A"], cwd=work, check=True)
        subprocess.run(["git", "commit", "-qm", "The plans"], cwd=work, check=True, env=ENV)
        completed_on = TODAY - datetime.timedelta(days=3)
        new_due = TODAY + datetime.timedelta(days=120)
        answered = {}
        for words in commands:
            words = [w.replace("<month>", MONTH) for w in words]
            if any("<lead>" in w for w in words):
                # The lead whose form came back: the NENC ICB's, filled in with one update.
                lead = "nenc-icb"
                check(os.path.exists(os.path.join(work, "forms", MONTH, lead + ".xlsx")),
                      "the cycle's collect wrote %s.xlsx" % lead)
                words = [w.replace("<lead>", lead) for w in words]
                form = os.path.join(work, "forms", MONTH, lead + ".xlsx")
                if os.path.exists(form) and "cycle" not in answered:
                    answered["cycle"] = fill(form, [{"Update": "September: on course."}])
            if words[:2] == ["iact", "apply"] and "first" not in answered:
                # The August forms come back: one action done (on the day the lead gives),
                # one re-planned.
                form = os.path.join(work, "forms", "2025-08", "nenc-icb.xlsx")
                answered["first"] = fill(form, [
                    {"New status": "Complete", "Completed on": completed_on,
                     "Update": "Signed off by the task and finish group.",
                     "Evidence": "Minutes"},
                    {"New due date": new_due, "Update": "Moved while we wait for the data."}])
            expanded = []
            for w in words:
                matches = sorted(glob.glob(os.path.join(work, w))) if "*" in w else []
                expanded += [os.path.relpath(m, work) for m in matches] or [w]
            if expanded[0] == "iact":
                expanded[0] = IACT
            r = subprocess.run(expanded, capture_output=True, text=True, cwd=work, env=ENV)
            shown = " ".join(shlex.quote(w) for w in words)
            check(r.returncode == 0, "`%s` exits %d:\n%s%s" % (shown, r.returncode,
                                                             r.stdout[-600:], r.stderr[-1500:]))
            if words[:2] == ["iact", "diff"]:
                diff = r.stdout
        actions = plan_actions(work)
        (org, done), (org2, moved) = answered["first"]
        check(actions[(org, done)]["status"] == "complete" and
              str(actions[(org, done)]["completed"]) == completed_on.isoformat(),
              "the form's Completed on date is the action's completed: %s" % actions[(org, done)])
        check(str(actions[(org2, moved)]["due"]) == new_due.isoformat(),
              "the re-planned date is in the plan: %s" % actions[(org2, moved)])
        check(str(actions[("RWX", "BHFT-DA-02")]["due"]) == "2026-03-31",
              "iact update's new date is in the plan")
        for want in [r"~ ICB action %s: .*\n(    .*\n)*    status: [a-z-]+ -> complete\n" % done,
                     r"~ BHFT action BHFT-DA-02: .*\n(    .*\n)*    due: tbc -> 2026-03-31\n",
                     r"    updates: \+ %s [a-z-]+: September: on course\.\n" % TODAY.isoformat()]:
            check(re.search(want, diff), "iact diff git:HEAD~1:plans plans shows %r:\n%s" % (
                want, diff))
        check(".iact-timeline" not in diff, "the local timeline is not read as a plan")
        check(os.path.exists(os.path.join(work, "reports", "nenc", period, "return.xlsx")),
              "iact build wrote the return for the local period %s: %s" % (
                  period, sorted(glob.glob(os.path.join(work, "reports", "*", "*")))))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    finish("monthly-updates.md")


main()
