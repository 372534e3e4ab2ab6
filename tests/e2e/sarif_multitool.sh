#!/usr/bin/env bash
# iact's SARIF, checked by Microsoft's SARIF Multitool (npm @microsoft/sarif-multitool, which
# scripts/setup.sh --tests installs in .cache/npm): the JSON schema of SARIF 2.1.0 and its own
# rules. The tool exits 0 whatever it finds, so its output is read: any ": error " fails.
# A copy broken on purpose must fail too, or the tool is not checking anything.
set -u
iact=$(realpath "$1")
root=$(realpath "$2")
tool=$root/.cache/npm/node_modules/.bin/sarif-multitool
if [ ! -x "$tool" ]; then
  echo "FAIL: no SARIF Multitool at $tool; install it with scripts/setup.sh --tests"
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root" || exit 1
NO_COLOR=1 "$iact" validate tests/data/bad --as-of 2025-07-15 --format sarif >"$work/bad.sarif" 2>/dev/null
NO_COLOR=1 "$iact" validate plans --as-of 2025-07-15 --format sarif >"$work/plans.sarif" 2>/dev/null
# The control: a result whose region starts on line 0, which the schema forbids.
/usr/bin/python3 - "$work/bad.sarif" "$work/broken.sarif" <<'EOF'
import json, sys
log = json.load(open(sys.argv[1]))
result = next(r for r in log["runs"][0]["results"] if "region" in r["locations"][0]["physicalLocation"])
result["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
json.dump(log, open(sys.argv[2], "w"), indent=2)
EOF
# The tool is a .NET program; invariant globalization spares it looking for libicu.
out=$(DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 "$tool" validate "$work/bad.sarif" "$work/plans.sarif" "$work/broken.sarif" 2>&1)
failures=0
for f in bad plans; do
  if grep -F "$work/$f.sarif" <<<"$out" | grep -q ": error "; then
    echo "FAIL: the SARIF Multitool finds errors in iact validate --format sarif ($f):"
    grep -F "$work/$f.sarif" <<<"$out" | grep ": error "
    failures=$((failures + 1))
  else
    echo "ok: $f.sarif has no errors"
  fi
done
if ! grep -F "$work/broken.sarif" <<<"$out" | grep -q ": error JSON1008: .*startLine"; then
  echo "FAIL: the SARIF Multitool did not reject a startLine of 0; is it validating? It said:"
  printf '%s\n' "$out" | head -n 20
  failures=$((failures + 1))
else
  echo "ok: the broken copy is rejected"
fi
if ! grep -q "3 files scanned" <<<"$out"; then
  echo "FAIL: the SARIF Multitool did not scan the three files:"
  printf '%s\n' "$out" | head -n 20
  failures=$((failures + 1))
fi
exit $((failures > 0))
