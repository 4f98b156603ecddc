// Whether a YAML text looks like Kubernetes manifests: an apiVersion and a
// kind at the start of a line (a document's top level, or a List's items),
// or a Helm `# Source:` comment. No vscode import: the test runs it in node.
const API_VERSION = /^(?:- )?\s*apiVersion\s*:/m;
const KIND = /^(?:- )?\s*kind\s*:/m;
const HELM_SOURCE = /^# Source: /m;

export function looksLikeManifest(text: string): boolean {
  const head = text.length > 1 << 20 ? text.slice(0, 1 << 20) : text;
  return (API_VERSION.test(head) && KIND.test(head)) || HELM_SOURCE.test(head);
}
