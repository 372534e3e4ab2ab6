#!/usr/bin/env bash
# Plan text cannot drive the terminal: an escape sequence in a plan (a screen clear, a
# clipboard write by OSC 52, a bell) is an invalid-text error that status, diff, collect and
# validate report without ever printing it raw; text that reaches the terminal otherwise,
# such as a file's name, is shown in caret notation (ESC as ^[).
set -u
iact=$(realpath "$1")
root=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1
failures=0
cp -r "$root/plans/nenc" "$work/before"
cp -r "$root/plans/nenc" "$work/nenc"
plan="$work/nenc/nenc-icb.yaml"
# YAML's own escapes put the raw characters into the text iact reads: the ICB's name, an
# open action's title and its owner (whom collect names).
python3 - "$plan" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
text = text.replace("  name: NHS North East and North Cumbria ICB",
                    '  name: "NENC \\e[2J\\e]52;c;ZXZpbA==\\a ICB"', 1)
text = re.sub(r"(?m)^    title: (Triangulate incidents that resemble.*)$",
              lambda m: '    title: "\\e[2J%s\\e]52;c;ZXZpbA==\\a"\n'
                        '    owner: "Director \\e[31mred\\e[0m"' % m.group(1), text, count=1)
open(path, "w", encoding="utf-8").write(text)
PY
cat > "$work/bad.yaml" <<'YAML'
iact: 1
organisation: {code: RXX, name: T, kind: trust, icb: QXX}
frameworks: [nhse-2024-themes]
actions:
  - id: A-1
    title: T
    "bad\e[2Jkey\e]52;c;ZXZpbA==\a": x
YAML

# no_raw WHAT FILE: FILE holds no ESC, BEL or other C0 control but tab and newline
no_raw() {
  local what=$1 file=$2
  if LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$file"; then
    echo "FAIL: $what prints raw control characters: $(LC_ALL=C grep -a -m1 $'[\x01-\x08\x0b-\x1f\x7f]' "$file" | od -c | head -3)"
    failures=$((failures + 1))
    return 1
  fi
}
# expect WHAT FILE TEXT SAYING: FILE holds no raw control character, and holds TEXT (fixed)
expect() {
  local what=$1 file=$2 text=$3 saying=$4
  no_raw "$what" "$file" || return
  if ! grep -qF -- "$text" "$file"; then
    echo "FAIL: $what does not $saying: $(head -c 400 "$file")"
    failures=$((failures + 1))
  else
    echo "ok: $what does $saying"
  fi
}
refused() { expect "$1" "$2" '[invalid-text]' "report the escapes as invalid text"; }
shown() { expect "$1" "$2" '^[' "show the escape as ^["; }

"$iact" status "$work/nenc" --as-of 2025-07-31 >"$work/status.out" 2>&1
refused "status" "$work/status.out"
"$iact" diff "$work/before" "$work/nenc" >"$work/diff.out" 2>&1
refused "diff" "$work/diff.out"
"$iact" collect "$work/nenc" --as-of 2025-07-31 -o "$work/forms" >"$work/collect.out" 2>&1
refused "collect" "$work/collect.out"
"$iact" validate "$work/bad.yaml" >"$work/validate.out" 2>&1
refused "validate's error messages" "$work/validate.out"
# A file's name is not plan text: it is shown, escaped, wherever a message names it.
evil="$work/evil"$'\e[2J\e]52;c;ZXZpbA==\a'".yaml"
cp "$work/bad.yaml" "$evil"
"$iact" validate "$evil" >"$work/name.out" 2>&1
shown "a file's name in validate's messages" "$work/name.out"

[ $failures -eq 0 ] || exit 1
echo "terminal_text: all checks passed"
