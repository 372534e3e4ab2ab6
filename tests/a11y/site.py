#!/usr/bin/python3
"""The static site (`iact site`) and the roll-up's HTML summary meet WCAG 2.2 AA as axe-core
checks them in headless Chromium, with their own inline scripts running and every request
outside the site's folder blocked. Where this test may make a network namespace of its own
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
        command = [node, CHECKER, "--allow-js", site]
        offline = subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0
        if offline:
            command = ["unshare", "-n"] + command
        proc = subprocess.run(command, capture_output=True, text=True)
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    if proc.returncode == 2:
        sys.exit("the accessibility check could not run (exit 2)")
    if proc.returncode != 0:
        sys.exit("the site fails the accessibility check (exit %d)" % proc.returncode)
    checked = proc.stdout.count(": ok:")
    if checked != len(pages):
        sys.exit("%d pages checked of %d" % (checked, len(pages)))
    print("a11y.site: %d pages pass%s" % (len(pages), ", with no network" if offline else ""))


main()
