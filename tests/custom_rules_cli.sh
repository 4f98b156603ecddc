#!/usr/bin/env bash
# Custom rules from the command line: `init` writes a starter config that
# loads and runs (its example custom rule included) and never overwrites;
# `rules` and `explain` show custom rules; a bad custom rule is a config
# error at file:line:col with exit 2, before any rule runs; lint reports a
# custom rule's finding at its node.
set -uo pipefail
bin=$(realpath "$1")
cd "$(dirname "$0")/.."
repo=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() {  # check NAME EXPECTED_STATUS ACTUAL_STATUS
  if [[ "$2" != "$3" ]]; then
    echo "FAIL $1: exit $3, expected $2"
    fail=1
  else
    echo "ok   $1"
  fi
}
contains() {  # contains NAME FILE TEXT (a whole line)
  if grep -qxF -- "$3" "$2"; then echo "ok   $1"; else
    echo "FAIL $1: no line \"$3\" in:"; cat "$2"; fail=1; fi
}
has() {  # has NAME FILE TEXT (anywhere)
  if grep -qF -- "$3" "$2"; then echo "ok   $1"; else
    echo "FAIL $1: no \"$3\" in:"; cat "$2"; fail=1; fi
}

# init: writes a config that loads and runs.
mkdir "$tmp/project"
(cd "$tmp/project" && "$bin" init >"$tmp/init.out" 2>&1)
check "init exit 0" 0 $?
contains "init says where" "$tmp/init.out" "wrote ./.launchlint.yaml"
cp "$tmp/project/.launchlint.yaml" "$tmp/starter.yaml"
# Every section the issue names, each introduced by a comment.
python3 - "$tmp/starter.yaml" <<'PY' && echo "ok   starter sections, commented" || { echo "FAIL starter sections"; cat "$tmp/starter.yaml"; fail=1; }
import sys
lines = open(sys.argv[1]).read().splitlines()
for key in ["rules:", "owners:", "exceptions:", "prices:", "customRules:"]:
    at = [i for i, l in enumerate(lines) if l.startswith(key)]
    assert len(at) == 1, key
    assert lines[at[0] - 1].startswith("#"), key
assert sum(l.startswith("- id: ") for l in lines) == 1
PY
cat >"$tmp/project/server.yaml" <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: vllm
  labels:
    team: Inference
spec:
  template:
    spec:
      containers:
      - name: vllm
        image: vllm/vllm-openai:v0.11.0
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: tgi
  labels:
    team: inference
spec:
  template:
    spec:
      containers:
      - name: tgi
        image: ghcr.io/huggingface/text-generation-inference:3.0
YAML
(cd "$tmp/project" && "$bin" rules >"$tmp/rules.out" 2>"$tmp/rules.err")
check "rules with the starter config exit 0" 0 $?
has "rules lists the starter's custom rule" "$tmp/rules.out" "ORG001   model-server-team-label"
has "rules marks it custom" "$tmp/rules.out" "[custom rule from "
(cd "$tmp/project" && "$bin" lint --format json --fail-on never . >"$tmp/lint.json" 2>"$tmp/lint.err")
check "lint with the starter config exit 0" 0 $?
python3 - "$tmp/lint.json" <<'PY' && echo "ok   starter custom rule reports" || { echo "FAIL starter custom rule"; cat "$tmp/lint.json"; fail=1; }
import json, sys
f = [x for x in json.load(open(sys.argv[1]))["findings"] if x["rule"] == "ORG001"]
assert len(f) == 1, f
assert f[0]["location"]["line"] == 6 and f[0]["location"]["column"] == 11, f
assert f[0]["message"] == 'Deployment vllm needs a lower-case team label, not "Inference"', f
PY
# init never overwrites.
echo "# mine" >"$tmp/project/.launchlint.yaml"
(cd "$tmp/project" && "$bin" init >/dev/null 2>"$tmp/init2.err")
check "init over an existing config exit 2" 2 $?
has "init names the existing file" "$tmp/init2.err" "already exists"
contains "config left alone" "$tmp/project/.launchlint.yaml" "# mine"
mkdir "$tmp/yml" && echo "{}" >"$tmp/yml/.launchlint.yml"
"$bin" init "$tmp/yml" >/dev/null 2>&1
check "init beside a .launchlint.yml exit 2" 2 $?
mkdir "$tmp/sym" && ln -s "$tmp/elsewhere.yaml" "$tmp/sym/.launchlint.yaml"
"$bin" init "$tmp/sym" >/dev/null 2>"$tmp/init3.err"
check "init over a dangling symlink exit 2" 2 $?
[[ ! -e $tmp/elsewhere.yaml ]] && echo "ok   init wrote nothing through the symlink" ||
  { echo "FAIL init wrote through the symlink"; fail=1; }
