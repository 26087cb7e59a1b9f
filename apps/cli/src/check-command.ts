import { unrenderedFileMessage } from '@routeplane/catalog';
import {
  diffStat,
  formatDiffStat,
  planChanges,
  unifiedDiff,
  unrenderedFiles,
} from '@routeplane/writer';
import { paintDiff } from './colour.js';
import { withScope } from './generate-command.js';
import type { CommandIo } from './io.js';
import { type CatalogOptions, loadFromOptions } from './load.js';
import { pruneScopeFor, renderAll, selectEnvironment } from './pipeline.js';
import { loadRenderers } from './renderers.js';

export interface CheckOptions extends CatalogOptions {
  readonly env?: string;
  /** Print only the paths of files that differ. @default false */
  readonly nameOnly?: boolean;
  /** Print files that differ with lines added and removed. @default false */
  readonly stat?: boolean;
}

/**
 * `routeplane check`: render in memory; exit 1 with a unified diff when the tree differs, or when
 * a file in the owned trees was not rendered by routeplane (Argo CD would sync it all the same).
 */
export async function checkCommand(options: CheckOptions, io: CommandIo): Promise<number> {
  const { model: full, repoRoot } = loadFromOptions(options, io);
  const model = selectEnvironment(full, options.env);
  const { files } = renderAll(model, await loadRenderers(model));
  const changes = planChanges(files, {
    repoRoot,
    catalogFile: model.catalogFile,
    ...withScope(pruneScopeFor(model, options.env)),
  });
  const drift = changes.filter((c) => c.kind !== 'unchanged');
  const unrendered = unrenderedFiles(repoRoot);
  if (drift.length === 0 && unrendered.length === 0) {
    io.out(`routeplane check: ${changes.length} rendered files match ${model.catalogFile}`);
    return 0;
  }
  if (drift.length > 0) {
    if (options.nameOnly) io.out(drift.map((c) => c.path).join('\n'));
    else if (options.stat) io.out(formatDiffStat(diffStat(drift)));
    else io.out(paintDiff(io, unifiedDiff(drift)));
    io.err(
      `routeplane check: ${drift.length} file(s) differ from what ${model.catalogFile} renders (${drift
        .map((c) => `${c.kind} ${c.path}`)
        .join(', ')}); run \`pnpm generate\` and commit the result`,
    );
  }
  for (const path of unrendered) io.err(`routeplane check: ${unrenderedFileMessage(path)}`);
  return 1;
}
