"""iact import and iact new, end to end: the trackers in tests/data/import become plans that
validate, every action with the right id, title, lead, due date in its own form, status,
themes and update, nothing dropped; bad rows are named by row with exit 1; --keep-going,
--show-mapping, --map and --into behave as documented; files that are not trackers are
refused with the reason."""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
import yaml

from support import check, finish

IACT = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
DATA = os.path.join(ROOT, "tests", "data", "import")
SFT = ["--code", "RH5", "--name", "Somerset NHS Foundation Trust", "--short", "SFT",
       "--kind", "trust", "--icb", "QSL"]


def iact(*args, cwd=None):
    return subprocess.run([IACT, *args], capture_output=True, text=True, cwd=cwd,
                          env=dict(os.environ, NO_COLOR="1"))


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def by_id(plan):
    return {str(a["id"]): a for a in plan["actions"]}


def validates(path, what):
    r = iact("validate", path)
    check(r.returncode == 0 and "0 errors" in r.stderr,
          "%s: the written plan validates: %s" % (what, r.stderr[-800:]))


def expect_actions(plan, expected, what):
    actions = by_id(plan)
    check(sorted(actions) == sorted(expected), "%s: ids %s, wanted %s" % (
        what, sorted(actions), sorted(expected)))
    for ident, fields in expected.items():
        a = actions.get(ident)
        if a is None:
            continue
        for key, want in fields.items():
            if key == "update":
                got = (a.get("updates") or [{}])[-1].get("note")
            elif key == "notes_has":
                got = all(n in (a.get("notes") or "") for n in want)
                want = True
            else:
                got = a.get(key)
                if isinstance(got, (int, float)) and not isinstance(got, bool):
                    got = str(got)
                if hasattr(got, "isoformat"):
                    got = got.isoformat()
            check(got == want, "%s: action %s %s is %r, wanted %r" % (what, ident, key, got, want))


def trust_workbook(work):
    out = os.path.join(work, "sft", "sft.yaml")
    r = iact("import", os.path.join(DATA, "trust-tracker.xlsx"), *SFT, "-o", out,
             "--date", "2025-01-15")
    check(r.returncode == 0, "trust-tracker.xlsx: exit %d: %s" % (r.returncode, r.stderr))
    if r.returncode != 0:
        return
    validates(out, "trust-tracker.xlsx")
    plan = load(out)
    check(plan["organisation"] == {"code": "RH5", "name": "Somerset NHS Foundation Trust",
                                   "short": "SFT", "kind": "trust", "icb": "QSL"},
          "trust-tracker.xlsx: the organisation: %s" % plan["organisation"])
    check(plan["groups"] == ["GOVERNANCE", "THEME 2 - INVOLVEMENT OF CARERS AND FAMILY",
                             "CLINICAL DELIVERY"], "groups from heading rows: %s" % plan["groups"])
    expect_actions(plan, {
        "1": {"title": "Review a sample of caseloads for themes in care and treatment plans",
              "addresses": "long-term-planning", "lead": "SFT", "due": "2024-10-30",
              "status": "complete", "completed": "2024-10-28", "timeframe": "short-medium",
              "group": "GOVERNANCE",
              "update": "Forty caseloads reviewed; findings shared with team managers."},
        "2": {"title": "Agree a minimum standard for safety management plans",
              "description": "Applies to every community team and is checked in supervision.",
              "addresses": "care-treatment", "due": "2024-11-30", "status": "off-track",
              # The tracker's rating, on the day the tracker speaks for.
              "notes_has": ["RAG in the tracker on 2025-01-15: Red",
                            "Cost implication: Resource may be required TBC",
                            "Comments: Raised at SMI board"]},
        "3": {"addresses": "dna-discharge", "due": "Q2 2025/26", "status": "on-track"},
        "4": {"addresses": ["families", "carers", "families-carers"], "lead": "SFT",
              # "In progress" rated Amber: the tracker's rating is the status.
              "owner": "VCFSE", "due": "2026-03", "status": "at-risk",
              "cost": {"amount": 50000, "recurrent": True},
              "group": "THEME 2 - INVOLVEMENT OF CARERS AND FAMILY"},
        "5": {"lead": ["QSL", "SFT"], "due": "tbc", "status": "not-started", "cost": "61000"},
        "6": {"addresses": ["families", "families-carers", "workforce"], "lead": "SFT",
              "owner": "Head of Community Services", "due": "2026-06",
              "notes_has": ["Comments: Linked to the training matrix"]},
        "7": {"due": "ongoing", "addresses": "model-governance", "group": "CLINICAL DELIVERY",
              "notes_has": ["Cost implication: Yes*"]},
        "8": {"addresses": "workforce.legal-frameworks", "due": "2026-01-31", "status": "at-risk",
              "update": "Trainer capacity is the constraint."},
    }, "trust-tracker.xlsx")
    # Nothing lost: every cell of every action row is in its action, as written or as the
    # value it was read as.
    text = open(out, encoding="utf-8").read()
    sheet = openpyxl.load_workbook(os.path.join(DATA, "trust-tracker.xlsx"))["Action plan"]
    for row in sheet.iter_rows(min_row=5, values_only=True):
        for value in row:
            if value is None or value == "" or hasattr(value, "isoformat"):
                continue
            value = str(value)
            readings = {value, value.rstrip("."), value.upper()}
            words = {"Complete": "complete", "Delayed": "off-track", "On track": "on-track",
                     "In progress": "on-track", "Not started": "not-started",
                     "At risk": "at-risk", "Short term": "short", "Medium term": "medium",
                     "Long term": "long", "Short-medium term": "short-medium",
                     "Medium": "medium", "None": "none", "30.11.24": "2024-11-30",
                     "end of March 2026": "2026-03", "Jun-26": "2026-06", "TBC": "tbc",
                     "Ongoing": "ongoing", "\u00a350k recurrent": "amount: 50000",
                     "\u00a361k*": "61000",
                     "Blue": "RAG in the tracker on 2025-01-15: Blue"}
            if value in words:
                readings.add(words[value])
            for line in value.split("\n"):
                readings.add(line)
            tokens = [t.strip() for t in value.replace("&", "/").split("/") if t.strip()]
            if len(tokens) > 1 and all(t in text for t in tokens):
                continue  # a lead cell, split into the organisation and the owner
            check(any(r in text for r in readings),
                  "trust-tracker.xlsx: cell %r is nowhere in the plan" % value)
    check("# %s, sheet 'Action plan', row 15" % os.path.join(DATA, "trust-tracker.xlsx") in text,
          "provenance comment names sheet and row")


