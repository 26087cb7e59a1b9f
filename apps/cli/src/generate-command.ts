import {
  applyChanges,
  type ChangeKind,
  EnvironmentRemovalError,
  guardEnvironmentRemoval,
  planChanges,
  removedEnvironments,
} from '@routeplane/writer';
import type { CommandIo } from './io.js';
import { type CatalogOptions, loadFromOptions } from './load.js';
import { pruneScopeFor, renderAll, selectEnvironment } from './pipeline.js';
import { loadRenderers } from './renderers.js';
import { UsageError } from './user-error.js';

export interface GenerateOptions extends CatalogOptions {
  readonly env?: string;
  readonly verbose?: boolean;
  /** Environments removed from the catalog whose rendered trees may be deleted. @default [] */
  readonly deleteEnvironment?: readonly string[];
}

/** `routeplane generate`: render the catalog and write argocd/, generated/ and deck/. */
export async function generateCommand(options: GenerateOptions, io: CommandIo): Promise<number> {
  const started = performance.now();
  const { model: full, repoRoot } = loadFromOptions(options, io);
  const model = selectEnvironment(full, options.env);
  const loadedMs = performance.now() - started;
  const { files, timings } = renderAll(model, await loadRenderers(model));
  const changes = planChanges(files, {
    repoRoot,
    catalogFile: model.catalogFile,
    ...withScope(pruneScopeFor(model, options.env)),
  });
  try {
    guardEnvironmentRemoval(changes, options.deleteEnvironment ?? []);
  } catch (error) {
    if (error instanceof EnvironmentRemovalError)
      throw new UsageError(`${error.message}\nnothing was written`);
    throw error;
  }
  applyChanges(repoRoot, changes);

  const counts: Record<ChangeKind, number> = { created: 0, updated: 0, deleted: 0, unchanged: 0 };
  for (const change of changes) {
    counts[change.kind] += 1;
    if (change.kind !== 'unchanged' || options.verbose)
      io.out(`${change.kind.padEnd(9)} ${change.path}`);
  }
  for (const [env, paths] of removedEnvironments(changes))
    io.out(`routeplane: deleted environment ${env}: ${paths.length} file(s), listed above`);
  const envs = model.environments.map((e) => e.name).join(', ');
  const phases = [
    `load ${loadedMs.toFixed(0)} ms`,
    ...timings.map((t) => `${t.name} ${t.ms.toFixed(0)} ms`),
  ];
  io.out(
    `routeplane: ${counts.created} created, ${counts.updated} updated, ${counts.deleted} deleted, ${counts.unchanged} unchanged (environments: ${envs}) in ${(performance.now() - started).toFixed(0)} ms [${phases.join(', ')}]`,
  );
  return 0;
}

export function withScope(scope: readonly string[] | undefined): {
  pruneScope?: readonly string[];
} {
  return scope === undefined ? {} : { pruneScope: scope };
}
