#!/usr/bin/env bash
# On a national-scale corpus (bench/make_corpus.py, 42 systems): the output is the same
# whatever the number of threads (validate text and JSON, status JSON, the returns' bytes),
# and the same as yaml-cpp's own reading gives where the fast YAML path reads the plans
# (the unit tests compare the trees; here the whole output, against a copy of the corpus
# each of whose plans the fast path declines); --summary and --max-diagnostics.
set -u
iact=$(realpath "$1")
root=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
/usr/bin/python3 "$root/bench/make_corpus.py" "$work/corpus" 12 >/dev/null
export SOURCE_DATE_EPOCH=1760486400
run() { NO_COLOR=1 "$iact" "$@"; }

for j in 1 3; do
  run validate "$work/corpus" --as-of 2025-10-15 -j $j >/dev/null 2>"$work/text-$j"
  run validate "$work/corpus" --as-of 2025-10-15 -j $j --format json >"$work/json-$j" 2>/dev/null
  run status "$work/corpus" --as-of 2025-10-15 -j $j --format json >"$work/status-$j" 2>/dev/null
  run return "$work/corpus" --as-of 2025-10-15 -j $j -o "$work/returns-$j" >/dev/null 2>&1
  (cd "$work/returns-$j" && find . -type f -name '*.xlsx' | sort | xargs md5sum) >"$work/sums-$j"
done
for f in text json status sums; do
  cmp -s "$work/$f-1" "$work/$f-3" || fail "$f differs between -j 1 and -j 3"
done
[ "$(wc -l <"$work/sums-1")" -eq 12 ] || fail "$(wc -l <"$work/sums-1") returns written, not 12"
grep -q "^0 errors, [0-9]* warnings in 60 files$" "$work/text-1" || fail "text: $(tail -n 1 "$work/text-1")"

# The same plans, each opening with a document marker (---), which the fast path leaves to
# yaml-cpp: every message is the same, a line further down.
cp -r "$work/corpus" "$work/slow"
for f in "$work"/slow/*/*.yaml; do
  { echo "---"; cat "$f"; } >"$f.new" && mv "$f.new" "$f"
done
run validate "$work/slow" --as-of 2025-10-15 >/dev/null 2>"$work/text-slow"
/usr/bin/python3 - "$work/text-1" "$work/text-slow" <<'PY' || fail "messages differ between the fast path and yaml-cpp's"
import re, sys
fast = open(sys.argv[1]).read()
slow = open(sys.argv[2]).read().replace("/slow/", "/corpus/")
def shift(m):
    return "%s:%d:" % (m.group(1), int(m.group(2)) - 1)
slow = re.sub(r"(\.yaml):(\d+):", shift, slow)
slow = re.sub(r"^ (\d+) \| ", lambda m: " %d | " % (int(m.group(1)) - 1), slow, flags=re.M)
# The gutter narrows where a line number loses a digit (10 -> 9).
fast_lines = [l for l in fast.splitlines() if not l.lstrip().startswith("|")]
slow_lines = [l for l in slow.splitlines() if not l.lstrip().startswith("|")]
if fast_lines != slow_lines:
    for a, b in zip(fast_lines, slow_lines):
        if a != b:
            print("fast: " + a + "\nslow: " + b)
            break
    sys.exit(1)
PY

# --summary counts, --max-diagnostics cuts.
run validate "$work/corpus" --as-of 2025-10-15 --summary >/dev/null 2>"$work/summary"
n=$(grep -c "warning:" "$work/text-1")
grep -qE "^  status-contradiction +warning +[0-9]+$" "$work/summary" || fail "summary: no rule line"
total=$(awk '/^  [a-z-]+ +(warning|error) +[0-9]+$/ {s += $3} END {print s}' "$work/summary")
[ "$total" = "$n" ] || fail "summary counts $total problems by rule, the text shows $n"
files=$(grep -cE "^ +[0-9]+ errors? +[0-9]+ warnings? +/" "$work/summary")
[ "$files" -eq 60 ] || fail "summary lists $files files, not 60"
grep -q "warning:" "$work/summary" && fail "summary printed the problems themselves"
run validate "$work/corpus" --as-of 2025-10-15 --max-diagnostics 5 >/dev/null 2>"$work/five"
[ "$(grep -c "warning:" "$work/five")" -eq 5 ] || fail "--max-diagnostics 5 printed $(grep -c "warning:" "$work/five")"
grep -q "^\.\.\. and $((n - 5)) more (the first 5 shown" "$work/five" || fail "no 'and N more' line"
tail -n 1 "$work/five" | grep -q "warnings in 60 files" || fail "the summary line counts all"
out=$(run validate "$work/corpus" --summary --format json 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q -- "--summary is for the text format" <<<"$out" || fail "--summary with json: $rc $out"

if [ $failures -gt 0 ]; then exit 1; fi
echo "e2e.national_scale: all checks passed"
