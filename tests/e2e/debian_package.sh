#!/usr/bin/env bash
# The Debian package: cpack -G DEB in the build folder makes iact_<version>_amd64.deb, which
# declares what iact needs at run time (every library the binary links, and pandoc,
# WeasyPrint, rsvg-convert and the fonts), and installs the binary, share/iact, the completion
# scripts (zsh's where Debian's zsh looks) and the man pages (compressed), with a copyright
# file made from LICENSE and a changelog. lintian finds no error in it. The binary from the
# package, run from PATH, checks a sample plan with the frameworks of the package, not those
# of the source tree it was built from.
set -u
iact=$(realpath "$1")
build=$(realpath "$2")
root=$(realpath "$3")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

version=$("$iact" --version | sed -n 's/^iact \([0-9.]*\) .*/\1/p')
if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1; then
  echo "FAIL: cpack -G DEB failed:"
  cat "$work/cpack.log"
  exit 1
fi
deb=$work/out/iact_${version}_amd64.deb
[ -f "$deb" ] || { echo "FAIL: no $deb; cpack made: $(ls "$work/out")"; exit 1; }

# What it declares.
[ "$(dpkg-deb -f "$deb" Package)" = iact ] || fail "Package: $(dpkg-deb -f "$deb" Package)"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "Version: $(dpkg-deb -f "$deb" Version)"
depends=$(dpkg-deb -f "$deb" Depends)
names=$(tr ',' '\n' <<<"$depends" | sed 's/(.*//; s/ //g')
for package in pandoc weasyprint librsvg2-bin fonts-liberation2; do
  grep -qx "$package" <<<"$names" || fail "Depends lacks $package: $depends"
done
# Every library the binary needs is in a package it depends on.
dpkg -x "$deb" "$work/root" || fail "dpkg -x $deb"
for library in $(objdump -p "$work/root/usr/bin/iact" | awk '/NEEDED/ {print $2}'); do
  path=$(ldconfig -p | awk -v l="$library" '$1 == l {print $NF; exit}')
  package=$(dpkg -S "$(realpath "$path")" 2>/dev/null || dpkg -S "$path" 2>/dev/null)
  package=${package%%:*}
  if [ -z "$package" ]; then
    fail "no Debian package holds $library ($path)"
  elif ! grep -qx "$package" <<<"$names"; then
    fail "the binary needs $library from $package, which Depends lacks: $depends"
  fi
done

# What it installs.
for file in usr/bin/iact usr/share/iact/frameworks/timeline.yaml usr/share/iact/templates/board-paper.md \
  usr/share/iact/templates/return.yaml usr/share/iact/schema/iact-plan.schema.json \
  usr/share/bash-completion/completions/iact usr/share/zsh/vendor-completions/_iact \
  usr/share/fish/vendor_completions.d/iact.fish usr/share/man/man1/iact.1.gz \
  usr/share/man/man1/iact-validate.1.gz usr/share/doc/iact/copyright usr/share/doc/iact/changelog.gz; do
  [ -f "$work/root/$file" ] || fail "the package does not install /$file"
done
[ -z "$(find "$work/root/usr/share/man" -name '*.1')" ] || fail "uncompressed man pages: $(find "$work/root/usr/share/man" -name '*.1')"
[ ! -e "$work/root/usr/share/zsh/site-functions" ] || fail "the package still installs share/zsh/site-functions"
# Every man page the build wrote is in the package, and reads the same.
for page in "$build"/man/*.1; do
  cmp -s "$page" <(gzip -dc "$work/root/usr/share/man/man1/$(basename "$page").gz" 2>/dev/null) ||
    fail "the package's $(basename "$page").gz is not $page"
done
# The copyright file holds LICENSE's terms and holder; the changelog is this version's.
copyright=$work/root/usr/share/doc/iact/copyright
grep -q "^Copyright: [0-9-]* *The iact contributors$" "$copyright" && grep -q "^License: MIT$" "$copyright" ||
  fail "the copyright file does not name the holder and licence: $(head -n 12 "$copyright")"
while IFS= read -r line; do
  [ -z "$line" ] && continue
  grep -qxF " $line" "$copyright" || fail "the copyright file lacks LICENSE's line: $line"
done <"$root/LICENSE"
head=$(gzip -dc "$work/root/usr/share/doc/iact/changelog.gz" | head -n 1)
[ "$head" = "iact ($version) unstable; urgency=medium" ] || fail "the changelog begins: $head"
# lintian, Debian's package checker: no errors (E:) and no warnings (W:).
if ! command -v lintian >/dev/null; then
  fail "no lintian; install it with scripts/setup.sh --tests"
else
  lint=$(lintian --allow-root "$deb" 2>&1)
  grep -E "^[EW]: " <<<"$lint" && fail "lintian finds errors or warnings in $(basename "$deb") (above)"
fi
# cmake --install (not the package) keeps zsh's completion in site-functions, which a zsh
# under /usr/local reads.
cmake --install "$build" --prefix "$work/local" >/dev/null 2>&1 || fail "cmake --install"
[ -f "$work/local/share/zsh/site-functions/_iact" ] || fail "cmake --install puts no share/zsh/site-functions/_iact"
[ -f "$work/local/share/man/man1/iact.1" ] || fail "cmake --install puts no share/man/man1/iact.1"
if dpkg-deb -c "$deb" | grep -q "$root\|$build"; then
  fail "the package holds paths of the build machine"
fi

# The packaged binary, from PATH and another folder, on a sample system.
got=$("$work/root/usr/bin/iact" --version)
[ "$got" = "$("$iact" --version)" ] || fail "the packaged iact says '$got'"
cp -r "$root/plans/somerset" "$work/somerset"
run() { (cd "$work" && env -u IACT_FRAMEWORKS PATH="$work/root/usr/bin:$PATH" NO_COLOR=1 iact "$@" 2>&1); }
out=$(run validate somerset --as-of 2025-07-31)
[ $? -eq 0 ] && grep -q "^0 errors" <<<"$out" || fail "the packaged iact validate somerset: $out"
# Take a framework the plans cite out of the package: an iact that reads the package's
# frameworks now fails; one that reads the source tree's would not notice.
rm "$work/root/usr/share/iact/frameworks/webinar-2025.yaml"
out=$(run validate somerset --as-of 2025-07-31)
[ $? -eq 1 ] && grep -q "somerset-icb.yaml:13:56: error: no framework 'webinar-2025' \[unknown-framework\]" <<<"$out" ||
  fail "the packaged iact did not read the package's frameworks: $out"

[ $failures -eq 0 ] && echo "ok: $(basename "$deb"): Depends: $depends"
exit $((failures > 0))
