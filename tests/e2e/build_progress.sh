#!/usr/bin/env bash
# iact build's progress line: on a terminal (a pseudo-terminal made by script(1)) stderr shows
# "[done/total] building SYSTEM..." rewritten in place; piped, it does not; --quiet silences
# it and the notes (the warnings count, a missing board meeting) but keeps the line of each
# system and the summary.
set -u
iact=$(realpath "$1")
cd "$(realpath "$2")" || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
# As of 1 December 2025 nenc has warnings and no board meeting ahead: both notes are due.
args=(build plans/nenc --to md --as-of 2025-12-01 --period 2026-01)
system_line='^nenc +2026-01 +return\.xlsx, board-paper\.md'
progress=$'\r\033\\[K\\[0/1\\] building nenc\\.\\.\\.'

# What the terminal shows at the end: each line from its last carriage return, unstyled.
plain() { sed -e 's/\r$//' -e 's/.*\r//' -e $'s/\x1b\\[K//g' "$1"; }

on_terminal() {  # on_terminal OUT ARGS...: runs iact under a pseudo-terminal
  local out=$1
  shift
  local command
  printf -v command '%q ' "$iact" "$@"
  NO_COLOR=1 script -qec "$command" /dev/null >"$out"
}

on_terminal "$work/tty.txt" "${args[@]}" -o "$work/a" || fail "build on a terminal exited $?"
grep -qE "$progress" "$work/tty.txt" || fail "no progress line on a terminal: $(cat -v "$work/tty.txt")"
plain "$work/tty.txt" | grep -qE "$system_line" || fail "no line for nenc on a terminal"
grep -q "warnings in the plans as of 2025-12-01" "$work/tty.txt" || fail "no warnings note on a terminal"
grep -q "No board meeting on or after 2025-12-01" "$work/tty.txt" || fail "no board meeting note"

NO_COLOR=1 "$iact" "${args[@]}" -o "$work/b" >"$work/piped.txt" 2>&1 | cat
grep -q "building" "$work/piped.txt" && fail "a progress line when piped: $(cat -v "$work/piped.txt")"
grep -q $'\r' "$work/piped.txt" && fail "carriage returns when piped"
grep -qE "$system_line" "$work/piped.txt" || fail "no line for nenc when piped"

on_terminal "$work/quiet.txt" "${args[@]}" -o "$work/c" --quiet || fail "build --quiet exited $?"
grep -q "building" "$work/quiet.txt" && fail "--quiet: a progress line: $(cat -v "$work/quiet.txt")"
grep -q "warnings in the plans" "$work/quiet.txt" && fail "--quiet: the warnings note"
grep -q "No board meeting" "$work/quiet.txt" && fail "--quiet: the board meeting note"
plain "$work/quiet.txt" | grep -qE "$system_line" || fail "--quiet: no line for nenc"
plain "$work/quiet.txt" | grep -q "^Built 1 of 1 system (2 files)" || fail "--quiet: no summary"
[ -f "$work/c/nenc/2026-01/board-paper.md" ] || fail "--quiet: no paper written"

[ $failures -eq 0 ] && echo "ok: build's progress line"
exit $((failures > 0))
