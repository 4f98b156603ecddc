#!/usr/bin/env bash
# `launchlint lsp` over real pipes: framing errors, unknown methods, an
# orderly exit, end of input, and a client that stops reading.
#   Usage: lsp_stdio_test.sh LAUNCHLINT
set -euo pipefail
launchlint=$(realpath "$1")
python3 - "$launchlint" <<'PY'
import json, os, subprocess, sys, tempfile, time
binary = sys.argv[1]

def frame(obj):
    body = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body

def read_message(stream):
    headers = {}
    while True:
        line = stream.readline()
        if not line:
            return None
        if line == b"\r\n":
            break
        key, value = line.decode().split(":", 1)
        headers[key.strip().lower()] = value.strip()
    return json.loads(stream.read(int(headers["content-length"])))

def start():
    return subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)

def check(cond, what):
    if not cond:
        print("FAIL:", what)
        sys.exit(1)

# 1. Garbage, then a real session, in one write.
p = start()
tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "m.yaml")
uri = "file://" + path
manifest = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: b:1\n    securityContext: {privileged: true}\n"
data = (b"Content-Length: nope\r\n\r\n" + b"junk without header end\r\n\r\n" +
        frame(b"{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\"") +
        frame({"jsonrpc": "2.0", "id": 2, "method": "initialize", "params": {"capabilities": {}}}) +
        frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}) +
        frame({"jsonrpc": "2.0", "id": 3, "method": "no/such/method", "params": {}}) +
        frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": manifest}}}))
p.stdin.write(data)
p.stdin.flush()
got = [read_message(p.stdout) for _ in range(6)]
errors = [m["error"]["code"] for m in got if "error" in m]
check(errors.count(-32700) == 3, f"three parse errors expected: {got}")
check(-32601 in errors, f"MethodNotFound expected: {got}")
init = [m for m in got if m.get("id") == 2]
check(init and init[0]["result"]["capabilities"]["hoverProvider"], f"initialize: {got}")
diag = [m for m in got if m.get("method") == "textDocument/publishDiagnostics"]
check(diag and any(d["code"] == "SEC001" for d in diag[0]["params"]["diagnostics"]), f"diagnostics: {got}")
p.stdin.write(frame({"jsonrpc": "2.0", "id": 4, "method": "shutdown"}) +
              frame({"jsonrpc": "2.0", "method": "exit"}))
p.stdin.flush()
check(read_message(p.stdout) == {"jsonrpc": "2.0", "id": 4, "result": None}, "shutdown")
check(p.wait(timeout=10) == 0, "exit after shutdown is 0")

# 2. End of input without exit: code 1, no crash.
p = start()
p.stdin.write(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}}))
p.stdin.close()
check(p.wait(timeout=10) == 1, "end of input is exit code 1")

# 3. A client that stops reading: the server notices the broken pipe.
p = start()
p.stdout.close()
p.stdin.write(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}}))
p.stdin.flush()
for i in range(50):
    try:
        p.stdin.write(frame({"jsonrpc": "2.0", "id": 10 + i, "method": "x"}))
        p.stdin.flush()
    except BrokenPipeError:
        break
    time.sleep(0.01)
code = p.wait(timeout=10)
check(code == 1, f"vanished client: exit code {code} (a signal is negative)")

# 4. A header announcing an oversized body is skipped with its body.
p = start()
big = b"Content-Length: 70000000\r\n\r\n"
p.stdin.write(big + b"x" * 70000000 + frame({"jsonrpc": "2.0", "id": 5, "method": "initialize", "params": {}}))
p.stdin.flush()
first = read_message(p.stdout)
check(first["error"]["code"] == -32700 and "64 MiB" in first["error"]["message"], f"oversized: {first}")
second = read_message(p.stdout)
check(second.get("id") == 5 and "result" in second, f"after oversized: {second}")
p.stdin.close()
p.wait(timeout=10)
print("lsp stdio: ok")
PY
