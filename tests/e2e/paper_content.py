#!/usr/bin/python3
"""The board paper, end to end: its content read back through pandoc (DOCX -> plain text)
and checked against numbers this test computes itself from the plan files; escaping of
hostile plan text; agreement with `iact status`; byte-for-byte reproducibility; and clean
failure when pandoc is missing or fails.

Usage: paper_content.py IACT SOURCE_DIR
"""
import datetime
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile


from support import brag, check, finish, load_system, report_files, run

IACT, SOURCE = sys.argv[1], sys.argv[2]



def paper_text(docx):
    return subprocess.run(["pandoc", docx, "-t", "plain", "--wrap=none", "--columns=1000"],
                          capture_output=True, text=True, check=True).stdout


class TextOf(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.parts.append(data)


# ---- The sample systems, each as of its board meeting ----

SAMPLES = {"somerset": "2024-11-28", "bnssg": "2025-05-01", "bob": "2025-06-30",
           "nenc": "2025-07-29"}


def check_system(folder, as_of, out, hostile=False):
    name = os.path.basename(folder)
    day = datetime.date.fromisoformat(as_of)
    plans = load_system(folder)
    actions = [a for p in plans for a in p.get("actions", [])]
    counts = {c: 0 for c in ("Blue", "Red", "Amber", "Green", "Grey")}
    for a in actions:
        counts[brag(a, day)] += 1

    written = run([IACT, "paper", folder, "--as-of", as_of, "--to", "docx,html,md", "-o", out])
    docx = [line for line in written.stdout.splitlines() if line.endswith(".docx")]
    check(len(docx) == 1, "%s: one DOCX written, got %s" % (name, written.stdout))
    warnings = [line for line in written.stderr.splitlines() if ": warning:" in line
                and not (hostile and "[undefined-abbreviation]" in line)]
    check(not warnings, "%s: warnings from the paper: %s" % (name, warnings))
    text = paper_text(docx[0])
    with open(docx[0][:-len("docx")] + "md", encoding="utf-8") as f:
        check_tables(name, f.read())

    for a in actions:
        check(re.search(r"(?m)^\s*%s\s" % re.escape(a["id"]), text) is not None,
              "%s: action %s is not in the paper" % (name, a["id"]))
    # Nought is written "none" (or "no Amber"), never 0.
    m = re.search(r"holds? (\d+) actions? as of [^:]+: (\d+|none) complete, (\d+|none) on "
                  r"track, (\d+|no) Amber(?: \([^)]*\))? and (\d+|none) off track or overdue"
                  r"(?:; ([^.]*?) (?:is|are) not due soon)?", re.sub(r"\s+", " ", text))
    check(m is not None, "%s: the summary sentence with the counts is missing" % name)
    if m:
        # Grey: "3 not yet started and 24 with no status reported are not due soon".
        grey = sum(int(n) for n in re.findall(r"\d+", m.group(6) or ""))
        got = [int(g) if g and g.isdigit() else 0 for g in m.groups()[:5]] + [grey]
        want = [len(actions), counts["Blue"], counts["Green"], counts["Amber"], counts["Red"],
                counts["Grey"]]
        check(got == want, "%s: summary counts %s, computed %s" % (name, got, want))

    status = json.loads(run([IACT, "status", folder, "--as-of", as_of, "--format",
                             "json"]).stdout)[0]
    check(status["totals"]["total"] == len(actions), "%s: status total" % name)
    for colour, n in counts.items():
        check(status["totals"][colour] == n,
              "%s: status says %d %s, computed %d" % (name, status["totals"][colour], colour, n))

    catalogue = json.loads(run([IACT, "frameworks", "--format", "json"]).stdout)
    cited = {f for p in plans for f in (p["frameworks"] if isinstance(p["frameworks"], list)
                                        else [p["frameworks"]])}
    flat = re.sub(r"\s+", " ", text)
    for fw in status["frameworks"]:
        check(fw["id"] in cited, "%s: framework %s not cited by any plan" % (name, fw["id"]))
        for item in fw["items"]:
            check(item["title"] in text, "%s: item %s is not in the paper" % (name, item["id"]))
            # A gap is marked on its row of the coverage table, by the item's name.
            check(("%s (gap)" % item["title"] in flat) == bool(item["gap"]),
                  "%s: item %s is %smarked as a gap" % (name, item["id"],
                                                        "not " if item["gap"] else ""))
    check(len(catalogue) > 0, "frameworks listed")

    # Every cost marked not funded is named, by its action, in the finance section.
    flat = re.sub(r"\s+", " ", text)
    unfunded = [a["id"] for a in actions
                if isinstance(a.get("cost"), dict) and a["cost"].get("funded") is False]
    said = re.search(r"\d+ actions? (?:is|are) marked not funded, as the appendix's cost column "
                     r"shows: ([^\n]*?)\.(?: |$)", flat)
    check(bool(unfunded) == bool(said), "%s: unfunded %s, the paper says %s"
          % (name, unfunded, said and said.group(0)))
    titles = {a["id"]: a["title"] for a in actions}
    for a in unfunded:
        title = titles[a][0].lower() + titles[a][1:]
        check(said is not None and title in said.group(1),
              "%s: unfunded %s is not named" % (name, a))
    return text


def table_rows(markdown):
    """Each pipe table of `markdown` as (header, rows), every row a list of cell texts."""
    tables, block = [], []
    for line in markdown.splitlines() + [""]:
        if line.startswith("|"):
            block.append([c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]])
        elif block:
            if len(block) > 2:
                tables.append((block[0], block[2:]))
            block = []
    return tables


