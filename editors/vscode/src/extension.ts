import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

import { looksLikeManifest } from "./manifest";

let client: LanguageClient | undefined;
let starting: Promise<void> | undefined;

function isManifest(document: vscode.TextDocument): boolean {
  return (
    document.languageId === "yaml" &&
    (document.uri.scheme === "file" || document.uri.scheme === "untitled") &&
    looksLikeManifest(document.getText())
  );
}

function binaryPath(): string {
  const configured = vscode.workspace
    .getConfiguration("launchlint")
    .get<string>("path", "launchlint");
  return configured.trim() === "" ? "launchlint" : configured;
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  if (client) return;
  const command = binaryPath();
  const serverOptions: ServerOptions = {
    command,
    args: ["lsp"],
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "yaml" },
      { scheme: "untitled", language: "yaml" },
    ],
    // Neighbouring manifests changed on disk: the server lints again.
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{yaml,yml,json}"),
    },
    // Only YAML that looks like Kubernetes manifests reaches the server;
    // changes to other files are ignored by it (it never saw them open).
    middleware: {
      didOpen: (document, next) =>
        looksLikeManifest(document.getText()) ? next(document) : Promise.resolve(),
    },
  };
  client = new LanguageClient("launchlint", "launchlint", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    client = undefined;
    void vscode.window.showErrorMessage(
      `launchlint: cannot start "${command} lsp" (${String(error)}). ` +
        "Install launchlint or set launchlint.path.",
    );
    return;
  }
  context.subscriptions.push({ dispose: () => void client?.stop() });
}

function maybeStart(context: vscode.ExtensionContext, document: vscode.TextDocument) {
  if (client || starting || !isManifest(document)) return;
  starting = start(context).finally(() => {
    starting = undefined;
  });
}

export function activate(context: vscode.ExtensionContext): void {
  for (const document of vscode.workspace.textDocuments) maybeStart(context, document);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => maybeStart(context, d)),
    vscode.workspace.onDidChangeTextDocument((e) => maybeStart(context, e.document)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration("launchlint.path") || !client) return;
      const old = client;
      client = undefined;
      await old.stop();
      for (const document of vscode.workspace.textDocuments) maybeStart(context, document);
    }),
  );
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
