import type { PlannedChange } from './plan.js';

/** The environment a rendered path belongs to (see environmentDirs in @routeplane/catalog). */
export function environmentOfPath(path: string): string | undefined {
  const parts = path.split('/');
  if (parts[0] === 'argocd' || parts[0] === 'deck') return parts[1];
  if (parts[0] === 'generated' && (parts[1] === 'k8s' || parts[1] === 'terraform')) return parts[2];
  return undefined;
}

/**
 * A plan would delete the whole tree of an environment the catalog no longer has (Terraform
 * state included) and the command line did not name it: the user must say so explicitly.
 */
export class EnvironmentRemovalError extends Error {
  override name = 'EnvironmentRemovalError';
}

/**
 * Deleted files grouped by environment, for environments that render no file any more. An
 * environment that is still rendered only loses stale files, which is ordinary pruning.
 */
export function removedEnvironments(
  changes: readonly PlannedChange[],
): ReadonlyMap<string, readonly string[]> {
  const kept = new Set(
    changes.filter((c) => c.kind !== 'deleted').map((c) => environmentOfPath(c.path)),
  );
  const removed = new Map<string, string[]>();
  for (const change of changes) {
    const env = environmentOfPath(change.path);
    if (change.kind !== 'deleted' || env === undefined || kept.has(env)) continue;
    removed.set(env, [...(removed.get(env) ?? []), change.path]);
  }
  return removed;
}

/**
 * Throws unless every environment the plan removes is in `allowed`, and every name in `allowed`
 * is an environment the plan removes (a typo must not pass silently).
 */
export function guardEnvironmentRemoval(
  changes: readonly PlannedChange[],
  allowed: readonly string[],
): void {
  const removed = removedEnvironments(changes);
  const problems: string[] = [];
  for (const [env, paths] of removed) {
    if (allowed.includes(env)) continue;
    problems.push(
      `environment "${env}" is no longer in the catalog; generate would delete its ${paths.length} rendered file(s) (${paths.join(', ')}), Terraform included. Run again with --delete-environment ${env} to delete them`,
    );
  }
  for (const env of allowed) {
    if (removed.has(env)) continue;
    problems.push(
      `--delete-environment ${env}: no rendered tree of "${env}" would be deleted${removed.size > 0 ? ` (removed: ${[...removed.keys()].join(', ')})` : ''}; it is still in the catalog or was never rendered`,
    );
  }
  if (problems.length > 0) throw new EnvironmentRemovalError(problems.join('\n'));
}
