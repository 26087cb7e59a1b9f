import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvironmentModel, Model, RenderedFile } from '@routeplane/model';
import type { PipelineRenderer } from './pipeline.js';

/**
 * Set by scripts/build.ts in the bundle only: a fresh id per build and the bundle's cache
 * directory (inside dist/, so a rebuild starts with an empty cache). Undefined from sources.
 */
declare const __ROUTEPLANE_BUNDLE__: { readonly buildId: string; readonly cacheDir: string };
const bundle = typeof __ROUTEPLANE_BUNDLE__ === 'undefined' ? undefined : __ROUTEPLANE_BUNDLE__;

/** Where one environment's Terraform is cached: a hash of the build and the environment's Model. */
function cachePath(cacheDir: string, buildId: string, env: EnvironmentModel): string {
  const key = createHash('sha256').update(buildId).update(JSON.stringify(env)).digest('hex');
  return join(cacheDir, `terraform-${key}.json`);
}

function readCached(path: string): RenderedFile | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as RenderedFile;
  } catch {
    return undefined;
  }
}

function writeCached(path: string, file: RenderedFile, cacheDir: string): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(file));
    renameSync(temp, path);
  } catch {
    // A read-only install only loses the cache, never the result.
  }
}

type RenderInfra = (model: Model) => readonly RenderedFile[];

/**
 * The Terraform renderer. Synthesis needs cdktn and the AWS provider classes, the largest modules
 * the CLI loads; their output is a pure function of one environment's Model. The bundle keeps each
 * environment's result keyed by that Model, so a run whose infrastructure inputs did not change
 * neither loads cdktn nor synthesises. From sources (tests, a stale bundle) it always renders.
 */
export async function terraformRenderer(
  model: Model | undefined,
  options: { readonly cache?: typeof bundle } = { cache: bundle },
): Promise<PipelineRenderer> {
  const cache = options.cache;
  const load = async (): Promise<RenderInfra> =>
    (await import('@routeplane/render-terraform')).renderInfra;
  if (cache === undefined || model === undefined) {
    return { name: 'terraform', render: await load() };
  }
  const paths = new Map(
    model.environments.map((env) => [env.name, cachePath(cache.cacheDir, cache.buildId, env)]),
  );
  const cached = new Map<string, RenderedFile>();
  for (const [name, path] of paths) {
    const file = readCached(path);
    if (file !== undefined) cached.set(name, file);
  }
  const renderInfra = cached.size === paths.size ? undefined : await load();
  return {
    name: renderInfra === undefined ? 'terraform (cached)' : 'terraform',
    render: (m) =>
      m.environments.flatMap((env) => {
        const hit = cached.get(env.name);
        const path = paths.get(env.name);
        if (hit !== undefined && path !== undefined) return [hit];
        if (renderInfra === undefined) throw new Error(`no Terraform renderer for ${env.name}`);
        const files = renderInfra({ ...m, environments: [env] });
        const [file] = files;
        if (files.length === 1 && file !== undefined && path !== undefined)
          writeCached(path, file, cache.cacheDir);
        return files;
      }),
  };
}
