#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora, made from testdata, into OUT/loader,
OUT/config and OUT/lsp (see fuzz/targets.h for what each target reads).

Usage: fuzz/make_seeds.py OUT
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TESTDATA = ROOT / "testdata"
MAX_BYTES = 64 << 10  # larger inputs slow the fuzzer more than they teach it
MARKER = b"\n#%manifest\n"  # config_fuzz.cc: what follows is a manifest


def manifests(folder, recursive=True):
    files = folder.rglob("*") if recursive else folder.iterdir()
    return sorted(p for p in files
                  if p.is_file() and p.suffix in (".yaml", ".yml")
                  and not p.name.startswith(".launchlint")
                  and p.stat().st_size <= MAX_BYTES)


def seed_name(path):
    return str(path.relative_to(TESTDATA)).replace("/", "_")


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def lsp_session(name, text):
    """An editor session on one file: open, hover, quick fixes, edits, close."""
    uri = "file:///fuzz/" + name
    doc = {"uri": uri}
    lines = text.count("\n") + 1
    whole = {"start": {"line": 0, "character": 0},
             "end": {"line": lines, "character": 0}}
    messages = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"processId": None, "rootUri": "file:///fuzz",
                    "capabilities": {},
                    "initializationOptions": {"debounceMs": 0}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen",
         "params": {"textDocument": dict(doc, languageId="yaml", version=1,
                                         text=text)}},
        {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover",
         "params": {"textDocument": doc,
                    "position": {"line": min(3, lines - 1), "character": 4}}},
        {"jsonrpc": "2.0", "id": 3, "method": "textDocument/codeAction",
         "params": {"textDocument": doc, "range": whole,
                    "context": {"diagnostics": [], "only": ["quickfix"]}}},
        {"jsonrpc": "2.0", "method": "textDocument/didChange",
         "params": {"textDocument": dict(doc, version=2),
                    "contentChanges": [
                        {"range": {"start": {"line": 1, "character": 0},
                                   "end": {"line": 1, "character": 0}},
                         "text": "# edited\n"}]}},
        {"jsonrpc": "2.0", "id": 4, "method": "textDocument/codeAction",
         "params": {"textDocument": doc, "range": whole}},
        {"jsonrpc": "2.0", "method": "textDocument/didSave",
         "params": {"textDocument": doc, "text": text}},
        {"jsonrpc": "2.0", "method": "textDocument/didClose",
         "params": {"textDocument": doc}},
        {"jsonrpc": "2.0", "id": 5, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ]
    return b"".join(frame(m) for m in messages)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = pathlib.Path(sys.argv[1])
    for target in ("loader", "config", "lsp"):
        (out / target).mkdir(parents=True, exist_ok=True)

    for path in manifests(TESTDATA):
        data = path.read_bytes()
        (out / "loader" / seed_name(path)).write_bytes(data)
        if len(data) <= 16 << 10:
            text = data.decode("utf-8", errors="replace")
            (out / "lsp" / seed_name(path)).write_bytes(
                lsp_session(path.name, text))

    for config in sorted(TESTDATA.rglob(".launchlint.y*ml")):
        data = config.read_bytes()
        (out / "config" / seed_name(config)).write_bytes(data)
        for path in manifests(config.parent, recursive=False):
            (out / "config" / seed_name(path)).write_bytes(
                data + MARKER + path.read_bytes())


if __name__ == "__main__":
    main()
