"""Hostile text and hostile workbooks, end to end: text from a tracker or the command line
cannot write YAML into a plan (a sheet name with line breaks, a name with every control
character); a merged range over a whole sheet is refused in bounded memory, by import and by
rollup, which leaves that one workbook out; a plan whose escapes decode to control characters,
noncharacters or bytes that are not UTF-8 is an invalid-text error at its line, and every
command that reads it still ends with 0, 1 or 2 and writes well-formed files."""
import glob
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import zipfile
import xml.dom.minidom

import yaml

from support import check, finish

IACT = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
SFT = ["--code", "RH5", "--short", "SFT", "--kind", "trust", "--icb", "QSL"]
MEMORY_LIMIT = 1 << 30  # 1 GiB of address space: a regression fails instead of eating the machine


# AddressSanitizer reserves terabytes of address space, so a sanitized build cannot run under
# an address-space limit: it is held to the same memory by ASan's own resident-size limit.
with open(IACT, "rb") as f:
    SANITIZED = b"__asan_init" in f.read()
ENV = dict(os.environ, NO_COLOR="1")
if SANITIZED:
    ENV["ASAN_OPTIONS"] = ":".join(filter(None, [os.environ.get("ASAN_OPTIONS", ""),
                                                 "hard_rss_limit_mb=%d" % (MEMORY_LIMIT >> 20)]))


def limit_memory():
    if not SANITIZED:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def iact(*args, cwd=None):
    return subprocess.run([IACT, *args], capture_output=True, cwd=cwd, preexec_fn=limit_memory,
                          env=ENV)


def text(b):
    return b.decode("utf-8", "replace")


def ended_cleanly(r, what):
    check(r.returncode in (0, 1, 2), "%s: exit %d (0, 1 or 2 expected): %s" % (
        what, r.returncode, text(r.stderr)[-600:]))
    check(b"terminate called" not in r.stderr and b"bad_alloc" not in r.stderr,
          "%s: an exception reached main: %s" % (what, text(r.stderr)[-600:]))