"$bin" init "$tmp/no-such-folder" >/dev/null 2>&1
check "init into a missing folder exit 2" 2 $?

# explain and rules with --config.
cfg=testdata/rules/custom-rules/readme/.launchlint.yaml
"$bin" explain --config "$cfg" ORG001 >"$tmp/explain.out"
check "explain a custom rule exit 0" 0 $?
contains "explain title" "$tmp/explain.out" "# approved-registry (ORG001)"
contains "explain keeps the doc" "$tmp/explain.out" "Images are mirrored and scanned in registry.example.com. A pull from a"
contains "explain has every heading" "$tmp/explain.out" "## References"
"$bin" explain --config "$cfg" gpu-ceiling >/dev/null
check "explain by name exit 0" 0 $?
"$bin" explain ORG001 >/dev/null 2>&1
check "explain without the config exit 2" 2 $?
"$bin" rules --config "$cfg" >"$tmp/rules2.out"
has "rules lists ORG003" "$tmp/rules2.out" "ORG003   gpu-ceiling"

# A bad custom rule: the error at its position, exit 2, no report.
sed 's/^    max: 8$/    max: eight/' "$cfg" >"$tmp/bad.yaml"
"$bin" lint --config "$tmp/bad.yaml" testdata/rules/custom-rules/readme >"$tmp/bad.out" 2>"$tmp/bad.err"
check "bad custom rule exit 2" 2 $?
line=$(grep -n '^    max: eight$' "$tmp/bad.yaml" | cut -d: -f1)
contains "bad custom rule position" "$tmp/bad.err" "$tmp/bad.yaml:$line:10: error: customRules: \"eight\" is not a number or Kubernetes quantity (8, 0.5, 500m, 1Gi)"
[[ ! -s $tmp/bad.out ]] && echo "ok   no report" || { echo "FAIL report written"; fail=1; }
for cmd in review rules; do
  "$bin" $cmd --config "$tmp/bad.yaml" $([[ $cmd == review ]] && echo testdata/rules/custom-rules/readme) >"$tmp/bad-$cmd.out" 2>"$tmp/bad-$cmd.err"
  check "bad custom rule: $cmd exit 2" 2 $?
  contains "bad custom rule: $cmd says where" "$tmp/bad-$cmd.err" "$tmp/bad.yaml:$line:10: error: customRules: \"eight\" is not a number or Kubernetes quantity (8, 0.5, 500m, 1Gi)"
  [[ ! -s $tmp/bad-$cmd.out ]] && echo "ok   $cmd: no output" || { echo "FAIL $cmd: output written"; fail=1; }
done

# Each kind of mistake in a custom rule: exit 2, the error at the exact
# file:line:col of the bad value (on the last line that reads NEW-LINE), no
# report. bad NAME SED-EXPR NEW-LINE COLUMN-AND-MESSAGE
bad() {
  sed "$2" "$cfg" >"$tmp/$1.yaml"
  local at
  at=$(grep -nxF -- "$3" "$tmp/$1.yaml" | tail -1 | cut -d: -f1)
  [[ -n $at ]] || { echo "FAIL $1: the edit did not apply"; fail=1; return; }
  "$bin" lint --config "$tmp/$1.yaml" testdata/rules/custom-rules/readme >"$tmp/$1.out" 2>"$tmp/$1.err"
  check "$1 exit 2" 2 $?
  contains "$1 position" "$tmp/$1.err" "$tmp/$1.yaml:$at:$4"
  [[ ! -s $tmp/$1.out ]] && echo "ok   $1: no report" || { echo "FAIL $1: report written"; fail=1; }
}
bad unknown-area '0,/^  area: security$/s//  area: securty/' '  area: securty' \
  '9: error: /customRules/0/area must be one of ["security","scheduling","rollout","observability","cost","general"]'