def system_csv(work):
    out = os.path.join(work, "nenc", "nenc-icb.yaml")
    r = iact("import", os.path.join(DATA, "system-actions.csv"), "--code", "QHM", "--name",
             "NHS North East and North Cumbria ICB", "--short", "NENC", "--kind", "icb",
             "-o", out, "--date", "2025-07-29")
    check(r.returncode == 0, "system-actions.csv: exit %d: %s" % (r.returncode, r.stderr))
    check("read as Windows-1252" in r.stderr and "fields separated by semicolons" in r.stderr,
          "system-actions.csv: says how it was read: %s" % r.stderr[:300])
    if r.returncode != 0:
        return
    validates(out, "system-actions.csv")
    expect_actions(load(out), {
        "SW1": {"title": "Agree one definition of the cohort across the system",
                "description": "Shared criteria, so every trust counts the same people",
                "addresses": "cohort-identification", "lead": "NENC", "due": "Q2 2025/26",
                "status": "on-track"},
        "SW2": {"title": "Identify the people already on caseloads",
                "description": "Phase 1: people known to secondary care\nPhase 2: other data "
                               "sets\nFind everyone in scope",
                "owner": "CNTW; TEWV", "update": "Phase 1 in progress", "status": "on-track"},
        "SW3": {"addresses": "model-governance", "status": "on-track"},
        "SW4": {"due": "2025-12-31", "status": "not-started", "owner": "CNTW",
                "addresses": ["multi-agency", "information-sharing"]},
        "SW5": {"description": "\u00a3250k bid to the ICB\u2019s planning round",
                "addresses": ["model-governance", "workforce"], "status": "at-risk",
                "due": "Q4 2025/26"},
    }, "system-actions.csv")


