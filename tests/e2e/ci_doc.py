"""docs/ci.md works as written: its shell steps (the ```sh ci-step PATH blocks) are taken
from the page and run against a copy of the sample plans, with the built iact on PATH and
GitHub's or GitLab's environment variables, checking their exit codes and the files they
make; the GitHub and GitLab CI files on the page run exactly those steps and keep exactly
those files, keep the SARIF where code scanning is off, and cache the iact the install script
(```sh ci-file) builds from a commit that exists; and the local timeline it shows
(```yaml ci-file) gives the scheduled job a period after January 2026."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

from support import check, finish

IACT = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
DOC = open(os.path.join(ROOT, "docs", "ci.md")).read()
BLOCK = re.compile(r"^```([^\n]*)\n(.*?)^```$", re.M | re.S)

steps, files, yamls = {}, {}, []
for info, body in BLOCK.findall(DOC):
    words = info.split()
    if words[1:2] == ["ci-step"]:
        steps[words[2]] = body
    elif words[1:2] == ["ci-file"]:
        files[words[2]] = body
    elif words[:1] == ["yaml"]:
        yamls.append(yaml.safe_load(body))
check(sorted(files) == [".iact-timeline.yaml", "ci/install-iact.sh"], f"ci-file blocks: {sorted(files)}")
check(sorted(steps) == ["ci/reports.sh", "ci/validate.sh"], f"ci-step blocks: {sorted(steps)}")
check(len(yamls) == 2, f"{len(yamls)} YAML blocks, wanted GitHub's and GitLab's")
if len(yamls) != 2 or sorted(steps) != ["ci/reports.sh", "ci/validate.sh"]:
    finish("docs/ci.md")
github, gitlab = yamls

# --- The CI files call the steps and keep what they make ---
def github_runs(job):
    return [s["run"] for s in github["jobs"][job]["steps"] if "run" in s]


def uses(job, action):
    return [s for s in github["jobs"][job]["steps"] if s.get("uses", "").startswith(action)]


check(github_runs("validate") == ["sh ci/install-iact.sh", "sh ci/validate.sh"],
      f"GitHub validate runs {github_runs('validate')}")
check(github_runs("reports") == ["sh ci/install-iact.sh", "sh ci/reports.sh"],
      f"GitHub reports runs {github_runs('reports')}")
sarif = uses("validate", "github/codeql-action/upload-sarif")
check(sarif and sarif[0]["with"]["sarif_file"] == "iact.sarif", f"GitHub uploads {sarif}")
# Code scanning only where it is on (a public repository, or one that says so); the SARIF is
# kept as an artifact everywhere, so a private repository without it loses nothing.
condition = sarif[0].get("if", "") if sarif else ""
check("visibility == 'public'" in condition and "vars.IACT_CODE_SCANNING" in condition,
      f"GitHub uploads the SARIF to code scanning when: {condition!r}")
kept = [s for s in uses("validate", "actions/upload-artifact") if s["with"]["path"] == "iact.sarif"]
check(kept and kept[0].get("if") == "always()", f"GitHub does not keep iact.sarif as an artifact: {kept}")
artifact = uses("reports", "actions/upload-artifact")
check(artifact and artifact[0]["with"]["path"] == "reports/", f"GitHub keeps {artifact}")

# iact itself: built from IACT_REV by ci/install-iact.sh into .iact-cache/$IACT_REV, which both
# CIs cache by that commit, restored before the script runs.
install = files.get("ci/install-iact.sh", "")
check(subprocess.run(["sh", "-n"], input=install, text=True).returncode == 0, "ci/install-iact.sh does not parse")
check("cache=.iact-cache/$IACT_REV" in install and "cpack -G DEB" in install,
      "ci/install-iact.sh does not build the package into .iact-cache/$IACT_REV")
revs = {github.get("env", {}).get("IACT_REV"), gitlab.get("variables", {}).get("IACT_REV")}
check(len(revs) == 1, f"the two CIs build different commits of iact: {revs}")
rev = revs.pop()
for script in ("scripts/setup.sh", "scripts/build.sh", "cmake/distribution.cmake"):
    shown = subprocess.run(["git", "-C", ROOT, "cat-file", "-e", f"{rev}:{script}"], capture_output=True)
    check(shown.returncode == 0, f"IACT_REV {rev} is not a commit of iact with {script}")
for job in ("validate", "reports"):
    names = [s.get("uses", s.get("run", "")) for s in github["jobs"][job]["steps"]]
    cache = uses(job, "actions/cache")
    check(cache and cache[0]["with"]["path"] == ".iact-cache" and "env.IACT_REV" in cache[0]["with"]["key"]
          and names.index(cache[0]["uses"]) < names.index("sh ci/install-iact.sh"),
          f"GitHub {job}: iact is not cached by IACT_REV before it is installed: {cache}")
gitlab_cache = gitlab["default"].get("cache", {})
check(gitlab_cache.get("paths") == [".iact-cache/"] and "$IACT_REV" in gitlab_cache.get("key", ""),
      f"GitLab does not cache .iact-cache/ by IACT_REV: {gitlab_cache}")
on = github.get("on", github.get(True))  # YAML 1.1 reads the key `on` as true
check(on["push"]["tags"] == ["period-*"] and "schedule" in on, f"GitHub triggers: {on}")
check("refs/tags/period-" in github["jobs"]["reports"]["if"], "GitHub reports: not on period tags")
check(gitlab["default"]["before_script"] == ["sh ci/install-iact.sh"], "GitLab installs iact")
check(gitlab["validate"]["script"] == ["sh ci/validate.sh"], f"GitLab validate: {gitlab['validate']}")
check(gitlab["reports"]["script"] == ["sh ci/reports.sh"], f"GitLab reports: {gitlab['reports']}")
check(gitlab["validate"]["artifacts"]["reports"]["codequality"] == "gl-code-quality.json",
      "GitLab's Code Quality report is not the file ci/validate.sh writes")
check(gitlab["reports"]["artifacts"]["paths"] == ["reports/"], "GitLab keeps reports/")
check(any("period-" in r["if"] for r in gitlab["reports"]["rules"]), "GitLab: no period tag rule")


# --- The steps, run ---
def workspace(systems=None):
    """A plans repository: the sample plans (or some of their systems) and the steps."""
    folder = tempfile.mkdtemp()
    for name in systems or sorted(os.listdir(os.path.join(ROOT, "plans"))):
        source = os.path.join(ROOT, "plans", name)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(folder, "plans", name))
    os.mkdir(os.path.join(folder, "ci"))
    for path, body in steps.items():
        with open(os.path.join(folder, path), "w") as f:
            f.write(body)
    return folder


def step(folder, name, **ci):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GITHUB_", "GITLAB_", "CI_", "IACT_"))}
    env.update(ci, PATH=os.path.dirname(IACT) + os.pathsep + env["PATH"], NO_COLOR="1")
    return subprocess.Popen(["sh", f"ci/{name}.sh"], cwd=folder, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def made(folder, name):
    """The JSON file a step made, or None (a failed check) if it made none."""
    path = os.path.join(folder, name)
    check(os.path.exists(path), f"the step made no {name}")
    return json.load(open(path)) if os.path.exists(path) else None


def result(proc):
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, err


GITHUB = {"GITHUB_ACTIONS": "true", "CI": "true"}
GITLAB = {"GITLAB_CI": "true", "CI": "true"}
folders = []
try:
    # The reports first (pandoc takes seconds), side by side: a period tag, and a schedule with
    # a local period beyond the national timeline. GitLab's tag is read as GitHub's is: a tag
    # of a period the timeline lacks shows it reached --period without building anything.
    tagged_github, tagged_gitlab, scheduled = (workspace(["nenc"]) for _ in range(3))
    folders += [tagged_github, tagged_gitlab, scheduled]
    with open(os.path.join(scheduled, ".iact-timeline.yaml"), "w") as f:
        f.write("iact-timeline: 1\nperiods:\n  - { id: 2099-12, due: 2099-12-31, title: Far off }\n")
    running = [step(tagged_github, "reports", GITHUB_REF_TYPE="tag", GITHUB_REF_NAME="period-2026-01",
                    **GITHUB),
               step(scheduled, "reports", GITHUB_REF_TYPE="branch", GITHUB_REF_NAME="main", **GITHUB)]
    rc, out, err = result(step(tagged_gitlab, "reports", CI_COMMIT_TAG="period-2025-09", **GITLAB))
    check(rc == 2 and "no reporting period '2025-09'" in err and "the timeline has: 2025-06, 2026-01" in err,
          f"reports (GitLab) for the tag period-2025-09: exit {rc}\n{err}")

    # After January 2026 the national timeline has no period: the schedule fails without a
    # local timeline, and with the page's builds the next of its periods.
    lost, local = workspace(["nenc"]), workspace(["nenc"])
    folders += [lost, local]
    today = subprocess.run(["date", "+%F"], capture_output=True, text=True).stdout.strip()
    if today > "2026-01-31":
        rc, out, err = result(step(lost, "reports", GITHUB_REF_TYPE="branch", **GITHUB))
        check(rc == 2 and "no reporting period is due on or after" in err,
              f"the schedule without a local timeline, after January 2026: exit {rc}\n{err}")
    with open(os.path.join(local, ".iact-timeline.yaml"), "w") as f:
        f.write(files.get(".iact-timeline.yaml", ""))
    env = dict(os.environ, NO_COLOR="1")
    timeline = subprocess.run([IACT, "validate", ".iact-timeline.yaml"], cwd=local, env=env,
                              capture_output=True, text=True)
    check(timeline.returncode == 0, f"the page's local timeline: exit {timeline.returncode}\n{timeline.stderr}")
    periods = yaml.safe_load(files.get(".iact-timeline.yaml", "")) or {}
    first = min((p["id"] for p in periods.get("periods", [])), default="")
    check(first > "2026-01", f"the page's local timeline has no period after 2026-01: {first!r}")
    built = subprocess.run([IACT, "build", "plans", "--as-of", "2026-02-01", "--to", "md", "-o", "reports"],
                           cwd=local, env=env, capture_output=True, text=True)
    check(built.returncode == 0 and os.path.isdir(os.path.join(local, "reports", "nenc", first)),
          f"as of 2026-02-01, with the page's timeline, build did not write {first}: exit "
          f"{built.returncode}\n{built.stderr}")

    # Valid plans (warnings only): exit 0, and each CI's file.
    ok = workspace()
    folders.append(ok)
    rc, out, err = result(step(ok, "validate", **GITHUB))
    check(rc == 0, f"validate (GitHub), valid plans: exit {rc}\n{err}")
    check(out and all(re.match(r"::warning file=plans/", l) for l in out.splitlines()),
          f"validate (GitHub): not all warnings annotations:\n{out[:500]}")
    log = made(ok, "iact.sarif") or {"runs": [{}]}
    check(log.get("version") == "2.1.0" and log["runs"][0].get("results"), "iact.sarif is not SARIF with results")
    rc, out, err = result(step(ok, "validate", **GITLAB))
    check(rc == 0, f"validate (GitLab), valid plans: exit {rc}\n{err}")
    issues = made(ok, "gl-code-quality.json")
    check(issues and {i["severity"] for i in issues} == {"minor"}, "GitLab report of valid plans")
    check(re.search(r"^0 errors, \d+ warnings in 12 files$", err, re.M), f"GitLab log: {err}")

    # A plan with an error: exit 1, named at its line in each CI's form.
    bad = workspace()
    folders.append(bad)
    plan = os.path.join(bad, "plans", "nenc", "cntw.yaml")
    lines = open(plan).read().splitlines(keepends=True)
    n = next(i for i, l in enumerate(lines) if l.startswith("    due: "))
    lines[n] = "    due: 31.12.25\n"
    open(plan, "w").write("".join(lines))
    rc, out, err = result(step(bad, "validate", **GITHUB))
    check(rc == 1, f"validate (GitHub), a plan with an error: exit {rc}")
    check(re.search(rf"^::error file=plans/nenc/cntw\.yaml,line={n + 1},col=10,title=invalid-date::",
                    out, re.M), f"validate (GitHub) does not annotate line {n + 1}:\n{out[:800]}")
    rc, out, err = result(step(bad, "validate", **GITLAB))
    check(rc == 1, f"validate (GitLab), a plan with an error: exit {rc}")
    issues = made(bad, "gl-code-quality.json") or []
    check({"path": "plans/nenc/cntw.yaml", "lines": {"begin": n + 1}} in
          [i["location"] for i in issues if i["severity"] == "major"], "GitLab: the error's place")
    rc, out, err = result(step(bad, "validate"))
    check(rc == 1 and f"plans/nenc/cntw.yaml:{n + 1}:10: error:" in err,
          f"validate (elsewhere): exit {rc}\n{err[:500]}")

    # The reports.
    for folder, proc, period in zip([tagged_github, scheduled], running, ["2026-01", "2099-12"]):
        rc, out, err = result(proc)
        check(rc == 0, f"reports for {period}: exit {rc}\n{out}{err}")
        made = os.path.join(folder, "reports", "nenc", period)
        files = sorted(os.listdir(made)) if os.path.isdir(made) else []
        check([f for f in files if not f.startswith(".")] ==
              ["board-paper.docx", "board-paper.html", "board-paper.pdf", "return.xlsx"],
              f"reports for {period}: {files}")
        check(all(os.path.getsize(os.path.join(made, f)) > 0 for f in files), f"empty files in {made}")
    def as_of(folder, period):
        path = os.path.join(folder, "reports", "nenc", period, ".iact-as-of")
        return open(path).read().strip() if os.path.exists(path) else None

    today = subprocess.run(["date", "+%F"], capture_output=True, text=True).stdout.strip()
    check(as_of(tagged_github, "2026-01") == "2026-01-31",
          f"a period tag builds the plans as of its due date: {as_of(tagged_github, '2026-01')}")
    check(as_of(scheduled, "2099-12") == today,
          f"a schedule builds the next period as of today: {as_of(scheduled, '2099-12')}")
finally:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)

finish("docs/ci.md")
