#!/usr/bin/python3
"""The HTML board paper of every sample system meets WCAG 2.2 AA as axe-core checks it, in
headless Chromium with every request outside the paper's folder blocked: the paper for the
2026-01 period, and the paper as of the day of each system's board meeting (the one
scripts/sample-reports.sh writes).

Usage: board_paper.py IACT SOURCE_DIR
"""
import os
import subprocess
import sys
import tempfile

from run_check import axe_check

IACT, SOURCE = sys.argv[1], sys.argv[2]
MEETINGS = {"somerset": "2024-11-28", "bnssg": "2025-05-01", "bob": "2025-06-30",
            "nenc": "2025-07-29"}


def build(plans, out, *options):
    args = [IACT, "build", plans, "--to", "html", "-o", out] + list(options)
    proc = subprocess.run(args, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit("%s exited %d\n%s" % (" ".join(args), proc.returncode, proc.stderr))


def main():
    plans = os.path.join(SOURCE, "plans")
    systems = sorted(n for n in os.listdir(plans) if os.path.isdir(os.path.join(plans, n)))
    with tempfile.TemporaryDirectory() as tmp:
        build(plans, os.path.join(tmp, "period"), "--period", "2026-01", "--as-of", "2026-01-31")
        for system in systems:
            if system in MEETINGS:
                build(os.path.join(plans, system), os.path.join(tmp, "meeting"),
                      "--as-of", MEETINGS[system])
        pages = [os.path.join(d, f) for d, _, files in os.walk(tmp) for f in files
                 if f.endswith(".html")]
        want = len(systems) + len(MEETINGS)
        if len(pages) != want:
            sys.exit("expected %d board papers, found %d: %s" % (want, len(pages), pages))
        code, out, err = axe_check([tmp])
    sys.stdout.write(out)
    sys.stderr.write(err)
    if code == 2:
        sys.exit("the accessibility check could not run (exit 2)")
    if code != 0:
        sys.exit("the board paper HTML fails the accessibility check (exit %d)" % code)
    print("a11y.board_paper: %d papers pass" % len(pages))


main()
