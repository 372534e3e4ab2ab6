"""The owners' monthly round trip: iact collect writes a form per lead listing exactly the
open actions; forms filled in by a script and applied move the plans as the answers say
(statuses, completions, re-planned dates, updates), git diff shows only the added and changed
lines, applying twice changes nothing, and tampered or stale forms are refused by row with
nothing written. Also iact update."""
import datetime
import glob
import hashlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile

import openpyxl
import yaml

from support import brag, check, finish, load_system

IACT = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
AS_OF = "2025-07-31"
ANSWER_DATE = "2025-08-10"
HEADERS = ["Action ID", "Action", "Due", "Current status", "Last update", "New status",
           "Completed on", "New due date", "Update", "Evidence"]
COL = {h: i + 1 for i, h in enumerate(HEADERS)}


def iact(*args, cwd):
    return subprocess.run([IACT, *args], capture_output=True, text=True, cwd=cwd,
                          env=dict(os.environ, NO_COLOR="1"))


def on_a_full_disk(args, cwd):
    """iact ARGS where no file may grow past 2 KB, as on a full disk: a write fails (EFBIG,
    with SIGXFSZ ignored) while the plans and forms can still be read."""
    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))
    return subprocess.run([IACT, *args], capture_output=True, text=True, cwd=cwd,
                          env=dict(os.environ, NO_COLOR="1"), preexec_fn=limit)


def git(*args, cwd):
    return subprocess.run(["git", *args], capture_output=True, text=True, cwd=cwd, check=True)


def digest(folder):
    h = hashlib.sha256()
    for path in sorted(glob.glob(os.path.join(folder, "**", "*.yaml"), recursive=True)):
        with open(path, "rb") as f:
            h.update(path.encode() + f.read())
    return h.hexdigest()


def status_totals(work, as_of):
    r = iact("status", "plans", "--as-of", as_of, "--format", "json", cwd=work)
    check(r.returncode == 0, "status: %s" % r.stderr[-300:])
    totals = {}
    replanned = 0
    for system in json.loads(r.stdout):
        for colour, n in system["totals"].items():
            totals[colour] = totals.get(colour, 0) + n
    return totals


def expected_open(work):
    """(organisation code, action id) of every action not Blue at the as-of date, by the
    tests' own reading of the SPEC's rules."""
    as_of = datetime.date.fromisoformat(AS_OF)
    out = set()
    for folder in sorted(glob.glob(os.path.join(work, "plans", "*"))):
        for plan in load_system(folder):
            for a in plan.get("actions") or []:
                if brag(a, as_of) != "Blue":
                    out.add((plan["organisation"]["code"], str(a["id"])))
    return out


def form_rows(path):
    wb = openpyxl.load_workbook(path)
    updates = wb["Updates"]
    record = wb["iact"]
    rows = []
    for r in range(6, record.max_row + 1):
        if record.cell(r, 1).value is None:
            continue
        rows.append({"row": int(record.cell(r, 1).value), "id": record.cell(r, 2).value,
                     "org": record.cell(r, 3).value, "plan": record.cell(r, 4).value,
                     "shown_id": updates.cell(int(record.cell(r, 1).value), 1).value,
                     "current": updates.cell(int(record.cell(r, 1).value), 4).value})
    return wb, rows


