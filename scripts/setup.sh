#!/usr/bin/env bash
# Installs what iact needs to build and test, from Debian 12 packages, if anything is
# missing. Safe to run again: it is quiet and changes nothing when everything is there.
#
#   scripts/setup.sh           what building iact and the sample reports need
#   scripts/setup.sh --tests   also what only the tests need (clang and its sanitizer and
#                              libFuzzer runtimes, for the sanitizer build and the fuzzers;
#                              the tools the CI formats, completion, man pages, the .deb
#                              (lintian) and the pre-commit hook are tested with; Chromium;
#                              and, with npm,
#                              Microsoft's SARIF Multitool, axe-core and puppeteer-core in
#                              .cache/npm)
set -euo pipefail
tests=0
[ "${1:-}" = "--tests" ] && tests=1

packages=(
  g++ cmake make pkg-config         # toolchain
  libyaml-cpp-dev                   # plan loader
  libcli11-dev libfmt-dev nlohmann-json3-dev
  libxlsxwriter-dev                 # NHS England return (XLSX)
  libcsv-dev libzip-dev libpugixml-dev   # reading trackers and forms (CSV, XLSX)
  libkainjow-mustache-dev           # board paper templates
  pandoc librsvg2-bin               # board papers (DOCX, HTML); SVG chart in DOCX
  weasyprint fonts-liberation2      # PDF board papers; Arial-compatible fonts
  libgtest-dev libgmock-dev         # tests
  python3-yaml python3-jsonschema   # test helpers (schema check)
  python3-openpyxl                  # test helper: reads the returns back
)
if [ $tests -eq 1 ]; then
  packages+=(
    clang libclang-rt-14-dev        # sanitizer build (ASan, UBSan) and libFuzzer targets
    dpkg-dev                        # cpack -G DEB: dpkg-shlibdeps finds the library packages
    poppler-utils                   # pdftotext and pdfinfo read the PDF papers back
    lintian                         # checks the .deb as Debian's archive would
    man-db zsh fish                 # man -l renders the man pages; zsh and fish completion
    pre-commit                      # runs the hook of .pre-commit-hooks.yaml
    chromium                        # the accessibility check opens the HTML pages in it
  )
  command -v npm >/dev/null || packages+=(nodejs npm)   # the npm tools below
fi

# From npm into .cache/npm, if they are not there: Microsoft's SARIF Multitool (validates
# iact's SARIF), and axe-core and puppeteer-core (the accessibility check, tests/a11y).
# puppeteer-core 24 is the last line that runs on Debian 12's Node.js 18; it drives the
# Debian chromium and downloads no browser.
npm_tools() {
  [ $tests -eq 1 ] || return 0
  local dir wanted=()
  dir="$(cd "$(dirname "$0")/.." && pwd)/.cache/npm"
  [ -x "$dir/node_modules/.bin/sarif-multitool" ] || wanted+=(@microsoft/sarif-multitool)
  [ -f "$dir/node_modules/axe-core/axe.min.js" ] || wanted+=(axe-core)
  [ -f "$dir/node_modules/puppeteer-core/package.json" ] || wanted+=(puppeteer-core@24)
  [ ${#wanted[@]} -eq 0 ] && return 0
  echo "setup: installing ${wanted[*]} into $dir"
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "${wanted[@]}" >/dev/null
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && { npm_tools; exit 0; }

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: run as root to install: ${missing[*]}" >&2; exit 2; }
  sudo=sudo
fi
echo "setup: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
npm_tools
