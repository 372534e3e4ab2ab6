#!/usr/bin/python3
"""The NHS England return, end to end, read back with a real XLSX reader (openpyxl): the
sheets, one Actions row per action, BRAG counts that equal the board paper's and this
test's own, the Changes sheet across two periods, plan text that looks like a formula kept
as text, Excel tables, conditional formats and drop-downs, reproducible bytes, layout
errors with their line, and no partial file after a failure. Required answers: every
required cell of every sample's 2026-01 return is filled or listed on the draft sheet, the
cover says DRAFT exactly when one is listed, `--final` refuses a draft and writes a complete
return, and a return with no earlier one to compare with counts nothing "this period".

Usage: return_content.py IACT SOURCE_DIR
"""
import datetime
import json
import os
import shutil
import sys
import tempfile

import re

import openpyxl
import yaml

from support import brag, check, finish, load_system, report_files, run

IACT, SOURCE = sys.argv[1], sys.argv[2]
SHEETS = ["Cover", "Summary", "Actions", "Risks", "Changes", "DNA discharge"]
MISSING = "Missing answers"
COLOURS = ["Blue", "Red", "Amber", "Green", "Grey"]
with open(os.path.join(SOURCE, "templates", "return.yaml"), encoding="utf-8") as _f:
    LAYOUT = yaml.safe_load(_f)
PERIOD_COUNTS = ["Completed this period", "Became overdue this period", "Slipped this period",
                 "New this period"]



def write_return(folder, out, *extra, env=None):
    proc = run([IACT, "return", folder, "-o", out, *extra], env=env)
    paths = [line for line in proc.stdout.splitlines() if line.endswith(".xlsx")]
    check(len(paths) == 1, "%s: one workbook written, got %r" % (folder, proc.stdout))
    return paths[0]


def cover(wb):
    return {row[0]: row[1] for row in wb["Cover"].iter_rows(min_row=3, values_only=True)
            if row[0]}


def table(ws, top=1):
    """The rows of a sheet whose row `top` holds its column headings, as dicts, up to the
    first empty row (a note may follow it)."""
    rows = list(ws.iter_rows(min_row=top, values_only=True))
    header = rows[0]
    out = []
    for r in rows[1:]:
        if all(v is None for v in r):
            break
        out.append(dict(zip(header, r)))
    return out


def sheet_table(wb, sheet):
    """The rows of a sheet of the layout: its headings are below its own heading, if any."""
    return table(wb[sheet["name"]], 3 if sheet.get("heading") else 1)


def words(value):
    """A plan's answer as the return writes it (PyYAML reads yes as True)."""
    if value is True:
        return "Yes"
    if value is False:
        return "No"
    return "Not stated" if str(value).lower().replace(" ", "-") == "not-stated" else \
        str(value).capitalize()


def check_required(wb, name):
    """Every required cell is filled or listed on the draft sheet, and listed only if empty;
    the cover says DRAFT exactly when something is listed. Returns the listed rows."""
    listed = sheet_table(wb, next(s for s in LAYOUT["sheets"] if s["rows"] == "missing")) \
        if MISSING in wb.sheetnames else []
    empty = set()
    for sheet in LAYOUT["sheets"]:
        required = [c["header"] for c in sheet["columns"] if c.get("required")]
        if not required:
            continue
        if sheet["rows"] == "cover":
            values = cover(wb)
            empty |= {(sheet["name"], h, "") for h in required if values.get(h) in (None, "")}
            continue
        label = {"items": "Item", "dna": "Name"}[sheet["rows"]]
        for row in sheet_table(wb, sheet):
            empty |= {(sheet["name"], h, row[label]) for h in required if row[h] in (None, "")}
    said = {(r["Sheet"], r["Answer"], r["For"] or "") for r in listed}
    check(said == empty, "%s: empty required cells %s, listed %s" % (name, sorted(empty),
                                                                     sorted(said)))
    check(len(said) == len(listed), "%s: an answer listed twice" % name)
    for r in listed:
        where = re.fullmatch(r"(.+\.ya?ml)(?::(\d+))?", r["Where"] or "")
        check(where and os.path.exists(where.group(1)) and r["Plan key"] and r["What to write"],
              "%s: listed answer without its key, file or fix: %r" % (name, r))
    first = wb["Cover"]["A1"].value
    if listed:
        n = len(listed)
        check(first == "DRAFT: %d required answer%s %s missing (listed on the %s sheet)" % (
            n, "" if n == 1 else "s", "is" if n == 1 else "are", MISSING),
            "%s: the cover begins %r" % (name, first))
        check(wb.sheetnames[1] == MISSING and wb[MISSING].sheet_state == "visible",
              "%s: the draft sheet is not second and shown: %s" % (name, wb.sheetnames))
    else:
        check(MISSING not in wb.sheetnames and "DRAFT" not in str(first),
              "%s: a complete return reads as a draft (%r, %s)" % (name, first, wb.sheetnames))
    return listed