def round_trip(work):
    r = iact("collect", "plans", "--as-of", AS_OF, "-o", "forms", cwd=work)
    check(r.returncode == 0, "collect: exit %d %s" % (r.returncode, r.stderr[-500:]))
    forms = sorted(glob.glob(os.path.join(work, "forms", "*.xlsx")))
    check(len(forms) > 4, "collect: a form per lead (%d)" % len(forms))
    check(all(os.path.exists(f[:-5] + ".txt") for f in forms), "collect: an email per form")
    listed = set()
    for f in forms:
        wb, rows = form_rows(f)
        check(wb["iact"].sheet_state == "hidden", "%s: the record sheet is hidden" % f)
        check(wb["Updates"].protection.sheet, "%s: the form's sheet is protected" % f)
        check([c.value for c in wb["Updates"][1]] == HEADERS, "%s: the columns" % f)
        dv = [d for d in wb["Updates"].data_validations.dataValidation]
        check(any(d.type == "list" and "Complete" in (d.formula1 or "") for d in dv) and
              any(d.type == "date" for d in dv), "%s: a status drop-down and a date column" % f)
        for row in rows:
            check(row["id"] == row["shown_id"], "%s: row %d shows its action" % (f, row["row"]))
            listed.add((row["org"], row["id"]))
        # Each form is one system's: every ICB's lead is "ICB", and one ICB's form must
        # not carry another's actions, nor its contact.
        systems = {r["plan"].split("/")[0] for r in rows}
        check(len(systems) == 1, "%s: the actions of one system only (%s)" % (f, sorted(systems)))
        check(os.path.basename(f).startswith(next(iter(systems)) + "-"),
              "%s: named after its system %s" % (f, sorted(systems)))
        overdue = ["shown Red" in (r["current"] or "") or "(overdue" in (r["current"] or "")
                   for r in rows]
        check(overdue == sorted(overdue, reverse=True), "%s: overdue actions first" % f)
    want = expected_open(work)
    check(listed == want, "collect lists exactly the open actions: missing %s, extra %s" % (
        sorted(want - listed)[:5], sorted(listed - want)[:5]))

    before = status_totals(work, ANSWER_DATE)
    first_due = {}
    for path in glob.glob(os.path.join(work, "plans", "*", "*.yaml")):
        with open(path) as f:
            p = yaml.safe_load(f)
        for a in p.get("actions") or []:
            first_due[(p["organisation"]["code"], str(a["id"]))] = a["due"]
    # Fill in every form: its first action complete (on the day the odd forms say, in their
    # Completed on column, and on the day of the answers for the others), its second
    # re-planned.
    completed, replanned, done_on = [], [], {}
    for n, f in enumerate(forms):
        wb, rows = form_rows(f)
        ws = wb["Updates"]
        if rows:
            ws.cell(rows[0]["row"], COL["New status"]).value = "Complete"
            ws.cell(rows[0]["row"], COL["Update"]).value = "Done and signed off at the August meeting."
            ws.cell(rows[0]["row"], COL["Evidence"]).value = "Minutes, August 2025"
            completed.append((rows[0]["org"], rows[0]["id"]))
            done_on[completed[-1]] = ANSWER_DATE
            if n % 2:
                ws.cell(rows[0]["row"], COL["Completed on"]).value = datetime.date(2025, 8, 4)
                done_on[completed[-1]] = "2025-08-04"
        if len(rows) > 1:
            ws.cell(rows[1]["row"], COL["New due date"]).value = datetime.date(2026, 3, 31)
            ws.cell(rows[1]["row"], COL["Update"]).value = "Moved to March 2026 while we wait for funding."
            replanned.append((rows[1]["org"], rows[1]["id"]))
        wb.save(f)
    r = iact("apply", *forms, "--plans", "plans", "--date", ANSWER_DATE, cwd=work)
    check(r.returncode == 0, "apply: exit %d %s" % (r.returncode, r.stderr[-800:]))
    r = iact("validate", "plans", "--as-of", ANSWER_DATE, "-q", cwd=work)
    check(r.returncode == 0, "the plans validate after apply: %s" % r.stderr[-800:])
    after = status_totals(work, ANSWER_DATE)
    check(after["Blue"] == before["Blue"] + len(completed),
          "completed actions are Blue: %d -> %d (+%d)" % (before["Blue"], after["Blue"],
                                                          len(completed)))
    # Every completed one is Blue and every re-planned one has its first date as baseline.
    plans = {}
    for path in glob.glob(os.path.join(work, "plans", "*", "*.yaml")):
        with open(path) as f:
            p = yaml.safe_load(f)
        plans[p["organisation"]["code"]] = {str(a["id"]): a for a in p.get("actions") or []}
    for org, ident in completed:
        a = plans[org][ident]
        check(a["status"] == "complete" and str(a.get("completed")) == done_on[(org, ident)] and
              "Minutes, August 2025" in str(a.get("evidence")) and
              a["updates"][-1]["note"] == "Done and signed off at the August meeting.",
              "%s %s is complete, dated, evidenced and logged: %s" % (org, ident, a))
    moved = 0
    for org, ident in replanned:
        a = plans[org][ident]
        was = first_due[(org, ident)]
        if str(was) in ("tbc", "ongoing"):  # a date agreed, not a re-plan
            check(str(a["due"]) == "2026-03-31" and "baseline_due" not in a and
                  "due" not in a["updates"][-1], "%s %s has its date agreed: %s" % (org, ident, a))
            continue
        moved += 1
        check(str(a["due"]) == "2026-03-31" and
              str(a.get("baseline_due", a.get("due"))) != "2026-03-31" and
              str(a["updates"][-1].get("due")) == "2026-03-31",
              "%s %s is re-planned with a baseline: %s" % (org, ident, a))
    check(moved > 0, "some forms re-planned a dated action")
    r = iact("status", "plans", "--as-of", ANSWER_DATE, "--format", "json", cwd=work)
    shown = {(x["organisation"], x["id"]) for s in json.loads(r.stdout) for x in s["replanned"]}
    labels = {}
    for s in json.loads(r.stdout):
        for o in s["organisations"]:
            with open(os.path.join(work, o["file"])) as f:
                labels[yaml.safe_load(f)["organisation"]["code"]] = o["label"]
    for org, ident in replanned:
        if str(first_due[(org, ident)]) not in ("tbc", "ongoing"):
            check((labels[org], ident) in shown, "status shows %s %s as re-planned" % (org, ident))
    # git diff: only added lines, and the status and due lines that changed.
    diff = git("diff", "-U0", "plans", cwd=work).stdout
    removed = [l for l in diff.splitlines() if l.startswith("-") and not l.startswith("---")]
    check(removed and all(l.strip("- ").startswith(("status:", "due:", "evidence:"))
                          for l in removed),
          "git diff removes only changed values: %s" % removed[:5])
    git("add", "-A", cwd=work)
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "applied",
        cwd=work)
    # The same forms again: nothing changes.
    snapshot = digest(os.path.join(work, "plans"))
    r = iact("apply", *forms, "--plans", "plans", "--date", "2025-08-11", cwd=work)
    check(r.returncode == 0 and "0 plans changed" in r.stderr and "already in the plans" in
          r.stderr, "apply twice: %s" % r.stderr[-300:])
    check(digest(os.path.join(work, "plans")) == snapshot, "apply twice changes nothing")
    return forms


