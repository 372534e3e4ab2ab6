#!/usr/bin/env bash
# `iact --version` names the commit the binary was built from. cmake/git_commit.cmake, run at
# every build, finds it: in a scratch repository it names HEAD, follows a new commit without
# any configure step, adds "-dirty" for changes to tracked files (not for untracked ones),
# says "unknown" outside a checkout (a tarball, even unpacked inside another repository), and
# leaves its header untouched when nothing changed, so nothing is compiled again. The binary
# under test names what the build folder's header says.
set -u
iact=$(realpath "$1")
build=$(realpath "$2")
root=$(realpath "$3")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git() { command git -c user.name=iact -c user.email=iact@example.org -c init.defaultBranch=main "$@"; }
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
header=$work/git_commit.h
commit_of() {  # commit_of SOURCE_DIR: what the script writes for it
  cmake -DSOURCE_DIR="$1" -DOUTPUT="$header" -P "$root/cmake/git_commit.cmake" ||
    fail "the script failed on $1"
  sed -n 's/^#define IACT_GIT_COMMIT "\(.*\)"$/\1/p' "$header"
}

repo=$work/repo
mkdir "$repo"
echo one >"$repo/plan.yaml"
git -C "$repo" init -q && git -C "$repo" add . && git -C "$repo" commit -qm one
head=$(git -C "$repo" rev-parse --short HEAD)
got=$(commit_of "$repo")
[ "$got" = "$head" ] || fail "a clean checkout: '$got', wanted '$head'"

touch -d 2000-01-01 "$header"
commit_of "$repo" >/dev/null
[ "$(stat -c %Y "$header")" = "$(date -d 2000-01-01 +%s)" ] ||
  fail "the header was written again though the commit is the same"

echo new >"$repo/notes.txt"
got=$(commit_of "$repo")
[ "$got" = "$head" ] || fail "an untracked file: '$got', wanted '$head'"

echo two >"$repo/plan.yaml"
got=$(commit_of "$repo")
[ "$got" = "$head-dirty" ] || fail "a changed tracked file: '$got', wanted '$head-dirty'"

git -C "$repo" commit -qam two
next=$(git -C "$repo" rev-parse --short HEAD)
got=$(commit_of "$repo")
[ "$got" = "$next" ] || fail "after a new commit: '$got', wanted '$next'"

mkdir "$work/tarball"
cp "$repo/plan.yaml" "$work/tarball/"
got=$(commit_of "$work/tarball")
[ "$got" = unknown ] || fail "outside git: '$got', wanted 'unknown'"
mkdir "$repo/vendor"
cp -r "$work/tarball" "$repo/vendor/iact"
got=$(commit_of "$repo/vendor/iact")
[ "$got" = unknown ] || fail "a tarball inside another repository: '$got', wanted 'unknown'"

# The binary says what its build wrote.
built=$(sed -n 's/^#define IACT_GIT_COMMIT "\(.*\)"$/\1/p' "$build/generated/git_commit.h")
version=$("$iact" --version)
[ -n "$built" ] && [[ "$version" == *" (commit $built)" ]] ||
  fail "iact --version says '$version'; the build's header says '$built'"

[ $failures -eq 0 ] && echo "ok: --version's commit follows HEAD and changes, and is 'unknown' outside git"
exit $((failures > 0))
