#!/usr/bin/python3
"""The yardstick for bench/run.sh: what a competent analyst would write in Python to do the
main work of `iact validate`, `iact status` and `iact return` over a folder of systems, done
plainly with PyYAML (its C loader, keeping line numbers) and openpyxl. It is not iact: it
checks the main rules (required and unknown fields, ids, statuses, dates, framework items,
leads, completions and evidence, updates, risk scores, declared statuses the dates
contradict, stale actions, coverage gaps and what the return will miss), prints them as iact
does (file:line:col, the line, a caret, a hint) or as JSON, and writes a workbook per system
with a cover, a summary by framework item and the actions with coloured BRAG cells.

Usage: reference.py validate|status|return PLANS_DIR --as-of YYYY-MM-DD [--format json] [-o DIR]
"""
import argparse
import calendar
import datetime
import json
import os
import re
import sys

import yaml

try:
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover - Debian's python3-yaml has the C loader
    from yaml import SafeLoader as Loader

HERE = os.path.dirname(os.path.abspath(__file__))
FRAMEWORKS = os.path.join(HERE, "..", "frameworks")
STATUSES = ["not-started", "on-track", "at-risk", "off-track", "blocked", "complete", "not-reported"]
TOP_KEYS = {"iact", "organisation", "frameworks", "partners", "groups", "actions", "risks",
            "board", "review", "sro", "author", "self_assessment", "dna_discharge_assurance",
            "rag", "narrative", "measures", "created"}
ORG_KEYS = {"code", "name", "short", "kind", "region", "icb", "predecessors"}
ACTION_KEYS = {"id", "title", "group", "addresses", "lead", "owner", "due", "baseline_due",
               "status", "completed", "evidence", "updates", "cost", "added", "notes",
               "risks", "partners"}
UPDATE_KEYS = {"date", "status", "note", "due"}
RISK_KEYS = {"id", "title", "likelihood", "impact", "mitigations", "actions", "owner", "closed",
             "register_ref"}
COLOURS = ["Blue", "Red", "Amber", "Green", "Grey"]
FILLS = {"Blue": "005EB8", "Red": "D5281B", "Amber": "FFB81C", "Green": "007F3B",
         "Grey": "4C6272"}


# ---- Frameworks and the timeline -------------------------------------------------------

def load_frameworks():
    frameworks, items, periods = {}, {}, []
    for name in sorted(os.listdir(FRAMEWORKS)):
        with open(os.path.join(FRAMEWORKS, name), encoding="utf-8") as f:
            data = yaml.load(f, Loader=Loader)
        if "iact-framework" in data:
            top = [i for i in data["items"]]
            frameworks[data["id"]] = {"title": data["title"], "items": [i["id"] for i in top]}
            for i in top:
                items[i["id"]] = (data["id"], i["title"])
                for e in i.get("expectations", []) or []:
                    items[i["id"] + "." + e["id"]] = (data["id"], e.get("title", ""))
        elif "periods" in data:
            for p in data["periods"]:
                periods.append((p["id"], p["due"]))
    return frameworks, items, sorted(periods, key=lambda p: p[1])


# ---- Dates --------------------------------------------------------------------------------

def end_of_month(year, month):
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def parse_due(text):
    """A due date as plans write it: a day, YYYY-MM, 'Q3 2025/26', tbc or ongoing."""
    if isinstance(text, datetime.date):
        return text
    t = str(text).strip().lower()
    if t in ("tbc", "ongoing"):
        return t
    try:
        return datetime.date.fromisoformat(t)
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{4})-(\d{2})", t)
    if m and 1 <= int(m.group(2)) <= 12:
        return end_of_month(int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"q([1-4]) (\d{4})/(\d{2})", t)
    if m:
        q, y = int(m.group(1)), int(m.group(2))
        month = {1: 6, 2: 9, 3: 12, 4: 3}[q]
        return end_of_month(y + 1 if q == 4 else y, month)
    return None


def parse_day(value):
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