def refused(work, form, want, what):
    snapshot = digest(os.path.join(work, "plans"))
    r = iact("apply", form, "--plans", "plans", "--date", ANSWER_DATE, cwd=work)
    check(r.returncode == 1 and want in r.stderr and "this form changed nothing" in r.stderr,
          "%s: refused with %r: exit %d %s" % (what, want, r.returncode, r.stderr[-500:]))
    check(digest(os.path.join(work, "plans")) == snapshot, "%s: nothing written" % what)


def bad_forms(work):
    r = iact("collect", "plans/nenc", "--as-of", AS_OF, "-o", "fresh", cwd=work)
    check(r.returncode == 0, "collect again: %s" % r.stderr[-300:])
    base = os.path.join(work, "fresh", "icb.xlsx")

    def variant(name, change):
        path = os.path.join(work, "fresh", name)
        shutil.copy(base, path)
        wb, rows = form_rows(path)
        change(wb, rows)
        wb.save(path)
        return path, rows

    def bad_status(wb, rows):
        wb["Updates"].cell(rows[0]["row"], COL["New status"]).value = "Sort of"
        wb["Updates"].cell(rows[1]["row"], COL["Update"]).value = "A fine update."
    path, rows = variant("status.xlsx", bad_status)
    refused(work, path, "status.xlsx:%d:6: error: sheet 'Updates', row %d, column F (New "
            "status): 'Sort of' is not a status [form-value]" % (rows[0]["row"], rows[0]["row"]),
            "a bad status")

    def bad_date(wb, rows):
        wb["Updates"].cell(rows[0]["row"], COL["New due date"]).value = "soon"
    path, rows = variant("date.xlsx", bad_date)
    refused(work, path, "date.xlsx:%d:8: error: sheet 'Updates', row %d, column H (New due "
            "date): 'soon' is not a date [form-value]" % (rows[0]["row"], rows[0]["row"]),
            "a bad date")

    # Changed after it was made: its hidden record, an action id, or grey text. Each is
    # the form's doing, not the plan's, and is said so with its row.
    def tampered(wb, rows):
        wb["iact"].cell(6, 5).value = "0000000000000000"
        wb["Updates"].cell(rows[0]["row"], COL["Update"]).value = "Tampered."
    path, rows = variant("tampered.xlsx", tampered)
    refused(work, path, "tampered.xlsx:%d:1: error: sheet 'Updates': this form was changed after "
            "it was made (row %d): what its hidden sheet recorded of the row was edited "
            "[form-changed]" % (rows[0]["row"], rows[0]["row"]), "a tampered record")

    def renamed(wb, rows):
        wb["Updates"].cell(rows[0]["row"], 1).value = "NOPE-1"
    path, rows = variant("renamed.xlsx", renamed)
    refused(work, path, "renamed.xlsx:%d:1: error: sheet 'Updates', column A (Action ID): this "
            "form was changed after it was made (row %d): '%s' now reads 'NOPE-1' "
            "[form-changed]" % (rows[0]["row"], rows[0]["row"], rows[0]["id"]),
            "a changed action id, on a row with no answer")

    def grey_edit(wb, rows):
        wb["Updates"].cell(rows[1]["row"], COL["Due"]).value = "31 Dec 2026"
        wb["Updates"].cell(rows[0]["row"], COL["Update"]).value = "An answer elsewhere."
    path, rows = variant("grey.xlsx", grey_edit)
    refused(work, path, "grey.xlsx:%d:3: error: sheet 'Updates', column C (Due): this form was "
            "changed after it was made (row %d): " % (rows[1]["row"], rows[1]["row"]),
            "an edit to the grey text")

    def added_row(wb, rows):
        last = max(r["row"] for r in rows) + 1
        wb["Updates"].cell(last, 1).value = "DEF-99"
        wb["Updates"].cell(last, COL["New status"]).value = "Complete"
    path, rows = variant("added.xlsx", added_row)
    last = max(r["row"] for r in rows) + 1
    refused(work, path, "added.xlsx:%d:1: error: sheet 'Updates': this form was changed after "
            "it was made (row %d): the row was added" % (last, last), "an added row")

    # Answers the plan cannot take: a new due date before the day the form is applied, a
    # completion after it, or a completion with another status.
    def past_due(wb, rows):
        wb["Updates"].cell(rows[0]["row"], COL["New due date"]).value = datetime.date(2025, 8, 1)
    path, rows = variant("past.xlsx", past_due)
    refused(work, path, "past.xlsx:%d:8: error: sheet 'Updates', row %d, column H (New due "
            "date): 1 Aug 2025 is before 10 Aug 2025, the day this is recorded: a re-plan into "
            "the past [form-value]" % (rows[0]["row"], rows[0]["row"]), "a re-plan into the past")

    def done_later(wb, rows):
        wb["Updates"].cell(rows[0]["row"], COL["Completed on"]).value = datetime.date(2025, 8, 20)
    path, rows = variant("later.xlsx", done_later)
    refused(work, path, "later.xlsx:%d:7: error: sheet 'Updates', row %d, column G (Completed "
            "on): 20 Aug 2025 is after 10 Aug 2025" % (rows[0]["row"], rows[0]["row"]),
            "a completion after the day applied")

    def done_on_track(wb, rows):
        wb["Updates"].cell(rows[0]["row"], COL["New status"]).value = "On track"
        wb["Updates"].cell(rows[0]["row"], COL["Completed on"]).value = datetime.date(2025, 8, 4)
    path, rows = variant("ontrack.xlsx", done_on_track)
    refused(work, path, "ontrack.xlsx:%d:7: error: sheet 'Updates', row %d, column G (Completed "
            "on): a completion date, but the new status is on-track" % (rows[0]["row"],
                                                                       rows[0]["row"]),
            "a completion with another status")

    # A row naming an action the plan no longer has is refused, though it has no answer.
    def answer_first(wb, rows):
        wb["Updates"].cell(rows[0]["row"], COL["New status"]).value = "At risk"
    path, rows = variant("unknown.xlsx", answer_first)
    plan = os.path.join(work, "plans", "nenc", "nenc-icb.yaml")
    text = open(plan, encoding="utf-8").read()
    gone = rows[-1]["id"]
    with open(plan, "w", encoding="utf-8") as f:
        f.write(text.replace("- id: %s\n" % gone, "- id: %s-RENAMED\n" % gone))
    refused(work, path, "unknown.xlsx:%d:1: error: sheet 'Updates', row %d: plans/nenc/"
            "nenc-icb.yaml has no action '%s' [form-unknown-action]" % (
                rows[-1]["row"], rows[-1]["row"], gone), "a row for an action the plan lost")
    with open(plan, "w", encoding="utf-8") as f:
        f.write(text)

    # A date no plan of this programme can mean: a slip of the year, refused.
    def year_1900(wb, rows):
        wb["Updates"].cell(rows[0]["row"], COL["New due date"]).value = datetime.date(1900, 1, 1)
    path, rows = variant("1900.xlsx", year_1900)
    refused(work, path, "1900.xlsx:%d:8: error: sheet 'Updates', row %d, column H (New due "
            "date): 1 Jan 1900 is not a due date this plan can mean: the year must be from 2000 "
            "to 2100 [form-value]" % (rows[0]["row"], rows[0]["row"]), "a due date in 1900")

    def year_2205(wb, rows):
        wb["Updates"].cell(rows[0]["row"], COL["New due date"]).value = datetime.date(2205, 3, 31)
    path, rows = variant("2205.xlsx", year_2205)
    refused(work, path, "31 Mar 2205 is not a due date this plan can mean", "a due date in 2205")

    # A full disk: the plan cannot be written, and nothing says it was.
    def at_risk(wb, rows):
        wb["Updates"].cell(rows[0]["row"], COL["New status"]).value = "At risk"
    path, rows = variant("full.xlsx", at_risk)
    snapshot = digest(os.path.join(work, "plans"))
    r = on_a_full_disk(["apply", path, "--plans", "plans", "--date", ANSWER_DATE], work)
    check(r.returncode == 2 and "plan changed" not in r.stderr and "applied" not in r.stderr and
          "1 of 1 plan the forms would change was not changed" in r.stderr,
          "apply on a full disk: exit %d %s" % (r.returncode, r.stderr[-500:]))
    check(digest(os.path.join(work, "plans")) == snapshot, "apply on a full disk: plans intact")
    r = on_a_full_disk(["collect", "plans/nenc", "--as-of", AS_OF, "-o", "full-forms"], work)
    check(r.returncode == 2 and "when they come back" not in r.stderr and
          "could not be written" in r.stderr and "action" not in r.stdout,
          "collect on a full disk: exit %d %s %s" % (r.returncode, r.stderr[-500:], r.stdout))

    refused(work, os.path.join(ROOT, "tests", "data", "import", "trust-tracker.xlsx"),
            "this is not an iact update form", "a tracker that is not a form")

    # Stale: the plan changed after the form was made; the form's answer is refused.
    def answer(wb, rows):
        wb["Updates"].cell(rows[0]["row"], COL["New status"]).value = "At risk"
    path, rows = variant("stale.xlsx", answer)
    r = iact("update", "plans/nenc/nenc-icb.yaml", rows[0]["id"], "--note",
             "Changed by hand meanwhile.", "--date", ANSWER_DATE, cwd=work)
    check(r.returncode == 0, "update before the stale form: %s" % r.stderr)
    refused(work, path, "has changed in plans/nenc/nenc-icb.yaml since this form was made",
            "a stale form")


