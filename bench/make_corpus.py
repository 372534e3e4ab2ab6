#!/usr/bin/python3
"""Writes a national-scale corpus of plans: 42 ICB systems, each an ICB plan and four trust
plans of 48 actions (10,080 actions in all), with updates, risks and every date form.
Usage: make_corpus.py OUT_DIR [SYSTEMS]"""
import os
import sys

out = sys.argv[1]
systems = int(sys.argv[2]) if len(sys.argv) > 2 else 42
items = ["continuity", "carers", "long-term-planning", "discharge", "treatment-review",
         "dna-discharge", "cohort-identification", "personalised-risk", "joint-discharge",
         "multi-agency", "families", "out-of-area", "care-treatment.care-plan-review",
         "model-governance.caseload-cap", "workforce.training-supervision"]
dues = ["2025-06-30", "2025-09", "Q3 2025/26", "tbc", "ongoing", "2026-03-31"]
statuses = ["on-track", "at-risk", "not-started", "complete", "off-track", "on-track"]


def plan(code, name, short, kind, icb, actions):
    lines = ["iact: 1", "organisation:", f"  code: {code}", f"  name: {name}", f"  short: {short}",
             f"  kind: {kind}"]
    if icb:
        lines.append(f"  icb: {icb}")
    lines += ["frameworks: [nhse-2024-themes, investigation-2025, webinar-2025]",
              "groups: [Governance, Operating model, Clinical delivery]", "actions:"]
    for i in range(actions):
        status = statuses[i % len(statuses)]
        lines += [f"  - id: {short}-{i + 1:03d}",
                  f"    title: Action {i + 1} of {short} on {items[i % len(items)]}",
                  f"    group: {['Governance', 'Operating model', 'Clinical delivery'][i % 3]}",
                  f"    addresses: [{items[i % len(items)]}, {items[(i * 7 + 3) % len(items)]}]",
                  f"    lead: {short}",
                  f"    due: {dues[i % len(dues)]}",
                  f"    status: {status}"]
        if status == "complete":
            lines += ["    completed: 2025-05-31", "    evidence: [Report to the steering group]"]
        lines += ["    updates:", "      - date: 2025-03-31", "        note: Progress reported.",
                  "      - date: 2025-09-30", f"        status: {status}", "        note: Reviewed."]
    lines += ["risks:", "  - id: R1", "    title: Cohort not yet identifiable", "    likelihood: 3",
              "    impact: 4", f"    actions: [{short}-001]"]
    return "\n".join(lines) + "\n"


total = 0
for s in range(systems):
    folder = os.path.join(out, f"system-{s + 1:02d}")
    os.makedirs(folder, exist_ok=True)
    icb = f"Q{s + 10:02d}"
    with open(os.path.join(folder, "icb.yaml"), "w") as f:
        f.write(plan(icb, f"NHS System {s + 1} ICB", f"ICB{s + 1}", "icb", None, 48))
    for t in range(4):
        with open(os.path.join(folder, f"trust-{t + 1}.yaml"), "w") as f:
            f.write(plan(f"R{s:02d}{t}", f"Trust {t + 1} of system {s + 1}", f"T{s + 1}x{t + 1}",
                         "trust", icb, 48))
    total += 5 * 48
print(f"{systems} systems, {systems * 5} plans, {total} actions in {out}")
