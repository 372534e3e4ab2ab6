#!/usr/bin/env bash
# Inputs that must end in a clear diagnostic and exit 1, never a crash or a hang: an empty
# file, binary data, UTF-16, 100,000 nested '[', a 3,000-level mapping, an alias bomb,
# invalid UTF-8, a huge file. Each run is capped at 10 seconds so a hang fails the test.
set -u
iact=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0

expect() {  # expect FILE RULE TEXT: exit 1 and a diagnostic of RULE mentioning TEXT
  local file=$1 rule=$2 text=$3 out rc
  out=$(NO_COLOR=1 timeout 10 "$iact" validate "$file" 2>&1); rc=$?
  if [ $rc -ne 1 ] || ! grep -q "\[$rule\]" <<<"$out" || ! grep -qF "$text" <<<"$out"; then
    echo "FAIL: $(basename "$file"): exit $rc, wanted 1 with [$rule] '$text'; got:"
    printf '%s\n' "$out" | head -n 8
    failures=$((failures + 1))
  else
    echo "ok: $(basename "$file") -> $(head -n 1 <<<"$out")"
  fi
}

: > "$dir/empty.yaml"
expect "$dir/empty.yaml" file-empty "the file is empty"

printf '# a plan will go here\n\n' > "$dir/comments.yaml"
expect "$dir/comments.yaml" file-empty "only comments"

head -c 4096 /dev/urandom > "$dir/binary.yaml"
printf '\0' >> "$dir/binary.yaml"
expect "$dir/binary.yaml" file-encoding "UTF-8"

printf '\xff\xfei\0a\0c\0t\0:\0 \0001\0\n\0' > "$dir/utf16.yaml"
expect "$dir/utf16.yaml" file-encoding "the file is UTF-16 encoded, not UTF-8"

printf 'iact: 1\norganisation:\n  name: Caf\xe9\n' > "$dir/latin1.yaml"
expect "$dir/latin1.yaml" file-encoding "not valid UTF-8 (byte 0xE9)"

head -c 100000 /dev/zero | tr '\0' '[' > "$dir/brackets.yaml"
expect "$dir/brackets.yaml" yaml-depth "nests deeper than 64 levels"

awk 'BEGIN { for (i = 0; i < 3000; i++) { printf "%" (2 * i) "s%s\n", "", "a:" } }' > "$dir/deep.yaml"
expect "$dir/deep.yaml" yaml-depth "nests deeper than 64 levels"

{
  echo 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'
  prev=a
  for n in b c d e f g h i; do
    echo "$n: &$n [*$prev,*$prev,*$prev,*$prev,*$prev,*$prev,*$prev,*$prev,*$prev]"
    prev=$n
  done
} > "$dir/bomb.yaml"
expect "$dir/bomb.yaml" yaml-alias "aliases"

truncate -s 17M "$dir/huge.yaml"
expect "$dir/huge.yaml" file-unreadable "larger than 16 MiB"

printf 'iact: 1\n  organisation: [\n' > "$dir/broken.yaml"
expect "$dir/broken.yaml" yaml-syntax "yaml"

exit $((failures > 0))