def response_csv(work):
    out = os.path.join(work, "bob", "bhft.yaml")
    r = iact("import", os.path.join(DATA, "response.csv"), "--code", "RWX", "--name",
             "Berkshire Healthcare NHS Foundation Trust", "--short", "BHFT", "--kind", "trust",
             "--icb", "QU9", "-o", out, "--date", "2025-06-20")
    check(r.returncode == 0, "response.csv: exit %d: %s" % (r.returncode, r.stderr))
    check("response.csv:8:7: warning: G (Status) is empty; the action is imported as "
          "not-started [import-assumed]" in r.stderr, "a blank status is said: %s" % r.stderr)
    if r.returncode != 0:
        return
    validates(out, "response.csv")
    expect_actions(load(out), {
        "B1": {"addresses": "personalised-risk", "owner": "Clinical Director",
               "due": "2025-03-31", "status": "complete", "completed": "2025-03-28",
               "evidence": "Template in the record system",
               "description": "Risk formulation is not consistent"},
        "B2": {"due": "2025-06", "status": "complete", "completed": "2025-06-30",
               "evidence": ["Audit report, July 2025"]},
        "B3": {"due": "2025-07", "status": "off-track", "lead": "BHFT",
               "notes_has": ["Risk: Ward capacity"]},
        "B4": {"due": "2026-03", "status": "on-track", "lead": ["BHFT", "QU9"]},
        "B5": {"due": "Q4 2025/26", "status": "not-started", "addresses": "out-of-area"},
        "B6": {"due": "2025-10-31", "status": "complete", "addresses": "dna-discharge"},
        "B7": {"due": "tbc", "status": "not-started"},
    }, "response.csv")


def handmade_xlsx(work):
    out = os.path.join(work, "hand", "plan.yaml")
    r = iact("import", os.path.join(DATA, "handmade.xlsx"), "--code", "RH5", "--name", "X",
             "--kind", "trust", "--icb", "QSL", "-o", out, "--date", "2025-06-20")
    check(r.returncode == 0, "handmade.xlsx: exit %d: %s" % (r.returncode, r.stderr))
    if r.returncode != 0:
        return
    expect_actions(load(out), {
        "1": {"title": "Review medication for everyone in scope", "description": "twice a year",
              "due": "2025-04-02", "addresses": "treatment-review", "status": "on-track"},
        "2.5": {"due": "2025-05-01", "addresses": "model-governance.caseload-cap",
                "status": "complete", "notes_has": ["Funded: TRUE"]},
    }, "handmade.xlsx")


def bad_rows(work):
    out = os.path.join(work, "bad", "plan.yaml")
    tracker = os.path.join(DATA, "bad.csv")
    r = iact("import", tracker, *SFT, "-o", out)
    check(r.returncode == 1, "bad.csv: exit %d" % r.returncode)
    check(not os.path.exists(out), "bad.csv: nothing written")
    for line in ["%s:3:4: error: D (Target date): 'soon' is not a date [import-date]",
                 "%s:4:3: error: C (Theme): theme 'Summer fun' matches no framework item "
                 "[import-theme]",
                 "%s:5:1: error: reference '1' is also on row 2 [import-duplicate]",
                 "%s:6:5: error: E (Status): 'Sort of' is not a status iact knows [import-status]",
                 "%s:7:2: error: row 7 has no action text (B (Action) is empty) [import-row]"]:
        check(line % tracker in r.stderr, "bad.csv says %r: %s" % (line % tracker, r.stderr))
    check("5 rows of %s cannot be imported" % tracker in r.stderr, "bad.csv: the count")
    r = iact("import", tracker, *SFT, "-o", out, "--keep-going")
    check(r.returncode == 1 and os.path.exists(out), "--keep-going writes, exit 1: %d %s" % (
        r.returncode, r.stderr[-300:]))
    check("left out 5 rows" in r.stderr, "--keep-going lists what it left out")
    if os.path.exists(out):
        check(sorted(by_id(load(out))) == ["1", "7"], "--keep-going keeps the good rows")
        validates(out, "--keep-going")


