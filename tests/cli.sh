#!/usr/bin/env bash
# The command line as a user meets it: exit codes, options, subcommands,
# messages, folder walks. Usage: tests/cli.sh LAUNCHLINT
set -uo pipefail
bin=$(realpath "$1")
repo=$(cd "$(dirname "$0")/.." && pwd)
schema_check=$(dirname "$bin")/json_schema_check
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The fixed rule set of the writers' tests, found as the config of $work, so
# that rules added later do not change the exact outputs below.
cp "$repo/testdata/outputs/.launchlint.yaml" "$work/.launchlint.yaml"
cd "$work"
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# run ARGS...: sets $out, $err and $rc.
run() {
  "$bin" "$@" >"$work/.out" 2>"$work/.err"
  rc=$?
  out=$(cat "$work/.out")
  err=$(cat "$work/.err")
}
expect_rc() {  # expect_rc WANT LABEL
  [[ $rc == "$1" ]] || fail "$2: exit $rc, expected $1 (stderr: $err)"
}
expect_eq() {  # expect_eq GOT WANT LABEL
  [[ $1 == "$2" ]] || fail "$3: got [$1], expected [$2]"
}
expect_has() {  # expect_has TEXT NEEDLE LABEL
  [[ $1 == *"$2"* ]] || fail "$3: [$2] not in [$1]"
}
expect_not() {  # expect_not TEXT NEEDLE LABEL
  [[ $1 != *"$2"* ]] || fail "$3: [$2] unexpectedly in [$1]"
}

pod() {  # pod NAME IMAGE [NAMESPACE]
  printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: %s\n%sspec:\n  containers:\n  - name: app\n    image: %s\n    readinessProbe: {exec: {command: [ready]}}\n    resources: {requests: {cpu: 100m, memory: 64Mi}}\n' \
    "$1" "${3:+  namespace: $3
}" "$2"
}
# Exact text is asserted on findings of the loader's rules (duplicate-key,
# yaml-syntax) on ConfigMaps, which the growing rule catalog leaves alone.
configmap() {  # configmap NAME [DUPLICATE]: line 6 repeats key `a` when asked
  printf 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: %s, namespace: web}\ndata:\n  a: "1"\n%s' \
    "$1" "${2:+  a: \"2\"
}"
}
dup_msg='error: duplicate key "a" (first set at line 5); Kubernetes rejects or silently drops one of them [GEN002]'

mkdir -p clean errors warnings
configmap ok >clean/ok.yaml
configmap bad dup >errors/bad.yaml
# A warning (no readiness probe) beside whatever else the catalog finds.
printf 'apiVersion: v1\nkind: Pod\nmetadata: {name: slow, namespace: web}\nspec:\n  containers:\n  - {name: app, image: "nginx:1.27.0", resources: {requests: {cpu: 1, memory: 1Gi}}}\n' >warnings/warn.yaml

# --- exit codes and --fail-on
run lint clean
expect_rc 0 "clean"
expect_eq "$out" "0 errors, 0 warnings, 0 info in 1 object from 1 file" "clean summary"
expect_eq "$err" "" "clean stderr"
run lint errors
expect_rc 1 "error finding"
expect_eq "$out" "errors/bad.yaml
errors/bad.yaml:6:3: $dup_msg

1 error, 0 warnings, 0 info (general 1) in 1 object from 1 file" "error report"
run lint errors --fail-on warning
expect_rc 1 "--fail-on warning with an error"
run lint errors --fail-on never
expect_rc 0 "--fail-on never"
run lint clean --fail-on error
expect_rc 0 "--fail-on error, clean"
run lint clean --fail-on warning
expect_rc 0 "--fail-on warning, clean"
run lint warnings
expect_has "$out" "warnings/warn.yaml:6:5: warning: container \"app\" has no readinessProbe" "warning line"
# Which exit codes the warning file must give follows from its findings.
"$bin" lint warnings --format json >warn.json
read -r n_errors n_warnings < <(python3 -c 'import json; s=json.load(open("warn.json"))["summary"]; print(s["error"], s["warning"])')
(( n_warnings > 0 )) || fail "warnings/warn.yaml has no warning"
run lint warnings
expect_rc $(( n_errors > 0 ? 1 : 0 )) "warnings, --fail-on error (default)"
run lint warnings --fail-on warning
expect_rc 1 "--fail-on warning"
run lint warnings --fail-on never
expect_rc 0 "warnings, --fail-on never"
run lint errors --fail-on fatal
expect_rc 2 "--fail-on fatal"
expect_has "$err" "--fail-on: fatal not in {error,warning,never}" "bad --fail-on message"
run lint clean --format xml
expect_rc 2 "--format xml"
run lint clean --color sometimes
expect_rc 2 "--color sometimes"
run frobnicate
expect_rc 2 "unknown subcommand"
run
expect_rc 2 "no subcommand"
expect_has "$err" "A subcommand is required" "no subcommand message"
run --help
expect_rc 0 "--help"
expect_has "$out" "lint" "--help lists lint"

