#!/usr/bin/env bash
# launchlint review and --config from the command line: exit codes follow the
# decision, the decision block has its exact format, config errors exit 2.
set -uo pipefail
bin=$(realpath "$1")
cd "$(dirname "$0")/.."
repo=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() {  # check NAME EXPECTED_STATUS ACTUAL_STATUS
  if [[ "$2" != "$3" ]]; then
    echo "FAIL $1: exit $3, expected $2"
    fail=1
  else
    echo "ok   $1"
  fi
}
contains() {  # contains NAME FILE TEXT
  if grep -qxF -- "$3" "$2"; then echo "ok   $1"; else
    echo "FAIL $1: no line \"$3\" in:"; cat "$2"; fail=1; fi
}

example=testdata/examples/review
cfg=$example/.launchlint.yaml

"$bin" review --config "$cfg" --today 2026-11-28 "$example" >"$tmp/text"
check "conditions exit 0" 0 $?
contains "decision line" "$tmp/text" "Decision: approve with conditions"
contains "primary risk line" "$tmp/text" "Primary risk: none"
contains "rollback owner line" "$tmp/text" "Rollback owner: team-inference"
contains "slo owner line" "$tmp/text" "SLO owner: team-inference-sre"
contains "review date line" "$tmp/text" "Review date: 2026-12-31"

"$bin" review --config "$cfg" --today 2026-11-28 --fail-on-conditions "$example" >/dev/null
check "conditions with --fail-on-conditions exit 1" 1 $?

"$bin" review --config "$cfg" --today 2026-11-28 --format markdown "$example" >"$tmp/md"
check "markdown exit 0" 0 $?
contains "markdown decision line" "$tmp/md" "Decision: approve with conditions  "
grep -q '^| Deployment `llm-serving/llama-3-8b` |' "$tmp/md" && echo "ok   markdown row" || { echo "FAIL markdown row"; fail=1; }

"$bin" review --config "$cfg" --today 2027-01-01 "$example" >"$tmp/expired"
check "expired exception blocks" 1 $?
contains "expired decision" "$tmp/expired" "Decision: block"

"$bin" review --config "$cfg" --today 2026-11-28 --format json "$example" >"$tmp/json"
check "json exit 0" 0 $?
python3 - "$tmp/json" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1]))
assert d["decision"]["verdict"] == "approve-with-conditions", d["decision"]
assert d["decision"]["reviewDate"] == "2026-12-31"
e = d["decision"]["acceptedExceptions"][0]
assert e["rule"] == "ROL001" and e["owner"] == "team-inference" and e["expires"] == "2026-12-31", e
w = d["workloads"][0]
assert w["areas"] == {"security": "pass", "scheduling": "pass", "rollout": "pass",
                      "observability": "pass", "cost": "pass"}, w["areas"]
assert w["owners"]["rollback"] == "team-inference" and w["owners"]["slo"] == "team-inference-sre"
assert abs(w["cost"]["monthlyMax"] - 1512.56) < 0.01, w["cost"]
assert any(f["suppressed"] and f["suppression"]["kind"] == "annotation" for f in d["findings"])
print("ok   json decision, workloads, cost")
PY

# The review JSON (workloads, decision) is valid against the output schema,
# and the schema rejects a made-up verdict.
schema_check=$(dirname "$bin")/json_schema_check
"$schema_check" schemas/launchlint-output.schema.json "$tmp/json" >/dev/null
check "review json valid against the schema" 0 $?
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["decision"]["verdict"]="maybe"; json.dump(d,open(sys.argv[2],"w"))' "$tmp/json" "$tmp/bad.json"
"$schema_check" schemas/launchlint-output.schema.json "$tmp/bad.json" >/dev/null 2>&1
check "schema rejects a made-up verdict" 1 $?

printf 'owners:\n  rollbak: x\n' >"$tmp/bad.yaml"
"$bin" review --config "$tmp/bad.yaml" "$example" >/dev/null 2>"$tmp/err"
check "bad config exit 2" 2 $?
contains "bad config message" "$tmp/err" "$tmp/bad.yaml:2:3: error: unknown key \"rollbak\"; did you mean \"rollback\"?"

# The config is found in the current folder or its parents.
(cd "$example" && "$bin" review --today 2026-11-28 . >"$tmp/found")
check "config found upward exit 0" 0 $?
contains "config found upward" "$tmp/found" "SLO owner: team-inference-sre"

# ... and in a parent of the current folder.
mkdir -p "$tmp/project/deploy/prod"
cp "$cfg" "$tmp/project/.launchlint.yaml"
(cd "$tmp/project/deploy/prod" && "$bin" review --today 2026-11-28 "$repo/$example" >"$tmp/parent")
check "config found in a parent exit 0" 0 $?
contains "config found in a parent" "$tmp/parent" "SLO owner: team-inference-sre"

# The README's worked example is what the command prints.
python3 - README.md "$tmp/readme-review.txt" <<'PY' || fail=1
import sys
text = open(sys.argv[1]).read()
start = "```console\n$ cd testdata/examples/review && launchlint review --today 2026-11-28\n"
at = text.index(start) + len(start)
open(sys.argv[2], "w").write(text[at:text.index("```", at)])
PY
(cd "$example" && "$bin" review --today 2026-11-28 >"$tmp/worked")
check "worked example exit 0" 0 $?
if diff -u "$tmp/readme-review.txt" "$tmp/worked"; then echo "ok   README worked example"; else
  echo "FAIL README worked example differs from the output"; fail=1; fi