def mapping(work):
    tracker = os.path.join(work, "odd.csv")
    with open(tracker, "w") as f:
        f.write("Item,What we do,When,Who,How it is going,Area\n"
                "1,Agree the discharge checklist,30/09/2025,Somerset FT,Nearly there,Summer\n"
                "2,Audit the checklist,Spring 2026,Somerset FT,Nearly there,Summer\n")
    # No column reads as the actions' text: the guess fails, and --show-mapping shows the
    # rows to write a mapping file from.
    r = iact("import", tracker, "--show-mapping")
    check(r.returncode == 1 and "no header row found" in r.stderr and
          "  row 1   A: Item | B: What we do | C: When" in r.stdout,
          "--show-mapping shows the first rows when it finds no header: %s %s" % (
              r.stdout, r.stderr))
    r = iact("import", os.path.join(DATA, "response.csv"), "--show-mapping")
    check(r.returncode == 0 and "  D (BHFT's Response)                  -> title   (the header "
          "contains 'response', a name for title)" in r.stdout and
          "No column for: group, lead" in r.stdout,
          "--show-mapping prints the guess and why: %s" % r.stdout)
    mapfile = os.path.join(work, "map.yaml")
    with open(mapfile, "w") as f:
        f.write("iact-import-map: 1\ncolumns:\n  title: What we do\n  due: When\n  status: E\n"
                "statuses:\n  Nearly there: at-risk\nleads:\n  Somerset FT: SFT\n"
                "themes:\n  Summer: [discharge]\n")
    out = os.path.join(work, "mapped", "plan.yaml")
    # A date no parser reads is said with the way to map it, and a mapping file's `dates:`
    # reads it.
    r = iact("import", tracker, *SFT, "--map", mapfile, "-o", out, "--date", "2025-08-01")
    check(r.returncode == 1 and "'Spring 2026' is not a date" in r.stderr and
          "or say what it means under `dates:` in a mapping file" in r.stderr,
          "an unreadable date offers `dates:`: %s" % r.stderr)
    with open(mapfile, "a") as f:
        f.write("dates:\n  Spring 2026: 2026-05\n")
    r = iact("import", tracker, *SFT, "--map", mapfile, "-o", out, "--date", "2025-08-01")
    check(r.returncode == 0, "--map: exit %d %s" % (r.returncode, r.stderr))
    if r.returncode == 0:
        expect_actions(load(out), {"1": {"title": "Agree the discharge checklist",
                                         "due": "2025-09-30", "status": "at-risk",
                                         "lead": "SFT", "addresses": "discharge"},
                                   "2": {"due": "2026-05"}}, "--map")
    with open(mapfile, "w") as f:
        f.write("iact-import-map: 1\ncolums:\n  title: What we do\nstatuses:\n  Nearly: done\n"
                "dates:\n  Spring: soonish\n")
    r = iact("import", tracker, *SFT, "--map", mapfile, "-o", out + "2")
    check(r.returncode == 2 and "map.yaml:2:1: error: unknown key 'colums'" in r.stderr and
          "did you mean 'columns'?" in r.stderr and
          "map.yaml:5:11: error: 'done' is not a plan status" in r.stderr and
          "map.yaml:7:11: error: 'soonish' is not a date [invalid-date]" in r.stderr,
          "a bad mapping file is reported by line: %s" % r.stderr)


def into(work):
    system = os.path.join(work, "into")
    shutil.copytree(os.path.join(ROOT, "plans", "bob"), system)
    plan = os.path.join(system, "bhft.yaml")
    before = open(plan, encoding="utf-8").read()
    tracker = os.path.join(work, "update.csv")
    with open(tracker, "w") as f:
        f.write("Ref,Action,Theme,Target date,Status,Latest update\n"
                "BHFT-DA-01,Review the national guidance on intensive and assertive outreach,"
                "Service model and governance,31/03/2026,Complete,Reviewed at the governance "
                "group.\n"
                "NEW-1,Publish a carers' guide,Families,30/06/2026,Not started,\n")
    r = iact("import", tracker, "--into", plan, "--date", "2026-04-02")
    check(r.returncode == 0, "--into: exit %d %s" % (r.returncode, r.stderr))
    after = open(plan, encoding="utf-8").read()
    # Every line of the plan is still there, in order, apart from the one changed value.
    old_lines = before.split("\n")
    new_lines = after.split("\n")
    it = iter(new_lines)
    kept = all(any(line == n for n in it) for line in old_lines
               if "due: tbc   # not stated in the paper" not in line or "BHFT-DA-01" in line)
    check(kept, "--into keeps every other line, comments included")
    added = [n for n in new_lines if n not in old_lines]
    check("    due: 2026-03-31   # not stated in the paper" in added and
          "  - id: NEW-1" in added and "    added: 2026-04-02" in added and
          "        note: Reviewed at the governance group." in added,
          "--into adds and changes only these lines: %s" % added)
    check("  BHFT-DA-01 due: tbc -> 2026-03-31" in r.stdout and "  added NEW-1" in r.stdout,
          "--into says what changed: %s" % r.stdout)
    validates(system, "--into")
    r = iact("import", tracker, "--into", plan, "--date", "2026-04-02")
    check(r.returncode == 0 and "nothing changed" in r.stderr, "--into twice: %s" % r.stderr)
    check(open(plan, encoding="utf-8").read() == after, "--into twice changes nothing")
    r = iact("import", tracker, *SFT, "-o", plan)
    check(r.returncode == 2 and "exists" in r.stderr and "--into" in r.stderr,
          "-o over an existing plan is refused: %s" % r.stderr)


