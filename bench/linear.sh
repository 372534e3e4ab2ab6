#!/usr/bin/env bash
# Costs that must grow with the input, not its square (tests/unit/linear_work_test.cpp
# counts the work; this records the time): each input at a size N and at 2N, one run each,
# wall-clock milliseconds. Twice the input should take about twice the time.
#
#   bench/linear.sh [path/to/iact] [N] [WORD]   (default: build/iact, N = 8000; WORD: only
#                                                the rows whose name has it)
set -euo pipefail
cd "$(dirname "$0")/.."
iact=$(realpath "${1:-build/iact}")
n=${2:-8000}
only=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1

ms() {  # ms COMMAND...: its wall time in ms (its output and exit status ignored)
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

fill_form() {  # every row of the form At risk, with an update
  /usr/bin/python3 - "$1" <<'PY'
import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Updates"]
for r in range(2, ws.max_row + 1):
    if ws.cell(r, 1).value:
        ws.cell(r, 6).value = "At risk"
        ws.cell(r, 9).value = "Recruitment is behind."
wb.save(sys.argv[1])
PY
}

printf '| %-44s | %9s | %9s | %5s |\n' work N 2N ratio
echo "|----------------------------------------------|----------:|----------:|------:|"
row() {  # row NAME KIND SIZE COMMAND-ARGS... (DIR is replaced by the input's folder)
  local name=$1 kind=$2 size=$3
  shift 3
  [ -z "$only" ] || [[ "$name" == *"$only"* ]] || return 0
  local times=()
  for m in "$size" $((2 * size)); do
    local dir="$work/$kind-$m"
    /usr/bin/python3 bench/make_linear.py "$kind" "$m" "$dir"
    local args=()
    for a in "$@"; do args+=("${a//DIR/$dir}"); done
    if [ "$kind" = apply ]; then
      "$iact" collect "$dir/sys" --as-of 2026-01-15 -o "$dir/forms" >/dev/null 2>&1
      fill_form "$dir/forms/bt.xlsx"
    fi
    times+=("$(ms "$iact" "${args[@]}")")
  done
  printf '| %-44s | %6d ms | %6d ms | %5s |\n' "$name ($size, $((2 * size)))" "${times[0]}" \
    "${times[1]}" "$(awk -v a="${times[0]}" -v b="${times[1]}" 'BEGIN { printf "%.1f", (a > 0 ? b / a : 0) }')"
}

row "validate: unknown keys in one action" keys "$n" validate DIR/sys
row "validate: unknown items, one per action" items $((n / 2)) validate DIR/sys
row "status: a local timeline of many periods" timeline $((n / 2)) status DIR/sys --as-of 2026-01-15
row "rollup: the trend of many periods" timeline $((n / 2)) rollup DIR --as-of 2026-01-15 -o DIR/rollup
row "apply: one answer to every action of a plan" apply $((n / 20)) apply DIR/forms/bt.xlsx --plans DIR/sys --date 2026-01-20