def workbook(path, sheet_xml, sheet_name="Tracker"):
    """A minimal XLSX: one sheet, cells written inline. `sheet_name` is raw XML attribute text."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="%s" '
                   'r:id="rId1"/></sheets></workbook>' % sheet_name)
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" '
                   'Target="worksheets/s.xml"/></Relationships>')
        z.writestr("xl/worksheets/s.xml", sheet_xml)


def cell(ref, value):
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, value)


def sheet(rows, merges=""):
    body = "".join('<row r="%d">%s</row>' % (n, "".join(cell(ref, v) for ref, v in cells))
                   for n, cells in rows)
    return "<worksheet><sheetData>%s</sheetData>%s</worksheet>" % (body, merges)


TRACKER_ROWS = [
    (1, [("A1", "Ref"), ("B1", "Action"), ("C1", "Theme"), ("D1", "Target date"),
         ("E1", "Status")]),
    (2, [("A2", "NEW-9"), ("B2", "Publish a carers' guide"), ("C2", "Families"),
         ("D2", "30/06/2026"), ("E2", "Not started")]),
]


# Item 3: a sheet name holding line breaks, copied into the provenance comment above a new
# action, must not give the action above it a completion (or anything else).
def sheet_name_into(work):
    system = os.path.join(work, "into")
    shutil.copytree(os.path.join(ROOT, "plans", "bob"), system)
    plan = os.path.join(system, "bhft.yaml")
    before = yaml.safe_load(open(plan, encoding="utf-8"))
    tracker = os.path.join(work, "update.xlsx")
    evil = "Q1&#10;    completed: 2025-01-01&#13;    evidence: [x]&#x2028;&#10;  #"
    workbook(tracker, sheet(TRACKER_ROWS), evil)
    r = iact("import", tracker, "--into", plan, "--date", "2026-04-02")
    check(r.returncode == 0, "--into with a hostile sheet name: exit %d %s" % (
        r.returncode, text(r.stderr)))
    written = open(plan, encoding="utf-8").read()
    try:
        after = yaml.safe_load(written)
    except yaml.YAMLError as e:
        check(False, "--into: the plan is not YAML: %s" % e)
        return
    old = {a["id"]: a for a in before["actions"]}
    new = {a["id"]: a for a in after["actions"]}
    check(sorted(new) == sorted(list(old) + ["NEW-9"]), "--into: actions %s" % sorted(new))
    for ident, action in old.items():
        check(new[ident] == action, "--into: %s changed: %s" % (ident, new[ident]))
    comment = [l for l in written.splitlines() if "update.xlsx" in l]
    check(len(comment) == 1 and comment[0].lstrip().startswith("# ") and
          "completed: 2025-01-01" in comment[0],
          "--into: the sheet name stays in one comment line: %s" % comment)
    r = iact("validate", system, "--as-of", "2026-04-02")
    check(r.returncode == 0, "--into: validate: %s" % text(r.stderr)[-600:])


# Item 3: `iact new --name` with every control character (a command line cannot hold NUL)
# and the Unicode line breaks: the plan holds the name as given, and no key of its own.
def new_name(work):
    clean = os.path.join(work, "clean.yaml")
    r = iact("new", *SFT, "--name", "Somerset NHS Foundation Trust", "-o", clean)
    check(r.returncode == 0, "new: %s" % text(r.stderr))
    want = yaml.safe_load(open(clean, encoding="utf-8"))
    chars = [chr(c) for c in range(1, 0x20)] + ["\x7f", "\x85", "\u2028", "\u2029", "\ufeff"]
    for c in chars:
        name = "Evil" + c + "sro: { role: Chief }" + c + "actions: []\n#"
        out = os.path.join(work, "new-%02x.yaml" % ord(c))
        r = subprocess.run([IACT, "new", *SFT, "--name", name, "-o", out], capture_output=True,
                           env=dict(os.environ, NO_COLOR="1"))
        ended_cleanly(r, "new --name U+%04X" % ord(c))
        if not os.path.exists(out):
            check(r.returncode == 1 and b"invalid-text" in r.stderr,
                  "new --name U+%04X: not written, and not said why: %s" % (ord(c), r.stderr))
            continue
        try:
            got = yaml.safe_load(open(out, encoding="utf-8"))
        except yaml.YAMLError as e:
            check(False, "new --name U+%04X: the plan is not YAML: %s" % (ord(c), e))
            continue
        check(sorted(got) == sorted(want) and sorted(got["organisation"]) ==
              sorted(want["organisation"]) and len(got["actions"]) == 1,
              "new --name U+%04X: keys %s" % (ord(c), sorted(got)))
        check(got["organisation"]["name"] == name, "new --name U+%04X: the name %r" % (
            ord(c), got["organisation"]["name"]))


# Item 4: <mergeCell ref="A1:XFD1048576"/> in a 2 KB workbook.
def merge_bomb(work):
    bomb = os.path.join(work, "merge-bomb.xlsx")
    workbook(bomb, sheet(TRACKER_ROWS, '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/>'
                         '</mergeCells>'))
    check(os.path.getsize(bomb) < 2048, "the merge bomb is small: %d" % os.path.getsize(bomb))
    r = iact("import", bomb, *SFT, "--name", "Somerset", "-o", os.path.join(work, "bomb.yaml"))
    ended_cleanly(r, "import of a merge bomb")
    check(r.returncode in (1, 2), "import of a merge bomb fails: %d" % r.returncode)
    # Ranges together past the cell limit, over cells that exist, are refused by name.
    wide = os.path.join(work, "merge-wide.xlsx")
    workbook(wide, sheet([(1, [("A1", "Ref")]), (2000, [("AMJ2000", "x")])],
                         '<mergeCells><mergeCell ref="A1:AMJ2000"/></mergeCells>'))
    r = iact("import", wide, *SFT, "--name", "Somerset", "-o", os.path.join(work, "wide.yaml"))
    ended_cleanly(r, "import of merged ranges past the cell limit")
    check(r.returncode == 2 and b"merged cells covering more than 2000000 cells" in r.stderr,
          "merged ranges past the limit are named: %s" % text(r.stderr))
    # In a roll-up the bomb is one damaged workbook, left out; the real return is rolled up.
    returns = os.path.join(work, "returns")
    r = iact("return", os.path.join(ROOT, "plans", "bob"), "--period", "2026-01", "--as-of",
             "2026-02-01", "-o", returns)
    check(r.returncode in (0, 1), "return: %s" % text(r.stderr))
    good = glob.glob(os.path.join(returns, "**", "return.xlsx"), recursive=True)
    check(len(good) == 1, "one return: %s" % good)
    # The bomb inside a real return: every sheet gets the whole-sheet merged range.
    bomb = os.path.join(work, "merge-bomb-return.xlsx")
    with zipfile.ZipFile(good[0]) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = data.replace(b"</worksheet>", b'<mergeCells count="1"><mergeCell '
                                    b'ref="A1:XFD1048576"/></mergeCells></worksheet>')
            z.writestr(item, data)
    out = os.path.join(work, "rollup")
    r = iact("rollup", *good, bomb, "-o", out)
    ended_cleanly(r, "rollup with a merge bomb")
    check(b"merge-bomb-return.xlsx: skipped" in r.stderr and b"1 workbook left out" in r.stderr,
          "rollup leaves the bomb out: %s" % text(r.stderr))
    check(len(glob.glob(os.path.join(out, "rollup-*.xlsx"))) == 1,
          "rollup still rolls up the good return: %s" % os.listdir(out) if os.path.isdir(out)
          else "no roll-up folder")


def escaped_plan(system):
    """The sample bob system with one plan's text made of hostile escapes."""
    plan = os.path.join(system, "bhft.yaml")
    src = open(plan, encoding="utf-8").read()
    replaced = src.replace(
        "    title: Oversee the programme through the Quality and Performance Executive Group and "
        "the Trust Board\n",
        '    title: "Oversee \\N the \\_ programme \\uFFFE with \\0 and \\e[2J\\e]52;c;aGk=\\a"\n'
        '    owner: "Director \\U0010FFFF of \\x9B31m \\uFDD0"\n', 1)
    assert replaced != src
    with open(plan, "w", encoding="utf-8") as f:
        f.write(replaced)
    return plan


