#!/usr/bin/env bash
# A report that could not be written must not pass: every command that prints to standard
# output, run with it on a full device (/dev/full), says so on stderr and exits 2, so that a
# CI job on a full disk fails instead of uploading an empty report. Each command is run
# first with its output going to /dev/null, where it must not exit 2: the 2 is the full
# device's doing.
set -u
iact=$(realpath "$1")
root=$(realpath "$2")
[ -w /dev/full ] || { echo "FAIL: no /dev/full to write to"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root" || exit 1
export NO_COLOR=1
failures=0
checked=0

full() {  # full ARGS...: iact ARGS > /dev/full exits 2 and says why
  checked=$((checked + 1))
  "$iact" "$@" >/dev/null 2>"$work/err"
  local rc=$?
  if [ $rc -eq 2 ]; then
    echo "FAIL: iact $* exits 2 even with its output going to /dev/null: $(head -c 300 "$work/err")"
    failures=$((failures + 1))
    return
  fi
  "$iact" "$@" >/dev/full 2>"$work/err"
  rc=$?
  if [ $rc -ne 2 ] || ! grep -q "^iact: could not write to standard output: No space left on device$" "$work/err"; then
    echo "FAIL: iact $* > /dev/full exited $rc; stderr: $(tail -c 300 "$work/err")"
    failures=$((failures + 1))
  fi
}

full --help
full --version
full validate --help
for format in json sarif github gitlab; do
  full validate plans/nenc --as-of 2025-07-15 --format "$format"
done
full status plans/nenc --as-of 2025-07-15
full status plans/nenc --as-of 2025-07-15 --format json
for format in text json markdown; do full rules --format "$format"; done
full rules --explain
full rules unknown-item
full format
full schema
full frameworks
full frameworks --format json
for shell in bash zsh fish; do full completion "$shell"; done
full diff plans/nenc plans/nenc
full diff plans/bob plans/nenc --format json
full paper plans/nenc --as-of 2025-07-15 --dump-context
full paper plans/nenc --as-of 2025-07-15 --to md -o "$work/papers"
full return --fields
full return plans/nenc --as-of 2025-07-15 -o "$work/returns"
full rollup plans --period 2026-01 --as-of 2026-02-01 -o "$work/rollup"
full site plans --as-of 2026-02-01 -o "$work/site"
full import tests/data/import/system-actions.csv --show-mapping
full collect plans/nenc --as-of 2025-07-15 -o "$work/forms" --force  # run twice: replace the first

# The files a command writes itself are checked too: man pages into a folder that cannot be made.
out=$("$iact" man-pages -o /dev/full/man 2>&1)
rc=$?
if [ $rc -ne 2 ] || ! grep -q "/dev/full/man" <<<"$out"; then
  echo "FAIL: man-pages -o /dev/full/man exited $rc: $out"
  failures=$((failures + 1))
fi

[ $failures -eq 0 ] && echo "ok: $checked commands exit 2 when their standard output cannot be written"
exit $((failures > 0))
