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
# The config's kubernetesVersion is the default target, for the rule and for
# helm template (.Capabilities.KubeVersion); --kube-version beats it.
printf 'kubernetesVersion: "1.24"\n' > "$dir/cfg.yaml"
out="$("$bin" lint --quiet --config "$dir/cfg.yaml" "$dir/pdb.yaml")"
echo "$out" | grep -q 'GEN004' || fail "config 1.24 should warn (deprecated): $out"
echo "$out" | grep -q 'GEN003' && fail "config 1.24 should not report removal: $out"
out="$("$bin" lint --quiet --config "$dir/cfg.yaml" --kube-version 1.25 "$dir/pdb.yaml")"
echo "$out" | grep -q 'GEN003' || fail "--kube-version should beat the config: $out"

export PATH="$PWD/.tools/bin:$PATH"
if command -v helm >/dev/null; then
  mkdir -p "$dir/chart/templates"
  printf 'apiVersion: v2\nname: kv\nversion: 0.1.0\n' > "$dir/chart/Chart.yaml"
  cat > "$dir/chart/templates/pdb.yaml" <<'YAML'
{{- if semverCompare "<1.25-0" .Capabilities.KubeVersion.Version }}
apiVersion: policy/v1beta1
{{- else }}
apiVersion: policy/v1
{{- end }}
kind: PodDisruptionBudget
metadata: {name: p}
spec: {maxUnavailable: 1, selector: {matchLabels: {app: a}}}
YAML
  out="$("$bin" lint --quiet --config "$dir/cfg.yaml" "$dir/chart")"
  echo "$out" | grep -q 'GEN004' ||
    fail "helm should render for the config's 1.24 (policy/v1beta1): $out"
  out="$("$bin" lint --quiet "$dir/chart")"
  echo "$out" | grep -q 'GEN00[34]' && fail "helm's default renders policy/v1: $out"
else
  fail "helm missing: run scripts/setup.sh --test"
fi
echo ok
