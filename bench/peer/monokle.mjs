// The benchmark's peer: @monokle/validation over one file, called the way the
// Monokle CLI calls it (extractK8sResources from @monokle/parser, then
// createDefaultMonokleValidator, preload(config), processRefs, validate), with
// its offline plugins. Prints one line on stdout:
//
//   resources N problems P seconds S
//
// S runs from reading the file to the validation response (reading, YAML
// parsing, plugin preload with the schema load, reference processing,
// validation); node's start-up and the imports are left out. A breakdown and
// the problems per plugin go to stderr.
//
// Offline: globalThis.fetch is replaced before the library is imported. It
// serves https://plugins.monokle.com/schemas/... from the shared peer data
// (MONOKLE_SCHEMAS, default ../shared/peers/monokle-schemas beside the repo)
// and refuses every other address. open-policy-agent and admission-policy
// need WASM from the CDN that no package ships, so they are left out.
//
// usage: node bench/peer/monokle.mjs FILE   (MONOKLE_LIST=1 lists the problems on stderr)
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SCHEMA_BASE = 'https://plugins.monokle.com/schemas/';
const schemasDir = resolve(
  process.env.MONOKLE_SCHEMAS ?? join(here, '..', '..', '..', 'shared', 'peers', 'monokle-schemas'));
const SCHEMA_VERSION = 'v1.35.0';

const PLUGINS = [
  'yaml-syntax',
  'pod-security-standards',
  'resource-links',
  'metadata',
  'practices',
  'kubernetes-schema',
];

const served = [];
const refused = [];
const offlineFetch = async (input) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : String(input?.url);
  if (url.startsWith(SCHEMA_BASE)) {
    const path = resolve(schemasDir, url.slice(SCHEMA_BASE.length).split(/[?#]/)[0]);
    if (path.startsWith(schemasDir + sep)) {
      try {
        const body = await readFile(path);
        served.push(url);
        return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
      } catch {
        // not in the shared data: refused like any other address
      }
    }
  }
  refused.push(url);
  throw new TypeError(`monokle.mjs is offline: refused ${url}`);
};
globalThis.fetch = offlineFetch;

// The library logs with console.debug/console.log (e.g. "[validation] Cannot
// register custom schema"): send all of it to stderr so stdout holds only the
// result line.
const printResult = (line) => process.stdout.write(`${line}\n`);
console.log = console.info = console.debug = console.warn = console.error;

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error('usage: node monokle.mjs FILE');
  process.exit(2);
}

const { createDefaultMonokleValidator, processRefs, ResourceParser, isSuppressed } = await import(
  '@monokle/validation'
);
const { extractK8sResources } = await import('@monokle/parser');

const config = {
  plugins: Object.fromEntries(PLUGINS.map((p) => [p, true])),
  settings: {
    'kubernetes-schema': { schemaVersion: SCHEMA_VERSION },
    // prints plugins that failed to load or to run (otherwise silently dropped)
    debug: true,
  },
};

const ms = (a, b) => ((b - a) / 1000).toFixed(3);
// Each stage is logged when it ends, so a run cut by the timeout shows how far it got.
const stage = (name, a, b) => console.error(`monokle.mjs: ${name} ${ms(a, b)} s`);
const t0 = performance.now();
const content = await readFile(file, 'utf8');
// The file's path as the user gave it: the parser skips paths that look like
// Helm templates or values files, and files not named .yaml/.yml.
const files = [{ id: file, path: file, content }];
const resources = extractK8sResources(files);
const t1 = performance.now();
stage(`read+extract (${resources.length} resources)`, t0, t1);

const validator = createDefaultMonokleValidator();
await validator.preload(config);
const t2 = performance.now();
stage('preload', t1, t2);

const parser = new ResourceParser();
processRefs(resources, parser, undefined, files.map((f) => f.path));
const t3 = performance.now();
stage('processRefs', t2, t3);

const response = await validator.validate({ resources });
const t4 = performance.now();
stage('validate', t3, t4);

const run = response.runs[0];
const problems = run.results.filter((r) => !isSuppressed(r));
const plugins = run.tool.extensions.map((e) => e.name);
const perPlugin = Object.fromEntries(plugins.map((p) => [p, 0]));
for (const r of problems) {
  const name = r.rule?.toolComponent?.name ?? '?';
  perPlugin[name] = (perPlugin[name] ?? 0) + 1;
}
if (process.env.MONOKLE_LIST) {
  for (const r of problems) {
    const loc = r.locations?.[0]?.physicalLocation?.region;
    console.error(`${r.rule?.toolComponent?.name} ${r.ruleId} line ${loc?.startLine}: ${r.message?.text}`);
  }
}
const ids = new Set(resources.map((r) => r.id)).size;

console.error(`monokle.mjs: ${resources.length} resources, ${ids} distinct ids`);
console.error(`monokle.mjs: problems per plugin ${JSON.stringify(perPlugin)}`);
console.error(`monokle.mjs: served ${served.length} schema file(s); refused ${refused.length}` +
  (refused.length ? `: ${[...new Set(refused)].slice(0, 5).join(' ')}` : ''));

const missing = PLUGINS.filter((p) => !plugins.includes(p));
if (missing.length || served.length === 0 || globalThis.fetch !== offlineFetch) {
  console.error(
    `monokle.mjs: not every plugin ran (missing: ${missing.join(', ') || 'none'}; ` +
      `schemas served: ${served.length}; fetch still offline: ${globalThis.fetch === offlineFetch})`);
  process.exit(1);
}
if (resources.length === 0) {
  console.error(`monokle.mjs: no resources extracted from ${file}`);
  process.exit(1);
}

printResult(`resources ${resources.length} problems ${problems.length} seconds ${ms(t0, t4)}`);
