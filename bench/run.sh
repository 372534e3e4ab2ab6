#!/usr/bin/env bash
# iact beside a straightforward Python script doing the same work (bench/reference.py), on a
# national-scale corpus (42 systems, 210 plans, 10,080 actions; bench/make_corpus.py):
# validate (text to a file, and JSON), status (JSON), and the returns of every system. Each
# is the median of RUNS runs (default 5) of wall-clock time; peak memory from GNU time. Then
# the tool's own work for the papers, and one paper through pandoc, for scale.
#
#   bench/run.sh [path/to/iact] [RUNS]      (default: build/iact, a Release build)
set -euo pipefail
cd "$(dirname "$0")/.."
iact=$(realpath "${1:-build/iact}")
runs=${2:-5}
python=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus"
as_of=2025-10-15
"$python" bench/make_corpus.py "$corpus" >/dev/null
echo "corpus: $(ls "$corpus" | wc -l) systems, $(find "$corpus" -name '*.yaml' | wc -l) plans," \
  "$(du -sh "$corpus" | cut -f1); $(nproc) cores; $runs runs each, medians"

# Median wall time in ms of running "$@" $runs times, output to files in $work/out.
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    rm -rf "$work/out"
    local start end
    start=$(date +%s%N)
    "$@" >"$work/stdout" 2>"$work/stderr" || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

peak_mib() {
  rm -rf "$work/out"
  /usr/bin/time -f "%M" -o "$work/time" "$@" >/dev/null 2>&1 || true
  echo $(( $(tail -n 1 "$work/time") / 1024 ))
}

row() {  # name, then the iact command and the reference command separated by --
  local name=$1
  shift
  local a=() b=()
  while [ "$1" != "--" ]; do a+=("$1"); shift; done
  shift
  b=("$@")
  local ta tb ma mb
  ta=$(median_ms "${a[@]}")
  tb=$(median_ms "${b[@]}")
  ma=$(peak_mib "${a[@]}")
  mb=$(peak_mib "${b[@]}")
  local ratio
  ratio=$(awk -v a="$ta" -v b="$tb" 'BEGIN { printf "%.1f", (a > 0 ? b / a : 0) }')
  printf '| %-28s | %8d ms | %8d ms | %6sx | %6d MiB | %6d MiB |\n' "$name" "$ta" "$tb" "$ratio" \
    "$ma" "$mb"
}

ref=("$python" bench/reference.py)
echo
printf '| %-28s | %11s | %11s | %7s | %10s | %10s |\n' work iact script faster "iact mem" \
  "script mem"
echo "|------------------------------|------------:|------------:|--------:|-----------:|-----------:|"
row "validate, text to a file" "$iact" validate "$corpus" --as-of $as_of -- \
  "${ref[@]}" validate "$corpus" --as-of $as_of
row "validate, JSON" "$iact" validate "$corpus" --as-of $as_of --format json -- \
  "${ref[@]}" validate "$corpus" --as-of $as_of --format json
row "status, JSON" "$iact" status "$corpus" --as-of $as_of --format json -- \
  "${ref[@]}" status "$corpus" --as-of $as_of --format json
row "returns, all 42 systems" "$iact" return "$corpus" --as-of $as_of -o "$work/out" -- \
  "${ref[@]}" return "$corpus" --as-of $as_of -o "$work/out"

# The same problems found: the reference checks the main rules only, so compare the rules
# both report.
"$iact" validate "$corpus" --as-of $as_of --summary 2>"$work/a" >/dev/null || true
echo
echo "iact found: $(tail -n 1 "$work/a")"
"${ref[@]}" validate "$corpus" --as-of $as_of 2>"$work/b" >/dev/null || true
echo "script found: $(tail -n 1 "$work/b")"

echo
start=$(date +%s%N)
"$iact" paper "$corpus" --as-of $as_of --to md -o "$work/papers" >/dev/null 2>&1 || true
end=$(date +%s%N)
echo "papers as Markdown, all systems (iact's own work, no pandoc): $(( (end - start) / 1000000 )) ms"
one=$(ls -d "$corpus"/*/ | head -n 1)
start=$(date +%s%N)
"$iact" paper "$one" --as-of $as_of -o "$work/one" >/dev/null 2>&1 || true
end=$(date +%s%N)
echo "one system's paper through pandoc (DOCX, HTML, PDF): $(( (end - start) / 1000000 )) ms"
