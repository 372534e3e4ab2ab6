"""iact rollup over the four sample systems and a fifth (tests/data/rollup/fifth): every
count in the workbook equals what `iact status --format json` says of that system at the same
as-of date; the trend's columns equal status as of each period's due date; the roll-up made
from the systems' returns equals the one made from their plans; workbooks that are not iact
returns, or a record version this iact does not know, are named and skipped; --returns,
--region and the Markdown and HTML summaries."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl
import yaml

from support import check, finish, run

IACT = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
COLOURS = ["Blue", "Red", "Amber", "Green", "Grey"]
PERIOD, AS_OF = "2026-01", "2026-02-01"


def iact(*args, expect=0):
    return run([IACT, *args], env=dict(os.environ, NO_COLOR="1"), expect=expect)


def status(plans, as_of, period=None):
    args = ["status", plans, "--format", "json", "--as-of", as_of]
    if period:
        args += ["--period", period]
    return {s["system"]: s for s in json.loads(iact(*args).stdout)}


def sheet_rows(ws):
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, r)) for r in rows[1:]]


def systems_by_code(book):
    return {r["ICB code"]: r for r in sheet_rows(book["Systems"])}


def check_against_status(book, want, what):
    rows = systems_by_code(book)
    check(len(rows) == len(want), "%s: %d system rows for %d systems" % (what, len(rows), len(want)))
    for system, s in want.items():
        row = rows.get(CODES[system])
        check(row is not None, "%s: no row for %s" % (what, system))
        if not row:
            continue
        for c in COLOURS:
            check(row[c] == s["totals"][c], "%s: %s %s %s, status %s" % (
                what, system, c, row[c], s["totals"][c]))
        check(row["Actions"] == s["totals"]["total"], "%s: %s actions" % (what, system))
        check(row["Overdue"] == len(s["overdue"]), "%s: %s overdue %s, status %d" % (
            what, system, row["Overdue"], len(s["overdue"])))
        check(row["Re-planned later"] == len(s["replanned"]), "%s: %s re-planned" % (what, system))
        check(row["Period"] == s["period"], "%s: %s period %s" % (what, system, row["Period"]))
        for f in s["frameworks"]:
            heading = [h for h in row if h and h.startswith("Items covered: ") and
                       FRAMEWORK_TITLES[f["id"]] in h]
            check(len(heading) == 1 and row[heading[0]] == f["covered"],
                  "%s: %s coverage of %s: %s, status %d" % (
                      what, system, f["id"], heading and row[heading[0]], f["covered"]))


def check_items(book, want, what):
    rows = {r["Item"]: r for r in sheet_rows(book["Framework items"])}
    expected = {}
    for system, s in want.items():
        for f in s["frameworks"]:
            for i in f["items"]:
                e = expected.setdefault(i["id"], {"addressing": 0, "red": 0, "gaps": 0,
                                                  "counts": {c: 0 for c in COLOURS}})
                if i["gap"]:
                    e["gaps"] += 1
                else:
                    e["addressing"] += 1
                if i["counts"]["Red"] > 0:
                    e["red"] += 1
                for c in COLOURS:
                    e["counts"][c] += i["counts"][c]
    check(set(rows) == set(expected), "%s: items %s" % (what, sorted(set(rows) ^ set(expected))))
    for item, e in expected.items():
        row = rows.get(item)
        if not row:
            continue
        check(row["Systems addressing it"] == e["addressing"], "%s: %s addressing %s, want %d" % (
            what, item, row["Systems addressing it"], e["addressing"]))
        check(row["Systems Red on it"] == e["red"], "%s: %s red" % (what, item))
        check(row["Systems with no action on it"] == e["gaps"], "%s: %s gaps" % (what, item))
        for c in COLOURS:
            check(row[c] == e["counts"][c], "%s: %s %s" % (what, item, c))


def check_trend(book, plans, what):
    """Each period's column holds each system's counts as status gives them at its due date."""
    rows = sheet_rows(book["Trend"])
    header = list(book["Trend"].iter_rows(values_only=True))[0]
    check(list(header[4:]) == ["June 2025 return", "January 2026 return", "Now"],
          "%s: trend columns %s" % (what, header[4:]))
    for column, as_of in (("June 2025 return", "2025-06-30"),
                          ("January 2026 return", "2026-01-31"), ("Now", AS_OF)):
        then = status(plans, as_of)
        for system, s in then.items():
            for c in COLOURS:
                row = [r for r in rows if r["ICB code"] == CODES[system] and r["BRAG"] == c]
                check(len(row) == 1 and row[0][column] == s["totals"][c],
                      "%s: trend %s %s %s: %s, status %s" % (
                          what, system, column, c, row and row[0][column], s["totals"][c]))


def main():
    global CODES, FRAMEWORK_TITLES
    frameworks = json.loads(iact("frameworks", "--format", "json").stdout)
    FRAMEWORK_TITLES = {f["id"]: f["title"] for f in frameworks["frameworks"]}
    with tempfile.TemporaryDirectory() as tmp:
        plans = os.path.join(tmp, "plans")
        shutil.copytree(os.path.join(ROOT, "plans"), plans)
        shutil.copytree(os.path.join(ROOT, "tests", "data", "rollup", "fifth"),
                        os.path.join(plans, "fifth"))
        systems = sorted(os.listdir(plans))
        CODES = {}
        for system in systems:
            for name in os.listdir(os.path.join(plans, system)):
                with open(os.path.join(plans, system, name), encoding="utf-8") as f:
                    org = yaml.safe_load(f)["organisation"]
                if org.get("kind") == "icb":
                    CODES[system] = org["code"]
        check(len(CODES) == 5, "five ICBs: %s" % CODES)
        want = status(plans, AS_OF, PERIOD)

        # From the plans.
        out = os.path.join(tmp, "out")
        proc = iact("rollup", plans, "--period", PERIOD, "--as-of", AS_OF, "-o", out)
        files = proc.stdout.split()
        check(files == [os.path.join(out, "rollup-2026-01" + e) for e in (".xlsx", ".md", ".html")],
              "rollup wrote %s" % files)
        book = openpyxl.load_workbook(os.path.join(out, "rollup-2026-01.xlsx"))
        check(book.sheetnames == ["Summary", "Systems", "Framework items", "Trend"],
              "sheets %s" % book.sheetnames)
        check_against_status(book, want, "plans")
        check_items(book, want, "plans")
        check_trend(book, plans, "plans")
        ws = book["Systems"]
        check(ws.auto_filter.ref is not None and ws.freeze_panes == "D2",
              "systems sheet: filter %s, frozen at %s" % (ws.auto_filter.ref, ws.freeze_panes))
        red_rules = [r for rng in ws.conditional_formatting for r in rng.rules]
        check(len(red_rules) >= 3, "systems sheet: %d conditional formats" % len(red_rules))

        # From the returns, as NHS England receives them: the same numbers.
        returns = os.path.join(tmp, "returns")
        for system in systems:
            iact("return", os.path.join(plans, system), "--period", PERIOD, "--as-of", AS_OF,
                 "-o", returns)
        received = [os.path.join(returns, s, PERIOD, "return.xlsx") for s in systems]
        out2 = os.path.join(tmp, "out2")
        iact("rollup", *received, "-o", out2)
        from_returns = openpyxl.load_workbook(os.path.join(out2, "rollup-2026-01.xlsx"))
        check_against_status(from_returns, want, "returns")
        check_items(from_returns, want, "returns")
        check_trend(from_returns, plans, "returns")
        for name in ("Systems", "Framework items", "Trend"):
            a = [r for r in sheet_rows(book[name])]
            b = [r for r in sheet_rows(from_returns[name])]
            for r in a + b:
                r.pop("From", None)
            check(a == b, "%s sheet differs between plans and returns" % name)
        with open(os.path.join(out, "rollup-2026-01.md"), encoding="utf-8") as f:
            md_plans = f.read().splitlines()
        with open(os.path.join(out2, "rollup-2026-01.md"), encoding="utf-8") as f:
            md_returns = f.read().splitlines()
        check(md_plans[3:] == md_returns[3:], "Markdown differs between plans and returns")

        # Workbooks that are not returns, and a record version this iact does not know.
        newer = os.path.join(tmp, "newer.xlsx")
        wb = openpyxl.load_workbook(received[0])
        wb["iact"]["B1"] = 2
        wb.save(newer)
        forms = os.path.join(tmp, "forms")
        iact("collect", os.path.join(plans, "fifth"), "--as-of", AS_OF, "-o", forms)
        form = sorted(os.path.join(forms, f) for f in os.listdir(forms) if f.endswith(".xlsx"))[0]
        csv = os.path.join(tmp, "tracker.csv")
        with open(csv, "w") as f:
            f.write("ID,Action\n1,Something\n")
        proc = iact("rollup", *received[1:], newer, form, csv,
                    os.path.join(out, "rollup-2026-01.xlsx"), "-o", os.path.join(tmp, "out3"),
                    expect=1)
        err = proc.stderr
        check("newer.xlsx: skipped: its return record is version 2" in err and
              "this iact reads version 1" in err and "update iact" in err, "newer version: " + err)
        check(form + ": skipped: this is an owners' update form" in err, "form: " + err)
        check(csv + ": skipped: not a return: it is not an XLSX workbook" in err, "csv: " + err)
        check("rollup-2026-01.xlsx: skipped: not a return written by iact" in err, "rollup: " + err)
        check("4 workbooks left out of the roll-up" in err, "summary: " + err)
        partial = openpyxl.load_workbook(os.path.join(tmp, "out3", "rollup-2026-01.xlsx"))
        check(len(systems_by_code(partial)) == len(systems) - 1, "skipped returns were rolled up")

        # A damaged record names its row.
        damaged = os.path.join(tmp, "damaged.xlsx")
        wb = openpyxl.load_workbook(received[0])
        wb["iact"]["B10"] = "many"
        wb.save(damaged)
        proc = iact("rollup", damaged, "-o", os.path.join(tmp, "out4"), expect=2)
        check("damaged.xlsx: skipped: row 10 of its hidden 'iact' sheet is damaged: column B "
              "should hold a whole number" in proc.stderr, "damaged: " + proc.stderr)
        check("no returns to roll up" in proc.stderr, "nothing left: " + proc.stderr)

        # Two returns of one ICB: the later as-of date wins; two periods need --period.
        later = os.path.join(tmp, "later")
        iact("return", os.path.join(plans, "fifth"), "--period", PERIOD, "--as-of", "2026-02-10",
             "-o", later)
        later_file = os.path.join(later, "fifth", PERIOD, "return.xlsx")
        fifth_file = received[systems.index("fifth")]
        proc = iact("rollup", fifth_file, later_file, "-o", os.path.join(tmp, "out5"))
        check("note: " + fifth_file + ": skipped: QFV has a return as of a later day, 2026-02-10"
              in proc.stderr, "duplicate: " + proc.stderr)
        # The same return twice, by one name or two: given twice, not "a later day".
        for twice in ([fifth_file, fifth_file],
                      [fifth_file, os.path.join(returns, "fifth", "..", "fifth", PERIOD,
                                                "return.xlsx")]):
            proc = iact("rollup", received[0], *twice, "-o", os.path.join(tmp, "out5"))
            check("note: %s: skipped: given twice" % twice[1] in proc.stderr and
                  "later day" not in proc.stderr, "given twice: " + proc.stderr)
        copy = os.path.join(tmp, "copy.xlsx")
        shutil.copy(fifth_file, copy)
        proc = iact("rollup", fifth_file, copy, "-o", os.path.join(tmp, "out5"))
        check("note: %s: skipped: QFV's return as of %s is given twice (also as %s)" % (
            copy, AS_OF, fifth_file) in proc.stderr and "later day" not in proc.stderr,
              "a copy given too: " + proc.stderr)
        rows = systems_by_code(openpyxl.load_workbook(os.path.join(tmp, "out5",
                                                                   "rollup-2026-01.xlsx")))
        check(len(rows) == 1, "a return given twice is rolled up once: %s" % sorted(rows))
        june = os.path.join(tmp, "june")
        iact("return", os.path.join(plans, "fifth"), "--period", "2025-06", "--as-of", "2025-06-30",
             "-o", june)
        june_file = os.path.join(june, "fifth", "2025-06", "return.xlsx")
        proc = iact("rollup", received[0], june_file, "-o", os.path.join(tmp, "out6"), expect=2)
        check("more than one period" in proc.stderr and "2025-06: 1 return" in proc.stderr and
              "--period" in proc.stderr, "two periods: " + proc.stderr)
        # One inbox of every period's returns: the others are passed over with a note, exit 0.
        proc = iact("rollup", received[0], june_file, "--period", "2025-06", "-o",
                    os.path.join(tmp, "out7"))
        check("note: %s: skipped: it is the return for 2026-01, not 2025-06" % received[0]
              in proc.stderr and "left out" not in proc.stderr, "filter: " + proc.stderr)
        # ... but a damaged return among them still makes the exit 1.
        proc = iact("rollup", received[0], june_file, damaged, "--period", "2025-06", "-o",
                    os.path.join(tmp, "out7"), expect=1)
        check("1 workbook left out of the roll-up" in proc.stderr, "damaged: " + proc.stderr)
        iact("rollup", received[0], "--as-of", AS_OF, "-o", os.path.join(tmp, "x"), expect=2)

        # A folder of returns and no plans: the returns are named by a pattern.
        proc = iact("rollup", returns, "--period", PERIOD, "-o", os.path.join(tmp, "x"),
                    expect=2)
        check("%s holds no plans, but 5 return workbooks" % returns in proc.stderr and
              "iact rollup %s/*/*/return.xlsx" % returns in proc.stderr,
              "returns folder: " + proc.stderr)

        # A folder whose name the shell would split is quoted in the pattern, which works.
        spaced = os.path.join(tmp, "returns in 'June'")
        shutil.copytree(returns, spaced)
        proc = iact("rollup", spaced, "--period", PERIOD, "-o", os.path.join(tmp, "x"), expect=2)
        line = [l for l in proc.stderr.splitlines() if "iact rollup " in l]
        check(bool(line), "spaced returns folder: " + proc.stderr)
        if line:
            command = line[0].split("name them: ", 1)[1].replace("iact", IACT, 1)
            ran = subprocess.run(["bash", "-c", command + " --period %s -o %s" % (
                PERIOD, os.path.join(tmp, "spaced-out"))], capture_output=True, text=True)
            check(ran.returncode == 0, "the hint's command runs: %s %s" % (command, ran.stderr))

        # No period due at the as-of date: a roll-up as of that date, and a note that says so.
        out_late = os.path.join(tmp, "late")
        proc = iact("rollup", plans, "--as-of", "2026-11-30", "-o", out_late)
        check(proc.stdout.split()[0] == os.path.join(out_late, "rollup-2026-11-30.xlsx"),
              "late roll-up: " + proc.stdout)
        check("note: no reporting period is due on or after 30 November 2026" in proc.stderr and
              "so the roll-up is as of 30 November 2026, for no period" in proc.stderr,
              "no period note: " + proc.stderr)
        check("the roll-up is for no period, as of that date" in
              " ".join(iact("rollup", "--help").stdout.split()), "rollup --help on the period")

        # Which returns are in: four of the five.
        inbox = os.path.join(tmp, "inbox")
        for system in systems:
            if system == "fifth":
                continue
            shutil.copytree(os.path.join(returns, system), os.path.join(inbox, system))
        out8 = os.path.join(tmp, "out8")
        iact("rollup", plans, "--period", PERIOD, "--as-of", AS_OF, "--returns", inbox, "-o", out8)
        rows = systems_by_code(openpyxl.load_workbook(os.path.join(out8, "rollup-2026-01.xlsx")))
        for system in systems:
            got = rows[CODES[system]]["Return received"]
            check(got == ("No" if system == "fifth" else "Yes"),
                  "return received for %s: %s" % (system, got))
        with open(os.path.join(out8, "rollup-2026-01.md"), encoding="utf-8") as f:
            md = f.read()
        check("Returns received from 4 of 5; not yet from NHS Fifth Valley ICB\\." in md,
              "returns sentence: " + md[:600])

        # One region.
        out9 = os.path.join(tmp, "out9")
        iact("rollup", plans, "--period", PERIOD, "--as-of", AS_OF, "--region", "south west",
             "-o", out9)
        rows = systems_by_code(openpyxl.load_workbook(os.path.join(out9, "rollup-2026-01.xlsx")))
        check(sorted(rows) == sorted(CODES[s] for s in ("bnssg", "somerset")),
              "south west: %s" % sorted(rows))
        proc = iact("rollup", plans, "--period", PERIOD, "--as-of", AS_OF, "--region", "Wessex",
                    "-o", out9, expect=2)
        check("no system under" in proc.stderr and "Midlands" in proc.stderr,
              "unknown region: " + proc.stderr)

        # A system with errors is left out and named; the others are rolled up.
        with open(os.path.join(plans, "fifth", "trust.yaml"), "a", encoding="utf-8") as f:
            f.write("  - id: T-3\n    title: Broken\n    addresses: [nowhere]\n    lead: FVMH\n"
                    "    due: 2026-13-45\n    status: on-track\n")
        out10 = os.path.join(tmp, "out10")
        proc = iact("rollup", plans, "--period", PERIOD, "--as-of", AS_OF, "-o", out10, expect=1)
        check("left out for errors in their plans (shown above): fifth" in proc.stderr,
              "broken system: " + proc.stderr)
        rows = systems_by_code(openpyxl.load_workbook(os.path.join(out10, "rollup-2026-01.xlsx")))
        check(len(rows) == 4 and "QFV" not in rows, "broken system rolled up: %s" % sorted(rows))

        # The summaries carry the same numbers, and the HTML fetches nothing.
        with open(os.path.join(out, "rollup-2026-01.md"), encoding="utf-8") as f:
            md = f.read()
        total = sum(s["totals"]["total"] for s in want.values())
        red = sum(s["totals"]["Red"] for s in want.values())
        check(md.startswith("# Intensive and assertive community care: 2026\\-01 roll\\-up"),
              "markdown title: " + md[:80])
        check("%d actions across 5 systems" % total in md and "%d Red" % red in md,
              "markdown totals: " + md[:400])
        fifth = want["fifth"]["totals"]
        check("| NHS Fifth Valley ICB (QFV) | Midlands | %d | %d | %d | %d | %d | %d |" % (
            fifth["Blue"], fifth["Red"], fifth["Amber"], fifth["Green"], fifth["Grey"],
            fifth["total"]) in md, "markdown row of the fifth system")
        with open(os.path.join(out, "rollup-2026-01.html"), encoding="utf-8") as f:
            html = f.read()
        check("Content-Security-Policy" in html and "default-src 'none'" in html, "html: no CSP")
        check("http://" not in html.replace("http://www.w3.org/2000/svg", "") and
              "https://" not in html, "html refers to another host")
    finish("e2e.rollup")


main()
