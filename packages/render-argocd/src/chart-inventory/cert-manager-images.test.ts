import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { haveSharedCharts, helmObjects, repoRoot } from '@routeplane/test-support';
import { beforeAll, describe, expect, it } from 'vitest';
import { childApps } from '../child-apps.js';
import { inventoryCharts } from './chart-sources.js';

/**
 * Every image the cert-manager chart renders with routeplane's values (the container images and the
 * ACME solver image the controller is told to start) is pinned to `versions.certManager`: the chart
 * derives its tags from its appVersion, so a chart bump without a matching catalog version (or a
 * value overriding a tag) shows here. Rendered by real helm from ../shared/charts, per environment
 * of the shipped catalog.
 */
const model = loadModel(join(repoRoot, 'catalog.yaml'));
const envs = model.environments.map((e) => [e.name, e] as const);

/** Image references in rendered objects: `image` fields and `--*-image=` flags. */
function imageReferences(objects: readonly unknown[]): string[] {
  const text = JSON.stringify(objects);
  const fields = [...text.matchAll(/"image":"([^"]*)"/g)].map((m) => m[1] ?? '');
  const flags = [...text.matchAll(/"--[a-z0-9-]*-image=([^"]*)"/g)].map((m) => m[1] ?? '');
  return [...fields, ...flags];
}

/** References that are not `quay.io/jetstack/cert-manager-<component>:<version>`. */
function unpinned(objects: readonly unknown[], version: string): string[] {
  const pinned = new RegExp(
    `^quay\\.io/jetstack/cert-manager-[a-z]+:${version.replaceAll('.', '\\.')}$`,
  );
  return imageReferences(objects).filter((image) => !pinned.test(image));
}

describe.runIf(haveSharedCharts())('cert-manager chart images', () => {
  const rendered = new Map<string, readonly unknown[]>();
  beforeAll(async () => {
    for (const env of model.environments) {
      const child = childApps(env).find((c) => c.component === 'cert-manager');
      const source = inventoryCharts[child?.source.chart ?? ''];
      if (!child || !source) throw new Error(`${env.name}: no cert-manager child or chart source`);
      const objects = await helmObjects({
        chart: source.sharedDir,
        releaseName: child.source.helm?.releaseName ?? child.component,
        namespace: child.destinationNamespace ?? 'default',
        values: [JSON.stringify(child.source.helm?.valuesObject ?? {})],
        kubeVersion: `${env.versions.kubernetes}.0`,
      });
      rendered.set(
        env.name,
        objects.map((o) => o.object),
      );
    }
  }, 60_000);

  it.each(envs)('%s: every cert-manager image is pinned to versions.certManager', (_name, env) => {
    const objects = rendered.get(env.name) ?? [];
    // controller, webhook, cainjector and the ACME solver the controller starts.
    expect(imageReferences(objects).length).toBeGreaterThanOrEqual(4);
    expect(unpinned(objects, env.versions.certManager)).toEqual([]);
  });

  it.each(envs)('%s: the pin check is live (another tag, a registry, :latest)', (_name, env) => {
    const objects = rendered.get(env.name) ?? [];
    const version = env.versions.certManager;
    const swap = (to: string) => JSON.parse(JSON.stringify(objects).replace(`:${version}"`, to));
    for (const to of [':v1.20.0"', ':latest"', '"']) {
      expect(unpinned(swap(to) as unknown[], version), to).toHaveLength(1);
    }
    const mirrored = JSON.parse(JSON.stringify(objects).replace('quay.io/', 'docker.io/'));
    expect(unpinned(mirrored as unknown[], version)).toHaveLength(1);
  });
});
