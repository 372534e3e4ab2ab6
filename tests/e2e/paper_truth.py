#!/usr/bin/python3
"""The board paper as a board secretary reads it: every sample system's paper, as of its
source meeting and for the 2026-01 period, checked for what it claims and how it is laid out.

Truth: narrative written for an earlier meeting carries its label; every abbreviation is in
the paper's glossary (found here independently of iact's own check); a date the plans give
as a month or quarter is never printed as a day; no recommendation promises a section the
paper lacks; no words of the tool's own; a source with no status is never "declared not
started"; no framework is cited before it was published.

Layout: page one of the PDF carries the recommendation and the level of assurance; the main
text runs to at most 12 pages (meeting view); each action id is printed at most three times
(body, appendix and one list) outside the coverage index; "No update recorded" at most once
per organisation; no heading ends in a code id; no word of the PDF is drawn over another;
no empty table heading in the HTML; no sentence repeated.

Usage: paper_truth.py IACT SOURCE_DIR
"""
import datetime
import html
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

from support import check, finish, load_system, run

IACT, SOURCE = sys.argv[1], sys.argv[2]

MEETINGS = {"somerset": "2024-11-28", "bnssg": "2025-05-01", "bob": "2025-06-30",
            "nenc": "2025-07-29"}
MAIN_PAGES = 12

# Words that are the tool talking, not a board paper.
TOOL_WORDS = ["as-of date", "as of date", "iact", "YAML", "plan key", "(the cover's",
              "no board meeting on or after", "board: entry", "written_for", "not-stated",
              "not-reported", "rule id", "rebuilt from", "declared on track", "declared at risk",
              "declared off track", "declared blocked", "declared not started"]
# A recommendation's promise, and the heading the paper must then have.
PROMISES = {"progress section": "Progress", "coverage section": "Coverage of the national",
            "risks section": "Risks and mitigations", "finance section": "Finance",
            "appendix a": "Appendix A", "appendix b": "Appendix B",
            "plans to recover": None}  # never: the paper shows no recovery plans as such


def pdf_pages(pdf):
    """The text of each page (pdftotext ends each with a form feed)."""
    return run(["pdftotext", "-layout", pdf, "-"]).stdout.split("\f")[:-1]


