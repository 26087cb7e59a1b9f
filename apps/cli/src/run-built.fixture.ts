import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '@routeplane/test-support';
import { listFiles } from '@routeplane/writer';
import { main } from './main.js';

/** The bundle vitest.global-setup.ts builds: what `pnpm routeplane` runs. */
export const builtCli = fileURLToPath(new URL('../dist/routeplane.mjs', import.meta.url));
export const builtBench = fileURLToPath(new URL('../dist/routeplane-bench.mjs', import.meta.url));

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment every run starts from: no tool on PATH, a scratch HOME. */
const baseEnv = (env: Record<string, string>) => ({ PATH: '', HOME: tmpdir(), ...env });

/**
 * Runs the built CLI as a user would, with PATH and NO_COLOR under the test's control. A new
 * node process per call: keep it for what only a process shows (the bundle, exit codes, stdio).
 */
export function runBuilt(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
  bin = builtCli,
): Run {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: baseEnv(env),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the same command line in this process (`main` with captured output, printed as
 * processIo prints it): no node start-up and bundle load per call, the worker's modules reused.
 */
export async function runInProcess(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<Run> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
  const code = await main(args, {
    cwd,
    env: baseEnv(env),
    out: (text) => stdout.push(line(text)),
    err: (text) => stderr.push(line(text)),
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

export const shippedCatalog = readFileSync(join(repoRoot, 'catalog.yaml'), 'utf8');

let rendered: string | undefined;

/**
 * The shipped catalog rendered once per worker by the built CLI (`generate` in a fresh
 * directory, end to end); scratch repositories are copies of it.
 */
function renderedShippedRepo(): string {
  if (rendered !== undefined) return rendered;
  const dir = mkdtempSync(join(tmpdir(), 'routeplane-e2e-template-'));
  writeFileSync(join(dir, 'catalog.yaml'), shippedCatalog);
  const run = runBuilt(['generate'], dir);
  if (run.code !== 0) throw new Error(`generate failed: ${run.stderr}`);
  rendered = dir;
  return dir;
}

/** A scratch repository holding the shipped catalog and, when `generated`, its rendered tree. */
export function scratchRepo(generated = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'routeplane-e2e-'));
  if (generated) cpSync(renderedShippedRepo(), dir, { recursive: true });
  else writeFileSync(join(dir, 'catalog.yaml'), shippedCatalog);
  return dir;
}

/** A scratch repository holding `catalogText`, rendered by `generate` (in-process). */
export async function renderedRepo(catalogText: string): Promise<string> {
  const dir = scratchRepo();
  writeFileSync(join(dir, 'catalog.yaml'), catalogText);
  const run = await runInProcess(['generate'], dir);
  if (run.code !== 0) throw new Error(`generate failed: ${run.stderr}`);
  return dir;
}

export function snapshotTree(root: string): Record<string, string> {
  return Object.fromEntries(
    ['argocd', 'generated', 'deck']
      .flatMap((d) => listFiles(root, d))
      .map((p) => [p, readFileSync(join(root, p), 'utf8')]),
  );
}
