#!/usr/bin/env bash
# A sample system validates with exit 0 today and at the date of its board paper, with no
# errors (warnings are allowed: they are true of the sample), in text and in JSON.
set -u
iact=$1
system=$2
fail() { echo "FAIL: $*"; exit 1; }
for as_of in "" 2025-07-31; do
  args=(validate "$system")
  [ -n "$as_of" ] && args+=(--as-of "$as_of")
  out=$(NO_COLOR=1 "$iact" "${args[@]}" 2>&1); rc=$?
  [ $rc -eq 0 ] || { printf '%s\n' "$out"; fail "iact ${args[*]} exited $rc"; }
  grep -q ': error:' <<<"$out" && { printf '%s\n' "$out"; fail "errors in $system"; }
  tail -n 1 <<<"$out" | grep -Eq '^0 errors, [0-9]+ warnings? in [0-9]+ files$|^plans are valid: no problems in' ||
    fail "unexpected summary: $(tail -n 1 <<<"$out")"
done
json=$("$iact" validate "$system" --as-of 2025-07-31 --format json 2>/dev/null) || fail "json run failed"
case "$json" in \[*) ;; *) fail "json output is not an array: ${json:0:80}" ;; esac
grep -q '"severity": "error"' <<<"$json" && fail "json reports errors"
echo "ok: $system"
