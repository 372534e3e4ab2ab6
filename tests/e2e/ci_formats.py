"""iact validate --format sarif|github|gitlab: the same diagnostics as the text output, in the
shapes GitHub code scanning, GitHub annotations and GitLab Code Quality read. Run on every bad
plan of tests/data/bad and on the sample plans, and on a plan whose file name and message hold
the characters GitHub's workflow commands must escape."""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

from support import check, finish

IACT = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
AS_OF = ["--as-of", "2025-07-15"]

# The text output's first line of each problem: file[:line:col]: severity: message [rule]
TEXT_LINE = re.compile(r"^(.+?)(?::(\d+):(\d+))?: (error|warning): (.*) \[([a-z0-9-]+)\]$")


def iact(args, cwd=ROOT):
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run([IACT, *args], capture_output=True, text=True, cwd=cwd, env=env)


def text_problems(target):
    """(file, line, column, severity, rule) of each problem in the text output, in order."""
    proc = iact(["validate", target, *AS_OF])
    out = []
    for line in proc.stderr.splitlines():
        m = TEXT_LINE.match(line)
        if m:
            out.append((m[1], int(m[2] or 0), int(m[3] or 0), m[4], m[6]))
    return proc.returncode, out


RULES = json.loads(iact(["rules", "--format", "json"]).stdout)
SEVERITY = {r["id"]: r["severity"] for r in RULES}
VERSION = re.match(r"iact (\S+)", iact(["--version"]).stdout)[1]
TARGETS = sorted(os.path.relpath(p, ROOT) for p in glob.glob(os.path.join(ROOT, "tests/data/bad/*.yaml")))
TARGETS.append("plans")

# --- SARIF ---
with_region = without_region = 0
for target in TARGETS:
    proc = iact(["validate", target, *AS_OF, "--format", "sarif"])
    rc, text = text_problems(target)
    check(proc.returncode == rc, f"{target}: sarif exited {proc.returncode}, text {rc}")
    log = json.loads(proc.stdout)
    check(log.get("version") == "2.1.0", f"{target}: version {log.get('version')}")
    check(log.get("$schema", "").endswith("/sarif-2.1.0.json"), f"{target}: $schema {log.get('$schema')}")
    check(len(log["runs"]) == 1, f"{target}: {len(log['runs'])} runs")
    driver = log["runs"][0]["tool"]["driver"]
    check(driver["name"] == "iact" and driver["version"] == VERSION,
          f"{target}: driver {driver['name']} {driver['version']}, iact --version says {VERSION}")
    check(driver["informationUri"] == "https://iact.invalid", f"{target}: informationUri")
    rule_ids = [r["id"] for r in driver["rules"]]
    check(rule_ids == [r["id"] for r in RULES], f"{target}: driver.rules is not the rule table")
    check(driver.get("semanticVersion") == VERSION, f"{target}: semanticVersion {driver.get('semanticVersion')}")
    run = log["runs"][0]
    check(run.get("originalUriBaseIds", {}).get("%SRCROOT%", {}).get("uri") == "file://" + ROOT + "/",
          f"{target}: %SRCROOT% is {run.get('originalUriBaseIds')}, not the folder iact ran in")
    check(run.get("columnKind") == "unicodeCodePoints", f"{target}: columnKind {run.get('columnKind')}")
    for r in driver["rules"]:
        check(r["defaultConfiguration"]["level"] == SEVERITY[r["id"]], f"{r['id']}: level")
        check(r["shortDescription"]["text"] and r["id"] in r["help"]["text"], f"{r['id']}: texts")
    sarif = []
    for res in log["runs"][0]["results"]:
        check(res["ruleId"] in rule_ids, f"{target}: ruleId {res['ruleId']} not in driver.rules")
        check(driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"],
              f"{target}: ruleIndex {res['ruleIndex']} is not {res['ruleId']}")
        check(res["level"] == SEVERITY[res["ruleId"]], f"{target}: {res['ruleId']} level {res['level']}")
        check(res["message"]["text"].strip() != "", f"{target}: empty message")
        place = res["locations"][0]["physicalLocation"]
        artifact = place["artifactLocation"]
        check(artifact.get("uriBaseId") == "%SRCROOT%" and not artifact["uri"].startswith("/"),
              f"{target}: {artifact} is not relative to %SRCROOT%")
        region = place.get("region", {})
        with_region += bool(region)
        without_region += not region
        sarif.append((urllib.parse.unquote(artifact["uri"]), region.get("startLine", 0),
                      region.get("startColumn", 0), res["level"], res["ruleId"]))
    check(sarif == text, f"{target}: SARIF results differ from the text output:\n  {sarif}\n  {text}")
    check(len(text) > 0, f"{target}: no problems found, so nothing was compared")
check(with_region > 0 and without_region > 0,
      f"the runs had {with_region} results with a region and {without_region} without one")

