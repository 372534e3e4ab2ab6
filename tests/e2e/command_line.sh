#!/usr/bin/env bash
# The command line itself: exit codes, usage errors, help, and the listing commands.
set -u
iact=$(realpath "$1")
failures=0
check() {  # check DESCRIPTION EXPECTED_EXIT PATTERN -- ARGS...
  local what=$1 want=$2 pattern=$3
  shift 4
  local out rc
  out=$(NO_COLOR=1 "$iact" "$@" 2>&1); rc=$?
  if [ $rc -ne "$want" ] || ! grep -qE -- "$pattern" <<<"$out"; then
    echo "FAIL: $what: iact $* exited $rc (wanted $want), output lacks /$pattern/:"
    printf '%s\n' "$out" | head -n 6
    failures=$((failures + 1))
  else
    echo "ok: $what"
  fi
}
check "a missing path is a usage error" 2 "no-such-plan.yaml: no such file or folder" -- validate no-such-plan.yaml
check "a bad --as-of is a usage error" 2 "not a date; write it as YYYY-MM-DD" -- validate plans --as-of 31/07/2025
check "an unknown format is a usage error" 2 "format" -- validate plans --format xml
check "no command prints usage" 2 "validate" --
check "an unknown command suggests the nearest" 2 "^iact: 'validat' is not a command; did you mean 'validate'\?$" -- validat plans
check "... after a global option and its value" 2 "^iact: 'statu' is not a command; did you mean 'status'\?$" -- --frameworks frameworks statu plans/nenc
check "a word that is not close to a command lists them" 2 "^iact: 'plans' is not a command; the commands are validate, status, " -- plans
check "--max-diagnostics below 0 is refused" 2 "^--max-diagnostics: -3 is less than 0; give a number of problems, or 0 for all$" -- validate plans --max-diagnostics -3
check "--max-diagnostics 0 shows all" 0 "errors?, [0-9]+ warnings" -- validate plans --max-diagnostics 0
check "--color takes auto, always or never" 2 "sometimes not in \{auto,always,never\}" -- --color sometimes status plans/nenc
check "help names the commands" 0 "validate.*rules.*frameworks|frameworks" -- --help
check "version" 0 "^iact [0-9]+\.[0-9]+\.[0-9]+" -- --version
check "version names the commit" 0 "^iact [0-9]+\.[0-9]+\.[0-9]+ \(commit ([0-9a-f]{7,}(-dirty)?|unknown)\)$" -- --version
commit=$("$iact" --version | sed -n 's/.*(commit \([0-9a-f]*\)\(-dirty\)\{0,1\})$/\1/p')
if [ -e .git ] && { [ -z "$commit" ] || ! git cat-file -e "$commit^{commit}" 2>/dev/null; }; then
  echo "FAIL: iact --version names '$commit', not a commit of this repository"
  failures=$((failures + 1))
