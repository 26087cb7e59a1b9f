import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import type { EnvironmentModel, Model } from '@routeplane/model';
import { renderK8s } from '@routeplane/render-k8s';
import { haveSharedCharts, repoRoot, sharedChartsDir } from '@routeplane/test-support';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RenderedChartChild, renderChartChildren } from '../chart-inventory/render-charts.js';
import { childApps } from '../child-apps.js';
import { renderArgocd } from '../render-argocd.js';
import { Bringup, formatTimeline } from './bringup.js';
import {
  type ChartRepository,
  chartKey,
  gatewayApiObjectsFrom,
  type RepoRevision,
  revisionFromDisk,
  revisionFromRendered,
} from './inputs.js';
import type { K8sObject } from './k8s-object.js';
import { preFixHealthLua } from './pre-fix-health.fixture.js';

/**
 * Bring-up scenarios of the shipped catalog, each printing its timeline (time, wave, app, status).
 * Preconditions stated per scenario; the model's limits are in bringup.ts and cluster.ts.
 */
const model = loadModel(join(repoRoot, 'catalog.yaml'));
const environment = (name: string) =>
  model.environments.find((e) => e.name === name) as EnvironmentModel;
const dev = environment('dev');
const pinnedCharts = new Map<string, Promise<readonly RenderedChartChild[]>>();
/** helm output of an environment's children at the pinned version, rendered once per test file. */
function pinnedChartsOf(env: string): Promise<readonly RenderedChartChild[]> {
  const known = pinnedCharts.get(env) ?? renderChartChildren(environment(env));
  pinnedCharts.set(env, known);
  return known;
}
/** cert-manager's webhook Deployment as the chart renders it (release cert-manager). */
const certManagerWebhook = (env: EnvironmentModel) =>
  `apps/Deployment/${env.gateway.pki.namespace}/cert-manager-webhook`;
/** Fault: cert-manager's webhook pods never start (e.g. its image cannot be pulled). */
const webhookNeverAvailable = (s: Bringup, env = dev) =>
  s.schedule({
    describe: "breaks cert-manager's webhook: its pods never start (fault)",
    when: () => true,
    run: (b) => b.cluster.breakPods(certManagerWebhook(env)),
  });

/** The model with a new Istio version and a new tracked revision (an upgrade commit). */
function upgraded(from: Model, istio: string, targetRevision: string): Model {
  return {
    ...from,
    environments: from.environments.map((e) => ({
      ...e,
      versions: { ...e.versions, istio },
      gitops: { ...e.gitops, targetRevision },
    })),
  };
}

function rendered(m: Model, env: string, name: string): RepoRevision {
  return revisionFromRendered([...renderArgocd(m), ...renderK8s(m)], env, name);
}

/**
 * Adds an environment's charts of an Istio release to a chart repository. A release that does not exist here
 * is the pinned release's helm output with its version replaced (images, labels), optionally
 * without one object.
 */
async function addCharts(
  charts: Map<string, readonly K8sObject[]>,
  m: Model,
  version: string,
  drop?: string,
  env = 'dev',
): Promise<void> {
  const target = m.environments.find((e) => e.name === env) as EnvironmentModel;
  for (const child of await pinnedChartsOf(env)) {
    // Only Istio's charts move with the Istio version; any other chart stays as pinned.
    const istio = child.version === dev.versions.istio;
    const objects = istio
      ? child.objects
          .filter((o) => o.metadata.name !== drop)
          .map(
            (o) =>
              JSON.parse(JSON.stringify(o).replaceAll(dev.versions.istio, version)) as K8sObject,
          )
      : child.objects;
    const source = childApps(target).find((c) => c.component === child.component)?.source;
    const chartVersion = istio ? version : child.version;
    charts.set(chartKey(child.chart, chartVersion, source?.helm?.valuesObject), objects);
  }
}

function gatewayApiCrds(): K8sObject[] {
  return gatewayApiObjectsFrom(
    join(sharedChartsDir, `../crds/gateway-api-${dev.versions.gatewayApi}`),
  );
}

