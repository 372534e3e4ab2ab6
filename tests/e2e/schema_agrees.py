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
for path in samples:
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
print(f"{len(samples)} sample plans checked against the schema; {failures} failures")
sys.exit(1 if failures else 0)
