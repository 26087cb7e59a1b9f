import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ExternalToolResult {
  readonly tool: 'kubeconform' | 'deck';
  /** `passed` and `failed` ran the tool; `skipped` says why it did not run. */
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly command?: string;
  readonly output: string;
}

/** Where a binary is on PATH, or undefined. */
export function which(binary: string, path = process.env.PATH ?? ''): string | undefined {
  return path
    .split(delimiter)
    .filter((d) => d !== '')
    .map((d) => join(d, binary))
    .find((p) => existsSync(p));
}

/** CRD schemas kubeconform fetches for Gateway API, Istio and Argo CD kinds (datreeio catalog layout). */
export const crdSchemaLocation =
  'https://raw.githubusercontent.com/datreeio/CRDs-catalog/main/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json';

async function attempt(
  tool: ExternalToolResult['tool'],
  binary: string,
  args: readonly string[],
  cwd: string,
): Promise<ExternalToolResult> {
  const command = [tool, ...args].join(' ');
  try {
    const { stdout, stderr } = await run(binary, [...args], { cwd, maxBuffer: 16 * 1024 * 1024 });
    return { tool, status: 'passed', command, output: `${stdout}${stderr}`.trim() };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    return {
      tool,
      status: 'failed',
      command,
      output: `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() || e.message,
    };
  }
}

/** `deck/<env>/kong.yaml` files below the repository root, sorted. */
export function findDeckFiles(repoRoot: string): string[] {
  const dir = join(repoRoot, 'deck');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((env) => `deck/${env}/kong.yaml`)
    .filter((file) => existsSync(join(repoRoot, file)));
}

/**
 * Runs `kubeconform -strict` on generated/k8s and argocd, and `deck file validate` on each
 * deck/<env>/kong.yaml, when those binaries are on PATH. Never installs them.
 */
export async function runExternalTools(
  repoRoot: string,
  deckFiles: readonly string[] = findDeckFiles(repoRoot),
  path: string = process.env.PATH ?? '',
): Promise<ExternalToolResult[]> {
  const results: ExternalToolResult[] = [];
  const kubeconform = which('kubeconform', path);
  if (kubeconform) {
    const dirs = ['generated/k8s', 'argocd'].filter((d) => existsSync(join(repoRoot, d)));
    results.push(
      await attempt(
        'kubeconform',
        kubeconform,
        [
          '-strict',
          '-summary',
          '-schema-location',
          'default',
          '-schema-location',
          crdSchemaLocation,
          ...dirs,
        ],
        repoRoot,
      ),
    );
  } else {
    results.push({
      tool: 'kubeconform',
      status: 'skipped',
      output: 'kubeconform is not on PATH: skipped',
    });
  }
  const deck = which('deck', path);
  if (!deck) {
    results.push({ tool: 'deck', status: 'skipped', output: 'deck is not on PATH: skipped' });
  } else if (deckFiles.length === 0) {
    results.push({ tool: 'deck', status: 'skipped', output: 'no deck file to validate: skipped' });
  } else {
    for (const file of deckFiles)
      results.push(await attempt('deck', deck, ['file', 'validate', file], repoRoot));
  }
  return results;
}