def check_dna(wb, name, plans):
    """Each organisation's row holds its own plan's answers, never another's."""
    rows = {r["Name"]: r for r in sheet_table(wb, next(s for s in LAYOUT["sheets"]
                                                        if s["rows"] == "dna"))}
    for p in plans:
        row = rows.get(p["organisation"]["name"], {})
        dna = p.get("dna_discharge_assurance")
        want = (None, None) if dna is None else \
            (words(dna), words(dna)) if not isinstance(dna, dict) else \
            (words(dna["policy"]), words(dna["practice"]))
        check((row.get("In policy"), row.get("In practice")) == want,
              "%s: DNA row of %s is %r, its plan says %r" % (name, p["organisation"]["name"],
                                                            row, want))


def check_dropdowns(wb, name):
    """Every column the layout gives a drop-down is validated on every data row, and every
    value written is one of its words."""
    for sheet in LAYOUT["sheets"]:
        if sheet["name"] not in wb.sheetnames:
            continue
        ws = wb[sheet["name"]]
        lists = {str(v.sqref): v.formula1.strip('"').split(",")
                 for v in ws.data_validations.dataValidation}
        for i, col in enumerate(sheet["columns"]):
            if not col.get("choices"):
                continue
            if sheet["rows"] == "cover":
                row = next(c.row for c in ws["A"] if c.value == col["header"])
                cells = ["B%d" % row]
            else:
                top = 3 if sheet.get("heading") else 1
                letter = openpyxl.utils.get_column_letter(i + 1)
                n = max(len(sheet_table(wb, sheet)), 1 if sheet.get("table") else 0)
                cells = ["%s%d" % (letter, r) for r in range(top + 1, top + n + 1)]
                if not cells:
                    continue
            ref = cells[0] if len(cells) == 1 else "%s:%s" % (cells[0], cells[-1])
            allowed = lists.get(ref)
            check(allowed is not None, "%s: %s %r has no drop-down on %s (only %s)" % (
                name, sheet["name"], col["header"], ref, sorted(lists)))
            for c in cells:
                value = ws[c].value
                check(allowed is None or value is None or value in allowed,
                      "%s: %s!%s %r is not in its drop-down %s" % (name, sheet["name"], c,
                                                                 value, allowed))


def day(value):
    return value.date() if isinstance(value, datetime.datetime) else value


