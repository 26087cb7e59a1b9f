import { planChanges, unifiedDiff } from '@routeplane/writer';
import { withScope } from './generate-command.js';
import type { CommandIo } from './io.js';
import { type CatalogOptions, loadFromOptions } from './load.js';
import { pruneScopeFor, renderAll, selectEnvironment } from './pipeline.js';
import { loadRenderers } from './renderers.js';

export interface CheckOptions extends CatalogOptions {
  readonly env?: string;
}

/** `routeplane check`: render in memory; exit 1 with a unified diff when the tree differs. */
export async function checkCommand(options: CheckOptions, io: CommandIo): Promise<number> {
  const { model: full, repoRoot } = loadFromOptions(options, io);
  const model = selectEnvironment(full, options.env);
  const { files } = renderAll(model, await loadRenderers());
  const changes = planChanges(files, {
    repoRoot,
    catalogFile: model.catalogFile,
    ...withScope(pruneScopeFor(model, options.env)),
  });
  const drift = changes.filter((c) => c.kind !== 'unchanged');
  if (drift.length === 0) {
    io.out(`routeplane check: ${changes.length} rendered files match ${model.catalogFile}`);
    return 0;
  }
  io.out(unifiedDiff(drift));
  io.err(
    `routeplane check: ${drift.length} file(s) differ from what ${model.catalogFile} renders (${drift
      .map((c) => `${c.kind} ${c.path}`)
      .join(', ')}); run \`pnpm generate\` and commit the result`,
  );
  return 1;
}
