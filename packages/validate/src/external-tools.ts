import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import {
  compareVersions,
  type ExternalTool,
  formatVersion,
  minimumToolVersions,
  parseVersion,
  versionArgs,
} from './tool-version.js';

const run = promisify(execFile);

export interface ExternalToolResult {
  readonly tool: ExternalTool;
  /** `passed` and `failed` ran the tool; `skipped` says why it did not run. */
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly command?: string;
  readonly output: string;
  /** The version found on PATH, when the tool is there and said one. */
  readonly found?: string;
  /** The lowest version routeplane runs. */
  readonly needed: string;
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

async function execute(
  binary: string,
  args: readonly string[],
  cwd: string,
): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run(binary, [...args], { cwd, maxBuffer: 16 * 1024 * 1024 });
    return { ok: true, output: `${stdout}${stderr}`.trim() };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() || e.message };
  }
}

async function attempt(
  tool: ExternalTool,
  binary: string,
  args: readonly string[],
  cwd: string,
  found: string,
): Promise<ExternalToolResult> {
  const command = [tool, ...args].join(' ');
  const { ok, output } = await execute(binary, args, cwd);
  const needed = minimumToolVersions[tool];
  return { tool, status: ok ? 'passed' : 'failed', command, output, found, needed };
}

/**
 * The tool's version when it is new enough, else a `skipped` result naming the version found
 * and the version needed: an old decK has no `file validate` and would fail every run.
 */
async function checkVersion(
  tool: ExternalTool,
  binary: string,
  cwd: string,
): Promise<{ readonly found: string } | { readonly skipped: ExternalToolResult }> {
  const needed = minimumToolVersions[tool];
  const asked = [tool, ...versionArgs[tool]].join(' ');
  const { output } = await execute(binary, versionArgs[tool], cwd);
  const version = parseVersion(output);
  if (version === undefined) {
    const said = output.split('\n')[0] ?? '';
    return {
      skipped: {
        tool,
        status: 'skipped',
        needed,
        output: `${tool}: \`${asked}\` printed no version ("${said}"); routeplane needs ${tool} >= ${needed}: skipped`,
      },
    };
  }
  const found = formatVersion(version);
  const minimum = parseVersion(needed) ?? [];
  if (compareVersions(version, minimum) < 0) {
    return {
      skipped: {
        tool,
        status: 'skipped',
        found,
        needed,
        output: `${tool} ${found} is too old: routeplane needs ${tool} >= ${needed}: skipped`,
      },
    };
  }
  return { found };
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
  const kubeconformVersion = kubeconform
    ? await checkVersion('kubeconform', kubeconform, repoRoot)
    : undefined;
  if (kubeconformVersion !== undefined && 'skipped' in kubeconformVersion) {
    results.push(kubeconformVersion.skipped);
  } else if (kubeconform && kubeconformVersion) {
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
        kubeconformVersion.found,
      ),
    );
  } else {
    results.push(notOnPath('kubeconform'));
  }
  const deck = which('deck', path);
  const deckVersion = deck ? await checkVersion('deck', deck, repoRoot) : undefined;
  if (!deck || deckVersion === undefined) {
    results.push(notOnPath('deck'));
  } else if ('skipped' in deckVersion) {
    results.push(deckVersion.skipped);
  } else if (deckFiles.length === 0) {
    results.push({
      tool: 'deck',
      status: 'skipped',
      found: deckVersion.found,
      needed: minimumToolVersions.deck,
      output: 'no deck file to validate: skipped',
    });
  } else {
    for (const file of deckFiles)
      results.push(
        await attempt('deck', deck, ['file', 'validate', file], repoRoot, deckVersion.found),
      );
  }
  return results;
}

function notOnPath(tool: ExternalTool): ExternalToolResult {
  return {
    tool,
    status: 'skipped',
    needed: minimumToolVersions[tool],
    output: `${tool} is not on PATH: skipped`,
  };
}
