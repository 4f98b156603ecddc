#!/usr/bin/env bash
# The lint command on charts and kustomize folders: exit codes, errors that
# name the chart, option parsing, and SARIF that Microsoft's validator accepts.
# Usage: tests/render_cli.sh path/to/launchlint (run from the source folder).
set -uo pipefail
launchlint=$1
export PATH="$PWD/.tools/bin:$PATH"
command -v helm >/dev/null || { echo "FAIL: helm missing: run scripts/setup.sh --test"; exit 1; }
multitool=.tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
[[ -x $multitool ]] || { echo "FAIL: SARIF validator missing: run scripts/setup.sh --test"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

chart=testdata/charts/llm-stack

# Findings: exit 1; the template line is the primary location.
"$launchlint" lint "$chart" -q >"$tmp/out" 2>"$tmp/err"
[[ $? == 1 ]] || fail "chart with findings should exit 1"
grep -q "^$chart/templates/router.yaml:28:13: error: .*\[SEC001\]" "$tmp/out" ||
  fail "router finding not at its template line: $(cat "$tmp/out")"

# -f takes one file; the chart after it is still a path.
"$launchlint" lint -f "$chart/values-prod.yaml" "$chart" -q >"$tmp/out" 2>"$tmp/err"
[[ $? == 1 ]] || fail "-f run should exit 1: $(cat "$tmp/err")"
grep -q "$chart/values-prod.yaml:3:3: note: value image.tag is set here" "$tmp/out" ||
  fail "-f values line missing: $(cat "$tmp/out")"

# Values sets label findings.
"$launchlint" lint "$chart" --values-set "prod=$chart/values-prod.yaml" \
  --values-set "dev=$chart/values-dev.yaml" >"$tmp/out" 2>"$tmp/err"
[[ $? == 1 ]] || fail "values sets run should exit 1"
grep -q "(from llm-stack/templates/deployment.yaml, values prod)" "$tmp/out" ||
  fail "values set label missing: $(cat "$tmp/out")"

# --namespace renders into a namespace, and unnamespaced objects land there.
"$launchlint" lint --namespace llm "$chart" -q >"$tmp/out" 2>"$tmp/err"
grep -q "^DaemonSet llm/release-dcgm" "$tmp/out" || fail "--namespace not applied: $(cat "$tmp/out")"

# Malformed or repeated values sets are usage errors.
"$launchlint" lint "$chart" --values-set "prod" >/dev/null 2>"$tmp/err"
[[ $? == 2 ]] || fail "--values-set without = should exit 2"
grep -q "expected NAME=FILE" "$tmp/err" || fail "unclear --values-set error: $(cat "$tmp/err")"
"$launchlint" lint "$chart" --values-set "a=x.yaml" --values-set "a=y.yaml" >/dev/null 2>"$tmp/err"
[[ $? == 2 ]] || fail "a repeated values set name should exit 2"

# A missing helm names the chart, exits 2, and the rest is still linted.
"$launchlint" lint --helm "$tmp/no-helm" "$chart" testdata/kustomize/overlays/prod \
  >"$tmp/out" 2>"$tmp/err"
[[ $? == 2 ]] || fail "missing helm should exit 2"
grep -q "launchlint: error: $chart: cannot render the chart: $tmp/no-helm not found" "$tmp/err" ||
  fail "missing helm error: $(cat "$tmp/err")"
grep -q "testdata/kustomize/overlays/prod/gpu-patch.yaml:14:13" "$tmp/out" ||
  fail "kustomize overlay not linted beside the failing chart"

# A failing render (not a template error) is an error naming the chart.
"$launchlint" lint -f "$tmp/no-such-values.yaml" "$chart" >/dev/null 2>"$tmp/err"
[[ $? == 2 ]] || fail "a failing render should exit 2"
grep -q "launchlint: error: $chart: helm template failed: open $tmp/no-such-values.yaml" "$tmp/err" ||
  fail "failing render error: $(cat "$tmp/err")"

# A missing kustomize names the folder.
"$launchlint" lint --kustomize "$tmp/no-kustomize" testdata/kustomize/base >/dev/null 2>"$tmp/err"
[[ $? == 2 ]] || fail "missing kustomize should exit 2"
grep -q "testdata/kustomize/base: cannot build the kustomization" "$tmp/err" ||
  fail "missing kustomize error: $(cat "$tmp/err")"

# A template error is a finding (exit 1), not a tool failure.
"$launchlint" lint testdata/charts/broken -q >"$tmp/out" 2>"$tmp/err"
[[ $? == 1 ]] || fail "template error should exit 1: $(cat "$tmp/err")"
grep -q "^testdata/charts/broken/templates/configmap.yaml:6:19: error: .*\[GEN050\]" "$tmp/out" ||
  fail "template error finding: $(cat "$tmp/out")"

# SARIF: template files as primary locations, valid for GitHub.
"$launchlint" lint "$chart" testdata/kustomize/overlays/prod \
  --values-set "prod=$chart/values-prod.yaml" --values-set "dev=$chart/values-dev.yaml" \
  --format sarif -o "$tmp/out.sarif"
[[ $? == 1 ]] || fail "sarif run should exit 1"
grep -q '"uri":"testdata/charts/llm-stack/templates/router.yaml"' "$tmp/out.sarif" ||
  fail "SARIF lacks the template as a location"
"$multitool" validate "$tmp/out.sarif" --rule-kind "Sarif;Ghas" -o "$tmp/validation.sarif" >/dev/null 2>&1
python3 - "$tmp/validation.sarif" <<'PY' || fail "SARIF validation reported problems"
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0].get("results", [])
bad = [r for r in results if r.get("level", "warning") in ("error", "warning")]
for r in bad:
    print(r["ruleId"], r["message"].get("text") or r["message"].get("arguments"))
sys.exit(1 if bad else 0)
PY

[[ $failures == 0 ]] && echo "render_cli: ok"
exit $((failures > 0))