describe.runIf(haveSharedCharts())('bring-up simulation', () => {
  const charts = new Map<string, readonly K8sObject[]>();
  let gatewayApi: readonly K8sObject[] = [];
  beforeAll(async () => {
    await addCharts(charts, model, dev.versions.istio);
    gatewayApi = gatewayApiCrds();
  });

  let sim: Bringup | undefined;
  afterEach(async () => {
    if (sim) console.log(`timeline:\n${formatTimeline(sim.timeline)}`);
    await sim?.close();
    sim = undefined;
  });

  function start(revision: RepoRevision, healthLua?: string): Bringup {
    const repo: ChartRepository = charts;
    sim = new Bringup({ revision, charts: repo, gatewayApi, ...(healthLua ? { healthLua } : {}) });
    return sim;
  }
  const shipped = () =>
    revisionFromDisk(repoRoot, 'dev', 'shipped (committed argocd/dev, generated/k8s/dev)');
  /**
   * The gateway's TLS Secret came from cert-manager, in the pki wave (unless the pki child healed on
   * its own between two root syncs) and by the time the gateway wave started.
   */
  function expectIssuedBeforeGateway(s: Bringup, env = dev, inPkiWave = true): void {
    const secret = s.cluster.find('', 'Secret', env.gateway.namespace, env.gateway.tlsSecretName);
    expect(secret?.owner, 'no Application applied the Secret').toBeUndefined();
    expect(secret?.object.metadata.annotations?.['cert-manager.io/certificate-name']).toBe(
      env.gateway.tlsSecretName,
    );
    const waveOfChild = (component: string) =>
      Number(
        s.revision.apps.find((a) => a.metadata.name === `${env.argocd.project}-${component}`)
          ?.metadata.annotations?.['argocd.argoproj.io/sync-wave'],
      );
    const started = (component: string) =>
      s.waveStarts.filter((w) => w.wave === waveOfChild(component)).at(-1)?.t ?? -1;
    if (inPkiWave) expect(secret?.createdAt).toBeGreaterThan(started('pki'));
    expect(secret?.createdAt).toBeLessThanOrEqual(started('gateway'));
  }
  async function converge(s: Bringup, until = 3600): Promise<void> {
    await s.run(until);
    expect(s.root.op?.phase, s.root.op?.message).toBe('Succeeded');
    for (const name of s.children.keys()) {
      expect((await s.childHealth(name))?.status, name).toBe('Healthy');
    }
  }

  it('empty cluster: everything ends Healthy, each wave after the previous one converged', async () => {
    const s = start(shipped());
    await converge(s);
    const waves = s.waveStarts.map((w) => w.wave);
    expect(waves).toEqual([...waves].sort((a, b) => a - b));
    expect(s.waveStarts.flatMap((w) => w.notConverged)).toEqual([]);
    expect(s.names('CustomResourceDefinition').length).toBeGreaterThan(20);
    expectIssuedBeforeGateway(s);
    expect(s.timeline.some((e) => e.app === 'operator')).toBe(false);
    // The README shows this very timeline.
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const block = /<!-- bring-up timeline \(dev\)[^\n]*-->\n```text\n([\s\S]*?)\n```/.exec(
      readme,
    )?.[1];
    expect(block, 'README.md Bootstrapping: paste the timeline this test prints').toBe(
      formatTimeline(s.timeline),
    );
  });

  it('empty cluster, prod: everything ends Healthy, each wave after the previous one converged', async () => {
    const prod = environment('prod');
    const prodCharts = new Map<string, readonly K8sObject[]>();
    await addCharts(prodCharts, model, prod.versions.istio, undefined, 'prod');
    const revision = revisionFromDisk(
      repoRoot,
      'prod',
      'shipped (committed argocd/prod, generated/k8s/prod)',
    );
    const s = new Bringup({ revision, charts: prodCharts, gatewayApi });
    sim = s;
    await converge(s);
    expectIssuedBeforeGateway(s, prod);
    const waves = s.waveStarts.map((w) => w.wave);
    expect(waves).toEqual([...waves].sort((a, b) => a - b));
    expect(s.waveStarts.flatMap((w) => w.notConverged)).toEqual([]);
  });

  it('upgrade: no wave starts before the earlier waves are Healthy for the new spec', async () => {
    const next = upgraded(model, '1.31.0', 'release-2');
    await addCharts(charts, next, '1.31.0');
    const s = start(shipped());
    await converge(s);
    const before = s.waveStarts.length;
    s.commit(rendered(next, 'dev', 'upgrade: Istio 1.31.0, targetRevision release-2'));
    await converge(s, s.now + 3600);
    const upgradeWaves = s.waveStarts.slice(before);
    expect(upgradeWaves.length).toBeGreaterThan(3);
    expect(upgradeWaves.filter((w) => w.notConverged.length > 0)).toEqual([]);
    const istiod = s.cluster.find('apps', 'Deployment', 'istio-system', 'istiod');
    expect(JSON.stringify(istiod?.object)).toContain('1.31.0');
  });

  it('a chart drops an object from a no-prune app: the sync still converges, the object stays', async () => {
    const dropped = 'wasmplugins.extensions.istio.io';
    const next = upgraded(model, '1.31.1', 'release-3');
    await addCharts(charts, next, '1.31.1', dropped);
    const s = start(shipped());
    await converge(s);
    s.commit(rendered(next, 'dev', `upgrade: Istio 1.31.1 without CRD ${dropped}`));
    await converge(s, s.now + 3600);
    expect(s.names('CustomResourceDefinition')).toContain(`CustomResourceDefinition ${dropped}`);
  });

  it.each([
    [
      'deleted',
      (apps: readonly K8sObject[], name: string) => apps.filter((a) => a.metadata.name !== name),
    ],
    [
      'renamed',
      (apps: readonly K8sObject[], name: string) =>
        apps.map((a) =>
          a.metadata.name === name ? { ...a, metadata: { ...a.metadata, name: `${name}-v2` } } : a,
        ),
    ],
  ])('children %s: no namespace, CRD or TLS Secret is lost', async (_how, change) => {
    const s = start(shipped());
    await converge(s);
    const before = {
      namespaces: s.names('Namespace'),
      crds: s.names('CustomResourceDefinition'),
      secrets: s.names('Secret'),
    };
    let apps = s.revision.apps;
    for (const component of ['namespaces', 'istio-base', 'gateway-api-crds']) {
      apps = change(apps, `${dev.argocd.project}-${component}`);
    }
    s.commit({ ...s.revision, name: `children ${_how}`, apps });
    await s.run(s.now + 3600);
    expect(s.root.op?.phase).toBe('Succeeded');
    expect({
      namespaces: s.names('Namespace'),
      crds: s.names('CustomResourceDefinition'),
      secrets: s.names('Secret'),
    }).toEqual(before);
  });

  it('cert-manager cannot issue (its webhook never becomes available): the sync names the cause, retries with bounded backoff, converges once fixed', async () => {
    const s = start(shipped());
    webhookNeverAvailable(s);
    const hours = 2;
    await s.run(hours * 3600);
    const op = s.root.op;
    expect(op?.phase).toBe('Running');
    expect(op?.message).toContain(
      `${dev.argocd.project}-cert-manager: Deployment cert-manager/cert-manager-webhook: Deployment "cert-manager-webhook" exceeded its progress deadline`,
    );
    expect(s.names('Secret')).toEqual([]);
    const retries = s.timeline.filter((e) => e.status.startsWith('retrying')).map((e) => e.t);
    expect(retries.length).toBeGreaterThan(10);
    const gaps = retries.slice(1).map((t, i) => t - (retries[i] ?? 0));
    // Backoff capped at 5m; a pass over the healthy earlier waves takes a few seconds on top.
    expect(Math.max(...gaps)).toBeLessThanOrEqual(300 + 30);
    expect(s.timeline.some((e) => e.status.includes('Failed for good'))).toBe(false);
    // The fault goes (the image is pullable again): the next retry converges, the Secret issued.
    s.schedule({
      describe: "repairs cert-manager's webhook",
      when: () => true,
      run: (b) => b.cluster.repairPods(certManagerWebhook(dev)),
    });
    await converge(s, s.now + 900);
    expectIssuedBeforeGateway(s);
  });

  it('the CA issuer never becomes Ready (CA Certificate outside the cluster resource namespace): the pki wave names it and retries, converges after the fix', async () => {
    const revision = shipped();
    const pkiDir = `generated/k8s/dev/pki`;
    const moved = (objects: readonly K8sObject[]) =>
      objects.map((o) =>
        o.kind === 'Certificate' && (o.spec as { isCA?: boolean }).isCA
          ? { ...o, metadata: { ...o.metadata, namespace: dev.gateway.namespace } }
          : o,
      );
    const dirs = new Map(revision.dirs);
    dirs.set(pkiDir, moved(revision.dirs.get(pkiDir) ?? []));
    const s = start({ ...revision, name: 'CA Certificate in the wrong namespace', dirs });
    await s.run(2 * 3600);
    expect(s.root.op?.phase).toBe('Running');
    expect(s.root.op?.message).toContain(
      'Error getting keypair for CA issuer: secret "routeplane-gateway-ca" not found',
    );
    expect(s.timeline.some((e) => e.status.includes('Failed for good'))).toBe(false);
    const retries = s.timeline.filter((e) => e.status.startsWith('retrying'));
    expect(retries.length).toBeGreaterThan(10);
    s.commit({ ...revision, name: 'CA Certificate back in cert-manager' });
    await converge(s, s.now + 1800);
    expectIssuedBeforeGateway(s, dev, false);
  });
});