def check_system(folder, as_of, out):
    name = os.path.basename(folder)
    when = datetime.date.fromisoformat(as_of)
    plans = load_system(folder)
    actions = [(p["organisation"].get("short", p["organisation"]["code"]), a)
               for p in plans for a in p.get("actions", [])]
    counts = {c: 0 for c in COLOURS}
    for _, a in actions:
        counts[brag(a, when)] += 1

    wb = openpyxl.load_workbook(write_return(folder, out, "--as-of", as_of))
    draft = [MISSING] if check_required(wb, name) else []
    check(wb.sheetnames == SHEETS[:1] + draft + SHEETS[1:] + ["iact"],
          "%s: sheets %s" % (name, wb.sheetnames))
    check_dna(wb, name, plans)
    check_dropdowns(wb, name)
    # The hidden record a roll-up reads back holds the same counts.
    record = {r[0]: r[1:] for r in wb["iact"].iter_rows(values_only=True)}
    check(wb["iact"].sheet_state == "hidden", "%s: the record sheet is shown" % name)
    check(record["iact-return"][0] == 1, "%s: record version %r" % (name, record["iact-return"]))
    check(list(record["counts"][:5]) == [counts[c] for c in COLOURS],
          "%s: record counts %s, computed %s" % (name, record["counts"][:5], counts))
    check(record["as_of"][0] == as_of, "%s: record as-of %s" % (name, record["as_of"]))

    rows = table(wb["Actions"])
    check(len(rows) == len(actions), "%s: %d action rows for %d actions" % (name, len(rows),
                                                                          len(actions)))
    by_key = {(r["Organisation"], r["ID"]): r for r in rows}
    for org, a in actions:
        row = by_key.get((org, a["id"]))
        check(row is not None, "%s: %s %s has no row" % (name, org, a["id"]))
        if row:
            check(row["BRAG"] == brag(a, when), "%s: %s is %s, computed %s" % (
                name, a["id"], row["BRAG"], brag(a, when)))
            check(row["Action"] == a["title"], "%s: %s title %r" % (name, a["id"], row["Action"]))

    # The same numbers as the board paper for the same as-of date, and as this test's own.
    context = json.loads(run([IACT, "paper", folder, "--as-of", as_of,
                              "--dump-context"]).stdout)
    c = cover(wb)
    check(day(c["Statuses as of"]) == when, "%s: cover as-of %s" % (name, c["Statuses as of"]))
    check(c["Actions"] == len(actions) == context["totals"]["total"], "%s: totals" % name)
    labels = {"Blue": "Blue - complete", "Red": "Red - off track", "Amber": "Amber - at risk, re-planned or no date",
              "Green": "Green - on track", "Grey": "Grey - not started or no status, not due soon"}
    for colour in COLOURS:
        check(c[labels[colour]] == counts[colour] == context["totals"][colour.lower()],
              "%s: %s on the cover %s, paper %s, computed %s" % (
                  name, colour, c[labels[colour]], context["totals"][colour.lower()],
                  counts[colour]))
    gaps = [i for f in context["coverage"] for i in f["items"] if i["gap"]]
    check(c["Items with no action (gaps)"] == len(gaps), "%s: gaps" % name)
    # With no earlier return to count from, the return says what the paper says.
    if isinstance(c["Changes counted since"], str):
        said = [p["text"] for p in context["summary"]["paragraphs"]
                if "There is no earlier report to count changes from" in p["text"]]
        check(len(said) == 1 and said[0].startswith(c["Changes counted since"]),
              "%s: the paper says %r, the return %r" % (name, said, c["Changes counted since"]))
        check_no_earlier_return(wb, name, c["Changes counted since"])

    # Framework items by name, as the paper names them.
    summary = {(r["Framework"], r["Item"]): r for r in table(wb["Summary"])}
    paper_items = [(f["title"], i) for f in context["coverage"] for i in f["items"]]
    check(len(summary) == len(paper_items), "%s: %d summary rows, %d items in the paper" % (
        name, len(summary), len(paper_items)))
    for framework, item in paper_items:
        row = summary.get((framework, item["title"]))
        check(row is not None, "%s: item %s missing from Summary" % (name, item["title"]))
        if not row:
            continue
        check(row["Actions"] == item["counts"]["total"], "%s: %s actions" % (name, item["title"]))
        for colour in COLOURS:
            check(row[colour] == item["counts"][colour.lower()], "%s: %s %s %s vs paper %s" % (
                name, item["title"], colour, row[colour], item["counts"][colour.lower()]))
        # A gap an action that updates the plan is to fill says which: "Yes; ICB-PLAN-01 ...".
        gap = row["Gap"] == "Yes" or str(row["Gap"] or "").startswith("Yes; ")
        check(gap == item["gap"], "%s: %s gap" % (name, item["title"]))

    risks = table(wb["Risks"])
    check(len(risks) == sum(len(p.get("risks", [])) for p in plans), "%s: risk rows" % name)
    for r in risks:
        if r["Likelihood"] and r["Impact"]:
            check(r["Score"] == r["Likelihood"] * r["Impact"], "%s: risk %s score" % (name, r["ID"]))
    dna = list(wb["DNA discharge"].iter_rows(min_row=4, values_only=True))
    check(len([r for r in dna if r[0]]) == len(plans), "%s: DNA rows %d" % (name, len(dna)))
    check_structure(wb, name, len(actions))


def check_no_earlier_return(wb, name, sentence):
    """No "this period" counts and no changes, and the sentence saying why."""
    c = cover(wb)
    check(c["Changes counted since"] == sentence, "%s: changes counted since %r" % (
        name, c["Changes counted since"]))
    check([c[k] for k in PERIOD_COUNTS] == ["n/a"] * 4, "%s: this period's counts %r" % (
        name, [c[k] for k in PERIOD_COUNTS]))
    ws = wb["Changes"]
    check(table(ws) == [], "%s: changes listed %r" % (name, table(ws)))
    check(ws["A4"].value == sentence, "%s: the Changes sheet's note %r" % (name, ws["A4"].value))


