"""Inputs for bench/linear.sh, at a size N: each grows one cost that once grew with its square.

  make_linear.py KIND N DIR

KIND is one of
  keys       a plan whose one action has N keys the format does not define (N unknown-key errors)
  items      a plan of N actions, each addressing an item that does not exist (N unknown-item errors)
  timeline   a system with a local timeline of N periods, all before the as-of date (N trend points)
  apply      a plan of N open actions led by one organisation (one form of N rows: bench/linear.sh
             fills it in)
"""
import os
import sys

kind, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
HEAD = ("iact: 1\norganisation:\n  code: RXX\n  name: Bench Trust\n  short: BT\n  kind: trust\n"
        "  icb: QXX\nframeworks: [nhse-2024-themes]\n")
ACTION = ("  - id: A-{i}\n    title: Action {i}\n    addresses: [{item}]\n    lead: BT\n"
          "    due: 2027-03-31\n    status: on-track\n\n")
os.makedirs(os.path.join(out, "sys"), exist_ok=True)
plan = os.path.join(out, "sys", "bt.yaml")
if kind == "keys":
    with open(plan, "w") as f:
        f.write(HEAD + "actions:\n" + ACTION.format(i=0, item="long-term-planning"))
        for i in range(n):
            f.write("    unknown_key_%d: x\n" % i)
elif kind in ("items", "apply"):
    with open(plan, "w") as f:
        f.write(HEAD + "actions:\n")
        for i in range(n):
            item = "no-such-item-%d" % i if kind == "items" else "long-term-planning"
            f.write(ACTION.format(i=i, item=item))
elif kind == "timeline":
    with open(plan, "w") as f:
        f.write(HEAD + "actions:\n" + ACTION.format(i=0, item="long-term-planning"))
    with open(os.path.join(out, ".iact-timeline.yaml"), "w") as f:
        f.write("iact-timeline: 1\nperiods:\n")
        for i in range(n):  # monthly from January 1000, long before the as-of date
            year, month = 1000 + i // 12, i % 12 + 1
            f.write("  - { id: %04d-%02d, due: %04d-%02d-28, title: P }\n" % (year, month, year, month))
else:
    sys.exit("unknown kind " + kind)
