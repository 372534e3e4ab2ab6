#!/usr/bin/python3
"""The static site (`iact site`) and the roll-up's HTML summary meet WCAG 2.2 AA as axe-core
checks them in headless Chromium, with every request outside the site's folder blocked: once
with their own inline scripts running, and once with JavaScript off, where no control that
needs a script may show. Both times the focus indicator has 3:1 contrast on every background
and every text reads when printed. Where this test may make a network namespace of its own
(as root in CI), the browser runs with no network at all: the pages load with the network off.

Usage: site.py IACT SOURCE_DIR
"""
import os
import shutil
import subprocess
import sys
import tempfile

from run_check import CHECKER

IACT, SOURCE = sys.argv[1], sys.argv[2]


def iact(*args):
    proc = subprocess.run([IACT, *args], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit("iact %s exited %d\n%s" % (" ".join(args), proc.returncode, proc.stderr))


def main():
    node = shutil.which("node")
    if node is None:
        sys.exit("node is missing; run scripts/setup.sh --tests (as root) to install it")
    with tempfile.TemporaryDirectory() as tmp:
        plans = os.path.join(tmp, "plans")
        shutil.copytree(os.path.join(SOURCE, "plans"), plans)
        shutil.copytree(os.path.join(SOURCE, "tests", "data", "rollup", "fifth"),
                        os.path.join(plans, "fifth"))
        site = os.path.join(tmp, "site")
        iact("site", plans, "--as-of", "2026-02-01", "-o", site)
        iact("rollup", plans, "--period", "2026-01", "--as-of", "2026-02-01", "-o",
             os.path.join(site, "rollup"))
        pages = [os.path.join(d, f) for d, _, files in os.walk(site) for f in files
                 if f.endswith(".html")]
        offline = subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0
        # Every page with its script; one page of each kind (they share their shape) without.
        scriptless = [os.path.join(site, p) for p in ("index.html", "accessibility.html",
                                                      "systems/nenc.html", "items/carers.html")]
        runs = [("--allow-js", [site], len(pages)), ("--no-js", scriptless, len(scriptless))]
        for javascript, paths, count in runs:
            command = [node, CHECKER, javascript, "--print", *paths]
            if offline:
                command = ["unshare", "-n"] + command
            proc = subprocess.run(command, capture_output=True, text=True)
            sys.stdout.write(proc.stdout)
            sys.stderr.write(proc.stderr)
            if proc.returncode == 2:
                sys.exit("the accessibility check could not run (exit 2)")
            if proc.returncode != 0:
                sys.exit("the site fails the accessibility check %s (exit %d)" % (javascript, proc.returncode))
            checked = proc.stdout.count(": ok:")
            if checked != count:
                sys.exit("%s: %d pages checked of %d" % (javascript, checked, count))
    print("a11y.site: %d pages pass with JavaScript, %d without, on screen and in print%s" % (
        len(pages), len(scriptless), ", with no network" if offline else ""))


main()
