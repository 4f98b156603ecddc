#!/usr/bin/env bash
# --kube-version picks the target release for removed/deprecated API versions
# and rejects malformed versions with a usage error.
set -u
bin="$1"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
cat > "$dir/pdb.yaml" <<'YAML'
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata: {name: p}
spec: {maxUnavailable: 1, selector: {matchLabels: {app: a}}}
YAML
fail() { echo "FAIL: $*"; exit 1; }

out="$("$bin" lint --quiet --kube-version 1.24 "$dir/pdb.yaml")"
echo "$out" | grep -q 'GEN004' || fail "1.24 should warn (deprecated): $out"
echo "$out" | grep -q 'GEN003' && fail "1.24 should not report removal: $out"

out="$("$bin" lint --quiet --kube-version v1.25.0 "$dir/pdb.yaml")"
echo "$out" | grep -q 'GEN003' || fail "1.25 should report removal: $out"

out="$("$bin" lint --quiet "$dir/pdb.yaml")"
echo "$out" | grep -q 'GEN003' || fail "default target should report removal: $out"

"$bin" lint --kube-version banana "$dir/pdb.yaml" >/dev/null 2>"$dir/err"
rc=$?
[ "$rc" -eq 2 ] || fail "bad --kube-version should exit 2, got $rc"
grep -q 'version banana' "$dir/err" || fail "error should name the value: $(cat "$dir/err")"
echo ok