def into_keeps_newer_work(work):
    """An older tracker merged into a plan that has moved on since (the January round
    completed one action and re-planned another) undoes nothing: each field the plan holds
    newer is kept and said; titles change only when asked; --prefer tracker overrides."""
    system = os.path.join(work, "newer")
    shutil.copytree(os.path.join(ROOT, "plans", "bob"), system)
    plan = os.path.join(system, "bhft.yaml")
    for args in (["BHFT-DA-02", "--status", "complete", "--note", "Done in January.",
                  "--evidence", "Minutes"],
                 ["BHFT-DA-03", "--due", "2026-06-30", "--note", "Re-planned."]):
        r = iact("update", plan, *args, "--date", "2026-01-20")
        check(r.returncode == 0, "update: %s" % r.stderr)
    january = open(plan, encoding="utf-8").read()
    tracker = os.path.join(work, "may.csv")
    with open(tracker, "w") as f:
        f.write("Ref,Action,Theme,Target date,Status,Latest update\n"
                "BHFT-DA-02,Implement remaining actions,Service model,TBC,On track,May news.\n"
                "BHFT-DA-03,Scope enhancements to the trust's service model for intensive and "
                "assertive outreach,Service model,Q1 2025/26,On track,\n")
    r = iact("import", tracker, "--into", plan, "--date", "2025-05-31")
    check(r.returncode == 0, "older tracker --into: exit %d %s" % (r.returncode, r.stderr))
    check(open(plan, encoding="utf-8").read() == january,
          "an older tracker changes nothing the plan holds newer")
    for line in ["  BHFT-DA-02 status: kept complete, not the tracker's on-track: the plan's "
                 "update of 2026-01-20 is newer than the tracker (2025-05-31)",
                 "  BHFT-DA-03 due: kept 2026-06-30, not the tracker's Q1 2025/26: the plan's "
                 "update of 2026-01-20 is newer than the tracker (2025-05-31)",
                 "  BHFT-DA-02 update 2025-05-31: not added: the plan's log has a newer update "
                 "(2026-01-20), and stays in date order"]:
        check(line in r.stdout.split("\n"), "--into says %r: %s" % (line, r.stdout))
    check("action BHFT-DA-02's title differs from the tracker's; the plan's is kept "
          "(--update-titles takes the tracker's)" in r.stderr and
          "--prefer tracker takes the tracker's" in r.stderr,
          "--into says what it kept and how to take the tracker's: %s" % r.stderr)
    r = iact("import", tracker, "--into", plan, "--date", "2025-05-31", "--prefer", "tracker",
             "--update-titles")
    check(r.returncode == 0, "--prefer tracker: exit %d %s" % (r.returncode, r.stderr))
    a = by_id(load(plan))
    check(a["BHFT-DA-02"]["status"] == "on-track" and "completed" not in a["BHFT-DA-02"] and
          a["BHFT-DA-02"]["title"] == "Implement remaining actions" and
          a["BHFT-DA-03"]["due"] == "Q1 2025/26",
          "--prefer tracker --update-titles takes the tracker's values: %s %s" % (
              a["BHFT-DA-02"], a["BHFT-DA-03"]))
    check("  BHFT-DA-02 completed: 2026-01-20 -> (none)" in r.stdout,
          "a reopened action loses its completion date, said: %s" % r.stdout)