def version_one_form(work):
    """A form made before the Completed on column (version 1: no column G, no seal) still
    applies: a round under way when iact is upgraded loses no answers."""
    r = iact("collect", "plans/nenc", "--as-of", AS_OF, "-o", "v1", cwd=work)
    check(r.returncode == 0, "collect for v1: %s" % r.stderr[-300:])
    path = os.path.join(work, "v1", "icb.xlsx")
    wb, rows = form_rows(path)
    wb["Updates"].delete_cols(COL["Completed on"])
    wb["iact"].cell(1, 2).value = 1
    wb["iact"].delete_cols(6, 6)
    row = rows[2]
    wb["Updates"].cell(row["row"], 6).value = "Blocked"
    wb["Updates"].cell(row["row"], 8).value = "Waiting for the data-sharing agreement."
    wb.save(path)
    r = iact("apply", path, "--plans", "plans", "--date", ANSWER_DATE, cwd=work)
    check(r.returncode == 0 and "1 form applied" in r.stderr,
          "a version 1 form applies: %d %s" % (r.returncode, r.stderr[-500:]))
    with open(os.path.join(work, "plans", "nenc", "nenc-icb.yaml")) as f:
        a = {str(x["id"]): x for x in yaml.safe_load(f)["actions"]}[row["id"]]
    check(a["status"] == "blocked" and
          a["updates"][-1]["note"] == "Waiting for the data-sharing agreement.",
          "the version 1 form's answer is in the plan: %s" % a)