bad bad-path 's/^    path: container.image .*/    path: container[*.image/' \
  '    path: container[*.image' \
  '11: error: customRules: path "container[*.image": unclosed "[" (at character 10)'
bad bad-regex "s/^    matches: '^registry.*/    matches: '^registry(\\\\.example'/" \
  "    matches: '^registry(\\.example'" \
  '14: error: customRules: matches: "^registry(\.example" is not a valid re2 pattern: missing ): ^registry(\.example'
bad clashing-id 's/^- id: ORG002$/- id: SEC001/' '- id: SEC001' \
  '7: error: customRules: id "SEC001" is taken by the built-in rule SEC001 (privileged-container); custom rules need their own'
bad clashing-name 's/^  name: team-label$/  name: image-not-pinned/' '  name: image-not-pinned' \
  '9: error: customRules: name "image-not-pinned" is taken by the built-in rule ROL001 (image-not-pinned); custom rules need their own'
bad bad-severity '0,/^  severity: error$/s//  severity: fatal/' '  severity: fatal' \
  '13: error: /customRules/0/severity must be one of ["error","warning","info"]'
bad non-kebab-name 's/^  name: gpu-ceiling$/  name: GPU_Ceiling/' '  name: GPU_Ceiling' \
  '9: error: /customRules/2/name has an invalid format: A kebab-case name, e.g. approved-registry.'
bad unknown-condition 's/^    max: 8$/    atMost: 8/' '    atMost: 8' \
  '5: error: unknown key "atMost" in /customRules/2/check; expected one of: path, exists, equals, in, matches, notMatches, min, max, sum'
bad duplicate-custom-id 's/^- id: ORG003$/- id: ORG001/' '- id: ORG001' \
  '7: error: customRules: id "ORG001" is taken by the custom rule ORG001 (approved-registry); custom rules need their own'
bad bad-not-matches "s/^    matches: '^team-.*/    notMatches: 'team-**'/" \
  "    notMatches: 'team-**'" \
  '17: error: customRules: notMatches: "team-**" is not a valid re2 pattern: bad repetition operator: **'

# Custom rules on --jobs threads: the same report for any number.
for n in 1 4; do
  "$bin" lint --jobs $n --format json --fail-on never --config testdata/rules/custom-rules/.launchlint.yaml testdata/rules/custom-rules >"$tmp/jobs$n.json"
done
cmp -s "$tmp/jobs1.json" "$tmp/jobs4.json" && grep -q '"rule": *"ORG0' "$tmp/jobs1.json" \
  && echo "ok   same custom findings for --jobs 1 and 4" || { echo "FAIL --jobs changes custom findings"; fail=1; }

# lint: a finding at the flagged node, with the expanded message.
"$bin" lint --config "$cfg" --format json testdata/rules/custom-rules/readme >"$tmp/readme.json"
check "readme rules exit 1 (errors)" 1 $?
python3 - "$tmp/readme.json" <<'PY' && echo "ok   readme findings" || { echo "FAIL readme findings"; fail=1; }
import json, sys
f = {(x["rule"], x["location"]["line"]): x for x in json.load(open(sys.argv[1]))["findings"] if x["rule"].startswith("ORG")}
assert sorted(f) == [("ORG001", 17), ("ORG001", 20), ("ORG002", 32), ("ORG002", 58), ("ORG003", 44)], sorted(f)
assert f[("ORG003", 44)]["message"] == "LeaderWorkerSet llama-405b: the pod at spec.leaderWorkerTemplate.workerTemplate.spec asks for 10 GPUs but a node has 8: shard the model over more pods", f[("ORG003", 44)]["message"]
assert f[("ORG001", 17)]["severity"] == "error"
# Each at its own column: the image values, the label value, the pod spec's
# key, and the missing label's nearest parent (metadata).
cols = {k: (v["location"]["column"], v["message"]) for k, v in f.items()}
assert cols[("ORG001", 17)] == (16, "image docker.io/amazon/aws-cli:2.17.0 of Deployment llama-3-8b is not from registry.example.com: mirror it there"), cols
assert cols[("ORG002", 32)] == (23, "LeaderWorkerSet llama-405b: example.com/team is Inference, not team-<name>"), cols
assert cols[("ORG003", 44)][0] == 7, cols
assert cols[("ORG002", 58)] == (1, "Deployment web: example.com/team is (none), not team-<name>"), cols
PY
exit $fail
