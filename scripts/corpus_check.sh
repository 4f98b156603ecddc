#!/usr/bin/env bash
# Lints the whole corpus: no crash, and its SARIF passes both validators.
# Usage: scripts/corpus_check.sh LAUNCHLINT CORPUS_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$1
corpus=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
"$bin" lint "$corpus" --format sarif --output "$out/corpus.sarif" || status=$?
if (( status > 1 )); then
  echo "corpus_check: launchlint exited $status" >&2
  exit 1
fi
scripts/validate_sarif.sh "$out/corpus.sarif"
echo "corpus_check: $(grep -o '"ruleId"' "$out/corpus.sarif" | wc -l) results, SARIF valid"