def check_tables(name, markdown):
    """No column is empty on every row of its table; nought is one dash in every table; no
    row is cut off from its table (a blank line ends a Markdown table)."""
    lines = markdown.split("\n")
    for n, line in enumerate(lines):
        if line.startswith("|") and (n == 0 or not lines[n - 1].startswith("|")):
            following = lines[n + 1] if n + 1 < len(lines) else ""
            check(re.match(r"^\|\s*:?-", following) is not None,
                  "%s: line %d, a table row with no table: %s" % (name, n + 1, line[:80]))
    for header, rows in table_rows(markdown):
        for i, title in enumerate(header):
            cells = [r[i].strip("*").strip() if i < len(r) else "" for r in rows]
            check(any(cells), "%s: the column %r of the table headed %s is empty on every row"
                  % (name, title, header))
            for cell in cells:
                check(cell not in ("0", "-", "\\-", "None", "£0"),
                      "%s: %r in the column %r of the table headed %s: nought is a dash (\u2013)"
                      % (name, cell, title, header))


def money(cell):
    cell = cell.strip("*").strip()
    return 0 if cell in ("\u2013", "") else int(cell.replace("\u00a3", "").replace(",", ""))


def check_finance_reconciles(name, md_file):
    with open(md_file, encoding="utf-8") as f:
        tables = table_rows(f.read())
    finance = [rows for header, rows in tables if header[:2] == ["Organisation", "One-off"]]
    check(len(finance) == 1, "%s: one finance table, found %d" % (name, len(finance)))
    if not finance:
        return
    rows = finance[0]
    system = rows[-1]
    check(system[0] == "**System**", "%s: the finance table's last row is %s" % (name, system))
    for col in (1, 2, 3):
        check(sum(money(r[col]) for r in rows[:-1]) == money(system[col]),
              "%s: finance column %d does not add up: %s" % (name, col, rows))


def check_hostile(out):
    folder = os.path.join(SOURCE, "tests/data/paper/hostile")
    text = check_system(folder, "2025-07-31", out, hostile=True)
    # An abbreviation nothing defines is a warning at its first use in the plans.
    proc = run([IACT, "paper", folder, "--as-of", "2025-07-31", "--to", "md", "-o",
                os.path.join(out, "again")])
    check("icb.yaml:61:14: warning: the hostile paper uses 'SUM', which its glossary does not "
          "define [undefined-abbreviation]" in proc.stderr,
          "hostile: no warning of the undefined SUM: %s" % proc.stderr)
    plan = load_system(folder)[0]
    lines = text.splitlines()
    for a in plan["actions"]:
        check(any(a["id"] in line and a["title"] in line for line in lines),
              "hostile: %s's title does not read literally on its row: %r" % (a["id"], a["title"]))
    risk = plan["risks"][0]
    check(any(risk["title"] in line and "Two | three" in line for line in lines),
          "hostile: the risk row is broken")

    html_file = os.path.join(out, "hostile", "2026-01", "board-paper.html")
    with open(html_file, encoding="utf-8") as f:
        page = f.read()
    parser = TextOf()
    parser.feed(page)
    seen = re.sub(r"\s+", " ", "".join(parser.parts))  # HTML wraps long lines
    for a in plan["actions"]:
        check(re.sub(r"\s+", " ", a["title"]) in seen, "hostile HTML: %r does not read literally" % a["title"])
    check("script" not in parser.tags and "<b>tags" not in page and "<i>more" not in page,
          "hostile HTML: markup from the plan became HTML")


