#!/usr/bin/env bash
# SARIF from real runs of launchlint passes both validators (the OASIS schema
# through rapidjson, and Microsoft's multitool with the GitHub rules):
# folders with subfolders and a path with a space, a yaml-syntax finding
# without an object, related locations, non-ASCII text, Helm sources, stdin,
# a file outside the current folder, a category, and a clean run.
# Usage: tests/sarif_validators.sh LAUNCHLINT
set -euo pipefail
bin=$(realpath "$1")
cd "$(dirname "$0")/.."
export JSON_SCHEMA_CHECK=${JSON_SCHEMA_CHECK:-$(dirname "$bin")/json_schema_check}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# check NAME STDIN ARGS...: runs launchlint with ARGS (stdin from STDIN)
# into $work/NAME.sarif, exit 0 or 1 expected, and checks that the SARIF holds
# one result per finding of the JSON report of the same run. All files are
# validated together below (one multitool run).
produced=()
check() {
  local name=$1 input=$2
  shift 2
  local status=0
  "$bin" lint --format sarif --output "$work/$name.sarif" "$@" <"$input" || status=$?
  if (( status > 1 )); then
    echo "FAIL $name: launchlint exited $status" >&2
    failures=$((failures + 1))
    return
  fi
  "$bin" lint --format json --output "$work/$name.json" "$@" <"$input" || true
  local got want
  got=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["runs"][0]["results"]))' "$work/$name.sarif")
  want=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$work/$name.json")
  if [[ $got != "$want" ]]; then
    echo "FAIL $name: $got results, but $want findings in JSON" >&2
    failures=$((failures + 1))
  fi
  if [[ $name != clean && $got == 0 ]]; then
    echo "FAIL $name: no results" >&2
    failures=$((failures + 1))
  fi
  produced+=("$work/$name.sarif")
}

# The fixtures run with a fixed rule set (testdata/outputs/.launchlint.yaml)
# so the URIs below do not move when rules are added; every-rule runs them all.
pinned=(--config testdata/outputs/.launchlint.yaml)
check fixtures /dev/null "${pinned[@]}" testdata/outputs
check every-rule /dev/null testdata/rules testdata/examples
check stdin testdata/outputs/serving.yaml "${pinned[@]}" -
check stdin-and-files testdata/outputs/serving.yaml "${pinned[@]}" - testdata/outputs
cp "testdata/outputs/sub dir/broken file.yaml" "$work/outside file.yaml"
check outside-the-current-folder /dev/null "${pinned[@]}" "$work/outside file.yaml"
check category /dev/null "${pinned[@]}" testdata/outputs --sarif-category launchlint/prod
# Custom rules from a config file (issue 10), with suppressed findings.
check custom-rules /dev/null --config testdata/rules/custom-rules/.launchlint.yaml testdata/rules/custom-rules
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: clean}\n' >"$work/clean.yaml"
check clean /dev/null "${pinned[@]}" "$work/clean.yaml"
# A missing input (exit 2) is recorded as a tool error notification.
status=0
"$bin" lint --format sarif --output "$work/missing-input.sarif" "${pinned[@]}" testdata/outputs "no such.yaml" 2>/dev/null || status=$?
if (( status != 2 )); then
  echo "FAIL missing-input: exit $status, expected 2" >&2
  failures=$((failures + 1))
fi
grep -q '"executionSuccessful":false' "$work/missing-input.sarif" \
  || { echo "FAIL missing-input: no failed invocation" >&2; failures=$((failures + 1)); }
produced+=("$work/missing-input.sarif")

if scripts/validate_sarif.sh "${produced[@]}"; then
  echo "ok   ${#produced[@]} SARIF files pass both validators"
else
  echo "FAIL: SARIF rejected" >&2
  failures=$((failures + 1))
fi

# The URIs GitHub resolves against the checkout.
python3 - "$work/fixtures.sarif" <<'PY' || failures=$((failures + 1))
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
uris = sorted({l["physicalLocation"]["artifactLocation"]["uri"]
               for r in run["results"] for l in r["locations"]})
want = ["testdata/outputs/nested/deeper/duplicate.yml",
        "testdata/outputs/serving.yaml",
        "testdata/outputs/sub%20dir/broken%20file.yaml"]