def unknown_lead_organisation(work):
    """An ICB's import of a tracker whose lead column names the trust that leads the actions
    (an organisation the system does not know) says so, and how to fix it, rather than
    silently making the ICB the lead and the trust the owner."""
    tracker = os.path.join(work, "trust-led.csv")
    with open(tracker, "w") as f:
        f.write("Ref,Action,Theme,Lead org,Target date,Status\n"
                "1,Audit discharges,DNA,SFT,31/03/2026,On track\n"
                "2,Agree the policy,DNA,SFT,31/03/2026,On track\n"
                "3,Train the team,DNA,Head of Nursing,31/03/2026,On track\n")
    r = iact("import", tracker, "--code", "QSL", "--name", "NHS Somerset ICB", "--short", "SOM",
             "--kind", "icb", "-o", os.path.join(work, "trust-led", "icb.yaml"),
             "--date", "2026-01-15")
    check(r.returncode == 0 and
          "trust-led.csv:1:4: warning: D (Lead org): 'SFT' (rows 2, 3) names no organisation of "
          "this system, so their actions are led by SOM, with 'SFT' as their owner "
          "[import-lead]" in r.stderr and "--kind trust" in r.stderr and
          "`partners:`" in r.stderr and "'Head of Nursing'" not in r.stderr,
          "an unknown lead organisation is said, a role is not: %s" % r.stderr)


def not_trackers(work):
    xls = os.path.join(work, "old.xls")
    with open(xls, "wb") as f:
        f.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(500))
    r = iact("import", xls, *SFT, "-o", os.path.join(work, "x.yaml"))
    check(r.returncode == 2 and "Excel 97-2003" in r.stderr and "save it as .xlsx" in r.stderr,
          "an .xls file: %s" % r.stderr)
    bomb = os.path.join(work, "bomb.xlsx")
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="S" '
                   'r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" '
                   'Target="worksheets/s.xml"/></Relationships>')
        with z.open("xl/worksheets/s.xml", "w", force_zip64=True) as part:
            chunk = b"\0" * (1 << 20)
            for _ in range(130):
                part.write(chunk)
    r = iact("import", bomb, *SFT, "-o", os.path.join(work, "x.yaml"))
    check(r.returncode == 2 and "MiB" in r.stderr and "far smaller" in r.stderr,
          "a zip bomb is refused: %s" % r.stderr)
    r = iact("import", os.path.join(DATA, "bad.csv"), "-o", os.path.join(work, "x.yaml"))
    check(r.returncode == 2 and "--code, --name, --kind" in r.stderr,
          "a new plan needs the organisation: %s" % r.stderr)


def new_plan(work):
    out = os.path.join(work, "new", "sft.yaml")
    r = iact("new", *SFT, "-o", out)
    check(r.returncode == 0 and os.path.exists(out), "iact new: %d %s" % (r.returncode, r.stderr))
    r = iact("validate", out)
    check(r.returncode == 0 and "0 errors" in r.stderr, "iact new validates: %s" % r.stderr)
    check("action ACT-01 has placeholder text for its title" in r.stderr,
          "iact new: the example action is flagged until it is replaced: %s" % r.stderr)
    plan = load(out)
    check(plan["organisation"]["icb"] == "QSL" and plan["actions"][0]["lead"] == "SFT",
          "iact new: organisation and lead")
    # Made outside the repository, the plan names the schema in full, where it is; made in
    # the repository's plans/, by a path from the plan.
    schema = os.path.join(ROOT, "schema", "iact-plan.schema.json")
    first = open(out).readline()
    check(first == "# yaml-language-server: $schema=%s\n" % schema, "iact new: schema line: %s" % first)
    repo = os.path.join(work, "repo")
    os.makedirs(os.path.join(repo, "schema"))
    shutil.copy(schema, os.path.join(repo, "schema"))
    r = subprocess.run([IACT, "new", *SFT, "-o", os.path.join(repo, "plans", "somerset", "sft.yaml")],
                       capture_output=True, text=True,
                       env=dict(os.environ, IACT_SCHEMA=os.path.join(repo, "schema")))
    first = open(os.path.join(repo, "plans", "somerset", "sft.yaml")).readline()
    check(first == "# yaml-language-server: $schema=../../schema/iact-plan.schema.json\n",
          "iact new in plans/: a relative schema path: %s" % first)
    r = iact("new", *SFT, "-o", out)
    check(r.returncode == 2 and "exists" in r.stderr, "iact new does not overwrite")
    r = iact("new", "--code", "RH5", "--name", "X", "--kind", "trust", "-o", out + "2")
    check(r.returncode == 2 and "--icb" in r.stderr, "iact new: a trust needs --icb")
    r = iact("new", "--code", "rh5", "--name", "X", "--kind", "icb", "-o", out + "3")
    check(r.returncode == 1 and "[invalid-code]" in r.stderr, "iact new: a bad code is an error")