def check_samples_period(out):
    """Every sample system's 2026-01 return: each required cell filled or listed, each
    organisation's own DNA answers, drop-downs on every row; `validate --for-return` lists
    what the draft sheet lists, and `--final` refuses a draft, naming each answer."""
    for system in ["somerset", "bnssg", "bob", "nenc"]:
        folder = os.path.join("plans", system)  # relative, as a programme lead runs it
        name = "%s 2026-01" % system
        args = ["--period", "2026-01", "--as-of", "2026-01-31"]
        wb = openpyxl.load_workbook(write_return(folder, os.path.join(out, system), *args))
        listed = check_required(wb, name)
        check_dna(wb, name, load_system(folder))
        check_dropdowns(wb, name)
        check(c_value(wb, "Reporting period") == "2026-01", "%s: period" % name)
        proc = run([IACT, "validate", folder, "--for-return", "2026-01", "--as-of", "2026-01-31"],
                   expect=1 if listed else 0)
        found = [l for l in proc.stderr.splitlines() if l.endswith("[return-draft]")]
        check(len(found) == len(listed), "%s: validate --for-return lists %d, the sheet %d" % (
            name, len(found), len(listed)))
        check("[return-incomplete]" not in proc.stderr, "%s: return-incomplete beside the list" %
              name)
        if not listed:
            continue
        final = os.path.join(out, "final-" + system)
        proc = run([IACT, "return", folder, *args, "-o", final, "--final"], expect=1)
        refused = [l for l in proc.stderr.splitlines() if l.endswith("[return-draft]")]
        check(len(refused) == len(listed) and all(
            re.match(r"^plans/%s/[^ ]+\.yaml(:\d+:\d+)?: error: the 2026-01 return is a draft: "
                     r"its .* sheet has no '.+'.* \([a-z_.]+\) \[return-draft\]$" % system, l)
            for l in refused), "%s: --final said %r" % (name, proc.stderr))
        check(not os.path.exists(final), "%s: --final wrote into %s" % (name, final))
    # The sources' own answers, each on its own organisation's row.
    somerset = dna_rows(os.path.join(out, "somerset"))
    check(somerset == {"SFT": ("Not stated", "Not stated"), "ICB": ("Not stated", "Not stated")},
          "somerset: DNA rows %r" % somerset)
    bnssg = dna_rows(os.path.join(out, "bnssg"))
    check(bnssg == {"AWP": ("Yes", "Partial"), "ICB": ("Not stated", "Not stated")},
          "bnssg: DNA rows %r" % bnssg)


def c_value(wb, label):
    return cover(wb).get(label)


def dna_rows(out):
    wb = openpyxl.load_workbook(next(os.path.join(d, f) for d, _, fs in os.walk(out) for f in fs
                                     if f == "return.xlsx"))
    return {r["Organisation"]: (r["In policy"], r["In practice"])
            for r in table(wb["DNA discharge"], 3)}


def check_complete(out):
    """A return with every required answer (some of them "Not stated"): --final writes it, it
    has no draft sheet; framework items by name; due dates as dates as precise as written."""
    folder = os.path.join(SOURCE, "tests/data/return/complete")
    args = ["--period", "2026-01", "--as-of", "2026-01-20", "--final"]
    wb = openpyxl.load_workbook(write_return(folder, out, *args))
    check(check_required(wb, "complete") == [], "complete: listed as missing")
    check_dropdowns(wb, "complete")
    check_dna(wb, "complete", load_system(folder))
    c = cover(wb)
    check((c["Held in public"], c["Level of assurance offered to the board"],
           day(c["Public board discussion (date)"])) == ("Yes", "Reasonable",
                                                          datetime.date(2026, 1, 29)),
          "complete: the meeting %r" % c)
    summary = {r["Item"]: (r["Self-assessed assurance"], r["Narrative"])
               for r in table(wb["Summary"])}
    check(summary["Working closely with families"] == ("Not stated", "Not stated") and
          summary["Eliminating out-of-area placements"][1] == "Not stated",
          "complete: not stated %r" % summary)
    run([IACT, "validate", folder, "--for-return", "2026-01", "--as-of", "2026-01-20"])
    # Framework items by name; due dates as dates, shown as the plan wrote them.
    rows = {r["ID"]: r for r in table(wb["Actions"])}
    check(rows["DIS-01"]["Framework items"] ==
          "Joint discharge planning; Eliminating out-of-area placements",
          "complete: framework items %r" % rows["DIS-01"]["Framework items"])
    ws = wb["Actions"]
    due_col = [c.value for c in ws[1]].index("Due")
    shown = {row[1].value: (day(row[due_col].value), row[due_col].number_format)
             for row in ws.iter_rows(min_row=2)}
    want = {"RISK-01": (datetime.date(2026, 3, 31), "mmmm yyyy"),
            "DIS-01": (datetime.date(2026, 3, 31), '"Q4 2025/26 (by "mmm yyyy")"'),
            "MAW-01": (datetime.date(2025, 12, 15), "dd/mm/yyyy"),
            "FAM-01": ("To be confirmed", "General"), "CT-01": ("Ongoing", "General")}
    check(shown == want, "complete: due dates %r" % shown)


