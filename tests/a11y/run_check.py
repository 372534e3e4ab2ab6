"""Runs axe_check.mjs, the accessibility check, for the tests in this folder."""
import os
import shutil
import subprocess
import sys

CHECKER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "axe_check.mjs")


def axe_check(args, env=None):
    """Runs the checker on `args`; returns (exit code, stdout, stderr). Without Node.js the
    test fails with how to get it, as it does without Chromium or the npm packages."""
    node = shutil.which("node")
    if node is None:
        sys.exit("node is missing; run scripts/setup.sh --tests (as root) to install it")
    proc = subprocess.run([node, CHECKER] + args, capture_output=True, text=True,
                          env=dict(os.environ, **(env or {})))
    return proc.returncode, proc.stdout, proc.stderr