# ---- Plans as nodes (for lines) and as values -------------------------------------------

def mapping(node):
    """The key/value node pairs of a mapping node, by key."""
    return {k.value: (k, v) for k, v in node.value} if isinstance(node, yaml.MappingNode) else {}


def scalar(node):
    return node.value if isinstance(node, yaml.ScalarNode) else None


class Report:
    def __init__(self):
        self.items = []

    def add(self, file, node, severity, rule, message, hint=""):
        mark = node.start_mark if node is not None else None
        self.items.append({"file": file, "line": mark.line + 1 if mark else 0,
                           "column": mark.column + 1 if mark else 0, "severity": severity,
                           "rule": rule, "message": message, "hint": hint})


def check_plan(path, text, node, known_items, as_of, previous_period, report):
    top = mapping(node)
    for key, (k, _) in top.items():
        if key not in TOP_KEYS:
            report.add(path, k, "error", "unknown-key", "unknown key '%s'" % key,
                       "see iact format for the keys a plan may have")
    for key in ("iact", "organisation", "frameworks", "actions"):
        if key not in top:
            report.add(path, node, "error", "missing-field", "the plan has no '%s'" % key,
                       "add it; see iact format")
    org = mapping(top["organisation"][1]) if "organisation" in top else {}
    for key, (k, _) in org.items():
        if key not in ORG_KEYS:
            report.add(path, k, "error", "unknown-key", "unknown key '%s' in organisation" % key)
    leads = set()
    for key in ("short", "code"):
        if key in org:
            leads.add(scalar(org[key][1]))
    if "partners" in top:
        for p in top["partners"][1].value:
            short = mapping(p).get("short")
            if short:
                leads.add(scalar(short[1]))
    if "icb" in org:
        leads.add(scalar(org["icb"][1]))
    leads.update({"ICB"})
    ids = {}
    actions = top["actions"][1].value if "actions" in top else []
    plan_actions = []
    for a in actions:
        fields = mapping(a)
        for key, (k, _) in fields.items():
            if key not in ACTION_KEYS:
                report.add(path, k, "error", "unknown-key", "unknown key '%s' in an action" % key)
        for key in ("id", "title", "addresses", "lead", "due", "status"):
            if key not in fields:
                report.add(path, a, "error", "missing-field", "action has no '%s'" % key)
        aid = scalar(fields["id"][1]) if "id" in fields else None
        if aid in ids:
            report.add(path, fields["id"][1], "error", "duplicate-id",
                       "action id %s is used twice (first on line %d)" % (aid, ids[aid]))
        elif aid:
            ids[aid] = fields["id"][1].start_mark.line + 1
        status = scalar(fields["status"][1]) if "status" in fields else None
        if status is not None and status not in STATUSES:
            report.add(path, fields["status"][1], "error", "invalid-status",
                       "'%s' is not a status" % status, "use one of " + ", ".join(STATUSES))
        due = parse_due(scalar(fields["due"][1])) if "due" in fields else None
        if "due" in fields and due is None:
            report.add(path, fields["due"][1], "error", "invalid-date",
                       "'%s' is not a due date" % scalar(fields["due"][1]),
                       "write YYYY-MM-DD, YYYY-MM, 'Q3 2025/26', tbc or ongoing")
        if "addresses" in fields:
            for item in fields["addresses"][1].value:
                v = scalar(item)
                v = v.split("/", 1)[1] if v and "/" in v else v
                if v not in known_items:
                    report.add(path, item, "error", "unknown-item",
                               "'%s' is not an item of any framework" % v,
                               "iact frameworks lists the item ids")
        if "lead" in fields:
            lead = fields["lead"][1]
            for v in (lead.value if isinstance(lead, yaml.SequenceNode) else [lead]):
                if scalar(v) not in leads:
                    report.add(path, v, "warning", "unknown-lead",
                               "lead '%s' is not this organisation or a partner" % scalar(v))
        if status == "complete":
            if "completed" not in fields:
                report.add(path, fields["status"][1], "error", "complete-without-date",
                           "a complete action needs a completed: date")
            elif parse_day(scalar(fields["completed"][1])) is None:
                report.add(path, fields["completed"][1], "error", "invalid-date",
                           "completed is not a date")
            elif parse_day(scalar(fields["completed"][1])) > as_of:
                report.add(path, fields["completed"][1], "error", "completed-in-future",
                           "completed after the as-of date")
            if "evidence" not in fields:
                report.add(path, fields["status"][1], "warning", "complete-without-evidence",
                           "a complete action should list its evidence")
        last_update = None
        if "updates" in fields:
            for u in fields["updates"][1].value:
                uf = mapping(u)
                for key, (k, _) in uf.items():
                    if key not in UPDATE_KEYS:
                        report.add(path, k, "error", "unknown-key",
                                   "unknown key '%s' in an update" % key)
                d = parse_day(scalar(uf["date"][1])) if "date" in uf else None
                if d is None:
                    report.add(path, u, "error", "invalid-date", "an update needs a date")
                elif last_update is None or d > last_update:
                    last_update = d
                if "status" in uf and scalar(uf["status"][1]) not in STATUSES:
                    report.add(path, uf["status"][1], "error", "invalid-status",
                               "'%s' is not a status" % scalar(uf["status"][1]))
        if status not in (None, "complete") and previous_period and (
                last_update is None or last_update <= previous_period[1]) and aid:
            report.add(path, fields["id"][1], "warning", "stale-action",
                       "action %s has no update since %s" % (aid, previous_period[1]),
                       "add an entry under `updates:` with the date, status and a note")
        if status in ("on-track", "at-risk", "not-started") and isinstance(due, datetime.date) \
                and due < as_of:
            report.add(path, fields["status"][1], "warning", "status-contradiction",
                       "declared %s, but due %s has passed at %s: reports show it as Red" % (
                           status, due, as_of),
                       "update the status, or re-plan: set a new `due:` and keep the old one "
                       "as `baseline_due:`")
        plan_actions.append({"node": a, "id": aid, "status": status, "due": due,
                             "addresses": [scalar(i) for i in fields["addresses"][1].value]
                             if "addresses" in fields else [],
                             "title": scalar(fields["title"][1]) if "title" in fields else "",
                             "lead": scalar(fields["lead"][1]) if "lead" in fields and isinstance(
                                 fields["lead"][1], yaml.ScalarNode) else "",
                             "completed": scalar(fields["completed"][1])
                             if "completed" in fields else None})
    if "risks" in top:
        for r in top["risks"][1].value:
            rf = mapping(r)
            for key in ("likelihood", "impact"):
                if key in rf:
                    v = scalar(rf[key][1])
                    if not (v and v.isdigit() and 1 <= int(v) <= 5):
                        report.add(path, rf[key][1], "error", "invalid-score",
                                   "%s must be 1 to 5" % key)
    kind = scalar(org["kind"][1]) if "kind" in org else "trust"
    frameworks = [scalar(f) for f in top["frameworks"][1].value] if "frameworks" in top else []
    return {"file": path, "kind": kind, "frameworks": frameworks, "actions": plan_actions,
            "node": node, "top": top,
            "label": scalar(org["short"][1]) if "short" in org else (
                scalar(org["code"][1]) if "code" in org else ""),
            "code": scalar(org["code"][1]) if "code" in org else "",
            "name": scalar(org["name"][1]) if "name" in org else ""}


