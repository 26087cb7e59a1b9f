import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where `validate` takes CRDs from, or why it runs without them. */
export type CrdDirectory =
  | { readonly status: 'found'; readonly dir: string; readonly from: string }
  | { readonly status: 'skipped'; readonly reason: string }
  | { readonly status: 'missing'; readonly reason: string };

/** The environment variable that names the CRD directory when `--crds` is not given. */
export const crdsEnvVar = 'ROUTEPLANE_CRDS';

function isDir(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/**
 * `--crds <dir>`, else `$ROUTEPLANE_CRDS`, else `<root>/../shared/crds` when it exists (the
 * layout of a routeplane workspace). A directory that was named but does not exist is `missing`
 * (a command-line mistake); no directory at all is `skipped`, which `validate` reports.
 */
export function findCrdDirectory(
  repoRoot: string,
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
  cwd: string = process.cwd(),
): CrdDirectory {
  const fromEnv = env[crdsEnvVar];
  const named =
    option !== undefined
      ? { dir: resolve(cwd, option), from: '--crds' }
      : fromEnv
        ? { dir: resolve(cwd, fromEnv), from: crdsEnvVar }
        : undefined;
  if (named) {
    return isDir(named.dir)
      ? { status: 'found', ...named }
      : { status: 'missing', reason: `${named.from} ${named.dir} is not a directory` };
  }
  const fallback = resolve(repoRoot, '..', 'shared', 'crds');
  return isDir(fallback)
    ? { status: 'found', dir: fallback, from: 'default ../shared/crds' }
    : {
        status: 'skipped',
        reason: `no CRD directory: give --crds <dir> or ${crdsEnvVar} (${fallback} does not exist)`,
      };
}
