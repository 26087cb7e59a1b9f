import { deckFile } from '@routeplane/catalog';
import {
  formatFindingsHuman,
  formatFindingsJson,
  hasBlockingFindings,
  readTree,
  runExternalTools,
  validateTree,
} from '@routeplane/validate';
import type { CommandIo } from './io.js';
import { type CatalogOptions, loadFromOptions } from './load.js';

export interface ValidateOptions extends CatalogOptions {
  readonly format: 'human' | 'json';
  readonly external: boolean;
}

/**
 * `routeplane validate`: schema, cross-layer and policy checks of the files on disk (not of what
 * the catalog would render: `check` covers that). Waivers come from the catalog. Exit 1 on any
 * finding that is not waived or when an external tool fails.
 */
export async function validateCommand(options: ValidateOptions, io: CommandIo): Promise<number> {
  const { model, repoRoot } = loadFromOptions(options, io);
  // Waivers are catalog-wide but resolved per environment: each covers its environment's files.
  const waivers = model.environments.flatMap((env) =>
    env.waivers.map((waiver) => ({ ...waiver, env: env.name })),
  );
  const findings = validateTree({ files: readTree(repoRoot), waivers });
  const external = options.external
    ? await runExternalTools(
        repoRoot,
        model.environments.map((env) => deckFile(env.name)),
      )
    : [];
  const toolFailed = external.some((r) => r.status === 'failed');
  if (options.format === 'json') {
    io.out(formatFindingsJson(findings));
  } else {
    io.out(formatFindingsHuman(findings));
    for (const result of external) {
      io.out(`${result.tool}: ${result.status}${result.command ? ` (${result.command})` : ''}`);
      if (result.status === 'failed') io.out(result.output);
    }
    if (!options.external) io.out('external tools (kubeconform, deck): skipped by --no-external');
  }
  return hasBlockingFindings(findings) || toolFailed ? 1 : 0;
}