def brag(action, as_of):
    status, due = action["status"], action["due"]
    if status == "complete":
        return "Blue"
    if status in ("off-track", "blocked"):
        return "Red"
    if isinstance(due, datetime.date) and due < as_of:
        return "Red"
    if status == "at-risk" or due == "tbc":
        return "Amber"
    if status == "not-started":
        if isinstance(due, datetime.date) and (due - as_of).days <= 30:
            return "Amber"
        return "Grey"
    return "Green"


def load(plans_dir, as_of, report):
    frameworks, items, periods = load_frameworks()
    previous = None
    for p in periods:
        if p[1] < as_of:
            previous = p
    systems = {}
    for folder in sorted(os.listdir(plans_dir)):
        path = os.path.join(plans_dir, folder)
        if not os.path.isdir(path):
            continue
        plans = []
        for name in sorted(os.listdir(path)):
            if not name.endswith((".yaml", ".yml")):
                continue
            file = os.path.join(path, name)
            with open(file, encoding="utf-8") as f:
                text = f.read()
            try:
                node = yaml.compose(text, Loader=Loader)
            except yaml.YAMLError as e:
                mark = getattr(e, "problem_mark", None)
                report.items.append({"file": file, "line": mark.line + 1 if mark else 0,
                                     "column": mark.column + 1 if mark else 0,
                                     "severity": "error", "rule": "yaml-syntax",
                                     "message": str(getattr(e, "problem", e)), "hint": ""})
                continue
            plan = check_plan(file, text, node, items, as_of, previous, report)
            plan["text"] = text
            plans.append(plan)
        if plans:
            systems[folder] = plans
    for name, plans in systems.items():
        lead = next((p for p in plans if p["kind"] == "icb"), plans[0])
        for fid in lead["frameworks"]:
            if fid not in frameworks:
                continue
            addressed = {a.split("/", 1)[-1].split(".")[0] for p in plans for a2 in p["actions"]
                         for a in a2["addresses"]}
            missing = [i for i in frameworks[fid]["items"] if i not in addressed]
            if missing:
                report.add(lead["file"], lead["top"]["frameworks"][1], "warning", "coverage-gap",
                           "no action in this system addresses %d of the %d items of %s: %s" % (
                               len(missing), len(frameworks[fid]["items"]), fid,
                               ", ".join(missing)),
                           "add the item ids to `addresses:` of the actions that cover them")
        for p in plans:
            if "dna_discharge_assurance" not in p["top"]:
                report.add(p["file"], p["top"]["organisation"][1], "warning", "return-incomplete",
                           "the return's DNA discharge sheet will have no assurance from %s" %
                           p["label"], "add `dna_discharge_assurance: {...}`")
        if "self_assessment" not in lead["top"]:
            report.add(lead["file"], lead["top"]["frameworks"][1], "warning", "return-incomplete",
                       "the return's Summary sheet will have no self-assessed assurance",
                       "add `self_assessment:` to the plan")
    return systems, frameworks, items