fi
check "a missing frameworks folder" 2 "cannot find the frameworks folder" -- --frameworks /nonexistent validate plans
check "rules lists every rule id" 0 "unknown-item +error" -- rules
check "rules as markdown" 0 "^\| \`coverage-gap\` \| warning \|" -- rules --format markdown
check "frameworks lists item ids" 0 "care-treatment.care-plan-review" -- frameworks
check "frameworks lists periods" 0 "2026-01 +due 2026-01-31" -- frameworks
check "the samples pass" 0 "^0 errors, [0-9]+ warnings in 1[0-9] files$" -- validate plans --as-of 2025-07-31
check "strict turns warnings into exit 1" 1 "warnings" -- validate plans --as-of 2025-07-31 --strict
check "a single file is checked with its folder's plans" 0 "^0 errors" -- validate plans/somerset/somerset-icb.yaml --as-of 2025-07-31
check "a folder with no plans says so" 0 "no \*\.yaml or \*\.yml plans found" -- validate tests/e2e
check "validate's help says folders are searched for .yml too" 0 "searched for \*\.yaml and \*\.yml" -- validate --help
# What a hook passes: a .yml plan, a README beside the plans, a local timeline.
hook=$(mktemp -d)
cp -r plans/somerset "$hook/somerset"
mv "$hook/somerset/somerset-ft.yaml" "$hook/somerset/somerset-ft.yml"
files=$(ls "$hook/somerset" | wc -l)
check "a folder's .yml plans are checked" 0 "^0 errors, [0-9]+ warnings in $files files$" -- validate "$hook/somerset" --as-of 2025-07-31
echo "# Somerset" >"$hook/somerset/README.md"
check "a named file that is not YAML is skipped with a note" 0 "README.md: skipped: not a plan \(plans are \*\.yaml or \*\.yml files\)" -- validate "$hook/somerset/README.md"
check "... and the plans named with it are checked" 0 "^0 errors, [0-9]+ warnings in 1 file$" -- validate "$hook/somerset/README.md" "$hook/somerset/somerset-ft.yml" --as-of 2025-07-31
printf 'iact-timeline: 1\nperiods:\n  - { id: 2026-12, due: 2026-12-31, title: Board update }\n' >"$hook/somerset/.iact-timeline.yaml"
check "a named local timeline is checked as one" 0 "^plans are valid: no problems in 1 file$" -- validate "$hook/somerset/.iact-timeline.yaml"
check "... with the plans beside it" 0 "^0 errors, [0-9]+ warnings in 2 files$" -- validate "$hook/somerset/.iact-timeline.yaml" "$hook/somerset/somerset-icb.yaml" --as-of 2025-07-31
printf 'iact-timeline: 1\nperiods:\n  - { id: December, due: 2026-12-31, title: Board update }\n' >"$hook/somerset/.iact-timeline.yaml"
check "a local timeline's errors have their lines" 1 "somerset/\.iact-timeline\.yaml:3:[0-9]+: error: period id 'December' is not a month written YYYY-MM \[framework-invalid\]" -- validate "$hook/somerset/.iact-timeline.yaml"
check "... and are not a plan's" 1 "^1 error, 0 warnings in 1 file$" -- validate "$hook/somerset/.iact-timeline.yaml"
check "plans whose named timeline is broken are not checked against it" 1 "the plans were not checked: their local timeline .*has errors" -- validate "$hook/somerset/.iact-timeline.yaml" "$hook/somerset/somerset-icb.yaml"
rm -rf "$hook"
check "status sums up a system" 0 "^System +1 +1 +6 +8 +3 +19$" -- status plans/nenc --as-of 2025-07-31
check "status lists overdue actions" 0 "Overdue \(1\):" -- status plans/nenc --as-of 2025-07-31
check "status flags gaps" 0 "information-sharing +gap: no action" -- status plans/somerset --as-of 2025-07-31
check "status refuses plans with errors" 1 "fix them before reporting" -- status tests/data/bad/duplicates.yaml
check "status: an unknown period lists the periods" 2 "the timeline has: 2025-06, 2026-01" -- status plans/nenc --period 2025-09
check "paper: an unknown meeting lists the plan's meetings" 2 "its board meetings: 2024-12, 2025-01-16, 2025-05-01" -- paper plans/bnssg --meeting 2025-02-01 --dump-context
check "paper: a bad --meeting" 2 "--meeting '1 May' is not a date" -- paper plans/bnssg --meeting "1 May"
check "paper: an unknown format" 2 "to" -- paper plans/bnssg --to odt
check "paper: a missing templates folder" 2 "cannot find the templates folder" -- --templates /nonexistent paper plans/bnssg
check "a bad RAG policy file is refused" 2 "unknown-key" -- --rag-policy tests/data/policy/bad-policy.yaml validate plans/bnssg
check "a RAG policy file changes the colours" 0 "^System +1 +\. +6 +9 +3 +19$" -- --rag-policy tests/data/policy/lenient.yaml status plans/nenc --as-of 2025-07-31
check "return: an unknown period lists the periods" 2 "the timeline has: 2025-06, 2026-01" -- return plans/nenc --period 2025-09
check "return: fields are listed" 0 "^  brag_reason" -- return --fields
check "build: a missing folder is a usage error" 2 "no-such-folder: no such file or folder" -- build no-such-folder
check "build: -j must be a number of jobs" 2 "jobs" -- build plans -j 0
check "diff: a missing path" 2 "nothing.yaml does not exist" -- diff nothing.yaml plans/nenc/nenc-icb.yaml
check "diff: two copies of one plan do not differ" 0 "^No changes between" -- diff plans/nenc plans/nenc
check "diff --exit-code: no changes exit 0" 0 "^No changes between" -- diff plans/nenc plans/nenc --exit-code
check "diff --exit-code: JSON, no changes exit 0" 0 "^\[\]$" -- diff plans/nenc plans/nenc --format json --exit-code
check "diff: plans with errors are refused" 1 "fix these errors before comparing" -- diff tests/data/bad/duplicates.yaml plans/nenc
check "diff --exit-code: plans with errors still exit 1" 1 "fix these errors before comparing" -- diff tests/data/bad/duplicates.yaml plans/nenc --exit-code
# Reports of one period as of two days: the later ones are not quietly replaced.
out=$(mktemp -d)
"$iact" return plans/nenc --as-of 2025-08-31 -o "$out" >/dev/null 2>&1
check "return: an earlier as-of does not replace later reports" 2 "holds reports as of 2025-08-31, later than this run's 2025-08-01; pass --force" -- return plans/nenc --as-of 2025-08-01 -o "$out"
check "return: --force replaces them" 0 "replacing the reports as of 2025-08-31" -- return plans/nenc --as-of 2025-08-01 -o "$out" --force
check "return: a later as-of replaces them and says so" 0 "replacing the reports as of 2025-08-01 in .* with reports as of 2025-09-01" -- return plans/nenc --as-of 2025-09-01 -o "$out"
rm -rf "$out"
check "global options may follow the command" 0 "^nenc" -- status plans/nenc --as-of 2025-07-31 --frameworks frameworks
check "validate --quiet prints errors and the summary" 1 "^1 error, 1 warning in 1 file$" -- validate tests/data/bad/version.yaml --quiet --as-of 2025-07-15
if NO_COLOR=1 "$iact" validate tests/data/bad/version.yaml --quiet --as-of 2025-07-15 2>&1 | grep -q "warning:"; then
  echo "FAIL: validate --quiet printed a warning"
  failures=$((failures + 1))
