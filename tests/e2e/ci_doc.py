"""docs/ci.md works as written: its shell steps (the ```sh ci-step PATH blocks) are taken
from the page and run against a copy of the sample plans, with the built iact on PATH and
GitHub's or GitLab's environment variables, checking their exit codes and the files they
make; and the GitHub and GitLab CI files on the page run exactly those steps and keep
exactly those files."""
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

steps, yamls = {}, []
for info, body in BLOCK.findall(DOC):
    words = info.split()
    if words[:2] == ["sh", "ci-step"]:
        steps[words[2]] = body
    elif words[:1] == ["yaml"]:
        yamls.append(yaml.safe_load(body))
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
artifact = uses("reports", "actions/upload-artifact")
check(artifact and artifact[0]["with"]["path"] == "reports/", f"GitHub keeps {artifact}")
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
