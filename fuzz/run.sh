#!/usr/bin/env bash
# Runs one fuzz target. First its seeds (taken from plans/, tests/data/ and fuzz/seeds/) and
# its regressions (fuzz/regressions/TARGET/: inputs that once crashed) are run once each;
# then, given SECONDS > 0 and a libFuzzer build (cmake -DIACT_FUZZ=ON), it fuzzes for that
# long from those seeds. A finding is printed and the exit status is not 0.
#
#   fuzz/run.sh BINARY TARGET [SECONDS]
set -euo pipefail
binary=$1 target=$2 seconds=${3:-0}
root=$(cd "$(dirname "$0")/.." && pwd)
shopt -s nullglob globstar

case $target in
  plan|yaml) seeds=("$root"/plans/*/*.yaml "$root"/tests/data/**/*.yaml) ;;
  date) seeds=("$root"/fuzz/seeds/date/*) ;;
  frameworks) seeds=("$root"/frameworks/*.yaml "$root"/templates/glossary.yaml) ;;
  csv) seeds=("$root"/tests/data/import/**/*.csv) ;;
  xlsx) seeds=("$root"/tests/data/import/**/*.xlsx "$root"/fuzz/seeds/xlsx/*) ;;
  *) echo "fuzz/run.sh: no seeds for target '$target'" >&2; exit 2 ;;
esac
regressions=("$root"/fuzz/regressions/"$target"/*)
[ ${#seeds[@]} -gt 0 ] || { echo "fuzz/run.sh: no seed files for '$target'" >&2; exit 2; }

"$binary" "${seeds[@]}" "${regressions[@]}" >/dev/null 2>&1 || {
  echo "fuzz/run.sh: $target failed on one of its seeds or regressions:" >&2
  for input in "${seeds[@]}" "${regressions[@]}"; do
    "$binary" "$input" >/dev/null 2>&1 || { echo "  $input" >&2; "$binary" "$input" 2>&1 | tail -n 30 >&2; exit 1; }
  done
  exit 1
}
echo "$target: ${#seeds[@]} seeds and ${#regressions[@]} regressions run clean"
[ "$seconds" -gt 0 ] || exit 0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus"
i=0
for s in "${seeds[@]}" "${regressions[@]}"; do
  i=$((i + 1))
  cp "$s" "$work/corpus/seed-$i"
done
dict=()
[ -f "$root/fuzz/$target.dict" ] && dict=("-dict=$root/fuzz/$target.dict")
status=0
"$binary" "$work/corpus" "${dict[@]}" -max_total_time="$seconds" -timeout=10 \
  -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$work/" -print_final_stats=1 \
  >"$work/log" 2>&1 || status=$?
grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done|#[0-9]+ +DONE)' "$work/log" || true
if [ $status -ne 0 ]; then
  tail -n 60 "$work/log"
  for finding in "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*; do
    [ -f "$finding" ] || continue
    echo "finding $(basename "$finding") ($(wc -c <"$finding") bytes), as base64:"
    base64 "$finding"
    echo "fix it, then add it as fuzz/regressions/$target/$(basename "$finding")"
  done
  exit 1
fi