fi
check "schema -o writes the schema" 0 "wrote" -- schema -o /tmp/iact-schema-test.json
# Dates the user gives that do not belong together are named, with what to pass instead.
check "paper: a meeting far from the as-of date is a warning" 0 "nenc: warning: the meeting on 2025-07-29 is 120 days after the as-of date, 2025-03-31" -- paper plans/nenc --as-of 2025-03-31 --meeting 2025-07-29 --dump-context
check "paper: the warning says which --as-of to pass" 0 "hint: pass --as-of 2025-07-29 for the plans as they stand at that meeting" -- paper plans/nenc --as-of 2025-03-31 --meeting 2025-07-29 --dump-context
check "paper: a period due long before the as-of date is a warning" 0 "warning: the 2025-06 period was due on 2025-06-30, 81 days before the as-of date, 2025-09-19$" -- paper plans/bob --as-of 2025-09-19 --period 2025-06 --dump-context
check "paper: a period after the one that comes first is a warning" 0 "warning: the 2026-01 period is due on 2026-01-31, but the 2025-06 period, due 2025-06-30, comes first after the meeting on 2025-05-01" -- paper plans/bnssg --as-of 2025-05-01 --period 2026-01 --dump-context
check "return: a period due long before the as-of date is a warning too" 0 "bob: warning: the 2025-06 period was due on 2025-06-30, 81 days before the as-of date, 2025-09-19$" -- return plans/bob --as-of 2025-09-19 --period 2025-06 -o /tmp/iact-return-dates-$$
rm -rf /tmp/iact-return-dates-$$
for args in "plans/nenc --as-of 2025-07-29" "plans/bnssg --as-of 2025-05-01 --period 2025-06" "plans/nenc --as-of 2025-07-10 --meeting 2025-07-29"; do
  # shellcheck disable=SC2086
  if NO_COLOR=1 "$iact" paper $args --dump-context 2>&1 >/dev/null | grep -q ": warning:"; then
    echo "FAIL: paper $args: dates that agree were warned about"
    failures=$((failures + 1))
  else
    echo "ok: paper $args: no warning about dates"
  fi
