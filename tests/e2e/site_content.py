"""iact site over the four sample systems and a fifth: an index with every system's counts as
`iact status --format json` gives them, a page per system listing every action with its BRAG
(the counts again), a page per framework item, an accessibility statement linked from every
page, every link leading to a page that exists, every page's title naming the site, and
nothing that would fetch from another host; without its script a page shows every action."""
import html.parser
import json
import os
import re
import shutil
import sys
import tempfile

from support import check, finish, run

IACT = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
COLOURS = ["Blue", "Red", "Amber", "Green", "Grey"]
AS_OF = "2026-02-01"
SITE = "Intensive and assertive community care: action plans"  # iact site's default title


def iact(*args, expect=0):
    return run([IACT, *args], env=dict(os.environ, NO_COLOR="1"), expect=expect)


class Page(html.parser.HTMLParser):
    """The links, table rows (cell texts), action rows and resources of a page."""

    def __init__(self):
        super().__init__()
        self.links, self.sources, self.rows, self.actions = [], [], [], []
        self.row, self.cell, self.in_cell = None, "", False
        self.form_hidden = None
        self.hidden_rows = 0
        self.scripts_with_src = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        for key in ("src", "srcset", "data"):
            if key in a and tag != "tr":
                self.sources.append(a[key])
        if tag == "link":
            self.sources.append(a.get("href", ""))
        if tag == "script" and "src" in a:
            self.scripts_with_src += 1
        if tag == "form" and a.get("id") == "filters":
            self.form_hidden = "hidden" in a
        if tag == "tr":
            self.row = []
            if "data-brag" in a:
                self.actions.append(a["data-brag"])
            if "hidden" in a:
                self.hidden_rows += 1
        if tag in ("td", "th"):
            self.in_cell, self.cell = True, ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.row is not None:
            self.row.append(self.cell.strip())
            self.in_cell = False
        if tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.in_cell:
            self.cell += data


def parse(path):
    p = Page()
    with open(path, encoding="utf-8") as f:
        text = f.read()
    p.feed(text)
    p.text = text
    return p


