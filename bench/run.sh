#!/usr/bin/env bash
# Times `iact validate`, papers, returns and build on a national-scale corpus (42 systems,
# 10,080 actions) made by make_corpus.py. Usage: bench/run.sh [path/to/iact]   (default: build/iact, a Release build)
set -euo pipefail
cd "$(dirname "$0")/.."
iact=${1:-build/iact}
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
/usr/bin/python3 bench/make_corpus.py "$corpus"
"$iact" validate "$corpus" --as-of 2025-10-15 >/dev/null 2>"$corpus.out" || true
tail -n 1 "$corpus.out"
rm -f "$corpus.out"
for run in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$iact" validate "$corpus" --as-of 2025-10-15 >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo "run $run: $(( (end - start) / 1000000 )) ms"
done
/usr/bin/time -f "peak memory: %M KiB" "$iact" validate "$corpus" --as-of 2025-10-15 >/dev/null 2>/tmp/iact-bench-time || true
tail -n 1 /tmp/iact-bench-time

# The tool's own work for the reports: every system's view, paper context and Markdown,
# without pandoc (--to md), next to one system's paper through pandoc (DOCX, HTML, PDF).
start=$(date +%s%N)
"$iact" paper "$corpus" --as-of 2025-10-15 --to md -o "$corpus/out" >/dev/null 2>&1 || true
end=$(date +%s%N)
echo "papers as Markdown, all $(ls "$corpus/out" | wc -l) systems: $(( (end - start) / 1000000 )) ms"
one=$(ls -d "$corpus"/*/ | grep -v /out/ | head -n 1)
start=$(date +%s%N)
"$iact" paper "$one" --as-of 2025-10-15 -o "$corpus/out1" >/dev/null 2>&1 || true
end=$(date +%s%N)
echo "one system's paper through pandoc (docx, html, pdf): $(( (end - start) / 1000000 )) ms"

# The returns: every system's workbook (libxlsxwriter, no external program).
start=$(date +%s%N)
"$iact" return "$corpus" --as-of 2025-10-15 -o "$corpus/out2" >/dev/null 2>&1 || true
end=$(date +%s%N)
echo "returns (XLSX), all $(ls "$corpus/out2" | wc -l) systems: $(( (end - start) / 1000000 )) ms"

# A whole build with Markdown papers: validation, views, papers and returns of every system.
start=$(date +%s%N)
"$iact" build "$corpus" --as-of 2025-10-15 --to md -o "$corpus/out3" >/dev/null 2>&1 || true
end=$(date +%s%N)
echo "build (Markdown papers and returns), all systems: $(( (end - start) / 1000000 )) ms"
