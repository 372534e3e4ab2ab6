#!/usr/bin/env bash
# The pre-commit hook (.pre-commit-hooks.yaml), run by pre-commit itself: a plans repository
# with the three lines of the README in its .pre-commit-config.yaml cannot commit a plan with
# an error (the hook fails naming the file and line), and commits it once fixed. Only the
# changed plan is passed to iact, which checks it with the other plans of its folder. A README
# beside the plans is never passed, even with a `files:` that matches it; a local timeline is
# checked as a timeline; a .yml plan is checked like a .yaml one. pre-commit try-repo, with the
# hook's own defaults, checks the plans and not the CI files beside them; the README's rev is
# a commit that exists.
set -u
iact=$(realpath "$1")
root=$(realpath "$2")
command -v pre-commit >/dev/null || { echo "FAIL: no pre-commit; install it with scripts/setup.sh --tests"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME=$work/cache PATH="$(dirname "$iact"):$PATH" NO_COLOR=1
git() { command git -c user.name=iact -c user.email=iact@example.org -c init.defaultBranch=main "$@"; }
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# pre-commit clones a hook repository at a revision: this one's hooks file, committed.
mkdir "$work/hooks"
cp "$root/.pre-commit-hooks.yaml" "$work/hooks/"
git -C "$work/hooks" init -q && git -C "$work/hooks" add . && git -C "$work/hooks" commit -qm hooks
rev=$(git -C "$work/hooks" rev-parse HEAD)

repo=$work/plans-repo
mkdir -p "$repo/plans"
cp -r "$root/plans/somerset" "$repo/plans/"
# The hooks line exactly as the README gives it.
hooks=$(grep -m 1 "^    hooks: \[{ id: iact-validate" "$root/README.md")
[ -n "$hooks" ] || fail "the README has no hooks line"
# The README's rev is a commit of iact (no release is tagged yet) whose hooks file has the hook.
readme_rev=$(sed -n 's/^    rev: \([^ ]*\).*/\1/p' "$root/README.md" | head -n 1)
if ! command git -C "$root" cat-file -e "$readme_rev^{commit}" 2>/dev/null; then
  fail "the README's rev '$readme_rev' is not a commit of this repository"
elif ! command git -C "$root" show "$readme_rev:.pre-commit-hooks.yaml" 2>/dev/null | grep -q "^- id: iact-validate$"; then
  fail "the README's rev $readme_rev has no iact-validate hook"
fi
cat >"$repo/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $work/hooks
    rev: $rev
$hooks
EOF
cd "$repo" || exit 1
git init -q && git add . && git commit -qm "the Somerset plans"
pre-commit install >/dev/null || fail "pre-commit install"

# A date iact cannot read, in one plan.
plan=plans/somerset/somerset-ft.yaml
line=$(grep -n "    due: " "$plan" | head -n 1 | cut -d: -f1)
sed -i "${line}s/due: .*/due: 31.12.25/" "$plan"
git add "$plan"
out=$(git commit -m "a date iact cannot read" 2>&1)
rc=$?
[ $rc -ne 0 ] || fail "the commit of a plan with an error succeeded: $out"
grep -q "^iact validate\.*Failed$" <<<"$out" || fail "the hook did not fail: $out"
grep -q "^$plan:$line:[0-9]*: error: 'due': '31.12.25' is not a date .*\[invalid-date\]$" <<<"$out" ||
  fail "the hook's output does not name $plan:$line: $out"
[ "$(git rev-list --count HEAD)" = 1 ] || fail "a commit was made"

sed -i "${line}s/due: .*/due: 2025-12-31/" "$plan"
git add "$plan"
out=$(git commit -m "the date fixed" 2>&1)
[ $? -eq 0 ] || fail "the commit of the fixed plan failed: $out"
grep -q "^iact validate\.*Passed$" <<<"$out" || fail "the hook did not pass: $out"
[ "$(git rev-list --count HEAD)" = 2 ] || fail "the fixed plan was not committed"

# A commit that changes no plan does not run the hook.
echo "notes" >README.md
git add README.md
out=$(git commit -m "not a plan" 2>&1)
grep -q "^iact validate\.*(no files to check)Skipped$" <<<"$out" || fail "the hook ran without plans: $out"

# A README among the plans: not passed to iact, so the commit goes through.
echo "# Somerset's plans" >plans/somerset/README.md
git add plans/somerset/README.md
out=$(git commit -m "a README beside the plans" 2>&1)
[ $? -eq 0 ] || fail "the commit of plans/somerset/README.md failed: $out"
grep -q "^iact validate\.*(no files to check)Skipped$" <<<"$out" || fail "the README was checked: $out"
# ... nor with a files: pattern of the user's that matches it: the hook takes YAML only.
sed "s|iact-validate }|iact-validate, files: ^plans/ }|" .pre-commit-config.yaml >"$work/old-config.yaml"
grep -q "files: ^plans/" "$work/old-config.yaml" || fail "could not give the hook a files: pattern"
out=$(pre-commit run --config "$work/old-config.yaml" --files plans/somerset/README.md 2>&1)
grep -q "^iact validate\.*(no files to check)Skipped$" <<<"$out" ||
  fail "files: ^plans/ passes the README to iact: $out"

# A local timeline, as iact's hints suggest: checked as a timeline, its errors with their line.
timeline=plans/somerset/.iact-timeline.yaml
printf 'iact-timeline: 1\nperiods:\n  - { id: 2026-12, due: 2026-12-31, title: Board update }\n' >$timeline
git add $timeline
out=$(git commit -m "our next board update" 2>&1)
[ $? -eq 0 ] || fail "the commit of a good local timeline failed: $out"
grep -q "^iact validate\.*Passed$" <<<"$out" || fail "the hook did not pass the timeline: $out"
sed -i 's/id: 2026-12/id: December/' $timeline
out=$(pre-commit run --files $timeline 2>&1)
[ $? -ne 0 ] || fail "a broken local timeline passed: $out"
grep -q "^$timeline:3:[0-9]*: error: period id 'December' is not a month written YYYY-MM \[framework-invalid\]$" <<<"$out" ||
  fail "the hook's output does not name $timeline:3: $out"
git checkout -q $timeline

# A .yml plan with an error: the hook checks it.
git mv plans/somerset/somerset-ft.yaml plans/somerset/somerset-ft.yml
sed -i "${line}s/due: .*/due: 31.12.25/" plans/somerset/somerset-ft.yml
out=$(pre-commit run --files plans/somerset/somerset-ft.yml 2>&1)
grep -q "^plans/somerset/somerset-ft.yml:$line:[0-9]*: error: .*\[invalid-date\]$" <<<"$out" ||
  fail "the hook did not check a .yml plan: $out"

# pre-commit try-repo (the hook's own defaults, no files: of the user's) on a repository whose
# CI files are YAML beside the plans: only the plans are checked. Each CI file would fail as
# a plan, and a plan with an error fails, so the run passing means the CI files were left out.
tried=$work/tried
mkdir -p "$tried/plans" "$tried/.github/workflows"
cp -r "$root/plans/somerset" "$tried/plans/"
printf 'validate:\n  script: [sh ci/validate.sh]\n' >"$tried/.gitlab-ci.yml"
printf 'name: plans\non: [push]\njobs: {}\n' >"$tried/.github/workflows/plans.yml"
printf 'steps: [validate]\n' >"$tried/ci.yml"
printf 'repos: []\n' >"$tried/.pre-commit-config.yaml"
(cd "$tried" && git init -q && git add . && git commit -qm "plans and CI files")
out=$(cd "$tried" && pre-commit try-repo "$work/hooks" iact-validate --all-files --verbose 2>&1)
rc=$?
[ $rc -eq 0 ] && grep -q "^iact validate\.*Passed$" <<<"$out" ||
  fail "try-repo on plans beside CI files: exit $rc: $out"
grep -q "ci.yml\|plans.yml\|pre-commit-config" <<<"$out" && fail "try-repo checked a CI file: $out"
sed -i "${line}s/due: .*/due: 31.12.25/" "$tried/$plan"
out=$(cd "$tried" && pre-commit try-repo "$work/hooks" iact-validate --all-files 2>&1)
[ $? -ne 0 ] && grep -q "^$plan:$line:[0-9]*: error: .*\[invalid-date\]$" <<<"$out" ||
  fail "try-repo did not check the plans: $out"

[ $failures -eq 0 ] && echo "ok: the pre-commit hook refuses $plan:$line and passes it fixed; a README is not checked, a local timeline is checked as one, a .yml plan as a plan"
exit $((failures > 0))
