import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { fixtureModel } from '@routeplane/catalog/testing';
import type { Model } from '@routeplane/model';
import { renderK8s } from '@routeplane/render-k8s';
import { repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import type { Application } from './argo-types.js';
import { groupOf, objectsOfChild, waveViolations } from './dependency-graph.fixture.js';
import { permitsResource } from './project-permits.fixture.js';
import { renderArgocd } from './render-argocd.js';
import { applications, appProjects, envFiles, waveOf } from './rendered.fixture.js';

const models: readonly (readonly [string, Model])[] = [
  ['fixture model', fixtureModel()],
  ['shipped catalog.yaml', loadModel(join(repoRoot, 'catalog.yaml'))],
  // A service behind a waypoint: the waypoints child, its wave and its objects.
  ['examples/waypoint', loadModel(join(repoRoot, 'examples/waypoint/catalog.yaml'))],
];

function children(model: Model, env: string): Application[] {
  const root = model.environments.find((e) => e.name === env)?.argocd.rootApplication;
  return applications(envFiles(renderArgocd(model), env)).filter((a) => a.metadata.name !== root);
}

describe.each(models)('waves of %s', (_name, model) => {
  const k8sFiles = renderK8s(model);
  const envs = model.environments.map((e) => e.name);

  it.each(envs)(
    '%s: every dependency is deployed in an earlier wave (or by the same child), nothing outside git',
    (env) => {
      expect(waveViolations(children(model, env), k8sFiles)).toEqual([]);
    },
  );

  it.each(envs)(
    '%s: the gateway TLS Secret comes from the pki child, before the gateway',
    (env) => {
      const gateway = model.environments.find((e) => e.name === env)?.gateway;
      const secret = `Secret/${gateway?.namespace}/${gateway?.tlsSecretName}`;
      const withoutPki = children(model, env).filter(
        (a) => a.metadata.labels?.['app.kubernetes.io/component'] !== 'pki',
      );
      expect(waveViolations(withoutPki, k8sFiles)).toEqual([
        expect.stringContaining(`needs its TLS certificate (${secret}), which nothing deploys`),
        expect.stringContaining(`needs its client CA (${secret}), which nothing deploys`),
      ]);
    },
  );

  it.each(envs)('%s: the AppProject is synced before every child that names it', (env) => {
    const name = model.environments.find((e) => e.name === env)?.argocd.project;
    const project = appProjects(envFiles(renderArgocd(model), env)).find(
      (p) => p.metadata.name === name,
    );
    expect(project).toBeDefined();
    const projectWave = Number(project?.metadata.annotations?.['argocd.argoproj.io/sync-wave']);
    for (const app of children(model, env)) expect(waveOf(app)).toBeGreaterThan(projectWave);
  });

  it.each(envs)('%s: each git path exists and holds exactly what its child claims', (env) => {
    const environment = model.environments.find((e) => e.name === env);
    if (!environment) throw new Error(env);
    for (const app of children(model, env)) {
      const component = app.metadata.labels?.['app.kubernetes.io/component'] ?? '';
      const objects = objectsOfChild(app, k8sFiles);
      const names = (kind: string) =>
        objects
          .filter((o) => o.kind === kind)
          .map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`)
          .sort();
      if (app.spec.source.chart || app.spec.source.repoURL.includes('gateway-api')) continue;
      expect(objects.length, `${app.spec.source.path} is empty`).toBeGreaterThan(0);
      if (component === 'namespaces') {
        expect(names('Namespace')).toEqual(environment.namespaces.map((n) => `/${n.name}`).sort());
        expect(objects.every((o) => o.kind === 'Namespace')).toBe(true);
      } else if (component === 'gateway') {
        expect(names('Gateway')).toEqual([
          `${environment.gateway.namespace}/${environment.gateway.name}`,
        ]);
      } else if (component === 'routes') {
        expect(names('HTTPRoute')).toEqual(
          environment.routes.map((r) => `${r.namespace}/${r.name}`).sort(),
        );
        expect(names('ReferenceGrant').map((n) => n.split('/')[0])).toEqual(
          environment.referenceGrants.map((g) => g.namespace).sort(),
        );
      } else if (component === 'pki') {
        const { pki } = environment.gateway;
        expect(names('ClusterIssuer')).toEqual([`/${pki.caIssuer}`, `/${pki.selfSignedIssuer}`]);
        expect(names('Certificate')).toEqual(
          [pki.ca, pki.serving, pki.kongClient].map((c) => `${c.namespace}/${c.name}`).sort(),
        );
      } else if (component.startsWith('backends-')) {
        const ns = component.slice('backends-'.length);
        const expected = environment.services
          .filter((s) => s.namespace === ns)
          .map((s) => `${ns}/${s.name}`)
          .sort();
        expect(names('Deployment')).toEqual(expected);
        expect(names('Service')).toEqual(expected);
        expect(objects.every((o) => o.metadata.namespace === ns)).toBe(true);
      } else if (component.startsWith('waypoints-')) {
        const ns = component.slice('waypoints-'.length);
        const expected = environment.services
          .filter((s) => s.namespace === ns && s.waypoint !== undefined)
          .map((s) => `${ns}/${s.waypoint?.name}`)
          .sort();
        expect(names('Gateway')).toEqual(expected);
        expect(objects.every((o) => o.metadata.namespace === ns)).toBe(true);
        expect(app.metadata.annotations?.['argocd.argoproj.io/sync-wave']).toBe('2');
      } else {
        throw new Error(`unexpected git child ${component}`);
      }
    }
  });

  it.each(envs)('%s: every rendered Kubernetes file is deployed by exactly one child', (env) => {
    const apps = children(model, env);
    for (const file of k8sFiles.filter((f) => f.path.startsWith(`generated/k8s/${env}/`))) {
      const dir = file.path.slice(0, file.path.lastIndexOf('/'));
      const owners = apps.filter((a) => !a.spec.source.chart && a.spec.source.path === dir);
      expect(
        owners.map((a) => a.metadata.name),
        file.path,
      ).toHaveLength(1);
    }
  });

  it.each(envs)('%s: the project admits every object its git children deploy', (env) => {
    const name = model.environments.find((e) => e.name === env)?.argocd.project;
    const project = appProjects(envFiles(renderArgocd(model), env)).find(
      (p) => p.metadata.name === name,
    );
    if (!project) throw new Error(`no project ${name}`);
    for (const app of children(model, env)) {
      for (const obj of objectsOfChild(app, k8sFiles)) {
        const namespace =
          obj.kind === 'Namespace' || obj.kind === 'ClusterIssuer'
            ? undefined
            : (obj.metadata.namespace ?? app.spec.destination.namespace);
        const ref = { group: groupOf(obj.apiVersion), kind: obj.kind, name: obj.metadata.name };
        expect(
          permitsResource(project, namespace === undefined ? ref : { ...ref, namespace }),
          `${obj.kind}/${obj.metadata.name}`,
        ).toBe(true);
      }
    }
  });
});

/** The children with one child's sync wave replaced. */
function movedTo(apps: readonly Application[], component: string, wave: number): Application[] {
  return apps.map((a) =>
    a.metadata.labels?.['app.kubernetes.io/component'] === component
      ? {
          ...a,
          metadata: {
            ...a.metadata,
            annotations: { 'argocd.argoproj.io/sync-wave': String(wave) },
          },
        }
      : a,
  );
}

describe('the dependency check itself', () => {
  const model = fixtureModel();
  const k8sFiles = renderK8s(model);
  const apps = children(model, 'dev');
  const withWave = (component: string, wave: number) => movedTo(apps, component, wave);
  it.each([
    ['routes before the gateway', 'routes', 4, 'its parent Gateway'],
    ['routes before the backends they point at', 'routes', 2, 'its backend Service'],
    ['gateway before the namespaces', 'gateway', 0, 'its namespace'],
    ['gateway before istiod', 'gateway', 0, 'its GatewayClass'],
    ['backends before the Istio CRDs', 'backends-sample-apps', -1, 'its CRD'],
    ['CRDs after the routes', 'gateway-api-crds', 8, 'its CRD'],
  ])('catches %s', (_name, component, wave, why) => {
    const problems = waveViolations(withWave(component, wave), k8sFiles);
    expect(problems.some((p) => p.includes(why))).toBe(true);
  });
  it('reports a dependency nobody deploys', () => {
    const noNamespaces = apps.filter(
      (a) => a.metadata.labels?.['app.kubernetes.io/component'] !== 'namespaces',
    );
    expect(waveViolations(noNamespaces, k8sFiles).join('\n')).toContain('which nothing deploys');
  });
});

describe('the dependency check on a waypoint', () => {
  const model = loadModel(join(repoRoot, 'examples/waypoint/catalog.yaml'));
  const k8sFiles = renderK8s(model);
  const apps = children(model, 'dev');
  const moved = (wave: number) => movedTo(apps, 'waypoints-orders', wave);
  it('holds as rendered', () => {
    expect(waveViolations(apps, k8sFiles)).toEqual([]);
  });
  it.each([
    ['the waypoint after the Service that uses it', 3, 'its waypoint'],
    ['the waypoint before istiod (its GatewayClass)', 0, 'its GatewayClass'],
    ['the waypoint before its namespace', 1, 'its namespace'],
  ])('catches %s', (_name, wave, why) => {
    expect(waveViolations(moved(wave), k8sFiles).join('\n')).toContain(why);
  });
});
