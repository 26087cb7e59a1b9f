import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import type { EnvironmentModel } from '@routeplane/model';
import { haveSharedCharts, repoRoot } from '@routeplane/test-support';
import { beforeAll, describe, expect, it } from 'vitest';
import { appProject } from '../app-project.js';
import { childApps } from '../child-apps.js';
import { permitsResource } from '../project-permits.fixture.js';
import { chartInventory } from './chart-inventory.generated.js';
import { inventoryCharts } from './chart-sources.js';
import {
  chartInventoryOf,
  groupOf,
  type K8sObject,
  type RenderedChartChild,
  renderModelCharts,
} from './render-charts.js';

/**
 * The Istio charts rendered for real: `helm template` of the pinned sources in ../shared/charts with
 * the exact valuesObject of each child of the shipped catalog.
 */
const model = loadModel(join(repoRoot, 'catalog.yaml'));
const envs = model.environments.map((e) => [e.name, e] as const);

it('the inventory was rendered at the chart versions the shipped catalog pins', () => {
  for (const env of model.environments) {
    for (const child of childApps(env).filter((c) => c.source.chart !== undefined)) {
      const chart = child.source.chart ?? '';
      expect(chartInventory[chart]?.version, `${env.name} ${chart}`).toBe(
        child.source.targetRevision,
      );
    }
  }
  // Every chart of the inventory has a source row, and no row is unused.
  expect(Object.keys(chartInventory).sort()).toEqual(Object.keys(inventoryCharts).sort());
});

describe.runIf(haveSharedCharts())('Istio charts through helm template', () => {
  let rendered: readonly RenderedChartChild[] = [];
  beforeAll(async () => {
    rendered = await renderModelCharts(model);
  });
  const objectsOf = (env: EnvironmentModel, component: string): readonly K8sObject[] => {
    const found = rendered.find((c) => c.environment === env.name && c.component === component);
    if (!found) throw new Error(`no rendered child ${component} in ${env.name}`);
    return found.objects;
  };
  const find = (objects: readonly K8sObject[], kind: string, name: string) =>
    objects.find((o) => o.kind === kind && o.metadata.name === name);
  const replicasOf = (o: K8sObject | undefined) =>
    (o?.spec as { replicas?: number } | undefined)?.replicas;
  type PodSpec = { nodeSelector?: unknown; tolerations?: unknown };
  const podSpec = (o: K8sObject | undefined): PodSpec =>
    ((o?.spec as { template?: { spec?: PodSpec } } | undefined)?.template?.spec ?? {}) as PodSpec;

  it('the committed inventory is what helm renders now (else run the chart-inventory script)', () => {
    expect(chartInventoryOf(rendered)).toEqual(chartInventory);
  });

  it.each(envs)('%s: the AppProject admits every object the charts produce', (_name, env) => {
    const project = appProject(env);
    const refused = rendered
      .filter((c) => c.environment === env.name)
      .flatMap((c) => c.objects)
      .filter((o) => {
        const ref = { group: groupOf(o.apiVersion), kind: o.kind, name: o.metadata.name };
        const namespace = o.metadata.namespace;
        return !permitsResource(project, namespace === undefined ? ref : { ...ref, namespace });
      })
      .map((o) => `${o.kind}/${o.metadata.name}`);
    expect(refused).toEqual([]);
  });

  it.each(envs)(
    '%s: istio-base keeps its objects whatever happens to the Application',
    (_name, env) => {
      const objects = objectsOf(env, 'istio-base');
      const crds = objects.filter((o) => o.kind === 'CustomResourceDefinition');
      expect(crds.length).toBeGreaterThan(10);
      // Argo CD never cascades to CRDs and honours Helm's keep policy (appcontroller.go shouldBeDeleted).
      for (const crd of crds) {
        const annotations = crd.metadata.annotations as Record<string, string> | undefined;
        expect(annotations?.['helm.sh/resource-policy'], crd.metadata.name).toBe('keep');
      }
      // The rest (webhook, reader ServiceAccount) relies on the child having no finalizer.
      const child = childApps(env).find((c) => c.component === 'istio-base');
      expect(child?.keepOnDelete).toBe(true);
    },
  );

  const istioCharts = new Set(['base', 'istiod', 'cni', 'ztunnel']);
  it.each(envs)('%s: every Istio image is pinned to the catalog version', (_name, env) => {
    const images = rendered
      .filter((c) => c.environment === env.name && istioCharts.has(c.chart))
      .flatMap((c) => c.objects)
      .flatMap((o) => JSON.stringify(o).match(/"image":"[^"]*"/g) ?? []);
    expect(images.length).toBeGreaterThanOrEqual(3);
    const version = env.versions.istio.replaceAll('.', '\\.');
    for (const image of images) {
      expect(image).toMatch(
        new RegExp(`^"image":"docker\\.io/istio/[a-z-]+:${version}(-distroless)?"$`),
      );
    }
  });

  it.each(envs)('%s: istiod runs on the system nodes, tolerating their taint', (_name, env) => {
    const spec = podSpec(find(objectsOf(env, 'istiod'), 'Deployment', 'istiod'));
    expect(spec.nodeSelector).toEqual(env.gateway.systemNodeSelector);
    expect(spec.tolerations).toContainEqual(env.gateway.systemToleration);
  });

  it.each(envs)('%s: istio-cni and ztunnel run on every node', (_name, env) => {
    for (const [component, name] of [
      ['istio-cni', 'istio-cni-node'],
      ['ztunnel', 'ztunnel'],
    ] as const) {
      const spec = podSpec(find(objectsOf(env, component), 'DaemonSet', name));
      // Only the OS selector: no node pool is left out.
      const selector: Record<string, unknown> = (spec.nodeSelector ?? {}) as Record<
        string,
        unknown
      >;
      expect(
        Object.keys(selector).filter((k) => k !== 'kubernetes.io/os'),
        component,
      ).toEqual([]);
      expect(spec.tolerations, component).toEqual(
        expect.arrayContaining([
          { operator: 'Exists', effect: 'NoSchedule' },
          { key: 'CriticalAddonsOnly', operator: 'Exists' },
          { operator: 'Exists', effect: 'NoExecute' },
        ]),
      );
    }
  });

  it.each(envs)('%s: istiod has fixed replicas (no HPA) and a PDB from 2 up', (_name, env) => {
    const objects = objectsOf(env, 'istiod');
    const deployment = find(objects, 'Deployment', 'istiod');
    expect(replicasOf(deployment)).toBe(env.istio.istiodReplicas);
    // metrics-server is not installed: an HPA would never act.
    expect(objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')).toEqual([]);
    const pdb = find(objects, 'PodDisruptionBudget', 'istiod');
    if (env.istio.istiodReplicas < 2) expect(pdb).toBeUndefined();
    else expect(pdb?.spec).toMatchObject({ minAvailable: 1 });
  });

  it('prod runs at least 2 istiod replicas with a PodDisruptionBudget', () => {
    const prod = model.environments.find((e) => e.name === 'prod');
    if (!prod) throw new Error('the shipped catalog has no prod');
    const objects = objectsOf(prod, 'istiod');
    expect(replicasOf(find(objects, 'Deployment', 'istiod'))).toBeGreaterThanOrEqual(2);
    expect(find(objects, 'PodDisruptionBudget', 'istiod')).toBeDefined();
  });
});