def well_formed_xlsx(path, what):
    try:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.endswith(".xml") or name.endswith(".rels"):
                    xml.dom.minidom.parseString(z.read(name))
    except Exception as e:  # noqa: BLE001 - any failure is the finding
        check(False, "%s: %s is not well-formed: %s" % (what, path, e))


def json_or_nothing(r, what):
    """A command that refuses a plan with errors writes nothing; what it writes is JSON."""
    ended_cleanly(r, what)
    if not r.stdout.strip():
        check(r.returncode == 1 and b"invalid-text" in r.stderr,
              "%s: no output, and no invalid-text said: %s" % (what, text(r.stderr)[-600:]))
        return
    try:
        json.loads(r.stdout.decode("utf-8"))
    except ValueError as e:
        check(False, "%s is not JSON: %s %s" % (what, e, text(r.stderr)[-600:]))


def valid_utf8_without_controls(path, what):
    data = open(path, "rb").read()
    try:
        s = data.decode("utf-8")
    except UnicodeDecodeError as e:
        check(False, "%s: %s is not UTF-8: %s" % (what, path, e))
        return
    bad = [c for c in s if (ord(c) < 0x20 and c not in "\t\n\r") or 0x7f <= ord(c) <= 0x9f or
           ord(c) in (0xfffe, 0xffff)]
    check(not bad, "%s: %s holds %r" % (what, path, bad[:5]))


# Item 5: a plan whose escapes decode to text no output can carry.
def escaped_characters(work):
    system = os.path.join(work, "escaped")
    shutil.copytree(os.path.join(ROOT, "plans", "bob"), system)
    plan = escaped_plan(system)
    as_of = ["--as-of", "2026-02-01"]
    r = iact("validate", plan, *as_of)
    ended_cleanly(r, "validate")
    err = text(r.stderr)
    check(r.returncode == 1 and "bhft.yaml:202:12: error:" in err and "[invalid-text]" in err and
          "U+001B" not in err.split("202:12")[0], "validate names the line: %s" % err[-900:])
    check("bhft.yaml:203:12: error:" in err, "validate names the owner's line: %s" % err[-900:])
    json_or_nothing(iact("status", system, *as_of, "--format", "json"), "status --format json")
    r = iact("status", system, *as_of)
    ended_cleanly(r, "status")
    check(b"\x1b[2J" not in r.stdout and b"\x1b]52" not in r.stdout,
          "status prints no terminal escape from the plan")
    json_or_nothing(iact("paper", system, *as_of, "--dump-context"), "paper --dump-context")
    clean = os.path.join(work, "clean")
    shutil.copytree(os.path.join(ROOT, "plans", "bob"), clean)
    json_or_nothing(iact("diff", clean, system, "--format", "json"), "diff --format json")
    returns = os.path.join(work, "escaped-returns")
    r = iact("return", system, "--period", "2026-01", *as_of, "-o", returns)
    ended_cleanly(r, "return")
    for path in glob.glob(os.path.join(returns, "**", "*.xlsx"), recursive=True):
        well_formed_xlsx(path, "return")
    forms = os.path.join(work, "escaped-forms")
    r = iact("collect", system, *as_of, "-o", forms)
    ended_cleanly(r, "collect")
    for path in glob.glob(os.path.join(forms, "**", "*.xlsx"), recursive=True):
        well_formed_xlsx(path, "collect")
    site = os.path.join(work, "escaped-site")
    r = iact("site", system, *as_of, "-o", site)
    ended_cleanly(r, "site")
    for path in glob.glob(os.path.join(site, "**", "*.html"), recursive=True):
        valid_utf8_without_controls(path, "site")
    rollup = os.path.join(work, "escaped-rollup")
    r = iact("rollup", system, "--period", "2026-01", *as_of, "-o", rollup)
    ended_cleanly(r, "rollup")
    for path in glob.glob(os.path.join(rollup, "*.xlsx")):
        well_formed_xlsx(path, "rollup")


def main():
    with tempfile.TemporaryDirectory() as work:
        sheet_name_into(work)
        new_name(work)
        merge_bomb(work)
        escaped_characters(work)
    finish("hostile text")


main()
