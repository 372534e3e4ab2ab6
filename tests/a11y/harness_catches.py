#!/usr/bin/python3
"""axe_check.mjs can fail: it finds each fault of fixtures/bad.html (an image without
alternative text, text too pale to read, a stylesheet from another host and one from outside
the page's folder), stops a page's own script unless --allow-js, finds a focus outline too
pale for its background (focus.html), table headings that print white on white with --print
(print.html) and, with --no-js, a control that needs a script (needs-script.html); and it
exits 2 with how to install the tools when they are missing.

Usage: harness_catches.py
"""
import os
import sys

from run_check import axe_check

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
FAILURES = []


def check(condition, message, output):
    if not condition:
        FAILURES.append("%s\n--- output ---\n%s" % (message, output))


def main():
    code, out, err = axe_check([os.path.join(FIXTURES, "bad.html")])
    if code == 2:
        sys.exit(err)
    check(code == 1, "bad.html: exit %d, expected 1" % code, out + err)
    for needle in ["critical: Images must have alternative text [image-alt]",
                   "[color-contrast]",
                   "blocked: https://example.org/style.css (stylesheet) [outside-request]",
                   "templates/paper.css (stylesheet) [outside-request]",
                   "fail: 2 serious/critical violations, 2 outside requests"]:
        check(needle in out, "bad.html: the output does not say %r" % needle, out + err)

    script = os.path.join(FIXTURES, "script.html")
    code, out, err = axe_check([script])
    check(code == 1 and "[script]" in out, "script.html: exit %d without --allow-js" % code,
          out + err)
    code, out, err = axe_check(["--allow-js", script])
    check(code == 0 and ": ok: " in out, "script.html: exit %d with --allow-js" % code, out + err)

    focus = os.path.join(FIXTURES, "focus.html")
    code, out, err = axe_check([focus])
    check(code == 1 and "a: its focus indicator has 1.73:1 against white (the page) "
          "[focus-contrast]" in out, "focus.html: exit %d" % code, out + err)

    printed = os.path.join(FIXTURES, "print.html")
    code, out, err = axe_check([printed])
    check(code == 0, "print.html on screen: exit %d" % code, out + err)
    code, out, err = axe_check(["--print", printed])
    check(code == 1 and "th: rgb(255, 255, 255) text prints at 1.00:1 on white (the page) "
          "[print-contrast]" in out, "print.html --print: exit %d" % code, out + err)

    needs = os.path.join(FIXTURES, "needs-script.html")
    code, out, err = axe_check(["--allow-js", needs])
    check(code == 0, "needs-script.html with its script: exit %d" % code, out + err)
    code, out, err = axe_check(["--no-js", needs])
    check(code == 1 and "form#filters: a form with no action is shown [needs-script]" in out and
          "select#status: a select that submits nothing is shown [needs-script]" in out,
          "needs-script.html --no-js: exit %d" % code, out + err)

    code, out, err = axe_check([script], env={"IACT_NPM_DIR": os.path.join(FIXTURES, "none")})
    check(code == 2 and "run scripts/setup.sh --tests" in err,
          "without axe-core: exit %d, expected 2 and how to install it" % code, out + err)

    for f in FAILURES:
        print("FAIL:", f)
    if FAILURES:
        sys.exit(1)
    print("a11y.harness_catches: all checks passed")


main()
