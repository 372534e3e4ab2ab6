#!/usr/bin/python3
"""Writes the test trackers in tests/data/import: action trackers in the shapes programme
leads keep them (Excel workbooks with title rows, merged theme headings and date cells; CSV
exports with semicolons, Windows-1252, BOMs and line breaks inside cells), and broken ones.
The files are committed; run this again only to change them (python3-openpyxl).

    /usr/bin/python3 tests/data/import/make_trackers.py
"""
import datetime
import os
import zipfile

import openpyxl
from openpyxl.styles import Font, PatternFill

HERE = os.path.dirname(os.path.abspath(__file__))
D = datetime.date


def fixed_properties(wb):
    # Reproducible files: no creation time from the clock.
    stamp = datetime.datetime(2025, 1, 1)
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = "Programme office"


def trust_workbook():
    """A trust's tracker as Excel keeps it: a title block, a header on row 4, group
    headings merged across the table, real date cells beside dates typed as text, a RAG
    column, a notes sheet and a hidden lookup sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Action plan"
    ws["A1"] = "Somerset NHS Foundation Trust - intensive and assertive community care action plan"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Version 3, owned by the Mental Health Programme Office"
    header = ["No.", "Action", "Theme", "Timeframe", "Lead org", "Due Date", "Status", "RAG",
              "Latest update", "Date completed", "Cost implication", "Comments"]
    ws.append([])
    ws.append(header)  # row 4
    for c in ws[4]:
        c.font = Font(bold=True)
    rows = [
        ("GOVERNANCE",),
        ("1.", "Review a sample of caseloads for themes in care and treatment plans",
         "Long-term care planning", "Short-medium term", "SFT", D(2024, 10, 30), "Complete",
         "Blue", "Forty caseloads reviewed; findings shared with team managers.", D(2024, 10, 28),
         "None", ""),
        ("2.", "Agree a minimum standard for safety management plans\nApplies to every "
         "community team and is checked in supervision.", "Care and treatment", "Short term",
         "SFT", "30.11.24", "Delayed", "Red", "Standard drafted; sign-off moved to the next "
         "governance meeting.", None, "Resource may be required TBC", "Raised at SMI board"),
        ("3.", "Confirm that the DNA policy never leads to discharge on its own", "DNA",
         "Short term", "SFT", "Q2 2025/26", "On track", "Green", "Audit of discharges after "
         "non-attendance under way.", None, "None", ""),
        ("THEME 2 - INVOLVEMENT OF CARERS AND FAMILY",),
        ("4.", "Bring carers into care planning at each review", None, "Medium term",
         "SFT & VCFSE", "end of March 2026", "In progress", "Amber", "Carer leads named in two "
         "of five teams.", None, "£50k recurrent", ""),
        ("5.", "Set up a carers' feedback survey", None, "Medium term", "ICB / SFT", "TBC",
         "Not started", "", "", None, "£61k*", ""),
        ("6.", "Train staff in sharing information with families", "Families; Workforce",
         "Long term", "Head of Community Services", "Jun-26", "On track", "Green", "", None,
         "None", "Linked to the training matrix"),
        ("CLINICAL DELIVERY",),
        ("7", "Review the assertive outreach model against national guidance",
         "Service model and governance", "Short term", "SFT", "Ongoing", "On track", "Green",
         "Model workshop held with clinicians and people with lived experience.", None, "Yes*",
         ""),
        ("8.", "Offer Section 117 aftercare training to every community clinician",
         "Section 117", "Medium", "SFT", D(2026, 1, 31), "At risk", "Amber", "Trainer "
         "capacity is the constraint.", None, "", ""),
    ]
    for r in rows:
        ws.append(list(r))
        if len(r) == 1:
            n = ws.max_row
            ws.merge_cells(start_row=n, start_column=1, end_row=n, end_column=len(header))
            ws.cell(n, 1).fill = PatternFill("solid", fgColor="DDEBF7")
            ws.cell(n, 1).font = Font(bold=True)
    for row in ws.iter_rows(min_row=5):
        for c in row:
            if isinstance(c.value, (datetime.date, datetime.datetime)):
                c.number_format = "dd/mm/yyyy"
    notes = wb.create_sheet("Notes")
    notes["A1"] = "Key"
    notes["A2"] = "Blue - complete; Green - on track; Amber - at risk; Red - off track"
    lookup = wb.create_sheet("Lists")
    lookup.sheet_state = "hidden"
    for i, w in enumerate(["Complete", "On track", "At risk", "Delayed", "Not started"], 1):
        lookup.cell(i, 1, w)
    fixed_properties(wb)
    wb.save(os.path.join(HERE, "trust-tracker.xlsx"))


def system_csv():
    """An ICB's system-wide actions exported from Excel on Windows: semicolons, Windows-1252
    (a pound sign and curly apostrophes), CRLF, a title line, and quoted cells that hold
    line breaks and semicolons."""
    lines = [
        "NENC system-wide actions;;;;;;",
        ";;;;;;",
        "Ref;System wide action;Objective;Completion target;Progress;Lead;Workstream",
        'SW1;Agree one definition of the cohort across the system;"Shared criteria, so every '
        'trust counts the same people";Q2 2025/26;In progress;ICB;Cohort identification',
        'SW2;"Identify the people already on caseloads\nPhase 1: people known to secondary care'
        '\nPhase 2: other data sets";Find everyone in scope;Q2 2025/26;Phase 1 in progress;'
        'ICB, CNTW, TEWV;Cohort identification',
        "SW3;Scope pilot approaches for 2025/26;Options for a wider model;Q2 2025/26;"
        "On track;ICB;Service model",
        "SW4;Share learning from reviews across providers;Regular forum;31/12/2025;"
        "Not started;CNTW;Information sharing",
        "SW5;Agree the investment case;\u00a3250k bid to the ICB\u2019s planning round;"
        'Q4 2025/26;At risk;ICB;"Service model; workforce"',
    ]
    data = "\r\n".join(lines) + "\r\n"
    with open(os.path.join(HERE, "system-actions.csv"), "wb") as f:
        f.write(data.encode("cp1252"))


def response_csv():
    """A trust's response to the national recommendations: UTF-8 with a byte-order mark,
    commas, every date form boards write, status words and BRAG colours."""
    rows = [
        ["Ref", "Area of Focus", "Developmental area", "BHFT's Response", "Owner",
         "Target date", "Status", "Date completed", "Evidence", "Risk"],
        ["B1", "Personalised assessment of risk", "Risk formulation is not consistent",
         "Roll out a single risk formulation template", "Clinical Director", "31/03/2025",
         "Complete", "28/03/2025", "Template in the record system", ""],
        ["B2", "Working closely with families", "Families are not told about discharge",
         "Involve families in every discharge plan", "Head of Nursing", "Jun-25", "Done",
         "30 June 2025", "Audit report, July 2025", ""],
        ["B3", "Joint discharge planning", "", "Hold joint discharge meetings for people in scope",
         "Trust", "July 2025", "Delayed", "", "", "Ward capacity"],
        ["B4", "Multi-agency working and information sharing", "",
         "Agree an information sharing protocol with the police", "Trust, ICB",
         "end of March 2026", "Green", "", "", ""],
        ["B5", "Eliminating out-of-area placements", "", "Bring people placed out of area home",
         "Director of Operations", "Q4 2025/26", "Not started", "", "", "Bed availability"],
        ["B6", "DNA", "", "Re-audit discharges after non-attendance", "Trust", "31.10.25",
         "Blue", "15/10/2025", "", ""],
        ["B7", "Working with families", "", "Publish a carers' guide", "Trust", "TBC", "", "", "",
         ""],
    ]
    import csv
    import io
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    with open(os.path.join(HERE, "response.csv"), "w", encoding="utf-8-sig") as f:
        f.write(buf.getvalue())


def handmade_xlsx():
    """A workbook written part by part, in forms openpyxl does not use but other programs
    do: inline strings, rich text runs, the 1904 date system, a _x000D_ escape, namespace
    prefixes on every element and an absolute relationship target."""
    ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    workbook = f'''<?xml version="1.0" encoding="UTF-8"?>
<x:workbook {ns}><x:workbookPr date1904="1"/><x:sheets>
<x:sheet name="Tracker" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>'''
    rels = '''<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>'''
    shared = f'''<?xml version="1.0" encoding="UTF-8"?>
<x:sst {ns} count="3" uniqueCount="3">
<x:si><x:t>Ref</x:t></x:si>
<x:si><x:r><x:rPr><x:b/></x:rPr><x:t>Act</x:t></x:r><x:r><x:t xml:space="preserve">ion</x:t></x:r></x:si>
<x:si><x:t>Review medication for everyone in scope_x000D_
twice a year</x:t><x:rPh sb="0" eb="1"><x:t>PHONETIC</x:t></x:rPh></x:si>
</x:sst>'''
    styles = f'''<?xml version="1.0" encoding="UTF-8"?>
<x:styleSheet {ns}><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="d\\ mmmm\\ yyyy"/></x:numFmts>
<x:cellXfs count="3"><x:xf numFmtId="0"/><x:xf numFmtId="164"/><x:xf numFmtId="14"/></x:cellXfs></x:styleSheet>'''
    # 1904 system: serial 0 is 1 January 1904, so 44287 is 2 April 2025.
    sheet = f'''<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet {ns}><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c>
<x:c r="C1" t="inlineStr"><x:is><x:t>Target date</x:t></x:is></x:c><x:c r="D1" t="inlineStr"><x:is><x:t>Theme</x:t></x:is></x:c>
<x:c r="E1" t="inlineStr"><x:is><x:t>Status</x:t></x:is></x:c><x:c r="F1" t="inlineStr"><x:is><x:t>Funded</x:t></x:is></x:c></x:row>
<x:row r="3"><x:c r="A3"><x:v>1</x:v></x:c><x:c r="B3" t="s"><x:v>2</x:v></x:c>
<x:c r="C3" s="1"><x:v>44287</x:v></x:c><x:c r="D3" t="inlineStr"><x:is><x:r><x:t>Medication </x:t></x:r><x:r><x:t>review</x:t></x:r></x:is></x:c>
<x:c r="E3" t="str"><x:f>IF(1,"On track","")</x:f><x:v>On track</x:v></x:c></x:row>
<x:row r="4"><x:c r="A4"><x:v>2.5</x:v></x:c><x:c r="B4" t="inlineStr"><x:is><x:t>Agree the caseload cap</x:t></x:is></x:c>
<x:c r="C4" s="2"><x:v>44316.75</x:v></x:c><x:c r="D4" t="inlineStr"><x:is><x:t>Caseload cap</x:t></x:is></x:c>
<x:c r="E4" t="inlineStr"><x:is><x:t>Complete</x:t></x:is></x:c><x:c r="F4" t="b"><x:v>1</x:v></x:c></x:row>
</x:sheetData></x:worksheet>'''
    content_types = '''<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
</Types>'''
    with zipfile.ZipFile(os.path.join(HERE, "handmade.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in [("[Content_Types].xml", content_types), ("xl/workbook.xml", workbook),
                           ("xl/_rels/workbook.xml.rels", rels),
                           ("xl/sharedStrings.xml", shared), ("xl/styles.xml", styles),
                           ("xl/worksheets/sheet1.xml", sheet)]:
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            z.writestr(info, text)


def bad_csv():
    """Rows that cannot be imported: a date that is not one, a theme matching nothing, a
    reference used twice, a status nobody uses, a row with no action."""
    rows = [
        "Ref,Action,Theme,Target date,Status",
        "1,Agree the discharge checklist,Discharge,31/03/2026,On track",
        "2,Audit the checklist,Discharge,soon,On track",
        "3,Hold a summer fair,Summer fun,30/06/2026,Not started",
        "1,Repeat the audit,Discharge,30/09/2026,On track",
        "5,Review the DNA policy,DNA,31/12/2026,Sort of",
        "6,,Discharge,31/12/2026,On track",
        "7,Publish the policy,DNA,31/12/2026,Complete",
    ]
    with open(os.path.join(HERE, "bad.csv"), "w") as f:
        f.write("\n".join(rows) + "\n")


trust_workbook()
system_csv()
response_csv()
handmade_xlsx()
bad_csv()
