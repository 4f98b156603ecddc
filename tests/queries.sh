#!/usr/bin/env bash
# can-i, can-reach and describe on testdata/analysis/cluster.yaml: the exact
# answers and exit codes a user sees (yes 0, no 1, usage 2, like kubectl).
set -u
launchlint="$1"
f=testdata/analysis/cluster.yaml
failures=0

expect() {  # expect CODE FIRST-LINE -- ARGS...
  local code="$1" first="$2"
  shift 3
  local out rc
  out=$("$launchlint" "$@" 2>/dev/null)
  rc=$?
  if [[ $rc != "$code" || "$(head -n1 <<<"$out")" != "$first" ]]; then
    echo "FAIL: launchlint $*: exit $rc (want $code), first line '$(head -n1 <<<"$out")' (want '$first')"
    failures=$((failures + 1))
  fi
}

# can-i: a workload's service account, RoleBinding-scoped rules.
expect 0 yes -- can-i get secrets/hf-token -n llm --workload llm/deployment/vllm "$f"
expect 1 no -- can-i get secrets -n llm --workload llm/Deployment/vllm "$f"
expect 1 no -- can-i get secrets/hf-token --workload llm/deployment/vllm "$f"
expect 0 yes -- can-i get pods --subresource log -n llm --workload llm/deployment/vllm "$f"
expect 1 no -- can-i get pods -n llm --workload llm/deployment/vllm "$f"
expect 0 yes -- can-i update deployments.apps/vllm --subresource scale -n llm --as system:serviceaccount:llm:vllm "$f"
# can-i: groups and non-resource URLs.
expect 0 yes -- can-i get /metrics --as alice --as-group sre "$f"
expect 0 yes -- can-i get /debug/pprof --as alice --as-group sre "$f"
expect 1 no -- can-i get /metrics --as alice "$f"
# can-i: usage errors exit 2.
expect 2 "" -- can-i get secrets "$f"
expect 2 "" -- can-i get secrets --as alice --workload llm/deployment/vllm "$f"
expect 2 "" -- can-i get secrets --workload llm/nothing "$f"
expect 2 "" -- can-i get secrets --workload llm/deployment/missing "$f"
# can-i --list names binding and role with file:line.
list=$("$launchlint" can-i --list -n llm --workload llm/deployment/vllm "$f")
if ! grep -q "RoleBinding llm/vllm-hf-token ($f:37) -> Role llm/hf-token-reader ($f:26)" <<<"$list"; then
  echo "FAIL: can-i --list: binding and role locations missing:"; echo "$list"
  failures=$((failures + 1))
fi

# can-reach
expect 0 yes -- can-reach --to llm/Deployment/vllm --from gateway/deployment/envoy "$f"
expect 1 no -- can-reach --to llm/Deployment/vllm --from gateway/deployment/debug "$f"
expect 1 no -- can-reach --to llm/deployment/vllm --port metrics --from gateway/deployment/envoy "$f"
expect 0 yes -- can-reach --to llm/deployment/vllm --port http --from gateway/deployment/envoy "$f"
expect 1 no -- can-reach --to llm/deployment/vllm --port 8000 --from-ip 10.1.1.1 "$f"
expect 0 yes -- can-reach --to llm/deployment/vllm --from-ip 10.2.1.1 "$f"
expect 0 yes -- can-reach --to llm/deployment/vllm --from-namespace gateway --from-labels app=envoy "$f"
expect 1 no -- can-reach --to llm/deployment/vllm --from-namespace gateway --from-labels app=debug "$f"
expect 2 "" -- can-reach --to llm/deployment/vllm "$f"
expect 2 "" -- can-reach --to llm/deployment/vllm --from-ip not-an-ip "$f"
why=$("$launchlint" can-reach --to llm/deployment/vllm --from gateway/deployment/debug "$f")
if ! grep -q "NetworkPolicy llm/vllm-from-gateway ($f:79)" <<<"$why"; then
  echo "FAIL: can-reach does not name the deciding policy:"; echo "$why"
  failures=$((failures + 1))
fi

# describe: text and JSON.
text=$("$launchlint" describe llm/deployment/vllm "$f")
for want in "vllm: defined at $f:14" "its own namespace llm" \
    "requests.nvidia.com/gpu hard 4, used by the input's pods 2, headroom 2" \
    "from pods app=envoy of namespaces role=gateway" \
    "3 pods at most during a rollout (surge 1)" \
    "ServiceMonitor llm/vllm ($f:157) through Service vllm" \
    "PodDisruptionBudget llm/vllm ($f:148)"; do
  if ! grep -qF "$want" <<<"$text"; then
    echo "FAIL: describe lacks: $want"
    failures=$((failures + 1))
  fi
done
json=$("$launchlint" describe llm/deployment/vllm --format json "$f")
if ! python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["name"]=="vllm" and any(s["title"]=="Permissions" for s in d["sections"])' <<<"$json"; then
  echo "FAIL: describe --format json"; failures=$((failures + 1))
fi
expect 2 "" -- describe llm/service/vllm "$f"

if [[ $failures != 0 ]]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "queries: all passed"
