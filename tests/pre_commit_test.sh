#!/usr/bin/env bash
# The pre-commit hooks, run by the real pre-commit against a throwaway git
# repo: the manifests hook passes a clean file and fails a broken one; the
# charts hook lints the folders in its args.   Usage: pre_commit_test.sh LAUNCHLINT
set -euo pipefail
launchlint=$(realpath "$1")
source_dir=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

export PATH="$tmp/bin:$PATH"
export PRE_COMMIT_HOME="$tmp/cache"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
mkdir -p "$tmp/bin"
ln -s "$launchlint" "$tmp/bin/launchlint"

fail() { echo "FAIL: $*"; exit 1; }

# The hook repository: this source tree's hook manifest, committed.
hooks="$tmp/hooks"
mkdir -p "$hooks"
cp "$source_dir/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" init -q -b main
git -C "$hooks" add .pre-commit-hooks.yaml
git -C "$hooks" commit -q -m hooks
rev=$(git -C "$hooks" rev-parse HEAD)

# The project using the hooks.
work="$tmp/work"
mkdir -p "$work/deploy/clean" "$work/deploy/broken" "$work/.github"
cat > "$work/deploy/clean/config.yaml" <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: serving-config
  namespace: llm
data:
  MAX_MODEL_LEN: "8192"
YAML
cat > "$work/deploy/broken/server.yaml" <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: llama
  namespace: llm
spec:
  selector:
    matchLabels: {app: llama}
  template:
    metadata:
      labels: {app: llama}
    spec:
      containers:
      - name: vllm
        image: vllm/vllm-openai:v0.6.3
        securityContext:
          privileged: true
YAML
# A Helm template is not YAML before rendering: the manifests hook leaves it.
mkdir -p "$work/charts/llm/templates"
printf 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n{{- if .Values.x }}\n' \
  > "$work/charts/llm/templates/deployment.yaml"
# Not a manifest: the manifests hook must skip it quietly.
printf 'on: push\njobs: {}\n' > "$work/.github/ci.yaml"
git -C "$work" init -q -b main
git -C "$work" add .
git -C "$work" commit -q -m manifests

cd "$work"
# 1. The manifests hook through try-repo: clean passes, broken fails.
out=$(pre-commit try-repo "$hooks" launchlint --files deploy/clean/config.yaml .github/ci.yaml 2>&1) \
  || fail "manifests hook failed on a clean manifest: $out"
grep -q "launchlint (manifests).*Passed" <<<"$out" || fail "no Passed line: $out"

if out=$(pre-commit try-repo "$hooks" launchlint --files deploy/broken/server.yaml 2>&1); then
  fail "manifests hook passed a privileged container: $out"
fi
grep -q "launchlint (manifests).*Failed" <<<"$out" || fail "no Failed line: $out"
grep -q "deploy/broken/server.yaml:17:23: error: .*\[SEC001\]" <<<"$out" \
  || fail "the finding is not reported at its line: $out"

out=$(pre-commit try-repo "$hooks" launchlint --files charts/llm/templates/deployment.yaml 2>&1) \
  || fail "manifests hook linted a Helm template: $out"
grep -q "launchlint (manifests).*Skipped" <<<"$out" || fail "template not skipped: $out"

# Only the files given are linted: the broken one is not among them.
pre-commit try-repo "$hooks" launchlint --files deploy/clean/config.yaml >/dev/null 2>&1 \
  || fail "manifests hook linted a file it was not given"

# 2. The charts hook from a real config: folders in args, filenames not passed.
write_config() {
  cat > .pre-commit-config.yaml <<YAML
repos:
- repo: $hooks
  rev: $rev
  hooks:
  - id: launchlint-charts
    args: [$1]
YAML
}
write_config "deploy/clean"
out=$(pre-commit run launchlint-charts --verbose --files deploy/broken/server.yaml 2>&1) \
  || fail "charts hook failed on a clean folder (was it passed file names?): $out"
grep -q "launchlint (charts and overlays).*Passed" <<<"$out" || fail "no Passed line: $out"
grep -q "1 object from 1 file" <<<"$out" || fail "the charts hook did not lint the folder: $out"

write_config "deploy/clean, deploy/broken"
if out=$(pre-commit run launchlint-charts --all-files 2>&1); then
  fail "charts hook passed a folder with a privileged container: $out"
fi
grep -q "launchlint (charts and overlays).*Failed" <<<"$out" || fail "no Failed line: $out"
grep -q "\[SEC001\]" <<<"$out" || fail "no SEC001 finding: $out"
grep -q "from 2 files" <<<"$out" || fail "both folders not linted together: $out"
echo "pre-commit hooks: ok"