/**
 * Negative controls: the same scenarios against the pre-fix artefacts fail, so the scenarios above
 * can fail (and each defect's test failed before its fix).
 */
describe.runIf(haveSharedCharts())('bring-up simulation against the pre-fix artefacts', () => {
  const charts = new Map<string, readonly K8sObject[]>();
  let gatewayApi: readonly K8sObject[] = [];
  beforeAll(async () => {
    gatewayApi = gatewayApiCrds();
    await addCharts(charts, model, dev.versions.istio);
    const next = upgraded(model, '1.31.0', 'release-2');
    await addCharts(charts, next, '1.31.0', 'wasmplugins.extensions.istio.io');
  });
  const shipped = () => revisionFromDisk(repoRoot, 'dev', 'shipped');
  const sims: Bringup[] = [];
  afterEach(async () => {
    for (const s of sims.splice(0)) await s.close();
  });
  const start = (revision: RepoRevision, healthLua?: string) => {
    const s = new Bringup({ revision, charts, gatewayApi, ...(healthLua ? { healthLua } : {}) });
    sims.push(s);
    return s;
  };

  it('pre-fix health check: an upgrade opens waves on stale child status, and a dropped CRD stalls it', async () => {
    const s = start(shipped(), preFixHealthLua);
    await s.run(3600);
    expect(s.root.op?.phase).toBe('Succeeded');
    const before = s.waveStarts.length;
    const upgrade = rendered(upgraded(model, '1.31.0', 'release-2'), 'dev', 'upgrade');
    s.commit(upgrade);
    await s.run(s.now + 3600);
    const opened = s.waveStarts.slice(before).filter((w) => w.notConverged.length > 0);
    expect(opened.length).toBeGreaterThan(0);
    // The next commit's sync meets the no-prune istio-base OutOfSync for the dropped CRD: it waits
    // for good (and with controller.sync.timeout.seconds 0 the operation never ends).
    const gateway = `${dev.argocd.project}-gateway`;
    s.commit({
      ...upgrade,
      name: 'next commit',
      apps: upgrade.apps.map((a) =>
        a.metadata.name === gateway
          ? { ...a, metadata: { ...a.metadata, labels: { ...a.metadata.labels, touched: 'yes' } } }
          : a,
      ),
    });
    await s.run(s.now + 3600);
    expect(s.root.op?.phase).toBe('Running');
    expect(s.root.op?.message).toContain('routeplane-dev-istio-base');
  });

  it('pre-fix retry limit (10): cert-manager unable to issue stops auto-sync for the revision', async () => {
    const revision = shipped();
    const limited = {
      ...revision,
      root: {
        ...revision.root,
        spec: {
          ...revision.root.spec,
          syncPolicy: {
            ...revision.root.spec.syncPolicy,
            retry: { ...revision.root.spec.syncPolicy.retry, limit: 10 },
          },
        },
      },
    };
    const s = new Bringup({ revision: limited, charts, gatewayApi });
    sims.push(s);
    webhookNeverAvailable(s);
    await s.run(5400);
    expect(s.root.op?.phase).toBe('Failed');
    expect(s.timeline.some((e) => e.status.includes('Failed for good'))).toBe(true);
  });

  it('pre-fix namespaces (no Delete=false): deleting the namespaces child loses the TLS Secret', async () => {
    const revision = shipped();
    const strip = (o: K8sObject): K8sObject =>
      o.kind === 'Namespace'
        ? { ...o, metadata: { name: o.metadata.name, labels: o.metadata.labels ?? {} } }
        : o;
    const dirs = new Map(
      [...revision.dirs].map(([dir, objects]) => [dir, objects.map(strip)] as const),
    );
    const s = start({ ...revision, dirs });
    await s.run(3600);
    expect(s.names('Secret')).toContain(
      `Secret ${dev.gateway.namespace}/${dev.gateway.tlsSecretName}`,
    );
    const name = `${dev.argocd.project}-namespaces`;
    s.commit({
      ...s.revision,
      name: 'namespaces child deleted',
      apps: s.revision.apps.filter((a) => a.metadata.name !== name),
    });
    await s.run(s.now + 600);
    expect(s.names('Secret')).toEqual([]);
    expect(s.names('Namespace')).toEqual([
      `Namespace ${revision.root.metadata.namespace}`,
      'Namespace istio-system',
    ]);
  });
});