def check_reproducible(out):
    folder = os.path.join(SOURCE, "tests/data/paper/hostile")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1753920000")
    first, second = os.path.join(out, "one"), os.path.join(out, "two")
    for target in (first, second):
        run([IACT, "paper", folder, "--as-of", "2025-07-31", "--to", "docx,html,pdf,md",
             "-o", target], env=env)
    for ext in ("docx", "html", "pdf", "md"):
        a = os.path.join(first, "hostile", "2026-01", "board-paper." + ext)
        b = os.path.join(second, "hostile", "2026-01", "board-paper." + ext)
        with open(a, "rb") as fa, open(b, "rb") as fb:
            check(fa.read() == fb.read(), "reproducible: %s differs between two runs" % ext)
    leftovers = [n for n in report_files(os.path.join(first, "hostile", "2026-01"))
                 if n.startswith(".")]
    check(not leftovers, "work files left behind: %s" % leftovers)


def check_pandoc_failures(out):
    folder = os.path.join(SOURCE, "tests/data/paper/hostile")
    target = os.path.join(out, "hostile", "2026-01")
    # Missing: a clear error before any work, exit 2, nothing written.
    env = dict(os.environ, PATH="/nonexistent")
    proc = run([IACT, "paper", folder, "--as-of", "2025-07-31", "-o", out], env=env, expect=2)
    check("pandoc is not installed" in proc.stderr, "missing pandoc: %s" % proc.stderr)
    check(not os.path.exists(target), "missing pandoc: files were written")
    # Failing: exit 2, the error shown, no partial file, and an older paper removed so it
    # cannot pass for this run's.
    fake = os.path.join(out, "bin")
    os.makedirs(fake)
    with open(os.path.join(fake, "pandoc"), "w") as f:
        f.write("#!/bin/sh\necho 'pandoc: out of cheese' >&2\nexit 3\n")
    os.chmod(os.path.join(fake, "pandoc"), 0o755)
    os.makedirs(target)
    stale = os.path.join(target, "board-paper.docx")
    with open(stale, "w") as f:
        f.write("old paper")
    env = dict(os.environ, PATH=fake + ":" + os.environ["PATH"])
    proc = run([IACT, "paper", folder, "--as-of", "2025-07-31", "--to", "docx", "-o", out],
               env=env, expect=2)
    check("out of cheese" in proc.stderr and "exit 3" in proc.stderr,
          "failing pandoc: its error is not shown: %s" % proc.stderr)
    check(report_files(target) == [], "failing pandoc: left %s" % report_files(target))


def check_dump_context(out):
    folder = os.path.join(SOURCE, "plans/nenc")
    context = json.loads(run([IACT, "paper", folder, "--as-of", "2025-07-29",
                              "--dump-context"]).stdout)
    check(context["meeting"]["date"] == "29 July 2025", "dump: meeting %s" % context["meeting"])
    check(context["totals"]["total"] == sum(len(p.get("actions", []))
                                            for p in load_system(folder)), "dump: totals")
    terms = [g["term"] for g in context["glossary"]]
    check("ICB" in terms and "TEWV" in terms, "dump: glossary terms %s" % terms)
    check(os.listdir(out) == [], "dump-context wrote files")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        texts = {}
        for name, as_of in SAMPLES.items():
            texts[name] = check_system(os.path.join(SOURCE, "plans", name), as_of,
                                       os.path.join(tmp, "samples"))
        # Somerset, November 2024: the finance table's rows, one per organisation, add up to
        # its system row, whatever frameworks the actions address.
        check_finance_reconciles("somerset", os.path.join(tmp, "samples", "somerset",
                                                          "2024-11-28", "board-paper.md"))
        check_hostile(os.path.join(tmp, "hostile"))
        check_reproducible(os.path.join(tmp, "repro"))
        check_pandoc_failures(os.path.join(tmp, "failing"))
        os.makedirs(os.path.join(tmp, "dump"))
        os.chdir(os.path.join(tmp, "dump"))
        check_dump_context(os.path.join(tmp, "dump"))
    finish("paper content")


if __name__ == "__main__":
    main()