# --- YAML syntax errors are findings (exit 1), other files still linted
printf 'a: [unclosed\n' >errors/broken.yaml
run lint errors
expect_rc 1 "syntax error"
expect_has "$out" "errors/broken.yaml:2:1: error: YAML syntax error: end of sequence flow not found [GEN001]" "syntax error line"
expect_has "$out" "errors/bad.yaml:6:3: $dup_msg" "other file still linted"
rm errors/broken.yaml

# --- missing and unreadable paths: exit 2, named, the rest still reported
run lint missing.yaml errors
expect_rc 2 "missing path"
expect_eq "$err" "launchlint: error: missing.yaml: no such file or folder" "missing path message"
expect_has "$out" "errors/bad.yaml:6:3: $dup_msg" "missing path: others reported"
mkfifo pipe.yaml
run lint pipe.yaml clean
expect_rc 2 "FIFO"
expect_eq "$err" "launchlint: error: pipe.yaml: not a regular file (FIFO, socket or device); refusing to read it" "FIFO message"
expect_has "$out" "in 1 object from 1 file" "FIFO: others reported"
ln -s nowhere.yaml dangling.yaml
run lint dangling.yaml clean --fail-on never
expect_rc 2 "dangling symlink (exit 2 beats --fail-on never)"
expect_eq "$err" "launchlint: error: dangling.yaml: no such file or folder" "dangling message"
rm pipe.yaml dangling.yaml
if (( EUID != 0 )); then  # root reads anything
  configmap locked >locked.yaml
  chmod 000 locked.yaml
  run lint locked.yaml clean
  expect_rc 2 "unreadable file"
  expect_eq "$err" "launchlint: error: locked.yaml: Permission denied" "unreadable message"
  rm -f locked.yaml
fi

# --- --output FILE
run lint errors --output report.txt
expect_rc 1 "--output exit code"
expect_eq "$out" "" "--output leaves stdout empty"
expect_has "$(cat report.txt)" "errors/bad.yaml:6:3: $dup_msg" "--output content"
expect_not "$(cat report.txt)" $'\x1b[' "--output has no colors"
run lint errors --format json -o report.json
expect_rc 1 "-o json"
python3 -c 'import json,sys; d=json.load(open("report.json")); sys.exit(d["summary"]["error"] != 1)' \
  || fail "-o json content"
run lint missing.yaml errors --format json -o report.json
expect_rc 2 "json with a missing path"
"$schema_check" "$repo/schemas/launchlint-output.schema.json" report.json >/dev/null \
  || fail "json with a missing path: schema"
python3 -c 'import json,sys; d=json.load(open("report.json")); sys.exit(d["errors"] != [{"path": "missing.yaml", "message": "no such file or folder"}] or d["summary"]["error"] != 1)' \
  || fail "json with a missing path: errors and findings"
run lint errors --output no/such/folder/report.txt
expect_rc 2 "--output into a missing folder"
expect_eq "$err" "launchlint: error: cannot write no/such/folder/report.txt" "--output error message"

# --- stdin
run lint - <errors/bad.yaml
expect_rc 1 "stdin"
expect_has "$out" "<stdin>:6:3: $dup_msg" "stdin location"
run lint --format json - <errors/bad.yaml
expect_has "$out" '"location":{"file":"<stdin>","line":6,"column":3}' "stdin json"
run lint - clean <errors/bad.yaml
expect_has "$out" "in 2 objects from 2 files" "stdin with a folder"

# --- --quiet
run lint errors --quiet
expect_eq "$out" "errors/bad.yaml
errors/bad.yaml:6:3: $dup_msg" "--quiet"
run lint clean -q
expect_eq "$out" "" "--quiet, clean"
expect_rc 0 "--quiet, clean exit"

# --- --color
run lint errors --color always
expect_has "$out" $'\x1b[1;31merror\x1b[0m' "--color always"
NO_COLOR=1 run lint errors --color always
expect_has "$out" $'\x1b[' "--color always beats NO_COLOR"
run lint errors
expect_not "$out" $'\x1b[' "auto, piped"
run lint errors --color never
expect_not "$out" $'\x1b[' "--color never"
# auto on a terminal: `script` gives launchlint a pseudo-terminal.
tty_out=$(script -qec "$bin lint errors" /dev/null)
expect_has "$tty_out" $'\x1b[1;31merror\x1b[0m' "auto on a terminal"
tty_out=$(NO_COLOR=1 script -qec "$bin lint errors" /dev/null)
expect_has "$tty_out" "errors/bad.yaml:6:3:" "NO_COLOR run printed findings"
expect_not "$tty_out" $'\x1b[' "auto on a terminal with NO_COLOR"
tty_out=$(script -qec "$bin lint errors --color never" /dev/null)
expect_not "$tty_out" $'\x1b[' "--color never on a terminal"