def word_boxes(pdf):
    out = run(["pdftotext", "-bbox", pdf, "-"]).stdout
    pages = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", out, re.S):
        pages.append([(float(m[1]), float(m[2]), float(m[3]), float(m[4]), html.unescape(m[5]))
                      for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" '
                                           r'xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page)])
    return pages


def overlapping_words(pdf, tolerance=0.5):
    """Pairs of words on one page whose boxes overlap: text drawn over other text."""
    found = []
    for number, words in enumerate(word_boxes(pdf), 1):
        words.sort(key=lambda w: w[1])
        for i, a in enumerate(words):
            for b in words[i + 1:]:
                if b[1] >= a[3] - tolerance:
                    break
                if (min(a[2], b[2]) - max(a[0], b[0]) > tolerance and
                        min(a[3], b[3]) - max(a[1], b[1]) > tolerance):
                    found.append((number, a[4], b[4]))
    return found


class Headers(html.parser.HTMLParser):
    """The text of every <th>, and the headings."""
    def __init__(self):
        super().__init__()
        self.th, self.headings, self._in = [], [], None

    def handle_starttag(self, tag, attrs):
        if tag in ("th", "h1", "h2", "h3"):
            self._in = tag
            (self.th if tag == "th" else self.headings).append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "th":
            self.th[-1] += data
        elif self._in:
            self.headings[-1] += data


def plain(markdown):
    """The paper's words as a reader sees them: Markdown escapes, attributes and markup out."""
    text = re.sub(r"\{[^}]*custom-style[^}]*\}", "", markdown)
    text = re.sub(r"```\{=openxml\}.*?```", "", text, flags=re.S)
    text = re.sub(r"\\(.)", r"\1", text)
    return text


def glossary_terms(markdown):
    start = markdown.find("# Glossary")
    if start < 0:
        return set()
    return {row.split("|")[1].strip() for row in markdown[start:].splitlines()
            if row.startswith("| ") and not row.startswith("| Term")}


def abbreviations(text):
    found = set()
    for m in re.finditer(r"(?<![\w-])([A-Z][A-Z&+]*[A-Z+])(s?)(?![\w-])", text):
        token = m.group(1).rstrip("&")
        if len(re.findall(r"[A-Z]", token)) >= 2:
            found.add(token)
    found.update(re.findall(r"(?<![\w-])([A-Z][a-z][A-Z])(?![\w-])", text))  # RiO, PhD
    return found


def timeline_days():
    """The days the national timeline gives as days (its milestones and periods)."""
    import yaml
    with open(os.path.join(SOURCE, "frameworks", "timeline.yaml"), encoding="utf-8") as f:
        timeline = yaml.safe_load(f)
    return {v for e in timeline.get("milestones", []) + timeline.get("periods", [])
            for v in (e.get("date"), e.get("due")) if isinstance(v, datetime.date)}


def month_dates(plans):
    """Days the plans give only as a month or a quarter, and the days they give as days."""
    months, days = set(), set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("date", "due", "completed", "baseline_due", "written_for", "closed",
                           "created", "added") and isinstance(value, (str, datetime.date)):
                    text = str(value)
                    if re.fullmatch(r"\d{4}-\d{2}", text) or re.fullmatch(r"Q\d \d{4}/\d{2}", text):
                        months.add(text)
                    elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                        days.add(datetime.date.fromisoformat(text))
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)
    for p in plans:
        walk(p)
    return months, days


def last_day(text):
    m = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if m:
        y, mo = int(m[1]), int(m[2])
    else:
        q, first = re.fullmatch(r"Q(\d) (\d{4})/\d{2}", text).groups()
        mo = {1: 6, 2: 9, 3: 12, 4: 3}[int(q)]
        y = int(first) + (1 if q == "4" else 0)
    nxt = datetime.date(y + (mo == 12), mo % 12 + 1, 1)
    return nxt - datetime.timedelta(days=1)


def day_forms(d):
    return ["%d %s %d" % (d.day, d.strftime("%b"), d.year),
            "%d %s %d" % (d.day, d.strftime("%B"), d.year)]


def check_truth(name, view, md, plans, paper_date, warnings):
    text = plain(md)
    flat = re.sub(r"\s+", " ", text)
    label = "%s (%s)" % (name, view)

    # 1. Narrative from an earlier date carries its label; narrative written for this paper
    #    carries none.
    for p in plans:
        narratives = p.get("narrative")
        if not narratives:
            continue
        if isinstance(narratives, dict):
            narratives = [narratives]
        shown = [n for n in narratives if "written_for" in n and
                 str(n["written_for"]) <= paper_date.isoformat()]
        newest = max(shown, key=lambda n: str(n["written_for"])) if shown else None
        if newest is None:
            continue
        written = str(newest["written_for"])
        current = written == paper_date.isoformat() or paper_date.isoformat().startswith(written)
        labelled = re.search(r"Written for the board (?:of|in) [^.]*?%s" % (
            datetime.date.fromisoformat(written).year if len(written) == 10 else written[:4]),
            flat) is not None
        check(labelled != current, "%s: %s's narrative, written for %s, is %s" % (
            label, p["organisation"]["short"] if "short" in p["organisation"] else "?", written,
            "labelled as old" if current else "shown with no label of its date"))
        if not current:
            check("nothing has been written since" in flat,
                  "%s: the summary does not say that no narrative was written since" % label)

    # 2. Every abbreviation used is in the paper's glossary (and iact said none is missing).
    defined = glossary_terms(text)
    body = text[:text.find("# Glossary")] if "# Glossary" in text else text
    ids = {a["id"] for p in plans for a in p.get("actions", [])} | \
          {r["id"] for p in plans for r in p.get("risks", [])}
    missing = sorted(t for t in abbreviations(body) - defined if t not in ids)
    check(not missing, "%s: abbreviations not in the glossary: %s" % (label, missing))
    check(not any("[undefined-abbreviation]" in w for w in warnings),
          "%s: iact warned of undefined abbreviations: %s" % (label, warnings))

    # 3. A date known to the month or quarter is never printed as a day.
    months, days = month_dates(plans)
    days |= timeline_days()
    for written in sorted(months):
        d = last_day(written)
        if d in days:
            continue  # the plans give that day as a day elsewhere
        for form in day_forms(d):
            check(form not in flat, "%s: %s (given as %s) is printed as the day %r" % (
                label, d, written, form))

    # 4. Recommendations promise only what the paper holds.
    start = text.find("The board is asked to:")
    asks = text[start:text.find("Key points", start)].lower()
    for phrase, heading in PROMISES.items():
        if phrase not in asks:
            continue
        check(heading is not None and re.search(r"(?m)^# %s" % re.escape(heading), text),
              "%s: a recommendation promises %r, which the paper lacks" % (label, phrase))

    # 5. No words of the tool's own.
    for words in TOOL_WORDS:
        check(words not in body, "%s: the tool talking: %r" % (label, words))

    # 6. No status the source did not give.
    unreported = [a for p in plans for a in p.get("actions", []) if a["status"] == "not-reported"]
    started = [a for p in plans for a in p.get("actions", []) if a["status"] == "not-started"]
    if unreported and not started:
        check("declared not started" not in flat and "reported as not started" not in flat,
              "%s: says 'not started' of actions with no status reported" % label)

    # 7. No framework cited before it was published.
    for fw in json.loads(run([IACT, "frameworks", "--format", "json"]).stdout)["frameworks"]:
        published = datetime.date.fromisoformat(fw["date"])
        if published > paper_date:
            check(fw["title"] not in body, "%s: cites %r, published %s after the paper" % (
                label, fw["title"], published))


def check_layout(name, view, out_dir, md, plans):
    label = "%s (%s)" % (name, view)
    pdf = os.path.join(out_dir, "board-paper.pdf")
    pages = pdf_pages(pdf)
    first = re.sub(r"\s+", " ", pages[0])
    check("The board is asked to:" in first and "Level of assurance offered" in first,
          "%s: page one lacks the recommendation or the assurance level" % label)
    appendix = next((i for i, p in enumerate(pages) if re.search(
        r"(?m)^\s*Appendix A: the full action plan", p)), None)
    check(appendix is not None, "%s: no Appendix A in the PDF" % label)
    if view == "meeting" and appendix is not None:
        check(appendix <= MAIN_PAGES, "%s: the main text runs to %d pages" % (label, appendix))

    # Action ids: at most three times each outside the coverage index (Appendix B), counting
    # once for each plan that uses the id, besides where the lead's own narrative names it.
    whole = "\n".join(pages)
    index = whole.find("Appendix B: the actions that address")
    counted = whole[:index] if index >= 0 else whole
    holders = {}
    for p in plans:
        for a in p.get("actions", []):
            holders[a["id"]] = holders.get(a["id"], 0) + 1
    narrative = json.dumps([p.get("narrative") for p in plans], default=str)
    for action_id, n in holders.items():
        pattern = r"(?<![\w-])%s(?![\w-])" % re.escape(action_id)
        times = len(re.findall(pattern, counted))
        allowed = 3 * n + len(re.findall(pattern, narrative))
        check(times <= allowed, "%s: %s is printed %d times" % (label, action_id, times))

    text = plain(md)
    check(text.count("No update recorded") <= len(plans),
          "%s: 'No update recorded' %d times" % (label, text.count("No update recorded")))
    codes = {a["id"] for p in plans for a in p.get("actions", [])}
    codes |= set(re.findall(r'"id": "([^"]+)"', run([IACT, "frameworks", "--format",
                                                       "json"]).stdout))
    for heading in re.findall(r"(?m)^#+ (.*)$", text):
        m = re.search(r"\(([^()]*)\)\s*$", heading)
        check(not (m and m.group(1) in codes), "%s: heading ends in a code: %r" % (label, heading))

    overlaps = overlapping_words(pdf)
    check(not overlaps, "%s: words drawn over each other: %s" % (label, overlaps[:5]))

    with open(os.path.join(out_dir, "board-paper.html"), encoding="utf-8") as f:
        page = f.read()
    headers = Headers()
    headers.feed(page)
    empty = [i for i, t in enumerate(headers.th) if not t.strip()]
    check(not empty, "%s: %d empty table headings in the HTML" % (label, len(empty)))
    for img in re.findall(r"<img[^>]*>", page):
        alt = re.search(r'alt="([^"]*)"', img)
        check(alt is not None and len(alt.group(1)) >= 20,
              "%s: a chart without a text alternative: %s" % (label, img[:120]))

    # No sentence said twice: a whole sentence of twelve words or more appears once, unless it
    # is an action's or a risk's title (the body, the appendix and one list). Clauses of eight
    # words or more appear at most twice (page one and the body may share a fact). The coverage
    # index (Appendix B), headings and the names of boards are not sentences.
    end = min(i for i in (text.find("# Appendix B"), text.find("# Glossary"), len(text)) if i >= 0)
    bodies = {m.get("body") for p in plans for m in p.get("board", [])}
    titles = {}
    for p in plans:
        for a in p.get("actions", []) + p.get("risks", []):
            if "title" in a:
                titles[a["title"]] = titles.get(a["title"], 0) + 1
    # A table cell listing framework items by name ("Continuity of care; Joint discharge
    # planning") is a list, not a sentence.
    items = set()
    for name in os.listdir(os.path.join(SOURCE, "frameworks")):
        with open(os.path.join(SOURCE, "frameworks", name), encoding="utf-8") as f:
            for item in (yaml.safe_load(f) or {}).get("items") or []:
                items.add(item["title"])

    def item_list(s):
        return all(part.strip() in items for part in s.split(";"))

    sentences, clauses = {}, {}
    lines = [line for line in text[:end].splitlines() if not line.startswith("#")]
    for block in "\n".join(lines).split("\n\n"):
        if block.lstrip().startswith("|"):
            continue  # a table: its cells may say the same for different rows
        for s in re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", block)):
            s = s.strip(" .*-")
            if len(s.split()) >= 12 and s not in bodies and not item_list(s):
                sentences[s] = sentences.get(s, 0) + 1
    for cell in re.split(r"\s*\|\s*|\n\n", "\n".join(lines)):
        cell = re.sub(r"\s+", " ", cell)
        for s in re.split(r"(?<=[.;:])\s+", cell):
            s = s.strip(" .;:*")
            if len(s.split()) >= 8 and s not in bodies and not item_list(s):
                clauses[s] = clauses.get(s, 0) + 1
    repeated = {s: n for s, n in sentences.items() if n > max(1, 3 * titles.get(s, 0))}
    repeated.update({s: n for s, n in clauses.items() if n > max(2, 3 * titles.get(s, 0))})
    check(not repeated, "%s: repeated text: %s" % (label, list(repeated.items())[:3]))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for name, meeting in MEETINGS.items():
            folder = os.path.join(SOURCE, "plans", name)
            plans = load_system(folder)
            for view, args in (("meeting", ["--as-of", meeting]),
                               ("period", ["--period", "2026-01"])):
                out = os.path.join(tmp, view)
                proc = run([IACT, "paper", folder, *args, "--to", "md,pdf,html", "-o", out])
                written = [line for line in proc.stdout.splitlines() if line.endswith(".md")]
                check(len(written) == 1, "%s (%s): one paper written: %s" % (name, view,
                                                                             proc.stdout))
                if not written:
                    continue
                with open(written[0], encoding="utf-8") as f:
                    md = f.read()
                warnings = [line for line in proc.stderr.splitlines() if ": warning:" in line]
                day = datetime.date.fromisoformat(meeting) if view == "meeting" \
                    else datetime.date(2026, 1, 31)
                check_truth(name, view, md, plans, day, warnings)
                check_layout(name, view, os.path.dirname(written[0]), md, plans)
    finish("paper truth and layout")


if __name__ == "__main__":
    main()