def check_build_final(out):
    """build --final builds a complete system and refuses a draft, as it does plans with
    errors."""
    plans = os.path.join(out, "plans")
    shutil.copytree(os.path.join(SOURCE, "tests/data/return/complete"),
                    os.path.join(plans, "complete"))
    shutil.copytree(os.path.join(SOURCE, "tests/data/return/history"), os.path.join(plans, "draft"))
    proc = run([IACT, "build", plans, "--period", "2026-01", "--as-of", "2026-01-20", "--to", "md",
                "-o", os.path.join(out, "reports"), "--final"], expect=1)
    check(any(l.startswith("draft") and "FAILED: its return is a draft" in l
              for l in proc.stdout.splitlines()), "build --final: %s" % proc.stdout)
    check("draft/icb.yaml" in proc.stderr and "[return-draft]" in proc.stderr,
          "build --final: the missing answers are not named: %s" % proc.stderr)
    check(os.path.exists(os.path.join(out, "reports", "complete", "2026-01", "return.xlsx")),
          "build --final: the complete system was not built")
    check(not os.path.exists(os.path.join(out, "reports", "draft")),
          "build --final: the draft was written")
    # Without --final, the draft is built and its line says so.
    proc = run([IACT, "build", plans, "--period", "2026-01", "--as-of", "2026-01-20", "--to", "md",
                "-o", os.path.join(out, "drafts")])
    check(any(l.startswith("draft") and "the return is a DRAFT" in l
              for l in proc.stdout.splitlines()), "build: the draft line %s" % proc.stdout)


def check_structure(wb, name, n_actions):
    """Tables with filters, frozen headings, coloured BRAG cells, drop-downs on status."""
    ws = wb["Actions"]
    headers = [c.value for c in ws[1]]
    brag_col = openpyxl.utils.get_column_letter(headers.index("BRAG") + 1)
    status_col = openpyxl.utils.get_column_letter(headers.index("Status") + 1)
    tables = list(ws.tables.values())
    check(len(tables) == 1, "%s: Actions has %d tables" % (name, len(tables)))
    if tables:
        last = openpyxl.utils.get_column_letter(len(headers))
        check(tables[0].ref == "A1:%s%d" % (last, n_actions + 1),
              "%s: table covers %s" % (name, tables[0].ref))
        check(tables[0].autoFilter is not None, "%s: the table has no filter" % name)
    check(ws.freeze_panes == "A2", "%s: Actions frozen at %s" % (name, ws.freeze_panes))
    brag_range = "%s2:%s%d" % (brag_col, brag_col, n_actions + 1)
    rules = [(str(cf.sqref), rule) for cf in ws.conditional_formatting for rule in cf.rules]
    texts = sorted(rule.text for ref, rule in rules if ref == brag_range)
    check(texts == sorted(COLOURS), "%s: BRAG conditional formats %s on %s" % (
        name, texts, [r for r, _ in rules]))
    fills = {rule.text: rule.dxf.fill.bgColor.rgb for _, rule in rules if rule.dxf and rule.dxf.fill}
    check(fills.get("Blue", "").endswith("005EB8"), "%s: Blue fill %s" % (name, fills.get("Blue")))
    lists = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}
    want = '"Not started,On track,At risk,Off track,Blocked,Complete,Not reported"'
    check(lists.get("%s2:%s%d" % (status_col, status_col, n_actions + 1)) == want,
          "%s: status drop-down %s" % (name, lists))