# Each rule's own documentation: a full description, help in text and Markdown (what it finds,
# why it matters, how to fix it, an example) that no other rule shares, and the address of its
# section of docs/rules.md, whose text is the help's Markdown.
log = json.loads(iact(["validate", "plans", *AS_OF, "--format", "sarif"]).stdout)
rules = log["runs"][0]["tool"]["driver"]["rules"]
DOC = open(os.path.join(ROOT, "docs", "rules.md")).read()
sections = dict(re.findall(r"^## ([a-z0-9-]+)\n\n(.*?)(?=^## |\Z)", DOC, re.M | re.S))
for name in ("text", "markdown"):
    helps = [r["help"].get(name, "") for r in rules]
    check(len(set(helps)) == len(rules), f"help.{name}: {len(set(helps))} different texts for {len(rules)} rules")
for r in rules:
    rid, text, markdown = r["id"], r["help"]["text"], r["help"].get("markdown", "")
    full = r.get("fullDescription", {}).get("text", "")
    check(len(full) > len(r["shortDescription"]["text"]) + 20 and full.startswith(r["shortDescription"]["text"][:-1]),
          f"{rid}: fullDescription {full!r} says no more than shortDescription")
    for words in ("Why it matters", "How to fix it", "Example"):
        check(words in text and words in markdown, f"{rid}: the help lacks '{words}'")
    check("```yaml\n" in markdown, f"{rid}: the Markdown help has no example block")
    check(r.get("helpUri") == f"https://iact.invalid/docs/rules.md#{rid}", f"{rid}: helpUri {r.get('helpUri')}")
    check((sections.get(rid) or "").strip() == markdown.strip(),
          f"{rid}: docs/rules.md's section is not the SARIF help:\n{sections.get(rid)!r}\n{markdown!r}")

# End positions: the region covers the YAML token the problem is about.
def region_text(result):
    place = result["locations"][0]["physicalLocation"]
    region = place["region"]
    path = os.path.join(ROOT, urllib.parse.unquote(place["artifactLocation"]["uri"]))
    line = open(path, encoding="utf-8").read().splitlines()[region["startLine"] - 1]
    return line[region["startColumn"] - 1:region["endColumn"] - 1]


ended = 0
for target in TARGETS:
    for res in json.loads(iact(["validate", target, *AS_OF, "--format", "sarif"]).stdout)["runs"][0]["results"]:
        region = res["locations"][0]["physicalLocation"].get("region", {})
        if "endColumn" not in region:
            continue
        ended += 1
        text = region_text(res)
        check(region["endLine"] == region["startLine"] and text.strip() == text and text
              and ": " not in text and " #" not in text,
              f"{target}: {res['ruleId']} region {region} covers {text!r}")
check(ended > 50, f"only {ended} results have an end position")
log = json.loads(iact(["validate", "tests/data/bad/dates.yaml", *AS_OF, "--format", "sarif"]).stdout)
dates = {region_text(r) for r in log["runs"][0]["results"] if r["ruleId"] == "invalid-date"}
check(dates == {"30.10.24", "2025-02-30", "Q2 2025/27", "end of July 2025"},
      f"the invalid dates' regions cover {dates}")

# A hint is in the message; a problem without one has no "(hint:".
log = json.loads(iact(["validate", "tests/data/bad/dates.yaml", *AS_OF, "--format", "sarif"]).stdout)
texts = [r["message"]["text"] for r in log["runs"][0]["results"]]
check("'due': '2025-02-30' does not exist: February 2025 has 28 days (hint: check the day of the month)"
      in texts, f"SARIF messages lack the hint: {texts}")


# --- GitHub workflow commands ---
def unescape(value):
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(code, char)
    return value


COMMAND = re.compile(r"^::(error|warning) (file=[^,]*(?:,line=\d+(?:,col=\d+)?)?,title=[^,:]+)::(.*)$")
for target in TARGETS:
    proc = iact(["validate", target, *AS_OF, "--format", "github"])
    expected = json.loads(iact(["validate", target, *AS_OF, "--format", "json"]).stdout)
    lines = proc.stdout.splitlines()
    check(len(lines) == len(expected), f"{target}: {len(lines)} annotations for {len(expected)} problems")
    check(re.search(r"^\d+ errors?, \d+ warnings? in \d+ files?$", proc.stderr, re.M),
          f"{target}: no summary line on stderr: {proc.stderr!r}")
    for line, d in zip(lines, expected):
        m = COMMAND.match(line)
        check(m, f"{target}: not a workflow command: {line}")
        if not m:
            continue
        props = dict(p.split("=", 1) for p in m[2].split(","))
        want = {"file": d["file"], "title": d["rule"]}
        if d["line"]:
            want["line"] = str(d["line"])
        if d["column"]:
            want["col"] = str(d["column"])
        check({k: unescape(v) for k, v in props.items()} == want, f"{target}: {props} for {d}")
        message = d["message"] + (f" (hint: {d['hint']})" if d["hint"] else "")
        check(m[1] == d["severity"] and unescape(m[3]) == message, f"{target}: {line} for {d}")