def collect_keeps_returned_forms(work):
    """Collecting again into a folder of forms refuses, naming them, so a returned form is
    never overwritten; --force replaces them."""
    r = iact("collect", "plans/somerset", "--as-of", AS_OF, "-o", "keep", cwd=work)
    check(r.returncode == 0, "collect: %s" % r.stderr[-300:])
    forms = sorted(glob.glob(os.path.join(work, "keep", "*.xlsx")))
    wb, rows = form_rows(forms[0])
    wb["Updates"].cell(rows[0]["row"], COL["Update"]).value = "A filled-in answer."
    wb.save(forms[0])
    filled = open(forms[0], "rb").read()
    r = iact("collect", "plans/somerset", "--as-of", AS_OF, "-o", "keep", cwd=work)
    check(r.returncode == 2 and "already holds" in r.stderr and
          os.path.join("keep", os.path.basename(forms[0])) in r.stderr and "--force" in r.stderr,
          "collect into a folder of forms is refused, naming them: %d %s" % (
              r.returncode, r.stderr))
    check(open(forms[0], "rb").read() == filled, "the returned form is untouched")
    r = iact("collect", "plans/somerset", "--as-of", AS_OF, "-o", "keep", "--force", cwd=work)
    check(r.returncode == 0 and open(forms[0], "rb").read() != filled,
          "--force replaces the forms: %s" % r.stderr[-300:])


