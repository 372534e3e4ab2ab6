#!/usr/bin/env bash
# Configures and builds iact and its tests in build/ (Release, warnings as errors).
#
#   scripts/build.sh           build/ only
#   scripts/build.sh --tests   also build-sanitize/: everything again with clang, AddressSanitizer,
#                              UndefinedBehaviorSanitizer and libFuzzer; the tests in build/
#                              then run that build's whole suite and each fuzz target too
set -euo pipefail
cd "$(dirname "$0")/.."
sanitized=()
if [ "${1:-}" = "--tests" ]; then
  CC=clang CXX=clang++ cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE= \
    -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" -DIACT_FUZZ=ON -DIACT_WERROR=ON >/dev/null
  cmake --build build-sanitize -j"$(nproc)"
  sanitized=(-DIACT_SANITIZED_BUILD="$PWD/build-sanitize")
else
  sanitized=(-DIACT_SANITIZED_BUILD=)
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DIACT_WERROR=ON "${sanitized[@]}" >/dev/null
cmake --build build -j"$(nproc)"
