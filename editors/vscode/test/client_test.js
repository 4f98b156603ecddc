// A real LSP client (vscode-jsonrpc, the transport of vscode-languageclient)
// against `launchlint lsp`: open a manifest, check its diagnostics, edit it,
// check they update, request a code action, apply it, check the diagnostic
// is gone.   Usage: node test/client_test.js LAUNCHLINT
"use strict";
const assert = require("assert");
const cp = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const url = require("url");
const rpc = require("vscode-jsonrpc/node");
const { looksLikeManifest } = require("../out/manifest");

const binary = process.argv[2];
if (!binary) throw new Error("usage: client_test.js LAUNCHLINT");

// Applies LSP TextEdits (UTF-16 positions, as JS strings are) to a text.
function applyEdits(text, edits) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  const offset = (p) => Math.min((starts[p.line] ?? text.length) + p.character, text.length);
  const sorted = edits
    .map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  for (const e of sorted) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}

async function main() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "launchlint-client-"));
  const file = path.join(folder, "llama server.yaml");
  const uri = url.pathToFileURL(file).href;
  // The emoji before the flagged value checks UTF-16 columns end to end.
  let text = [
    "apiVersion: apps/v1",
    "kind: Deployment",
    "metadata:",
    "  name: llama",
    "  namespace: llm",
    "  labels: {team: \"🦙\"}",
    "spec:",
    "  template:",
    "    spec:",
    "      containers:",
    "      - name: vllm",
    "        image: vllm/vllm-openai:v0.6.3",
    "        securityContext: {note: \"🦙\", privileged: true}",
    "",
  ].join("\n");
  fs.writeFileSync(file, "stale: content on disk\n");
  fs.writeFileSync(path.join(folder, "service.yaml"),
    "apiVersion: v1\nkind: Service\nmetadata: {name: llama, namespace: llm}\nspec: {ports: [{port: 80}]}\n");
  assert.ok(looksLikeManifest(text), "the extension's filter accepts the manifest");
  assert.ok(!looksLikeManifest("on: push\njobs: {}\n"), "and rejects a workflow file");

  const server = cp.spawn(binary, ["lsp"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = rpc.createMessageConnection(
    new rpc.StreamMessageReader(server.stdout),
    new rpc.StreamMessageWriter(server.stdin));
  const waiters = [];
  const published = [];
  connection.onNotification("textDocument/publishDiagnostics", (params) => {
    if (params.uri !== uri) return;
    published.push(params);
    for (const w of waiters.splice(0)) w(params);
  });
  connection.listen();
  const nextDiagnostics = (timeoutMs = 10000) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no diagnostics in time")), timeoutMs);
    waiters.push((p) => { clearTimeout(timer); resolve(p); });
  });
  const exited = new Promise((resolve) => server.on("exit", (code) => resolve(code)));

  const init = await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: url.pathToFileURL(folder).href,
    capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } },
    initializationOptions: { debounceMs: 100 },
  });
  assert.strictEqual(init.capabilities.textDocumentSync.change, 1);
  connection.sendNotification("initialized", {});

  // 1. Open: diagnostics for the buffer, not for the stale file on disk.
  let diagnostics = nextDiagnostics();
  connection.sendNotification("textDocument/didOpen",
    { textDocument: { uri, languageId: "yaml", version: 1, text } });
  let params = await diagnostics;
  assert.strictEqual(params.version, 1);
  const privileged = params.diagnostics.find((d) => d.code === "SEC001");
  assert.ok(privileged, "SEC001 reported: " + JSON.stringify(params.diagnostics));
  const line = text.split("\n")[12];
  const character = line.indexOf("true");  // UTF-16 index, like the client's
  assert.deepStrictEqual(privileged.range,
    { start: { line: 12, character }, end: { line: 12, character: character + 4 } });
  assert.strictEqual(privileged.severity, 1);
  assert.strictEqual(privileged.source, "launchlint");
  assert.match(privileged.codeDescription.href, /rules\/security\/privileged-container\.md$/);
  assert.match(privileged.message, /^Deployment llm\/llama: container "vllm" runs privileged/);
  assert.ok(!params.diagnostics.some((d) => d.code === "ROL001"), "image pinned at first");

  // Hover on the flagged value: the rule's doc.
  const hover = await connection.sendRequest("textDocument/hover",
    { textDocument: { uri }, position: { line: 12, character: character + 1 } });
  assert.match(hover.contents.value, /# privileged-container \(SEC001\)/);

  // 2. Edit: unpin the image; diagnostics follow (after the debounce).
  text = text.replace("vllm/vllm-openai:v0.6.3", "vllm/vllm-openai:latest");
  diagnostics = nextDiagnostics();
  const sentAt = Date.now();
  connection.sendNotification("textDocument/didChange",
    { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
  params = await diagnostics;
  const latency = Date.now() - sentAt;
  assert.strictEqual(params.version, 2);
  assert.ok(params.diagnostics.some((d) => d.code === "ROL001"), "ROL001 after the edit");
  assert.ok(params.diagnostics.some((d) => d.code === "SEC001"), "SEC001 still there");

  // 3. Code action on the privileged value: apply the preferred fix.
  const current = params.diagnostics.find((d) => d.code === "SEC001");
  const actions = await connection.sendRequest("textDocument/codeAction", {
    textDocument: { uri }, range: current.range, context: { diagnostics: [current] },
  });
  const titles = actions.map((a) => a.title);
  assert.ok(titles.some((t) => t.startsWith("Accept this exception")), titles.join("; "));
  const fix = actions.find((a) => a.isPreferred);
  assert.ok(fix, "a preferred fix: " + titles.join("; "));
  assert.strictEqual(fix.kind, "quickfix");
  text = applyEdits(text, fix.edit.changes[uri]);
  assert.ok(text.includes("{note: \"🦙\", privileged: false}"), text);
  diagnostics = nextDiagnostics();
  connection.sendNotification("textDocument/didChange",
    { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
  params = await diagnostics;
  assert.strictEqual(params.version, 3);
  assert.ok(!params.diagnostics.some((d) => d.code === "SEC001"), "SEC001 gone after the fix");
  assert.ok(params.diagnostics.some((d) => d.code === "ROL001"), "ROL001 remains");

  // 4. The exception action writes the ignore annotation.
  const rol = params.diagnostics.find((d) => d.code === "ROL001");
  const more = await connection.sendRequest("textDocument/codeAction", {
    textDocument: { uri }, range: rol.range, context: { diagnostics: [rol] },
  });
  const accept = more.find((a) => a.title.startsWith("Accept this exception"));
  assert.ok(accept);
  const annotated = applyEdits(text, accept.edit.changes[uri]);
  assert.ok(annotated.includes(
    "  annotations:\n    ignore-check.launchlint.io/ROL001: \"TODO: why this risk is accepted\"\n"),
    annotated);

  // 5. Unknown method: an error, and the server lives on.
  await assert.rejects(connection.sendRequest("launchlint/nope", {}),
    (e) => e.code === rpc.ErrorCodes.MethodNotFound);

  await connection.sendRequest("shutdown");
  connection.sendNotification("exit");
  assert.strictEqual(await exited, 0);
  connection.dispose();
  fs.rmSync(folder, { recursive: true, force: true });
  console.log(`vscode client: ok (diagnostics ${latency} ms after a change, 100 ms debounce)`);
}

main().catch((error) => {
  console.error("FAIL:", error);
  process.exit(1);
});