# --- --default-namespace
pod unplaced nginx:latest >unplaced.yaml
run lint unplaced.yaml
expect_has "$out" "Pod default/unplaced" "default namespace"
run lint unplaced.yaml --default-namespace team-a
expect_has "$out" "Pod team-a/unplaced" "--default-namespace"
run lint unplaced.yaml --default-namespace team-a --format json
expect_has "$out" '"object":{"apiVersion":"v1","kind":"Pod","namespace":"team-a","name":"unplaced"}' "--default-namespace json"
pod placed nginx:latest web >placed.yaml
run lint placed.yaml --default-namespace team-a
expect_has "$out" "Pod web/placed" "--default-namespace keeps explicit namespaces"
rm unplaced.yaml placed.yaml

# --- folder walk: .yaml/.yml/.json, recursive, sorted, hidden and node_modules skipped
mkdir -p tree/b tree/a/deep tree/.hidden tree/node_modules
pod z nginx:latest >tree/z.yaml
pod ay nginx:latest >tree/a/y.yml
pod adx nginx:latest >tree/a/deep/x.yaml
printf '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "bj"},\n "spec": {"containers": [{"name": "app", "image": "nginx:latest",\n  "readinessProbe": {"exec": {"command": ["ready"]}},\n  "resources": {"requests": {"cpu": "1", "memory": "1Gi"}}}]}}\n' >tree/b/j.json
pod hidden nginx:latest >tree/.hidden/h.yaml
pod hiddenfile nginx:latest >tree/.h.yaml
pod module nginx:latest >tree/node_modules/m.yaml
pod text nginx:latest >tree/notes.txt
pod upper nginx:latest >tree/A.YAML
run lint tree --quiet
expect_rc 1 "walk"
files=$(grep -o '^[^ :]*\.[a-zA-Z]*:[0-9]*' <<<"$out" | cut -d: -f1 | uniq | tr '\n' ' ')
expect_eq "$files" "tree/a/deep/x.yaml tree/a/y.yml tree/b/j.json tree/z.yaml " "walk order and filter"
run lint tree/notes.txt
expect_has "$out" "tree/notes.txt:8:12:" "a file named explicitly is read whatever its extension"
# no PATH means the current folder
(cd tree && "$bin" lint --quiet >"$work/.out" 2>"$work/.err"); rc=$?
files=$(grep -o '^[^ :]*\.[a-zA-Z]*:[0-9]*' "$work/.out" | cut -d: -f1 | uniq | tr '\n' ' ')
expect_eq "$files" "a/deep/x.yaml a/y.yml b/j.json z.yaml " "no PATH means ."
expect_rc 1 "no PATH exit"

# --- rules, explain, version
run rules
expect_rc 0 "rules"
first=$(head -1 <<<"$out")
expect_eq "$first" "SEC001   privileged-container               security       error    A container runs with securityContext.privileged: true." "rules first line (by area: security first)"
gen001=$(grep '^GEN001 ' <<<"$out")
expect_eq "$gen001" "GEN001   yaml-syntax                        general        error    The file is not valid YAML (or JSON) and part of it cannot be read." "rules line of GEN001"
expect_has "$out" "SEC001   privileged-container" "rules lists SEC001"
rules_count=$(wc -l <<<"$out")
(( rules_count >= 7 )) || fail "rules lists $rules_count rules"
run explain SEC001
expect_rc 0 "explain id"
expect_eq "$(head -1 <<<"$out")" "# privileged-container (SEC001)" "explain id heading"
expect_has "$out" "## Use instead" "explain prints the doc"
by_id=$out
run explain privileged-container
expect_rc 0 "explain name"
expect_eq "$out" "$by_id" "explain by name = by id"
run explain NOPE042
expect_rc 2 "explain unknown"
expect_eq "$out" "" "explain unknown stdout"
expect_eq "$err" 'launchlint: error: no rule "NOPE042"; `launchlint rules` lists them' "explain unknown message"
run explain
expect_rc 2 "explain without rule"
run version
expect_rc 0 "version"
[[ $out =~ ^launchlint\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "version output: $out"

# --- LAUNCHLINT_TIMING: phases, rules and memory on stderr, only when set
for command in lint review; do
  LAUNCHLINT_TIMING=1 run $command clean
  expect_rc 0 "timed $command"
  phases=("load and parse" "model and namespaces" "exceptions and sort" write "peak RSS")
  [[ $command == review ]] && phases+=(review)
  for phase in "${phases[@]}"; do
    expect_has "$err" "$phase" "timed $command prints $phase"
  done
  [[ $err =~ load\ and\ parse\ +[0-9.]+\ +[0-9.]+\ +[0-9.]+ ]] ||
    fail "timed $command: wall, CPU and RSS figures: $err"
  run $command clean
  expect_not "$err" "peak RSS" "untimed $command prints no timings"
done

if (( failures )); then
  echo "cli: $failures failure(s)" >&2
  exit 1
fi
echo "cli: all checks passed"