# A file name with , : and %, and a message with % and a line break.
tmp = tempfile.mkdtemp()
try:
    os.mkdir(os.path.join(tmp, "sys"))
    plan = os.path.join(tmp, "sys", "a,b:c%.yaml")
    shutil.copy(os.path.join(ROOT, "plans/nenc/cntw.yaml"), plan)
    with open(plan, "a") as f:
        f.write('"50%\\nx": 1\n')
    with open(plan) as f:
        line = len(f.read().splitlines())
    out = iact(["validate", "sys", *AS_OF, "--format", "github", "--quiet"], cwd=tmp).stdout
    want = (f"::error file=sys/a%2Cb%3Ac%25.yaml,line={line},col=1,title=unknown-key::"
            "unknown key '50%25%0Ax' in a plan (hint: a plan may have: ")
    check(out.startswith(want), f"GitHub escaping: got\n  {out}\nwanted it to start\n  {want}")
    check(out.count("\n") == 1, f"--quiet: only the error, one line: {out!r}")
finally:
    shutil.rmtree(tmp)

# --- GitLab Code Quality ---
for target in TARGETS:
    proc = iact(["validate", target, *AS_OF, "--format", "gitlab"])
    again = iact(["validate", target, *AS_OF, "--format", "gitlab"])
    check(proc.stdout == again.stdout, f"{target}: two runs differ")
    expected = json.loads(iact(["validate", target, *AS_OF, "--format", "json"]).stdout)
    issues = json.loads(proc.stdout)
    check(len(issues) == len(expected), f"{target}: {len(issues)} issues for {len(expected)} problems")
    for issue, d in zip(issues, expected):
        message = d["message"] + (f" (hint: {d['hint']})" if d["hint"] else "")
        check(issue["description"] == message, f"{target}: description {issue['description']}")
        check(issue["check_name"] == d["rule"], f"{target}: check_name {issue['check_name']}")
        check(issue["severity"] == {"error": "major", "warning": "minor"}[d["severity"]],
              f"{target}: severity {issue['severity']} for {d['severity']}")
        check(issue["location"] == {"path": d["file"], "lines": {"begin": max(1, d["line"])}},
              f"{target}: location {issue['location']} for {d}")
        check(re.fullmatch(r"[0-9a-f]{16}", issue["fingerprint"]), f"fingerprint {issue['fingerprint']}")
    check(len({i["fingerprint"] for i in issues}) == len(issues),
          f"{target}: two problems share a fingerprint")


# --- Fingerprints name the problem, not its line or the day ---
def fingerprinted(folder, as_of):
    """(file, line, rule, description, fingerprint) of each GitLab issue, and the SARIF
    results' partialFingerprints, which must be the same."""
    gitlab = json.loads(iact(["validate", "plans", "--as-of", as_of, "--format", "gitlab"],
                             cwd=folder).stdout)
    sarif = json.loads(iact(["validate", "plans", "--as-of", as_of, "--format", "sarif"],
                            cwd=folder).stdout)
    check([r["partialFingerprints"]["iactProblem/v1"] for r in sarif["runs"][0]["results"]] ==
          [i["fingerprint"] for i in gitlab], f"as of {as_of}: SARIF and GitLab fingerprints differ")
    return [(i["location"]["path"], i["location"]["lines"]["begin"], i["check_name"],
             i["description"], i["fingerprint"]) for i in gitlab]


tmp = tempfile.mkdtemp()
try:
    shutil.copytree(os.path.join(ROOT, "plans", "nenc"), os.path.join(tmp, "plans", "nenc"))
    before = fingerprinted(tmp, "2025-07-15")
    # A day later the same problems are found, some of them with the new day in the message.
    later = fingerprinted(tmp, "2025-07-16")
    check([b[:3] for b in before] == [l[:3] for l in later],
          "a day later the problems differ, so their fingerprints cannot be compared")
    check(any(b[3] != l[3] for b, l in zip(before, later)),
          "no message names the as-of date: the test would not notice a fingerprint that hashes it")
    kept = sum(b[4] == l[4] for b, l in zip(before, later))
    check(kept == len(before), f"a day later {kept} of {len(before)} fingerprints are kept")
    # A comment above the first problem of a plan moves every problem below it down a line.
    plan = before[0][0]
    path = os.path.join(tmp, plan)
    lines = open(path).read().splitlines(keepends=True)
    first = before[0][1]
    lines.insert(first - 1, "# a comment added above a problem\n")
    open(path, "w").write("".join(lines))
    moved = fingerprinted(tmp, "2025-07-15")
    check(len(moved) == len(before) and
          any(m[1] == b[1] + 1 for m, b in zip(moved, before) if m[0] == plan),
          f"the comment above {plan}:{first} did not move its problems down")
    kept = sum(b[4] == m[4] for b, m in zip(before, moved))
    check(kept == len(before), f"after a line added above them {kept} of {len(before)} fingerprints are kept")
finally:
    shutil.rmtree(tmp)

finish("CI formats")