def main():
    with tempfile.TemporaryDirectory() as tmp:
        plans = os.path.join(tmp, "plans")
        shutil.copytree(os.path.join(ROOT, "plans"), plans)
        shutil.copytree(os.path.join(ROOT, "tests", "data", "rollup", "fifth"),
                        os.path.join(plans, "fifth"))
        want = {s["system"]: s for s in json.loads(
            iact("status", plans, "--format", "json", "--as-of", AS_OF).stdout)}
        site = os.path.join(tmp, "site")
        proc = iact("site", plans, "--as-of", AS_OF, "-o", site)
        pages = sorted(os.path.relpath(os.path.join(d, f), site)
                       for d, _, files in os.walk(site) for f in files)
        items = {i["id"] for s in want.values() for f in s["frameworks"] for i in f["items"]}
        expected = (["index.html", "accessibility.html"] + ["systems/%s.html" % s for s in want] +
                    ["items/%s.html" % i for i in items])
        check(sorted(pages) == sorted(expected), "pages: %s" % sorted(set(pages) ^ set(expected)))
        check("Wrote %d pages" % len(expected) in proc.stdout, "summary: " + proc.stdout)

        index = parse(os.path.join(site, "index.html"))
        by_name = {r[0]: r for r in index.rows if r and r[0].startswith("NHS ")}
        for system, s in want.items():
            name = [n for n in by_name if system_name(plans, system) == n]
            check(len(name) == 1, "index: no row for %s" % system)
            if not name:
                continue
            row = by_name[name[0]]
            got = [int(x) for x in row[2:8]]
            check(got == [s["totals"][c] for c in COLOURS] + [s["totals"]["total"]],
                  "index: %s counts %s, status %s" % (system, got, s["totals"]))
            check(int(row[8]) == len(s["overdue"]), "index: %s overdue" % system)
            check("systems/%s.html" % system in index.links, "index: no link to %s" % system)

            page = parse(os.path.join(site, "systems", system + ".html"))
            check(len(page.actions) == s["totals"]["total"], "%s page: %d actions, status %d" % (
                system, len(page.actions), s["totals"]["total"]))
            for c in COLOURS:
                check(page.actions.count(c) == s["totals"][c], "%s page: %s %d, status %d" % (
                    system, c, page.actions.count(c), s["totals"][c]))
            # The filters appear only when the page's own script runs; every row shows without.
            check(page.form_hidden is True, "%s page: the filter form shows without script" % system)
            check(page.hidden_rows == 0, "%s page: rows hidden without script" % system)

        # An item page lists each system that answers to its framework.
        page = parse(os.path.join(site, "items", "out-of-area.html"))
        answering = [s for s in want.values() if any(
            i["id"] == "out-of-area" for f in s["frameworks"] for i in f["items"])]
        linked = [l for l in page.links if l.startswith("../systems/")]
        check(len(linked) == len(answering), "out-of-area: %d systems linked, %d answer" % (
            len(linked), len(answering)))
        check("T-1" in page.text and "No out-of-area placements" in page.text,
              "out-of-area: the fifth system's action is missing")

        # Every link leads to a page that exists; nothing is fetched from anywhere.
        for rel in pages:
            page = parse(os.path.join(site, rel))
            for link in page.links:
                if link.startswith("#"):
                    continue
                target = os.path.normpath(os.path.join(site, os.path.dirname(rel), link))
                check(os.path.isfile(target), "%s links to %s, which does not exist" % (rel, link))
            check(not page.sources and page.scripts_with_src == 0,
                  "%s loads %s" % (rel, page.sources))
            check(re.search(r"https?://(?!www\.w3\.org/2000/svg)", page.text) is None,
                  "%s names another host" % rel)
            check("default-src 'none'" in page.text, "%s has no Content-Security-Policy" % rel)
            check('<html lang="en-GB">' in page.text, "%s has no language" % rel)
            # The statement is a link away from every page; each title names the site.
            up = "../" if "/" in rel else ""
            check(up + "accessibility.html" in page.links, "%s does not link to the statement" % rel)
            title = re.search(r"<title>(.*?)</title>", page.text)[1]
            h1 = re.search(r"<h1>(.*?)</h1>", page.text)[1]
            check(title == (SITE if rel == "index.html" else f"{h1} – {SITE}"),
                  f"{rel}: the title is {title!r}, its heading {h1!r}")

        # The accessibility statement: how accessible, how to report a problem (to whom
        # --contact names), the enforcement procedure, how it was tested.
        statement = parse(os.path.join(site, "accessibility.html")).text
        for words in ("Web Content Accessibility Guidelines version 2.2 AA", "JavaScript turned off",
                      "Feedback and contact information", "contact the team that published these pages",
                      "Equality Advisory and Support Service", "How these pages were tested"):
            check(words in statement, f"the accessibility statement does not say {words!r}")
        iact("site", plans, "--as-of", AS_OF, "-o", site, "--contact", "access@example.nhs.uk")
        statement = parse(os.path.join(site, "accessibility.html")).text
        check('contact <a href="mailto:access@example.nhs.uk">access@example.nhs.uk</a>.' in statement,
              "the statement does not give --contact's address")

        # Plan text cannot make markup.
        with open(os.path.join(plans, "fifth", "icb.yaml"), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(plans, "fifth", "icb.yaml"), "w", encoding="utf-8") as f:
            f.write(text.replace("title: One shared care record across health and care",
                                 "title: \"<script>alert(1)</script> & <b>bold</b>\""))
        iact("site", plans, "--as-of", AS_OF, "-o", site)
        with open(os.path.join(site, "systems", "fifth.html"), encoding="utf-8") as f:
            fifth = f.read()
        check("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in fifth and
              "<script>alert" not in fifth, "plan text was not escaped")

        # Two systems whose pages would share a file: refused, naming both, nothing written.
        clash = os.path.join(tmp, "clash")
        for folder in ("a b", "a-b"):
            shutil.copytree(os.path.join(ROOT, "tests", "data", "rollup", "fifth"),
                            os.path.join(clash, folder))
        clash_site = os.path.join(tmp, "clash-site")
        proc = iact("site", clash, "--as-of", AS_OF, "-o", clash_site, expect=2)
        check("'a b'" in proc.stderr and "'a-b'" in proc.stderr and
              "systems/a-b.html" in proc.stderr,
              "a clash of page names does not name both systems and the page: " + proc.stderr)
        check(not os.path.exists(os.path.join(clash_site, "systems", "a-b.html")),
              "a page was written although two systems share its name")
    finish("e2e.site")


def system_name(plans, system):
    import yaml
    for name in sorted(os.listdir(os.path.join(plans, system))):
        with open(os.path.join(plans, system, name), encoding="utf-8") as f:
            org = yaml.safe_load(f)["organisation"]
        if org.get("kind") == "icb":
            return org["name"]
    return system


main()
