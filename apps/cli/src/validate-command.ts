import { deckFile } from '@routeplane/catalog';
import {
  type CrdCatalog,
  findCrdDirectory,
  formatFindingsHuman,
  formatFindingsJson,
  hasBlockingFindings,
  loadCrdCatalog,
  readTree,
  runExternalTools,
  validateTree,
  validatorsOf,
} from '@routeplane/validate';
import type { CommandIo } from './io.js';
import { type CatalogOptions, loadFromOptions } from './load.js';
import { UsageError } from './user-error.js';

export interface ValidateOptions extends CatalogOptions {
  readonly format: 'human' | 'json';
  readonly external: boolean;
  /** `--crds <dir>`; else $ROUTEPLANE_CRDS, else `<root>/../shared/crds` when present. */
  readonly crds?: string;
}

type CrdReport =
  | {
      readonly status: 'checked';
      readonly dir: string;
      readonly from: string;
      readonly crds: number;
    }
  | { readonly status: 'skipped'; readonly reason: string };

/** The CRDs `crd/*` checks use, and what the report says about them. */
function crdSetup(
  options: ValidateOptions,
  repoRoot: string,
  io: CommandIo,
): { catalog?: CrdCatalog; report: CrdReport } {
  const found = findCrdDirectory(repoRoot, options.crds, io.env, io.cwd);
  if (found.status === 'missing') throw new UsageError(found.reason);
  if (found.status === 'skipped') return { report: found };
  const catalog = loadCrdCatalog(found.dir);
  if (catalog.crds === 0) throw new UsageError(`${found.from} ${found.dir} holds no CRD`);
  return {
    catalog,
    report: { status: 'checked', dir: found.dir, from: found.from, crds: catalog.crds },
  };
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
  const crds = crdSetup(options, repoRoot, io);
  const files = readTree(repoRoot);
  const findings = validateTree({
    files,
    waivers,
    ...(crds.catalog ? { crds: crds.catalog } : {}),
  });
  const external = options.external
    ? await runExternalTools(
        repoRoot,
        model.environments.map((env) => deckFile(env.name)),
      )
    : [];
  const toolFailed = external.some((r) => r.status === 'failed');
  if (options.format === 'json') {
    io.out(
      formatFindingsJson(findings, {
        crds: crds.report,
        validators: validatorsOf(files, crds.catalog),
      }),
    );
  } else {
    io.out(formatFindingsHuman(findings));
    io.out(
      crds.report.status === 'checked'
        ? `CRD checks (crd/*): ${crds.report.crds} CRDs from ${crds.report.dir} (${crds.report.from})`
        : `CRD checks (crd/*): skipped: ${crds.report.reason}`,
    );
    for (const result of external) {
      io.out(`${result.tool}: ${result.status}${result.command ? ` (${result.command})` : ''}`);
      if (result.status === 'failed') io.out(result.output);
    }
    if (!options.external) io.out('external tools (kubeconform, deck): skipped by --no-external');
  }
  return hasBlockingFindings(findings) || toolFailed ? 1 : 0;
}
