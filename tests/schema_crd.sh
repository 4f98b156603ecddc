#!/usr/bin/env bash
# --crd: CRDs from a file or folder are schemas only (never linted); custom
# resources are checked against them; without them the kind is counted.
# Usage: tests/schema_crd.sh LAUNCHLINT
set -euo pipefail
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/crds"
cat > "$dir/crds/model.yaml" <<'YAML'
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: models.serving.example.com
  bogusField: 1
spec:
  group: serving.example.com
  names: {kind: Model, plural: models}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              replicas: {type: integer}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: not-linted}
spec: {}
YAML
cat > "$dir/model.yaml" <<'YAML'
apiVersion: serving.example.com/v1
kind: Model
metadata:
  name: llama
  namespace: llm
spec:
  replica: 2
YAML
fail() { echo "schema_crd: $*" >&2; exit 1; }

out=$("$bin" lint "$dir/model.yaml" --format json) && status=0 || status=$?
[[ $status == 0 ]] || fail "without --crd: exit $status, want 0 (info only)"
grep -q '"GEN025"' <<<"$out" || fail "without --crd: no GEN025"
grep -q '"GEN020"' <<<"$out" && fail "without --crd: unexpected GEN020"

for crd in "$dir/crds" "$dir/crds/model.yaml"; do
  out=$("$bin" lint "$dir/model.yaml" --crd "$crd" --format json) && status=0 || status=$?
  [[ $status == 1 ]] || fail "--crd $crd: exit $status, want 1"
  grep -q '"GEN020"' <<<"$out" || fail "--crd $crd: no GEN020 for spec.replica"
  grep -q 'did you mean \\"replicas\\"' <<<"$out" || fail "--crd $crd: no suggestion"
  grep -q '"GEN025"' <<<"$out" && fail "--crd $crd: unexpected GEN025"
  # The CRD file itself is not linted: nothing about bogusField or the
  # Deployment beside it.
  grep -q 'crds/model.yaml' <<<"$out" && fail "--crd $crd: the CRD file was linted"
done

status=0
"$bin" lint "$dir/model.yaml" --crd "$dir/missing" >/dev/null 2>"$dir/err" || status=$?
[[ $status == 2 ]] || fail "missing --crd path: exit $status, want 2"
grep -q "$dir/missing" "$dir/err" || fail "missing --crd path not named"

printf 'a: [\n' > "$dir/broken.yaml"
status=0
"$bin" lint "$dir/model.yaml" --crd "$dir/broken.yaml" >/dev/null 2>"$dir/err" || status=$?
[[ $status == 2 ]] || fail "broken --crd file: exit $status, want 2"
grep -q "broken.yaml: 2:" "$dir/err" || fail "broken --crd file: no file:line: $(cat "$dir/err")"
echo "schema_crd: ok"
