"""BRAG by the SPEC's default rules, written for the tests independently of the C++, and
loading a system folder's plans as plain YAML."""
import calendar
import datetime
import os
import re

import yaml


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
    if status == "not-started":
        return "Amber" if dated and (due - as_of).days <= 30 else "Grey"
    return "Green"


def load_system(folder):
    plans = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".yaml"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                plans.append(yaml.safe_load(f))
    return plans


