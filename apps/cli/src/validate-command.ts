import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CatalogError, deckFile, locateInCatalog, type WaiverModel } from '@routeplane/catalog';
import {
  type Finding,
  formatReportHuman,
  formatReportJson,
  readTree,
  reportErrorCount,
  rules,
  runExternalTools,
  type UnusedWaiver,
  unusedWaivers,
  validateTree,
} from '@routeplane/validate';
import { unrenderedFiles } from '@routeplane/writer';
import { paintReport } from './colour.js';
import type { CommandIo } from './io.js';
import { type CatalogOptions, type LoadedCatalog, loadFromOptions } from './load.js';

export interface ValidateOptions extends CatalogOptions {
  readonly format: 'human' | 'json';
  readonly external: boolean;
  /** Write the report to this file instead of stdout. */
  readonly output?: string;
}

/**
 * `routeplane validate`: schema, cross-layer and policy checks of the files on disk (not of what
 * the catalog would render: `check` covers that). Waivers come from the catalog; one that covers
 * nothing is a catalog error (exit 2). Exit 1 on any finding that is not waived, a failed
 * external tool, or a file in the owned trees that routeplane did not render.
 */
export async function validateCommand(options: ValidateOptions, io: CommandIo): Promise<number> {
  const loaded = loadFromOptions(options, io);
  const { model, repoRoot } = loaded;
  // `waivers[]` is catalog-wide: every environment of the Model carries the same list.
  const catalogWaivers = model.environments[0]?.waivers ?? [];
  // Waivers are catalog-wide but resolved per environment: each covers its environment's files.
  const waivers = model.environments.flatMap((env) =>
    env.waivers.map((waiver) => ({ ...waiver, env: env.name })),
  );
  const findings = validateTree({ files: readTree(repoRoot), waivers });
  rejectUnusedWaivers(loaded, catalogWaivers, findings);
  const tools = options.external
    ? await runExternalTools(
        repoRoot,
        model.environments.map((env) => deckFile(env.name)),
      )
    : [];
  const report = { findings, tools, unrendered: unrenderedFiles(repoRoot) };
  const skipped = options.external
    ? ''
    : 'external tools (kubeconform, deck): skipped by --no-external\n';
  if (options.output !== undefined) {
    // For machines (CI, `pnpm validate`, whose banner goes to stdout): the report alone in a file.
    const text =
      options.format === 'json' ? formatReportJson(report) : formatReportHuman(report) + skipped;
    writeFileSync(resolve(io.cwd, options.output), text);
  } else if (options.format === 'json') {
    io.out(formatReportJson(report));
  } else {
    io.out(paintReport(io, formatReportHuman(report) + skipped));
  }
  return reportErrorCount(report) > 0 ? 1 : 0;
}

function rejectUnusedWaivers(
  loaded: LoadedCatalog,
  waivers: readonly WaiverModel[],
  findings: readonly Finding[],
): void {
  const unused = unusedWaivers(
    waivers,
    findings,
    rules.map((r) => r.id),
  );
  if (unused.length === 0) return;
  throw new CatalogError(
    locateInCatalog(loaded.catalogPath, loaded.displayName, (data) =>
      unused.map((u) => ({ path: waiverPath(data, u), message: u.message })),
    ),
  );
}

/** `waivers[i].rule` or `.object` of the catalog entry (the Model sorts waivers). */
function waiverPath(data: unknown, unused: UnusedWaiver): readonly (string | number)[] {
  const list = (data as { waivers?: readonly Partial<WaiverModel>[] }).waivers ?? [];
  const index = list.findIndex(
    (w) => w.rule === unused.waiver.rule && w.object === unused.waiver.object,
  );
  return ['waivers', Math.max(0, index), unused.field];
}