# Markdown keeps the decision block one paragraph: the accepted exception is
# not a list item that would swallow the lines after it.
python3 - "$tmp/md" <<'PY' && echo "ok   markdown decision block" || { echo "FAIL markdown decision block"; cat "$tmp/md"; fail=1; }
import sys
lines = open(sys.argv[1]).read().split("\n")
at = lines.index("Decision: approve with conditions  ")
block = lines[at:at + 7]
want = ["Decision: ", "Primary risk: ", "Accepted exceptions: 1  ", "\u2022 ROL001 on ",
        "Rollback owner: ", "SLO owner: ", "Review date: 2026-12-31"]
assert all(l.startswith(w) for l, w in zip(block, want)), block
assert all(l.endswith("  ") for l in block[:-1]), block
PY

# approve: nothing open, nothing accepted; exit 0 even with --fail-on-conditions.
printf 'rules: {security: off, scheduling: off, rollout: off, observability: off, cost: off, general: off}\n' >"$tmp/quiet.yaml"
"$bin" review --config "$tmp/quiet.yaml" --fail-on-conditions "$example" >"$tmp/approve"
check "approve exit 0 with --fail-on-conditions" 0 $?
contains "approve decision" "$tmp/approve" "Decision: approve"
contains "approve: no exceptions" "$tmp/approve" "Accepted exceptions: none"

# An unreadable input is exit 2, whatever the decision.
"$bin" review --config "$tmp/quiet.yaml" "$example" "$tmp/no-such.yaml" >/dev/null 2>"$tmp/err"
check "missing input exit 2" 2 $?

"$bin" review --config "$cfg" testdata/examples/vllm-quickstart.yaml >"$tmp/block"
check "block exit 1" 1 $?
contains "block decision" "$tmp/block" "Decision: block"

# A block says what to fix: the open findings come first, as lint prints them.
python3 - "$tmp/block" <<'PY' && echo "ok   block lists the open findings before the review" || { echo "FAIL block findings"; cat "$tmp/block"; fail=1; }
import sys
lines = open(sys.argv[1]).read().split("\n")
finding = next(i for i, l in enumerate(lines) if l.startswith(
    "testdata/examples/vllm-quickstart.yaml:37:23: error: ") and l.endswith("[SEC001]"))
assert finding < next(i for i, l in enumerate(lines) if l.startswith("Launch review: "))
PY
# Markdown keeps "<commit-sha>" of a message visible (GitHub drops unknown tags).
"$bin" review --config "$cfg" --format markdown testdata/examples/vllm-quickstart.yaml >"$tmp/block.md"
grep -qF 'pin a commit with --revision &lt;commit-sha&gt;' "$tmp/block.md" &&
  echo "ok   markdown escapes <commit-sha>" || { echo "FAIL markdown escaping"; fail=1; }
grep -qF 'so remove `privileged: true`' "$tmp/block.md" &&
  echo "ok   markdown keeps code spans as written" || { echo "FAIL markdown code span"; fail=1; }

"$bin" lint --config "$cfg" --today 2026-11-28 "$example" >"$tmp/lint"
check "lint with a suppressed finding exit 0" 0 $?
# lint's JSON carries the matrix and the decision too.
"$bin" lint --config "$cfg" --today 2026-11-28 --format json "$example" >"$tmp/lint.json"
python3 - "$tmp/lint.json" <<'PY' && echo "ok   lint JSON has workloads and decision" || fail=1
import json, sys
d = json.load(open(sys.argv[1]))
assert d["decision"]["verdict"] == "approve-with-conditions", d.get("decision")
assert [w["name"] for w in d["workloads"]] == ["llama-3-8b"], d.get("workloads")
PY

# review takes lint's chart options: values files, --namespace, values sets.
chart=testdata/charts/llm-stack
"$bin" review --config "$cfg" --today 2026-11-28 --namespace llm \
  -f "$chart/values-prod.yaml" "$chart" >"$tmp/chart"
check "chart review exit 1" 1 $?
grep -q "^Deployment llm/release-vllm " "$tmp/chart" &&
  echo "ok   chart review rendered into --namespace" ||
  { echo "FAIL chart review: no Deployment llm/release-vllm row"; cat "$tmp/chart"; fail=1; }
grep -q "^Primary risk: .*\[$chart/charts/metrics/templates/daemonset.yaml:26:13\]$" "$tmp/chart" &&
  echo "ok   chart review risk at the template line" ||
  { echo "FAIL chart review primary risk location"; cat "$tmp/chart"; fail=1; }
"$bin" review --config "$cfg" --format json \
  --values-set "prod=$chart/values-prod.yaml" --values-set "dev=$chart/values-dev.yaml" \
  "$chart" >"$tmp/sets.json"
check "chart review with values sets exit 1" 1 $?
python3 - "$tmp/sets.json" <<'PY' && echo "ok   values sets label review findings" || fail=1
import json, sys
d = json.load(open(sys.argv[1]))
sets = {f.get("valuesSet") for f in d["findings"]}
if not {"prod", "dev"} <= {s.strip() for v in sets if v for s in v.split(",")}:
    sys.exit(f"FAIL values sets in review JSON: {sets}")
# One row per workload, not one per values set.
ids = [(w["kind"], w["namespace"], w["name"]) for w in d["workloads"]]
if not ids or len(ids) != len(set(ids)):
    sys.exit(f"FAIL workload rows: {ids}")
PY
"$bin" review --values-set prod "$chart" >/dev/null 2>"$tmp/err"
check "malformed values set exit 2" 2 $?

exit $fail
