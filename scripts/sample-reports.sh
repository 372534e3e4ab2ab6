#!/usr/bin/env bash
# Writes the board paper and the return of every sample system in plans/ into
# reports/<system>/<period>/, each as of the day of the board meeting that its source paper
# went to, so the samples read as those papers did. Set IACT to use another binary.
set -euo pipefail
cd "$(dirname "$0")/.."
iact=${IACT:-./build/iact}

while read -r system meeting; do
  "$iact" build "plans/$system" --as-of "$meeting" -o reports
done <<'SYSTEMS'
somerset 2024-11-28
bnssg 2025-05-01
bob 2025-06-30
nenc 2025-07-29
SYSTEMS