if uris != want:
    sys.exit(f"FAIL uris: {uris}")
related = [r for r in run["results"] if r.get("relatedLocations")]
if not related:
    sys.exit("FAIL: no result with related locations")
PY

# Custom rules are described in tool.driver.rules like built-in ones: tagged
# custom, with their doc as help, the config file as their source, and the
# results' ruleIndex pointing at them.
python3 - "$work/custom-rules.sarif" <<'PY' || failures=$((failures + 1))
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
rules = run["tool"]["driver"]["rules"]
custom = {r["id"]: r for r in rules if "custom" in r["properties"]["tags"]}
want = {"ORG%03d" % n for n in range(1, 13)}
if set(custom) != want:
    sys.exit(f"FAIL custom rules in driver.rules: {sorted(custom)}")
r = custom["ORG001"]
if not r["help"]["markdown"].startswith("# approved-registry (ORG001)\n"):
    sys.exit("FAIL custom rule help")
if r["properties"]["customRuleSource"] != "testdata/rules/custom-rules/.launchlint.yaml":
    sys.exit(f"FAIL custom rule source: {r['properties']}")
if "helpUri" in r or r["defaultConfiguration"]["level"] != "error":
    sys.exit("FAIL custom rule descriptor")
results = [x for x in run["results"] if x["ruleId"].startswith("ORG")]
if not results:
    sys.exit("FAIL no custom rule results")
for x in results:
    if rules[x["ruleIndex"]]["id"] != x["ruleId"]:
        sys.exit(f"FAIL ruleIndex of {x['ruleId']}")
# Suppressed results keep their place, dismissed: inSource for the inline
# annotation, external for the config's exception, each with its reason.
kinds = set()
for x in results:
    for s in x.get("suppressions", []):
        if s["status"] != "accepted":
            sys.exit(f"FAIL suppression status: {s}")
        kinds.add((s["kind"], s["justification"]))
if kinds != {("inSource", "upstream image until the mirror syncs (PLAT-7)"),
             ("inSource", "debug pod, deleted after the incident (INC-42)"),
             ("external", "the legacy stack moves to the registry in Q1 (PLAT-12)")}:
    sys.exit(f"FAIL suppressions: {kinds}")
if any(x["ruleId"] == "ORG008" for x in results):
    sys.exit("FAIL ORG008 is off")
print("ok   custom rules in tool.driver.rules")
PY

# Both validators must be able to fail: one broken file for each.
python3 - "$work/fixtures.sarif" "$work" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
rule = log["runs"][0]["tool"]["driver"]["rules"][0]
rule["properties"]["tags"] = ["general", "general"]  # schema: uniqueItems
json.dump(log, open(sys.argv[2] + "/schema-invalid.sarif", "w"))
log = json.load(open(sys.argv[1]))
rule = log["runs"][0]["tool"]["driver"]["rules"][0]
rule["properties"]["tags"] = sorted(set(rule["properties"]["tags"]))
loc = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
loc["artifactLocation"]["uri"] = "/" + loc["artifactLocation"]["uri"]  # SARIF1004
json.dump(log, open(sys.argv[2] + "/multitool-invalid.sarif", "w"))
PY
for broken in schema-invalid multitool-invalid; do
  if scripts/validate_sarif.sh "$work/$broken.sarif" >"$work/$broken.log" 2>&1; then
    echo "FAIL $broken: validate_sarif.sh accepted it" >&2
    failures=$((failures + 1))
  else
    echo "ok   $broken rejected"
  fi
done
"$JSON_SCHEMA_CHECK" schemas/sarif-schema-2.1.0.json "$work/multitool-invalid.sarif" >/dev/null \
  || { echo "FAIL: multitool-invalid.sarif should pass the schema" >&2; failures=$((failures + 1)); }
grep -q SARIF1004 "$work/multitool-invalid.log" \
  || { echo "FAIL: the multitool did not report SARIF1004" >&2; failures=$((failures + 1)); }

if (( failures )); then
  echo "sarif_validators: $failures failure(s)" >&2
  exit 1
fi
echo "sarif_validators: all SARIF valid"