def update_dates(work):
    """Without --date, a workbook's updates are dated when it was last saved, not today; a
    CSV's are dated today; either way iact says which, and how to change it."""
    out = os.path.join(work, "dated", "sft.yaml")
    r = iact("import", os.path.join(DATA, "trust-tracker.xlsx"), *SFT, "-o", out)
    check(r.returncode == 0 and "updates are dated 2025-01-01, when it was last saved" in r.stderr,
          "xlsx: the saved day is said: %s" % r.stderr[-400:])
    dates = {str(u["date"]) for a in load(out)["actions"] for u in a.get("updates") or []}
    check(dates == {"2025-01-01"}, "xlsx: updates dated when it was saved: %s" % dates)
    check("Imported by `iact import` on %s" % datetime.date.today().isoformat()
          in open(out).read(), "xlsx: the import's own day is in its comment")
    out = os.path.join(work, "dated", "system.yaml")
    r = iact("import", os.path.join(DATA, "system-actions.csv"), "--code", "QSL", "--name",
             "NHS Somerset ICB", "--kind", "icb", "-o", out)
    check("updates are dated today, %s; if they were written earlier, give --date"
          % datetime.date.today().isoformat() in r.stderr, "csv: today, said: %s" % r.stderr[-400:])


def icb_by_its_plan(work):
    """A trust tracker's "ICB" is the ICB by the short name its plan beside gives it."""
    folder = os.path.join(work, "named", "somerset")
    r = iact("new", "--code", "QSL", "--name", "NHS Somerset ICB", "--short", "SOM", "--kind",
             "icb", "-o", os.path.join(folder, "icb.yaml"))
    check(r.returncode == 0, "new ICB plan: %s" % r.stderr)
    out = os.path.join(folder, "sft.yaml")
    r = iact("import", os.path.join(DATA, "trust-tracker.xlsx"), *SFT, "-o", out)
    check(r.returncode == 0, "import beside the ICB's plan: %s" % r.stderr[-300:])
    leads = [a["lead"] if isinstance(a["lead"], list) else [a["lead"]] for a in load(out)["actions"]]
    check(["SOM", "SFT"] in leads and not any("QSL" in l for l in leads),
          "the ICB is SOM, as its plan names it: %s" % leads)