def check_formulas(out):
    folder = os.path.join(SOURCE, "tests/data/return/formulas")
    plan = load_system(folder)[0]
    wb = openpyxl.load_workbook(write_return(folder, out, "--as-of", "2025-07-31"))
    ws = wb["Actions"]
    headers = [c.value for c in ws[1]]
    title_col = headers.index("Action")
    for row in ws.iter_rows(min_row=2):
        cell = row[title_col]
        action = next(a for a in plan["actions"] if a["id"] == row[1].value)
        check(cell.data_type == "s" and cell.value == action["title"],
              "formulas: %s stored as %s %r" % (action["id"], cell.data_type, cell.value))
    c = cover(wb)
    check(c["Integrated care board"] == plan["organisation"]["name"], "formulas: cover name")
    check(c["Senior responsible officer"] == "+Chief Officer", "formulas: SRO")
    risk = table(wb["Risks"])[0]
    check(risk["Risk"] == "=1/0" and risk["Score"] == 20, "formulas: risk row %r" % risk)
    summary = {r["Item"]: r for r in table(wb["Summary"])}
    risk_item = summary["Personalised assessment of risk"]
    check(risk_item["Self-assessed assurance"] == "Limited" and
          risk_item["Narrative"] == "=A1*2 is not a formula",
          "formulas: self-assessment %r" % risk_item)
    check(summary["Working closely with families"]["Self-assessed assurance"] == "Reasonable",
          "formulas: families")
    dna = list(wb["DNA discharge"].iter_rows(min_row=4, values_only=True))[0]
    check(dna[2:5] == ("Partial", "No", plan["dna_discharge_assurance"]["note"]),
          "formulas: DNA row %r" % (dna,))
    # A draft: the families item has no narrative, the region and the meeting are missing;
    # the draft sheet's plan text is text too.
    listed = check_required(wb, "formulas")
    check(("Summary", "Narrative", "Working closely with families") in
          {(r["Sheet"], r["Answer"], r["For"]) for r in listed}, "formulas: listed %r" % listed)
    # No cell anywhere holds a formula.
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                check(cell.data_type != "f", "formulas: %s!%s is a formula" % (sheet.title,
                                                                            cell.coordinate))


def check_long_text(out):
    """Text longer than a cell holds is cut at a character, and says so; rows stay in
    Excel's limits."""
    folder = os.path.join(out, "long")
    os.makedirs(folder)
    with open(os.path.join(SOURCE, "tests/data/return/formulas/icb.yaml"), encoding="utf-8") as f:
        text = f.read().replace('title: "=SUM(A1:A2)"', 'title: "%s"' % ("é" * 40000))
    with open(os.path.join(folder, "icb.yaml"), "w", encoding="utf-8") as f:
        f.write(text)
    wb = openpyxl.load_workbook(write_return(folder, os.path.join(out, "out"), "--as-of",
                                             "2025-07-31"))
    ws = wb["Actions"]
    title = ws["C2"].value
    check(len(title) == 32767 and title.startswith("éé") and
          title.endswith(" [cut: longer than an Excel cell allows]"),
          "long text: %d characters, ends %r" % (len(title), title[-50:]))
    check(ws.row_dimensions[2].height <= 409, "long text: row height %s" %
          ws.row_dimensions[2].height)


def check_history(out):
    folder = os.path.join(SOURCE, "tests/data/return/history")
    wb = openpyxl.load_workbook(write_return(folder, out, "--period", "2026-01", "--as-of",
                                             "2026-01-31"))
    changes = sorted((r["Change"], r["ID"], r["BRAG before"], r["BRAG now"])
                     for r in table(wb["Changes"]))
    want = sorted([("Completed", "DONE", "Amber", "Blue"),
                   ("Became overdue", "LATE", "Green", "Red"),
                   ("Slipped", "SLIPS", "Green", "Amber"),
                   ("New", "ADDED", None, "Grey"),
                   ("Risk closed", "R1", None, None)])
    check(changes == want, "history: changes %s" % changes)
    slipped = next(r for r in table(wb["Changes"]) if r["Change"] == "Slipped")
    check(day(slipped["Due before"]) == datetime.date(2025, 11, 30) and
          day(slipped["Due now"]) == datetime.date(2026, 3, 31), "history: slipped dates")
    c = cover(wb)
    check((c["Completed this period"], c["Became overdue this period"], c["Slipped this period"],
           c["New this period"]) == (1, 1, 1, 1), "history: cover counts %r" % c)
    check(c["NHS England region"] == "North West", "history: region")

    # The earlier period, with no --as-of: as the plan stood on its due date.
    wb = openpyxl.load_workbook(write_return(folder, os.path.join(out, "june"), "--period",
                                             "2025-06"))
    c = cover(wb)
    check(day(c["Statuses as of"]) == datetime.date(2025, 6, 30),
          "history: 2025-06 as of %s" % c["Statuses as of"])
    rows = {r["ID"]: r for r in table(wb["Actions"])}
    check(sorted(rows) == ["DONE", "LATE", "OLD-REPLAN", "SLIPS", "STEADY"], "history: June rows %s" % sorted(rows))
    check(rows.get("DONE", {}).get("BRAG") == "Amber" and rows.get("DONE", {}).get("Status") ==
          "At risk", "history: DONE in June %r" % rows.get("DONE"))
    check(day(rows.get("SLIPS", {}).get("Due")) == datetime.date(2025, 11, 30),
          "history: SLIPS due in June %r" % rows.get("SLIPS"))
    # The first period has no earlier one: nothing is counted as changed "this period", as
    # the paper says.
    check_no_earlier_return(wb, "history: June", "There is no earlier report to count changes "
                            "from: this is the first reporting round, and HICB's plan gives no "
                            "date for an earlier meeting of its board on it.")  # no meeting


