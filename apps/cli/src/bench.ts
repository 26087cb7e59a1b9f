import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModel, type RouteCatalog } from '@routeplane/catalog';
import { planChanges } from '@routeplane/writer';
import { parse, stringify } from 'yaml';
import { benchValidate } from './bench-validate.js';
import { addSyntheticRoutes } from './bench-workload.js';
import { type ColdStart, coldStart, formatColdStarts } from './cold-start.js';
import { renderAll } from './pipeline.js';
import { loadRenderers } from './renderers.js';

interface Row {
  readonly label: string;
  readonly routes: number;
  readonly files: number;
  readonly phases: Record<string, number>;
  readonly totalMs: number;
  readonly rssMiB: number;
}

function timeIt<T>(run: () => T): [T, number] {
  const started = performance.now();
  const value = run();
  return [value, performance.now() - started];
}

/** Renders one catalog in memory and serialises it (writing to an empty tree, nothing on disk). */
async function measure(label: string, catalogPath: string, routes: number): Promise<Row> {
  const renderers = await loadRenderers();
  const started = performance.now();
  const [model, loadMs] = timeIt(() => loadModel(catalogPath, 'catalog.yaml'));
  const { files, timings } = renderAll(model, renderers);
  const emptyRoot = mkdtempSync(join(tmpdir(), 'routeplane-bench-'));
  const [, serializeMs] = timeIt(() =>
    planChanges(files, { repoRoot: emptyRoot, catalogFile: 'catalog.yaml' }),
  );
  const phases: Record<string, number> = { load: loadMs };
  for (const t of timings) phases[t.name] = t.ms;
  phases.serialize = serializeMs;
  return {
    label,
    routes,
    files: files.length,
    phases,
    totalMs: performance.now() - started,
    rssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

function print(rows: readonly Row[]): void {
  const phaseNames = Object.keys(rows[0]?.phases ?? {});
  const header = [
    'catalog',
    'routes',
    'files',
    ...phaseNames.map((p) => `${p} ms`),
    'total ms',
    'ms/route',
    'peak RSS MiB',
  ];
  const lines = rows.map((r) => [
    r.label,
    String(r.routes),
    String(r.files),
    ...phaseNames.map((p) => (r.phases[p] ?? 0).toFixed(1)),
    r.totalMs.toFixed(1),
    (r.totalMs / Math.max(1, r.routes)).toFixed(3),
    r.rssMiB.toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: readonly string[]) =>
    cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  console.log(format(header));
  for (const line of lines) console.log(format(line));
}

/**
 * `pnpm bench [sizes...]`: the shipped catalog, then synthetic catalogs (default 10, 100, 1000,
 * 5000 routes), each rendered for both environments in this process after one warm-up run.
 * Peak RSS is the process maximum so far, so it only grows down the table.
 */
export async function runBench(argv: readonly string[]): Promise<number> {
  const sizes = parseBenchArgs(argv);
  if (typeof sizes === 'string') {
    console.error(
      `routeplane-bench: ${sizes}\nusage: pnpm bench [routes ...]   (e.g. pnpm bench 10 1000)`,
    );
    return 2;
  }
  const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
  const shippedPath = join(repoRoot, 'catalog.yaml');
  const importStarted = performance.now();
  await loadRenderers();
  console.log(
    `module import (catalog, renderers, cdk8s, cdktn): ${(performance.now() - importStarted).toFixed(0)} ms`,
  );
  await measure('warm-up', shippedPath, 4);
  const rows: Row[] = [await measure('shipped', shippedPath, 4)];
  const shippedText = readFileSync(shippedPath, 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'routeplane-bench-catalogs-'));
  for (const size of sizes) {
    const path = join(dir, `catalog-${size}.yaml`);
    const catalog = parse(shippedText) as RouteCatalog;
    addSyntheticRoutes(catalog, size);
    writeFileSync(path, stringify(catalog, { aliasDuplicateObjects: false }));
    rows.push(await measure(`synthetic`, path, size));
  }
  print(rows);
  console.log(formatColdStarts(coldStarts(shippedText, dir)));
  console.log(benchValidate(repoRoot));
  return 0;
}

/** Route counts to render, or what is wrong with the arguments. */
export function parseBenchArgs(argv: readonly string[]): number[] | string {
  if (argv.length === 0) return [10, 100, 1000, 5000];
  const bad = argv.find((arg) => !/^[1-9]\d{0,5}$/.test(arg));
  if (bad !== undefined)
    return `"${bad}" is not a route count: each argument must be a whole number from 1 to 999999`;
  return argv.map(Number);
}

/** `check` and `generate` as users run them, on the shipped catalog and on 1,000 routes. */
function coldStarts(shippedText: string, dir: string): ColdStart[] {
  const rows: ColdStart[] = [];
  for (const [name, routes] of [
    ['shipped', 0],
    ['1000 routes', 1000],
  ] as const) {
    const repo = mkdtempSync(join(dir, 'repo-'));
    const catalog = parse(shippedText) as RouteCatalog;
    if (routes > 0) addSyntheticRoutes(catalog, routes);
    writeFileSync(join(repo, 'catalog.yaml'), stringify(catalog, { aliasDuplicateObjects: false }));
    rows.push(coldStart(`generate (${name}, files unchanged)`, ['generate'], repo));
    rows.push(coldStart(`check (${name})`, ['check'], repo));
  }
  rows.push(coldStart('--help', ['--help'], dir));
  return rows;
}
