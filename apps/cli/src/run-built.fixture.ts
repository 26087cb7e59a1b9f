import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '@routeplane/test-support';
import { listFiles } from '@routeplane/writer';

/** The bundle vitest.global-setup.ts builds: what `pnpm routeplane` runs. */
export const builtCli = fileURLToPath(new URL('../dist/routeplane.mjs', import.meta.url));
export const builtBench = fileURLToPath(new URL('../dist/routeplane-bench.mjs', import.meta.url));

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI as a user would, with PATH and NO_COLOR under the test's control. */
export function runBuilt(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
  bin = builtCli,
): Run {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: '', HOME: tmpdir(), ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const shippedCatalog = readFileSync(join(repoRoot, 'catalog.yaml'), 'utf8');

/** A scratch repository holding `catalogText` and, when `generated`, its rendered tree. */
export function scratchRepo(catalogText = shippedCatalog, generated = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'routeplane-e2e-'));
  writeFileSync(join(dir, 'catalog.yaml'), catalogText);
  if (generated) {
    const run = runBuilt(['generate'], dir);
    if (run.code !== 0) throw new Error(`generate failed: ${run.stderr}`);
  }
  return dir;
}

export function snapshotTree(root: string): Record<string, string> {
  return Object.fromEntries(
    ['argocd', 'generated', 'deck']
      .flatMap((d) => listFiles(root, d))
      .map((p) => [p, readFileSync(join(root, p), 'utf8')]),
  );
}