def nhse_themes(work):
    """A tracker numbered by NHS England's 2024 themes, in NHS England's words: each row maps
    to its 2024 item, with --framework nhse-2024-themes too; a new plan answers only to the
    frameworks its themes cite, and says so; --show-mapping lists each theme text with the
    items it becomes and how sure the match is."""
    tracker = os.path.join(work, "themes.csv")
    themes = [
        ("Theme 1 \u2013 Lack of continuity of care and failure to join up presentation history",
         "continuity"),
        ("Theme 2 \u2013 Failure to review treatment and medication", "treatment-review"),
        ("Theme 3 \u2013 Lack of, or poor, involvement of carers or family members", "carers"),
        ("Theme 4 \u2013 No long-term planning of care", "long-term-planning"),
        ("Theme 5 \u2013 Poorly planned, precipitous discharge from hospital", "discharge"),
        ("Failure to review medication", "treatment-review"),
    ]
    with open(tracker, "w", encoding="utf-8") as f:
        f.write("Ref,Action,Theme,Target date,Status\n")
        for n, (theme, _) in enumerate(themes, 1):
            f.write('T%d,Action %d for the theme,"%s",31/03/2026,On track\n' % (n, n, theme))
    for extra in ([], ["--framework", "nhse-2024-themes"]):
        out = os.path.join(work, "themes%d" % len(extra), "sft.yaml")
        r = iact("import", tracker, *SFT, "-o", out, "--date", "2026-01-15", *extra)
        check(r.returncode == 0, "NHS England's themes %s: exit %d: %s" % (
            extra, r.returncode, r.stderr[-600:]))
        if r.returncode != 0:
            continue
        plan = load(out)
        check(plan["frameworks"] == "nhse-2024-themes",
              "the plan answers to the cited framework only: %s" % plan["frameworks"])
        for n, (theme, item) in enumerate(themes, 1):
            got = by_id(plan)["T%d" % n]["addresses"]
            check(got == item, "%r addresses %r, wanted %r" % (theme, got, item))
    r = iact("import", tracker, *SFT, "-o", os.path.join(work, "themes-said", "sft.yaml"),
             "--date", "2026-01-15")
    check("iact: the tracker's themes cite nhse-2024-themes, so the plan answers to it "
          "(investigation-2025, nhse-2024-requirements, webinar-2025 matched only loosely and "
          "are left out)" in r.stderr,
          "the import says which frameworks it chose: %s" % r.stderr)
    r = iact("import", tracker, "--show-mapping")
    check(r.returncode == 0, "--show-mapping: exit %d" % r.returncode)
    check("  'Theme 2 \u2013 Failure to review treatment and medication' (row 3)\n"
          "      -> treatment-review                 100%  the same words as NHS England's "
          "wording 'failure to review treatment / medication' (nhse-2024-themes)\n" in r.stdout
          and "  'Failure to review medication' (row 7)\n      -> treatment-review"
          "                  75%  is part of NHS England's wording" in r.stdout
          and "The themes cite nhse-2024-themes; a new plan answers to it" in r.stdout,
          "--show-mapping lists the themes: %s" % r.stdout)
    # A tracker whose themes cite several frameworks lists those, and only those.
    out = os.path.join(work, "cited", "sft.yaml")
    r = iact("import", os.path.join(DATA, "trust-tracker.xlsx"), *SFT, "-o", out,
             "--date", "2025-01-15")
    if r.returncode == 0:
        check(load(out)["frameworks"] == ["investigation-2025", "nhse-2024-themes",
                                          "webinar-2025"],
              "trust-tracker.xlsx cites three frameworks: %s" % load(out)["frameworks"])


def limits(work):
    """import never writes over the tracker it reads, nor a plan over the 16 MiB every command
    refuses to read."""
    folder = os.path.join(work, "limits")
    os.makedirs(folder)
    tracker = os.path.join(folder, "actions.csv")
    shutil.copy(os.path.join(DATA, "system-actions.csv"), tracker)
    os.symlink("actions.csv", os.path.join(folder, "link.csv"))
    with open(tracker, "rb") as f:
        before = f.read()
    for out in (tracker, os.path.join(folder, "link.csv"), os.path.join(folder, ".", "actions.csv")):
        r = iact("import", tracker, "--code", "QHM", "--name", "NENC ICB", "--short", "NENC",
                 "--kind", "icb", "-o", out, "--force")
        check(r.returncode == 2 and "is the tracker being imported" in r.stderr,
              "import -o %s, the tracker itself: exit %d %s" % (out, r.returncode,
                                                                r.stderr[-300:]))
    with open(tracker, "rb") as f:
        check(f.read() == before, "import -o the tracker left the tracker as it was")

    big = os.path.join(folder, "big.csv")
    words = " ".join("word%d" % i for i in range(320))  # some 2,300 characters
    with open(big, "w", encoding="utf-8") as f:
        f.write("Ref,Action,Objective,Completion target,Progress,Lead,Workstream\n")
        for i in range(8000):
            f.write("B%d,Action %d,%s,2026-03-31,In progress,ICB,Cohort identification\n"
                    % (i, i, words))
    plan = os.path.join(folder, "big.yaml")
    r = iact("import", big, "--code", "QHM", "--name", "NENC ICB", "--short", "NENC",
             "--kind", "icb", "-o", plan, "--date", "2025-07-29")
    check(r.returncode == 2 and "over the 16 MiB a plan may be" in r.stderr and
          "nothing was written" in r.stderr and not os.path.exists(plan),
          "import of a plan over 16 MiB: exit %d %s" % (r.returncode, r.stderr[-300:]))


def main():
    work = tempfile.mkdtemp(prefix="iact-import-")
    try:
        trust_workbook(work)
        system_csv(work)
        response_csv(work)
        handmade_xlsx(work)
        bad_rows(work)
        mapping(work)
        into(work)
        into_keeps_newer_work(work)
        unknown_lead_organisation(work)
        not_trackers(work)
        new_plan(work)
        update_dates(work)
        icb_by_its_plan(work)
        nhse_themes(work)
        limits(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    finish("import")


main()
