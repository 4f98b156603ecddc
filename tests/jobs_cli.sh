#!/usr/bin/env bash
# --jobs: the report is byte-for-byte the same for any N; bad N is a usage
# error. Usage: jobs_cli.sh LAUNCHLINT
set -uo pipefail
bin=$(realpath "$1")
src=$(pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
mkdir "$dir/in"
cp -r "$src/testdata/rules" "$dir/in/"
# One larger stream of every rule file, so one file splits across threads.
find "$src/testdata" -name '*.yaml' | sort | while read -r f; do
  printf -- '---\n'
  cat "$f"
done > "$dir/in/stream.yaml"
cd "$dir"
for n in 1 2 5; do
  "$bin" lint --format sarif --jobs "$n" in > "out$n.sarif"
  status=$?
  if (( status > 1 )); then echo "FAIL: --jobs $n exited $status" >&2; fail=1; fi
done
cmp -s out1.sarif out2.sarif || { echo "FAIL: --jobs 1 and 2 differ" >&2; fail=1; }
cmp -s out1.sarif out5.sarif || { echo "FAIL: --jobs 1 and 5 differ" >&2; fail=1; }
grep -q '"ruleId"' out1.sarif || { echo "FAIL: no results at all" >&2; fail=1; }
status=0
"$bin" lint --jobs 0 in >/dev/null 2>&1 || status=$?
(( status == 2 )) || { echo "FAIL: --jobs 0 should be a usage error (2), got $status" >&2; fail=1; }
exit $fail
