import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CatalogError, locateInCatalog } from '@routeplane/catalog';
import { deckFile, type WaiverModel } from '@routeplane/model';
import {
  type CrdCatalog,
  type CrdReport,
  crdRuleIds,
  type Finding,
  findCrdDirectory,
  formatReportHuman,
  formatReportJson,
  loadCrdCatalog,
  readTree,
  reportErrorCount,
  rules,
  runExternalTools,
  type UnusedWaiver,
  unusedWaivers,
  validateTree,
  validatorsOf,
} from '@routeplane/validate';
import { unrenderedFiles } from '@routeplane/writer';
import { paintReport } from './colour.js';
import type { CommandIo } from './io.js';
import { type CatalogOptions, type LoadedCatalog, loadFromOptions } from './load.js';
import { UsageError } from './user-error.js';

export interface ValidateOptions extends CatalogOptions {
  readonly format: 'human' | 'json';
  readonly external: boolean;
  /** Write the report to this file instead of stdout. */
  readonly output?: string;
  /** `--crds <dir>`; else $ROUTEPLANE_CRDS, else `<root>/../shared/crds` when present. */
  readonly crds?: string;
}

/**
 * CRD sets already indexed, by directory. A `routeplane` process validates once, but in-process
 * callers (the CLI tests) validate many trees against the same CRDs, which do not change under a
 * running process: indexing them, parsing the YAML and compiling the schemas once saves seconds.
 */
const crdSets = new Map<string, CrdCatalog>();

/** The CRDs `crd/*` checks use, and what the report says about them. */
function crdSetup(
  options: ValidateOptions,
  repoRoot: string,
  io: CommandIo,
): { catalog?: CrdCatalog; report: CrdReport } {
  const found = findCrdDirectory(repoRoot, options.crds, io.env, io.cwd);
  if (found.status === 'missing') throw new UsageError(found.reason);
  if (found.status === 'skipped') return { report: found };
  const catalog = crdSets.get(found.dir) ?? loadCrdCatalog(found.dir);
  crdSets.set(found.dir, catalog);
  if (catalog.crds === 0) throw new UsageError(`${found.from} ${found.dir} holds no CRD`);
  return {
    catalog,
    report: { status: 'checked', dir: found.dir, from: found.from, crds: catalog.crds },
  };
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
  const crds = crdSetup(options, repoRoot, io);
  const files = readTree(repoRoot);
  const findings = validateTree({
    files,
    waivers,
    ...(crds.catalog ? { crds: crds.catalog } : {}),
  });
  rejectUnusedWaivers(loaded, catalogWaivers, findings);
  const tools = options.external
    ? await runExternalTools(
        repoRoot,
        model.environments.map((env) => deckFile(env.name)),
        // The command's environment, not the process's: tests run it in-process with their PATH.
        io.env.PATH ?? '',
      )
    : [];
  const report = {
    findings,
    tools,
    unrendered: unrenderedFiles(repoRoot),
    crds: crds.report,
    validators: validatorsOf(files, crds.catalog),
  };
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
  const unused = unusedWaivers(waivers, findings, [...rules.map((r) => r.id), ...crdRuleIds]);
  if (unused.length === 0) return;
  throw new CatalogError(
    locateInCatalog(loaded.catalogPath, loaded.displayName, (data) =>
      unused.map((u) => ({ path: waiverPath(data, u), message: u.message, rule: 'unused-waiver' })),
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