done
# Periods after January 2026: without a local one, a paper says so and how to add one.
check "paper: past the last period, it says how to add one" 2 "no reporting period is due on or after 30 November 2026; the last in the timeline is 2026-01" -- paper plans/nenc --as-of 2026-11-30 --to md -o /tmp/iact-no-period
check "paper: the hint shows the local timeline" 2 "plans/nenc/.iact-timeline.yaml:" -- paper plans/nenc --as-of 2026-11-30 --to md -o /tmp/iact-no-period
check "status: past the last period, a note" 0 "after the last period, 2026-01" -- status plans/nenc --as-of 2026-11-30
local=$(mktemp -d)
cp -r plans/nenc "$local/nenc"
printf 'iact-timeline: 1\nperiods:\n  - { id: 2026-12, due: 2026-12-31, title: Board update }\n' > "$local/.iact-timeline.yaml"
check "a local timeline above the plans is found, and named" 0 "period 2026-12 \(local, from $local/\.iact-timeline\.yaml, due 31 Dec 2026\)" -- status "$local/nenc" --as-of 2026-11-30
check "the return names a local period" 0 "2026-12/return.xlsx" -- return "$local/nenc" --as-of 2026-11-30 -o "$local/out"
check "frameworks lists a local period" 0 "2026-12  due 2026-12-31  Board update \(local:" -- --timeline "$local/.iact-timeline.yaml" frameworks
printf 'iact-timeline: 1\nperiods:\n  - { id: 2026-01, due: 2026-01-31, title: Again }\n' > "$local/again.yaml"
check "a local timeline cannot redefine a national period" 2 "period '2026-01' is defined twice" -- --timeline "$local/again.yaml" status plans/nenc
rm -rf "$local" /tmp/iact-no-period
# diff against committed versions, in a repository of its own.
repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT
mkdir "$repo/sys"
cp tests/data/return/history/icb.yaml "$repo/sys/icb.yaml"
cp tests/data/return/formulas/icb.yaml "$repo/sys/plan é.yaml"  # a name git would quote
git -C "$repo" init -q
git -C "$repo" add sys
git -C "$repo" -c user.name=iact -c user.email=iact@example.org commit -qm "first version"
sed -i 's/title: Added in August/title: Added in August, renamed/; s/impact: 3 }/impact: 4 }/' "$repo/sys/icb.yaml"
sed -i 's/title: "=SUM(A1:A2)"/title: "=SUM(A1:A3)"/' "$repo/sys/plan é.yaml"
pushd "$repo/sys" >/dev/null
check "diff: a committed file against the working copy" 0 "    title: Added in August -> Added in August, renamed" -- diff git:HEAD:icb.yaml icb.yaml
check "diff: a committed folder, field by field" 0 "    score: 9 -> 12" -- diff git:HEAD:. .
check "diff: the summary line" 0 "^0 added, 0 removed, 3 changed between" -- diff git:HEAD:. .
check "diff: a file whose name git quotes" 0 "    title: =SUM\(A1:A2\) -> =SUM\(A1:A3\)" -- diff git:HEAD:. .
check "diff: a revision that looks like an option" 2 "'--output=x' is not a revision" -- diff git:--output=x:icb.yaml icb.yaml
check "diff: JSON" 0 '"after": "Added in August, renamed"' -- diff git:HEAD:icb.yaml icb.yaml --format json
check "diff --exit-code: plans that differ exit 1" 1 "^0 added, 0 removed, 3 changed between" -- diff git:HEAD:. . --exit-code
check "diff --exit-code: JSON that differs exits 1" 1 '"after": "Added in August, renamed"' -- diff git:HEAD:icb.yaml icb.yaml --format json --exit-code
check "diff: an unknown revision" 2 "git cat-file -t nope:./icb.yaml. failed" -- diff git:nope:icb.yaml icb.yaml
check "diff: not git:REV:path" 2 "is not git:REV:path" -- diff git:HEAD icb.yaml
popd >/dev/null
# Colour: a terminal (a pseudo-terminal from script(1)) has it unless NO_COLOR is set to
# something or TERM is dumb (an empty NO_COLOR does not count: no-color.org); output that is
# not a terminal has none; --color always and never say it outright, over the environment.
expect_colour() {  # expect_colour yes|no tty|pipe [VAR=VALUE...] -- ARGS...
  local want=$1 how=$2 out got
  shift 2
  local vars=()
  while [ "$1" != -- ]; do vars+=("$1"); shift; done
  shift
  if [ "$how" = tty ]; then
    out=$(env -u NO_COLOR TERM=xterm "${vars[@]}" script -qec "$(printf '%q ' "$iact" "$@")" /dev/null 2>&1)
  else
    out=$(env -u NO_COLOR TERM=xterm "${vars[@]}" "$iact" "$@" 2>&1)
  fi
  got=no
  [[ $out == *$'\e['* ]] && got=yes
  if [ "$got" != "$want" ]; then
    echo "FAIL: colour on a $how with [${vars[*]}] iact $*: $got, wanted $want"
    failures=$((failures + 1))
  else
    echo "ok: colour on a $how with [${vars[*]}]: $want"
  fi
}
status=(status plans/nenc --as-of 2025-07-31)
expect_colour yes tty -- "${status[@]}"
expect_colour yes tty NO_COLOR= -- "${status[@]}"
expect_colour no tty NO_COLOR=1 -- "${status[@]}"
expect_colour no tty TERM=dumb -- "${status[@]}"
expect_colour no tty -- --color never "${status[@]}"
expect_colour yes tty NO_COLOR=1 -- "${status[@]}" --color always
expect_colour no pipe -- "${status[@]}"
expect_colour yes pipe -- --color always "${status[@]}"
expect_colour yes tty -- validate tests/data/bad/dates.yaml --as-of 2025-07-15
expect_colour no tty TERM=dumb -- validate tests/data/bad/dates.yaml --as-of 2025-07-15

# The committed docs are what the tool prints, so they cannot drift from the checks.
if ! diff -u docs/plan-format.md <("$iact" format); then
  echo "FAIL: docs/plan-format.md differs from 'iact format' (regenerate it: build/iact format > docs/plan-format.md)"
  failures=$((failures + 1))
fi
if ! diff -u schema/iact-plan.schema.json <("$iact" schema); then
  echo "FAIL: schema/iact-plan.schema.json differs from 'iact schema' (regenerate it: build/iact schema > schema/iact-plan.schema.json)"
  failures=$((failures + 1))
fi
if ! diff -u docs/rules.md <("$iact" rules --explain); then
  echo "FAIL: docs/rules.md differs from 'iact rules --explain' (regenerate it: build/iact rules --explain > docs/rules.md)"
  failures=$((failures + 1))
fi
# The whole table, in one piece (grep -F would accept any one of its lines).
if ! /usr/bin/python3 -c 'import sys; sys.exit(sys.argv[1] not in open("README.md").read())' \
    "$("$iact" rules --format markdown)"; then
  echo "FAIL: README.md's rule table differs from 'iact rules --format markdown'"
  failures=$((failures + 1))
fi
exit $((failures > 0))
