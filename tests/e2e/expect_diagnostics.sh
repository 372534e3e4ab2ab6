#!/usr/bin/env bash
# Runs `iact validate` on one bad plan (or system folder) and compares what it prints on
# stderr, and its exit code, with the expected file beside it:
#   data/bad/NAME.yaml       -> data/bad/NAME.expected
#   data/systems/NAME/       -> data/systems/NAME/expected.txt
# The as-of date is fixed so the expectations do not age. Set UPDATE=1 to rewrite the
# expected file from the current output (then read the diff before committing it).
set -u
iact=$1
target=${2#"$PWD/"}
if [ -d "$target" ]; then expected="$target/expected.txt"; else expected="${target%.yaml}.expected"; fi
actual=$(NO_COLOR=1 "$iact" validate --as-of 2025-07-15 "$target" 2>&1 >/dev/null; echo "exit: $?")
if [ "${UPDATE:-}" = 1 ]; then
  printf '%s\n' "$actual" > "$expected"
  echo "updated $expected"
  exit 0
fi
if [ ! -f "$expected" ]; then
  echo "missing $expected; run with UPDATE=1 to create it from:"
  printf '%s\n' "$actual"
  exit 1
fi
if ! diff -u "$expected" <(printf '%s\n' "$actual"); then
  echo "FAIL: iact validate $target printed something other than $expected"
  exit 1
fi
echo "ok: $target"