def check_reproducible(out):
    folder = os.path.join(SOURCE, "tests/data/return/formulas")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1753920000")
    first = write_return(folder, os.path.join(out, "one"), "--as-of", "2025-07-31", env=env)
    second = write_return(folder, os.path.join(out, "two"), "--as-of", "2025-07-31", env=env)
    with open(first, "rb") as a, open(second, "rb") as b:
        check(a.read() == b.read(), "reproducible: two runs differ")
    created = openpyxl.load_workbook(first).properties.created
    check(created == datetime.datetime(2025, 7, 31), "reproducible: created %s" % created)
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    third = write_return(folder, os.path.join(out, "three"), "--as-of", "2025-06-01", env=env)
    created = openpyxl.load_workbook(third).properties.created
    check(created == datetime.datetime(2025, 6, 1), "created from the as-of date: %s" % created)
    leftovers = [n for n in report_files(os.path.dirname(first)) if n.startswith(".")]
    check(not leftovers, "reproducible: partial files left %s" % leftovers)


def check_failures(out):
    folder = os.path.join(SOURCE, "tests/data/return/formulas")
    # The workbook's path is taken by a folder: the rename fails, and nothing is left.
    target = os.path.join(out, "blocked", "formulas", "2026-01", "return.xlsx")
    os.makedirs(os.path.join(target, "keep"))
    proc = run([IACT, "return", folder, "--as-of", "2025-07-31", "-o",
                os.path.join(out, "blocked")], expect=2)
    check("formulas:" in proc.stderr and "return.xlsx" in proc.stderr,
          "failure: message %r" % proc.stderr)
    left = report_files(os.path.dirname(target))
    check(left == ["return.xlsx"], "failure: files left %s" % left)

    # A broken return definition: every mistake with its line, and a hint.
    templates = os.path.join(out, "templates")
    shutil.copytree(os.path.join(SOURCE, "templates"), templates)
    layout = os.path.join(templates, "return.yaml")
    with open(layout, encoding="utf-8") as f:
        text = f.read()
    text = text.replace("field: title, width: 55", "field: tittle, width: 55", 1)
    text = text.replace("name: Risks", "name: Risks/Issues", 1)
    text = text.replace("{ header: ID, field: id, width: 10 }", "{ header: ID, field: id, widht: 10 }", 1)
    with open(layout, "w", encoding="utf-8") as f:
        f.write(text)
    lines = text.splitlines()
    line_of = lambda s: next(i + 1 for i, line in enumerate(lines) if s in line)
    proc = run([IACT, "--templates", templates, "return", folder, "-o",
                os.path.join(out, "bad")], expect=2)
    err = proc.stderr
    for needle in ["return.yaml:%d:" % line_of("field: tittle"), "no field 'tittle' for actions rows",
                   "did you mean 'title'?", "return.yaml:%d:" % line_of("name: Risks/Issues"),
                   "uses a character Excel refuses", "return.yaml:%d:" % line_of("widht"),
                   "widht"]:
        check(needle in err, "layout errors: %r not in\n%s" % (needle, err))
    check(not os.path.exists(os.path.join(out, "bad")), "layout errors: something was written")

    fields = run([IACT, "return", "--fields"]).stdout
    for needle in ["rows: actions", "brag", "rows: changes", "slipped"]:
        check(needle in fields, "--fields lacks %r" % needle)