def dry_run_and_update(work):
    r = iact("collect", "plans/bnssg", "--as-of", AS_OF, "-o", "dry", "--by", "org", cwd=work)
    check(r.returncode == 0, "collect --by org: %s" % r.stderr[-300:])
    forms = sorted(glob.glob(os.path.join(work, "dry", "*.xlsx")))
    check([os.path.basename(f) for f in forms] == ["awp.xlsx", "icb.xlsx"],
          "--by org: a form per organisation: %s" % forms)
    wb, rows = form_rows(forms[0])
    wb["Updates"].cell(rows[0]["row"], COL["New status"]).value = "Off track"
    wb.save(forms[0])
    snapshot = digest(os.path.join(work, "plans"))
    r = iact("apply", forms[0], "--plans", "plans", "--dry-run", "--date", ANSWER_DATE, cwd=work)
    check(r.returncode == 0 and "+    status: off-track" in r.stdout and
          "--- plans/bnssg/awp.yaml" in r.stdout, "--dry-run shows a diff: %s" % r.stdout[:400])
    check(digest(os.path.join(work, "plans")) == snapshot, "--dry-run writes nothing")

    plan = "plans/somerset/somerset-ft.yaml"
    with open(os.path.join(work, plan)) as f:
        ident = str(yaml.safe_load(f)["actions"][2]["id"])
    r = iact("update", plan, ident, "--status", "complete", "--note", "Closed at the board.",
             "--evidence", "Board minutes", "--date", "2025-08-01", cwd=work)
    check(r.returncode == 0, "update: %s" % r.stderr)
    with open(os.path.join(work, plan)) as f:
        a = {str(x["id"]): x for x in yaml.safe_load(f)["actions"]}[ident]
    check(a["status"] == "complete" and str(a["completed"]) == "2025-08-01" and
          a["updates"][-1]["note"] == "Closed at the board." and "Board minutes" in
          str(a["evidence"]), "update writes status, completion, note and evidence: %s" % a)
    # --completed: the day the work was done, which makes it complete.
    with open(os.path.join(work, plan)) as f:
        other = str(yaml.safe_load(f)["actions"][3]["id"])
    note = ("Finished in July, when the last of the community teams took up the checklist "
            "and the audit confirmed it in use.")
    r = iact("update", plan, other, "--completed", "2025-07-28", "--note", note,
             "--date", "2025-08-01", cwd=work)
    with open(os.path.join(work, plan)) as f:
        b = {str(x["id"]): x for x in yaml.safe_load(f)["actions"]}[other]
    check(r.returncode == 0 and b["status"] == "complete" and str(b["completed"]) == "2025-07-28",
          "update --completed: %s %s" % (r.stderr, b))
    # The summary line cuts a long note at a word's end.
    said = [l for l in r.stdout.splitlines() if "update 2025-08-01: " in l]
    shown = said[0].split("update 2025-08-01: ", 1)[1] if said else ""
    check(shown.endswith("\u2026") and note.startswith(shown[:-1]) and
          note[len(shown) - 1] == " ", "the note is cut at a word's end: %r" % shown)
    snapshot = digest(os.path.join(work, "plans"))
    r = iact("update", plan, ident, "--due", "2025-07-31", "--date", "2025-08-01", cwd=work)
    check(r.returncode == 2 and "a re-plan into the past" in r.stderr,
          "update: a new due date before the update's day is refused: %s" % r.stderr)
    check(digest(os.path.join(work, "plans")) == snapshot, "update: a past re-plan writes nothing")
    r = iact("update", plan, ident + "x", "--note", "x", cwd=work)
    check(r.returncode == 2 and "did you mean '%s'?" % ident in r.stderr,
          "update: an unknown action: %s" % r.stderr)
    r = iact("update", plan, ident, "--status", "sort of", cwd=work)
    check(r.returncode == 2 and "is not a status" in r.stderr, "update: a bad status")
    r = iact("update", plan, ident, cwd=work)
    check(r.returncode == 2 and "say what changed" in r.stderr, "update: nothing to say")
    # A date where there was none (tbc) is agreed, not re-planned: no baseline_due.
    with open(os.path.join(work, "plans/bnssg/awp.yaml")) as f:
        tbc = [str(a["id"]) for a in yaml.safe_load(f)["actions"] if str(a["due"]) == "tbc"][0]
    r = iact("update", "plans/bnssg/awp.yaml", tbc, "--due", "2026-06-30", "--note", "Agreed.",
             "--date", ANSWER_DATE, cwd=work)
    with open(os.path.join(work, "plans/bnssg/awp.yaml")) as f:
        a = {str(x["id"]): x for x in yaml.safe_load(f)["actions"]}[tbc]
    check(r.returncode == 0 and "a date agreed where there was none" in r.stdout + r.stderr and
          "baseline_due" not in r.stdout + r.stderr and "baseline_due" not in a,
          "update: a date for a tbc action is agreed, not re-planned: %s %s" % (r.stdout, a))
    # Updates stay in date order, and none is dated in the future.
    future = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    r = iact("update", plan, ident, "--note", "Planned.", "--date", future, cwd=work)
    check(r.returncode == 2 and "is after today" in r.stderr, "update: a future date: %s" % r.stderr)
    snapshot = digest(os.path.join(work, "plans"))
    r = iact("update", plan, ident, "--note", "Earlier news.", "--date", "2025-07-01", cwd=work)
    check(r.returncode != 0 and "newest update is dated 2025-08-01" in r.stderr and
          "date it 2025-08-01 or later" in r.stderr, "update: older than the newest: %s" % r.stderr)
    check(digest(os.path.join(work, "plans")) == snapshot, "update: an out-of-order one writes nothing")


def main():
    work = tempfile.mkdtemp(prefix="iact-updates-")
    try:
        shutil.copytree(os.path.join(ROOT, "plans"), os.path.join(work, "plans"))
        git("init", "-q", cwd=work)
        git("add", "-A", cwd=work)
        git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "plans",
            cwd=work)
        round_trip(work)
        bad_forms(work)
        version_one_form(work)
        collect_keeps_returned_forms(work)
        dry_run_and_update(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    finish("updates")


main()
