#!/usr/bin/env bash
# launchlint review and --config from the command line: exit codes follow the
# decision, the decision block has its exact format, config errors exit 2.
set -uo pipefail
bin=$(realpath "$1")
cd "$(dirname "$0")/.."
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

"$bin" review --config "$cfg" testdata/examples/vllm-quickstart.yaml >"$tmp/block"
check "block exit 1" 1 $?
contains "block decision" "$tmp/block" "Decision: block"

"$bin" lint --config "$cfg" --today 2026-11-28 "$example" >"$tmp/lint"
check "lint with a suppressed finding exit 0" 0 $?

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
sets = {f.get("valuesSet") for f in json.load(open(sys.argv[1]))["findings"]}
if not {"prod", "dev"} <= {s for v in sets if v for s in v.split(",")}:
    sys.exit(f"FAIL values sets in review JSON: {sets}")
PY
"$bin" review --values-set prod "$chart" >/dev/null 2>"$tmp/err"
check "malformed values set exit 2" 2 $?

exit $fail
