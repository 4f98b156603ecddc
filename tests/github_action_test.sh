#!/usr/bin/env bash
# Runs action.yml's steps as the GitHub runner would (bash, the step's env
# with `${{ inputs.* }}` filled in, GITHUB_OUTPUT/GITHUB_PATH files) with
# launchlint already on PATH, and checks exit codes, annotations, SARIF and
# outputs.   Usage: github_action_test.sh LAUNCHLINT
set -euo pipefail
launchlint=$(realpath "$1")
source_dir=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin"
ln -s "$launchlint" "$tmp/bin/launchlint"
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$tmp/repo/deploy/clean" "$tmp/repo/deploy/broken"
cat > "$tmp/repo/deploy/clean/config.yaml" <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata: {name: serving-config, namespace: llm}
data: {MAX_MODEL_LEN: "8192"}
YAML
cat > "$tmp/repo/deploy/broken/server.yaml" <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata: {name: llama, namespace: llm}
spec:
  template:
    spec:
      containers:
      - name: vllm
        image: vllm/vllm-openai:v0.6.3
        securityContext: {privileged: true}
YAML

# run_action NAME INPUT=VALUE...: runs every step; prints the last exit code.
run_action() {
  local name=$1; shift
  local dir="$tmp/run-$name"
  mkdir -p "$dir"
  : > "$dir/output"; : > "$dir/path"
  ( cd "$tmp/repo" && PATH="$tmp/bin:$PATH" GITHUB_OUTPUT="$dir/output" \
      GITHUB_PATH="$dir/path" RUNNER_TEMP="$dir" \
      python3 - "$source_dir/action.yml" "$source_dir" "$@" >"$dir/log" 2>&1 <<'PY'
import re, subprocess, sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
assert action["runs"]["using"] == "composite"
inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
for arg in sys.argv[3:]:
    key, value = arg.split("=", 1)
    assert key in inputs, key
    inputs[key] = value
def fill(text):
    text = re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: inputs[m.group(1)], text)
    return re.sub(r"\$\{\{\s*github\.action_path\s*\}\}", sys.argv[2], text)
import os
code = 0
for step in action["runs"]["steps"]:
    env = dict(os.environ)
    env.update({k: fill(str(v)) for k, v in step.get("env", {}).items()})
    assert "${{" not in step["run"], "expressions belong in env, not in run"
    code = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                          env=env).returncode
    if code != 0:
        break
sys.exit(code)
PY
  ) && echo 0 || echo $?
}

# Broken manifests, defaults: annotations, SARIF, exit 1.
code=$(run_action broken "paths=deploy/")
log=$(cat "$tmp/run-broken/log")
[[ $code == 1 ]] || fail "expected exit 1, got $code: $log"
grep -q "^launchlint: using $tmp/bin/launchlint" <<<"$log" || fail "did not use launchlint from PATH: $log"
grep -q '^::error file=deploy/broken/server.yaml,line=10,col=39,title=SEC001 privileged-container::' <<<"$log" \
  || fail "no annotation: $log"
grep -qx "exit-code=1" "$tmp/run-broken/output" || fail "no exit-code output"
grep -qx "sarif-file=launchlint.sarif" "$tmp/run-broken/output" || fail "no sarif-file output"
python3 - "$tmp/repo/launchlint.sarif" <<'PY' || fail "bad SARIF"
import json, sys
sarif = json.load(open(sys.argv[1]))
run = sarif["runs"][0]
assert run["automationDetails"]["id"] == "launchlint/", run["automationDetails"]
uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
assert "deploy/broken/server.yaml" in uris, uris
assert any(r["ruleId"] == "SEC001" for r in run["results"])
PY
rm -f "$tmp/repo/launchlint.sarif"

# Clean folder: exit 0; newline-separated paths (a file named twice is read
# once); text format; a category.
code=$(run_action clean "paths=deploy/clean
deploy/clean/config.yaml" "format=text" "category=k8s/prod" "sarif-file=out/ll.sarif")
log=$(cat "$tmp/run-clean/log")
[[ $code == 0 ]] || fail "clean manifests failed ($code): $log"
grep -q "0 errors, 0 warnings, 0 info in 1 object from 1 file" <<<"$log" || fail "text summary: $log"
python3 -c "import json,sys; assert json.load(open(sys.argv[1]))['runs'][0]['automationDetails']['id'] == 'k8s/prod/'" \
  "$tmp/repo/out/ll.sarif" || fail "category not in SARIF"

# fail-on never: findings reported, step passes; no SARIF when sarif-file is empty.
code=$(run_action never "paths=deploy" "fail-on=never" "sarif-file=")
[[ $code == 0 ]] || fail "fail-on never still failed: $(cat "$tmp/run-never/log")"
grep -q "::error file=deploy/broken/server.yaml" "$tmp/run-never/log" || fail "no annotation with fail-on never"
[[ ! -e "$tmp/repo/launchlint.sarif" ]] || fail "SARIF written although sarif-file was empty"

# A missing path is a usage error (2), not a pass.
code=$(run_action missing "paths=nowhere/")
[[ $code == 2 ]] || fail "missing path gave $code: $(cat "$tmp/run-missing/log")"
echo "github action: ok"
