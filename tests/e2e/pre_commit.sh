#!/usr/bin/env bash
# The pre-commit hook (.pre-commit-hooks.yaml), run by pre-commit itself: a plans repository
# with the three lines of the README in its .pre-commit-config.yaml cannot commit a plan with
# an error (the hook fails naming the file and line), and commits it once fixed. Only the
# changed plan is passed to iact, which checks it with the other plans of its folder.
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
cat >"$repo/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $work/hooks
    rev: $rev
    hooks: [{ id: iact-validate, files: ^plans/ }]
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

[ $failures -eq 0 ] && echo "ok: the pre-commit hook refuses $plan:$line and passes it fixed"
exit $((failures > 0))
