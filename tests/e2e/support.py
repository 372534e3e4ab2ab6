"""What the end-to-end tests share: collecting failed checks, running iact, BRAG by the
SPEC's default rules (written for the tests independently of the C++), and loading a system
folder's plans as plain YAML."""
import calendar
import datetime
import os
import re
import subprocess
import sys

import yaml

FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)


def run(args, env=None, expect=0):
    proc = subprocess.run(args, capture_output=True, text=True, env=env)
    if proc.returncode != expect:
        sys.exit("%s exited %d, expected %d\n%s" % (" ".join(args), proc.returncode, expect,
                                                   proc.stderr))
    return proc


def report_files(folder):
    """The files in a report folder, without the record of its reports' as-of date."""
    return sorted(n for n in os.listdir(folder) if n != ".iact-as-of")


def finish(what):
    """Prints every failed check and exits 1 if there was one."""
    for f in FAILURES:
        print("FAIL:", f)
    if FAILURES:
        sys.exit(1)
    print("%s: all checks passed" % what)


def end_of_month(year, month):
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def parse_due(value):
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip().lower()
    if text in ("tbc", "ongoing"):
        return text
    m = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if m:
        return end_of_month(int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"q([1-4]) (\d{4})/\d{2}", text)
    if m:
        quarter, year = int(m.group(1)), int(m.group(2))
        month = {1: 6, 2: 9, 3: 12, 4: 3}[quarter]
        return end_of_month(year + 1 if quarter == 4 else year, month)
    return datetime.date.fromisoformat(text)


def brag(action, as_of):
    status = action["status"]
    due = parse_due(action["due"])
    baseline = parse_due(action["baseline_due"]) if "baseline_due" in action else None
    dated = isinstance(due, datetime.date)
    if status == "complete":
        return "Blue"
    if status in ("off-track", "blocked") or (dated and due < as_of):
        return "Red"
    if status == "at-risk":
        return "Amber"
    if dated and isinstance(baseline, datetime.date) and due > baseline:
        return "Amber"
    if due == "tbc":
        return "Amber"
    if status in ("not-started", "not-reported"):
        return "Amber" if dated and (due - as_of).days <= 30 else "Grey"
    return "Green"


def load_system(folder):
    plans = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".yaml"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                plans.append(yaml.safe_load(f))
    return plans


