#!/usr/bin/python3
"""The JSON Schema that `iact schema` writes agrees with `iact validate`: it accepts every
sample plan, and it rejects the shape errors of tests/data/bad/values.yaml. Plans are read
with YAML 1.2 rules, as editors read them (dates stay text; only true/false are booleans)."""
import glob
import json
import re
import subprocess
import sys

import jsonschema
import yaml

iact, root = sys.argv[1], sys.argv[2]


class Yaml12Loader(yaml.SafeLoader):
    pass


Yaml12Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers
          if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for key, resolvers in Yaml12Loader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))

schema = json.loads(subprocess.run([iact, "schema"], check=True, capture_output=True, text=True).stdout)
validator = jsonschema.Draft7Validator(schema)
failures = 0
samples = sorted(glob.glob(f"{root}/plans/*/*.yaml"))
assert samples, "no sample plans found"
# The complete return's test system writes `not-stated` in every place and spelling it may.
complete = sorted(glob.glob(f"{root}/tests/data/return/complete/*.yaml"))
for path in samples + complete:
    with open(path, encoding="utf-8") as f:
        errors = list(validator.iter_errors(yaml.load(f, Loader=Yaml12Loader)))
    for e in errors:
        print(f"FAIL: {path}: {list(e.path)}: {e.message}")
    failures += len(errors)

with open(f"{root}/tests/data/bad/values.yaml", encoding="utf-8") as f:
    bad = yaml.load(f, Loader=Yaml12Loader)
found = sorted("/".join(str(p) for p in e.path) for e in validator.iter_errors(bad))
wanted = ["actions/0/cost", "actions/0/status", "actions/0/timeframe", "organisation/kind",
          "risks/0/impact", "risks/0/likelihood"]
if found != wanted:
    print(f"FAIL: values.yaml: schema errors at {found}, wanted {wanted}")
    failures += 1
# `not-stated` where it may not be: refused by the schema as by `iact validate`.
with open(complete[0], encoding="utf-8") as f:
    text = f.read()
wrong = (text.replace("sro: { role: Chief Nursing Officer }",
                      "sro: { role: Chief Nursing Officer }\nauthor: not-stated")
         .replace("status: not-started", "status: not-stated")
         .replace("public: true", "public: Not Stated"))
found = sorted("/".join(str(p) for p in e.path)
               for e in validator.iter_errors(yaml.load(wrong, Loader=Yaml12Loader)))
if found != ["actions/3/status", "author"]:
    print(f"FAIL: not-stated where it may not be: schema errors at {found}")
    failures += 1
checked = subprocess.run([iact, "validate", "-", "--stdin-filename", complete[0], "--as-of",
                          "2026-01-20"], input=wrong, text=True, capture_output=True)
found = sorted(re.findall(r"^[^ ]+:(\d+):\d+: error: .*\[([a-z-]+)\]$", checked.stderr, re.M))
line_of = {l.strip(): str(i + 1) for i, l in enumerate(wrong.splitlines())}
wanted = sorted([(line_of["author: not-stated"], "wrong-type"),
                 (line_of["status: not-stated"], "invalid-value")])
if found != wanted:
    print(f"FAIL: iact validate on not-stated where it may not be: {found}, wanted {wanted}")
    failures += 1
print(f"{len(samples)} sample plans checked against the schema; {failures} failures")
sys.exit(1 if failures else 0)