def check_build(out):
    """iact build: every system of a folder, a failed one reported, the others still built."""
    plans = os.path.join(out, "plans")
    shutil.copytree(os.path.join(SOURCE, "tests/data/return/history"), os.path.join(plans, "good"))
    os.makedirs(os.path.join(plans, "broken"))
    with open(os.path.join(SOURCE, "tests/data/return/history/icb.yaml"), encoding="utf-8") as f:
        broken = f.read().replace("addresses: [multi-agency]", "addresses: [multi-agencey]")
    with open(os.path.join(plans, "broken", "icb.yaml"), "w", encoding="utf-8") as f:
        f.write(broken)
    # A system with a file that does not even parse fails too, not built without it.
    shutil.copytree(os.path.join(plans, "good"), os.path.join(plans, "partial"))
    with open(os.path.join(plans, "partial", "trust.yaml"), "w", encoding="utf-8") as f:
        f.write("iact: 1\norganisation: [\n")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1769817600")
    args = [IACT, "build", plans, "--period", "2026-01", "--to", "md,html"]
    one = run(args + ["-o", os.path.join(out, "one"), "-j", "1"], env=env, expect=1)
    run(args + ["-o", os.path.join(out, "two"), "-j", "2"], env=env, expect=1)
    check("broken/icb.yaml:" in one.stderr and "multi-agencey" in one.stderr,
          "build: the broken plan's error is not shown: %s" % one.stderr)
    lines = one.stdout.splitlines()
    check(any(l.startswith("broken") and "FAILED: its plans have 1 error" in l for l in lines),
          "build: no FAILED line for broken: %s" % one.stdout)
    check(any(l.startswith("good") and "return.xlsx" in l and "board-paper.html" in l
              for l in lines), "build: no line for good: %s" % one.stdout)
    check(any(l.startswith("partial") and "FAILED: its plans have 1 error" in l for l in lines),
          "build: no FAILED line for partial: %s" % one.stdout)
    check("Built 1 of 3 systems (3 files)" in one.stdout, "build: summary %s" % one.stdout)
    check("\r" not in one.stderr and "[1/2]" not in one.stderr,
          "build: progress shown when not on a terminal")
    written = report_files(os.path.join(out, "one", "good", "2026-01"))
    check(written == ["board-paper.html", "board-paper.md", "brag-chart.svg", "return.xlsx",
                       "trend-chart.svg"],
          "build: files %s" % written)
    check(not os.path.exists(os.path.join(out, "one", "broken")), "build: broken was written")
    check(not os.path.exists(os.path.join(out, "one", "partial")), "build: partial was written")
    for name in written:
        with open(os.path.join(out, "one", "good", "2026-01", name), "rb") as a, \
                open(os.path.join(out, "two", "good", "2026-01", name), "rb") as b:
            check(a.read() == b.read(), "build: %s differs between -j 1 and -j 2" % name)
    # The period has ended, so with no --as-of the reports are as of its due date.
    c = cover(openpyxl.load_workbook(os.path.join(out, "one", "good", "2026-01", "return.xlsx")))
    check(day(c["Statuses as of"]) == datetime.date(2026, 1, 31), "build: as of %s" % c)
    with open(os.path.join(out, "one", "good", "2026-01", "board-paper.md"), encoding="utf-8") as f:
        md = f.read()
    check("holds 6 actions as of 31 January 2026" in md, "build: the paper's totals")
    check("1 slipped to a later date and 1 was added" in " ".join(md.split()),
          "build: the paper's changes")


def main():
    os.chdir(SOURCE)  # plans are named as a programme lead names them: plans/<system>
    with tempfile.TemporaryDirectory() as out:
        for system, as_of in [("somerset", "2024-11-28"), ("bnssg", "2025-05-01"),
                              ("bob", "2025-06-30"), ("nenc", "2025-07-29")]:
            check_system(os.path.join(SOURCE, "plans", system), as_of, os.path.join(out, system))
        check_samples_period(os.path.join(out, "period"))
        check_complete(os.path.join(out, "complete"))
        check_build_final(os.path.join(out, "build-final"))
        check_formulas(os.path.join(out, "formulas"))
        check_history(os.path.join(out, "history"))
        check_long_text(os.path.join(out, "long"))
        check_reproducible(os.path.join(out, "repro"))
        check_failures(os.path.join(out, "fail"))
        check_build(os.path.join(out, "build"))
    finish("return content")


if __name__ == "__main__":
    main()
