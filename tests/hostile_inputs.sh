#!/usr/bin/env bash
# Hostile and broken inputs through the CLI: each gets a clear message naming
# the file and line, the right exit code, bounded memory, and never a crash;
# the good file beside them is still linted. Usage: hostile_inputs.sh LAUNCHLINT
set -uo pipefail
bin=$(realpath "$1")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
fail=0
check() {  # check DESCRIPTION CONDITION...
  local what=$1
  shift
  if ! "$@"; then
    echo "FAIL: $what" >&2
    fail=1
  fi
}

cat > good.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: good
spec:
  containers:
  - name: c
    image: nginx
YAML
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec: [\n' > malformed.yaml
head -c 4096 "$bin" > binary.yaml
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf\xe9\n' > latin1.yaml
{ printf '\xef\xbb\xbf'; cat good.yaml; } | sed 's/name: good/name: bom/' > bom.yaml
sed 's/name: good/name: crlf/; s/$/\r/' good.yaml > crlf.yaml
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: tab\n' > tabs.yaml
python3 - <<'PY'
n = 10000
open('deep-flow.yaml', 'w').write('apiVersion: v1\nkind: ConfigMap\ndata: ' + '[' * n + ']' * n + '\n')
open('deep-block.yaml', 'w').write('apiVersion: v1\nkind: ConfigMap\ndata:\n' + '- ' * n + 'x\n')
bomb = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n'
for i in range(1, 12):
    bomb += f'  a{i}: &a{i} [' + ', '.join([f'*a{i-1}'] * 9) + ']\n'
open('billion-laughs.yaml', 'w').write(bomb)
PY

status=0
out=$("$bin" lint --color never good.yaml malformed.yaml binary.yaml latin1.yaml \
  bom.yaml crlf.yaml tabs.yaml deep-flow.yaml deep-block.yaml \
  billion-laughs.yaml 2>&1) || status=$?
check "syntax errors exit 1, got $status" test "$status" -eq 1
has() { grep -qF -- "$1" <<<"$out"; }
check "malformed YAML at its line" has "malformed.yaml:6:1: error: YAML syntax error"
check "binary file" has "binary.yaml:1:"
check "binary file message" has "binary file, not YAML"
check "invalid UTF-8 at its column" has "latin1.yaml:4:12: error: invalid UTF-8 byte 0xE9"
check "tab names the tab" has "tabs.yaml:4:"
check "tab message" has "indented with a tab"
check "deep flow nesting" has "deep-flow.yaml:3:407: error: nesting deeper than 400 levels"
check "deep block nesting" has "deep-block.yaml:4:"
check "alias bomb" has "billion-laughs.yaml:"
check "alias bomb message" has "alias bomb"
for f in good bom crlf; do
  check "$f.yaml still linted, image at 8:12" has "$f.yaml:8:12: error: container \"c\" image \"nginx\""
done
check "no crash words" bash -c "! grep -qiE 'terminate|abort|segmentation|exception' <<<\"\$0\"" "$out"

# Input errors (not findings) exit 2 and name the path; others still linted.
mkfifo fifo.yaml
status=0
out=$("$bin" lint --color never good.yaml missing.yaml fifo.yaml 2>&1) || status=$?
check "unreadable paths exit 2, got $status" test "$status" -eq 2
check "missing file named" has "missing.yaml: no such file"
check "FIFO refused, not read" has "fifo.yaml: not a regular file"
check "good file linted beside input errors" has "good.yaml:8:12:"
rm fifo.yaml

# A 200 MB file: one document of 200 MB (refused unread) and a good one after.
python3 - <<'PY'
with open('huge.yaml', 'w') as f:
    f.write('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\ndata:\n')
    line = '  k%08d: ' + 'x' * 89 + '\n'
    for i in range(2_000_000):
        f.write(line % i)
    f.write('---\n')
    f.write(open('good.yaml').read())
PY
size=$(stat -c %s huge.yaml)
check "huge.yaml is over 200 MB ($size)" test "$size" -gt 200000000
status=0
out=$(/usr/bin/time -f 'maxrss_kb %M' "$bin" lint --color never huge.yaml 2>&1) || status=$?
check "200 MB file exits 1, got $status" test "$status" -eq 1
check "200 MB document refused with its line" has "huge.yaml:1:1: error: document is 196.5 MiB, over the 8.0 MiB limit"
check "document after it still linted" has "huge.yaml:2000014:12: error: container \"c\""
rss=$(sed -n 's/^maxrss_kb //p' <<<"$out")
check "200 MB file under 512 MB of memory (${rss} KB)" test "${rss:-999999999}" -lt 524288
rm huge.yaml

exit $fail