def print_text(report, sources, out):
    items = sorted(report.items, key=lambda d: (d["file"], d["line"], d["column"]))
    for d in items:
        out.write("%s:%d:%d: %s: %s [%s]\n" % (d["file"], d["line"], d["column"], d["severity"],
                                               d["message"], d["rule"]))
        lines = sources.get(d["file"], "").splitlines()
        if 0 < d["line"] <= len(lines):
            width = len(str(d["line"]))
            out.write(" %d | %s\n" % (d["line"], lines[d["line"] - 1]))
            out.write(" %s | %s^\n" % (" " * width, " " * (d["column"] - 1)))
        if d["hint"]:
            out.write("  hint: %s\n" % d["hint"])
    errors = sum(1 for d in items if d["severity"] == "error")
    out.write("%d errors, %d warnings in %d files\n" % (errors, len(items) - errors,
                                                         len(sources)))


def validate(args):
    report = Report()
    systems, _, _ = load(args.plans, args.as_of, report)
    sources = {p["file"]: p["text"] for plans in systems.values() for p in plans}
    if args.format == "json":
        json.dump(sorted(report.items, key=lambda d: (d["file"], d["line"], d["column"])),
                  sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print_text(report, sources, sys.stderr)
    return 1 if any(d["severity"] == "error" for d in report.items) else 0


def counts_of(actions, as_of):
    c = {k: 0 for k in COLOURS}
    for a in actions:
        c[brag(a, as_of)] += 1
    return c


def status(args):
    report = Report()
    systems, frameworks, _ = load(args.plans, args.as_of, report)
    out = []
    for name, plans in systems.items():
        every = [a for p in plans for a in p["actions"]]
        s = {"system": name, "totals": counts_of(every, args.as_of), "organisations": [],
             "frameworks": []}
        for p in plans:
            s["organisations"].append({"label": p["label"],
                                       "counts": counts_of(p["actions"], args.as_of)})
        lead = next((p for p in plans if p["kind"] == "icb"), plans[0])
        for fid in lead["frameworks"]:
            items = []
            for item in frameworks.get(fid, {"items": []})["items"]:
                on = [a for a in every if any(x.split("/", 1)[-1].split(".")[0] == item
                                              for x in a["addresses"])]
                items.append({"id": item, "counts": counts_of(on, args.as_of), "gap": not on})
            s["frameworks"].append({"id": fid, "items": items})
        s["overdue"] = [a["id"] for a in every if a["status"] != "complete" and isinstance(
            a["due"], datetime.date) and a["due"] < args.as_of]
        out.append(s)
    if args.format == "json":
        json.dump(out, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        for s in out:
            print(s["system"])
            for o in s["organisations"]:
                print("  %-8s %s" % (o["label"], " ".join("%5d" % o["counts"][c] for c in COLOURS)))
            print("  overdue: %d" % len(s["overdue"]))
    return 0


def write_return(args):
    from openpyxl import Workbook
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill

    report = Report()
    systems, frameworks, items = load(args.plans, args.as_of, report)
    for name, plans in systems.items():
        lead = next((p for p in plans if p["kind"] == "icb"), plans[0])
        every = [(p, a) for p in plans for a in p["actions"]]
        wb = Workbook()
        cover = wb.active
        cover.title = "Cover"
        totals = counts_of([a for _, a in every], args.as_of)
        rows = [("ICB", lead["name"]), ("Code", lead["code"]), ("As of", args.as_of),
                ("Actions", len(every))] + [(c, totals[c]) for c in COLOURS]
        for r in rows:
            cover.append(r)
        summary = wb.create_sheet("Summary")
        summary.append(["Framework", "Item", "Title", "Actions"] + COLOURS)
        for fid in lead["frameworks"]:
            for item in frameworks.get(fid, {"items": []})["items"]:
                on = [a for _, a in every if any(x.split("/", 1)[-1].split(".")[0] == item
                                                 for x in a["addresses"])]
                c = counts_of(on, args.as_of)
                summary.append([fid, item, items[item][1], len(on)] + [c[k] for k in COLOURS])
        sheet = wb.create_sheet("Actions")
        header = ["Organisation", "ID", "Action", "Addresses", "Lead", "Due", "Status", "BRAG"]
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor="005EB8")
        for p, a in every:
            due = a["due"]
            sheet.append([p["label"], a["id"], a["title"], ", ".join(a["addresses"]), a["lead"],
                          due if isinstance(due, datetime.date) else str(due), a["status"],
                          brag(a, args.as_of)])
        last = sheet.max_row
        for colour in COLOURS:
            sheet.conditional_formatting.add(
                "H2:H%d" % last, CellIsRule(operator="equal", formula=['"%s"' % colour],
                                            fill=PatternFill("solid", bgColor=FILLS[colour])))
        sheet.auto_filter.ref = "A1:H%d" % last
        sheet.freeze_panes = "A2"
        folder = os.path.join(args.output, name)
        os.makedirs(folder, exist_ok=True)
        wb.save(os.path.join(folder, "return.xlsx"))
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["validate", "status", "return"])
    parser.add_argument("plans")
    parser.add_argument("--as-of", required=True, type=datetime.date.fromisoformat)
    parser.add_argument("--format", default="text", choices=["text", "json"])
    parser.add_argument("-o", "--output", default="reports")
    args = parser.parse_args()
    sys.exit({"validate": validate, "status": status, "return": write_return}[args.command](args))


main()
