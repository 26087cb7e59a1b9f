import { fixtureModel } from '@routeplane/catalog/testing';
import { describe, expect, it } from 'vitest';
import { applicationHealthLua } from './application-health.js';
import { renderArgocd } from './render-argocd.js';
import { applications, appProjects, documentsOf, envFiles, waveOf } from './rendered.fixture.js';

const model = fixtureModel();
const files = renderArgocd(model);
const devFiles = envFiles(files, 'dev');
const devApps = applications(devFiles);
const byComponent = new Map(
  devApps.map((a) => [a.metadata.labels?.['app.kubernetes.io/component'] ?? '', a]),
);
function child(component: string) {
  const app = byComponent.get(component);
  if (!app) throw new Error(`no child ${component}`);
  return app;
}

describe('renderArgocd layout', () => {
  it('renders the same file set for every environment, under argocd/<env>/', () => {
    expect(devFiles.map((f) => f.path)).toEqual([
      'argocd/dev/apps/backends-api-services.yaml',
      'argocd/dev/apps/backends-gateway-health.yaml',
      'argocd/dev/apps/backends-sample-apps.yaml',
      'argocd/dev/apps/cert-manager.yaml',
      'argocd/dev/apps/gateway-api-crds.yaml',
      'argocd/dev/apps/gateway.yaml',
      'argocd/dev/apps/istio-base.yaml',
      'argocd/dev/apps/istio-cni.yaml',
      'argocd/dev/apps/istiod.yaml',
      'argocd/dev/apps/namespaces.yaml',
      'argocd/dev/apps/pki.yaml',
      'argocd/dev/apps/project.yaml',
      'argocd/dev/apps/routes.yaml',
      'argocd/dev/apps/ztunnel.yaml',
      'argocd/dev/bootstrap/argocd-cm-health-patch.yaml',
      'argocd/dev/bootstrap/project.yaml',
      'argocd/dev/root.yaml',
    ]);
    expect(envFiles(files, 'prod').map((f) => f.path.replace('/prod/', '/dev/'))).toEqual(
      devFiles.map((f) => f.path),
    );
    expect(files.every((f) => f.content.kind === 'yaml' && documentsOf(f).length === 1)).toBe(true);
  });

  it('is deterministic and does not share mutable state between calls', () => {
    expect(JSON.stringify(renderArgocd(model))).toBe(JSON.stringify(files));
  });

  it('gives every child its wave', () => {
    const waves = Object.fromEntries(
      devApps
        .filter((a) => a.metadata.name !== 'routeplane-dev-root')
        .map((a) => [a.metadata.name, waveOf(a)]),
    );
    expect(waves).toEqual({
      'routeplane-dev-gateway-api-crds': -2,
      'routeplane-dev-istio-base': -1,
      'routeplane-dev-istiod': 0,
      'routeplane-dev-istio-cni': 0,
      'routeplane-dev-ztunnel': 0,
      'routeplane-dev-namespaces': 1,
      'routeplane-dev-cert-manager': 2,
      'routeplane-dev-backends-api-services': 3,
      'routeplane-dev-backends-gateway-health': 3,
      'routeplane-dev-backends-sample-apps': 3,
      'routeplane-dev-pki': 4,
      'routeplane-dev-gateway': 5,
      'routeplane-dev-routes': 6,
    });
  });
});

describe('root Application', () => {
  const root = devApps.find((a) => a.metadata.name === 'routeplane-dev-root');
  it('syncs argocd/<env>/apps of the catalog repository at the pinned revision', () => {
    expect(root?.spec.source).toEqual({
      repoURL: 'https://github.com/example-org/platform.git',
      targetRevision: 'main',
      path: 'argocd/dev/apps',
    });
    expect(root?.spec.project).toBe('routeplane-dev-bootstrap');
    expect(root?.metadata.namespace).toBe('argocd');
  });
  it('has no finalizer, so deleting it never cascades into the platform', () => {
    expect(root?.metadata.finalizers).toBeUndefined();
  });
});

describe('every Application', () => {
  it.each(applications(files).map((a) => [a.metadata.name, a] as const))('%s', (_name, app) => {
    expect(app.spec.project).not.toBe('default');
    expect(app.spec.project).toMatch(/^routeplane-(dev|prod)(-bootstrap)?$/);
    expect(app.spec.source.targetRevision).not.toMatch(/^(HEAD|)$/);
    expect(app.spec.syncPolicy.automated.selfHeal).toBe(true);
    // Negative: unlimited (argo-cd v3.4.4 controller/appcontroller.go); a spent limit stops auto-sync.
    expect(app.spec.syncPolicy.retry.limit).toBe(-1);
    expect(app.spec.syncPolicy.retry.backoff).toEqual({
      duration: '15s',
      factor: 2,
      maxDuration: '5m',
    });
    const options = app.spec.syncPolicy.syncOptions;
    // Replace=true would silently disable server-side apply (and is destructive anyway).
    expect(options.some((o) => o.startsWith('Replace='))).toBe(false);
    expect(app.spec.destination.server).toBe('https://kubernetes.default.svc');
    if (app.metadata.name.endsWith('-root')) return;
    // Children kept on delete have no finalizer: deleting them can never cascade.
    const kept = app.spec.syncPolicy.syncOptions.includes('Delete=false');
    expect(app.metadata.finalizers).toEqual(
      kept ? undefined : ['resources-finalizer.argocd.argoproj.io'],
    );
  });

  it('pins charts to the catalog Istio version and git children to the catalog revision', () => {
    // the fixture's prod tracks `release`, dev tracks `main`
    const apps = applications(envFiles(files, 'prod'));
    expect(apps.length).toBeGreaterThan(0);
    for (const app of apps) {
      const { source } = app.spec;
      if (source.chart === 'cert-manager') expect(source.targetRevision).toBe('v1.21.1');
      else if (source.chart) expect(source.targetRevision).toBe('1.30.2');
      else if (source.repoURL.includes('gateway-api')) expect(source.targetRevision).toBe('v1.6.1');
      else expect(source.targetRevision).toBe('release');
    }
  });
});

describe('Gateway API CRDs child', () => {
  const crds = child('gateway-api-crds');
  it('takes the standard channel from the upstream tag with server-side apply and no pruning', () => {
    expect(crds.spec.source).toEqual({
      repoURL: 'https://github.com/kubernetes-sigs/gateway-api.git',
      targetRevision: 'v1.6.1',
      path: 'config/crd/standard',
    });
    expect(crds.spec.syncPolicy.automated).toEqual({ prune: false, selfHeal: true });
    expect(crds.spec.syncPolicy.syncOptions).toEqual([
      'Delete=false',
      'Prune=false',
      'ServerSideApply=true',
    ]);
  });
  it('deploys only cluster-scoped objects, so it names no destination namespace', () => {
    expect(crds.spec.destination).toEqual({ server: 'https://kubernetes.default.svc' });
  });
});

describe('children whose resources outlive them', () => {
  it.each(['gateway-api-crds', 'istio-base', 'cert-manager'])(
    '%s keeps its objects when the Application is deleted and never prunes (CRDs carry every policy)',
    (component) => {
      const { syncOptions, automated } = child(component).spec.syncPolicy;
      expect(syncOptions).toContain('Delete=false');
      expect(syncOptions).toContain('Prune=false');
      expect(automated?.prune).toBe(false);
    },
  );
  it('only those three', () => {
    const keepers = devApps.filter((a) => a.spec.syncPolicy.syncOptions.includes('Delete=false'));
    expect(keepers.map((a) => a.metadata.labels?.['app.kubernetes.io/component']).sort()).toEqual([
      'cert-manager',
      'gateway-api-crds',
      'istio-base',
    ]);
  });
});

describe('Istio children', () => {
  it.each([
    ['istio-base', 'base', 'istio-base'],
    ['istiod', 'istiod', 'istiod'],
    ['istio-cni', 'cni', 'istio-cni'],
    ['ztunnel', 'ztunnel', 'ztunnel'],
  ])('%s installs chart %s as release %s into istio-system', (component, chart, release) => {
    const app = child(component);
    expect(app.spec.source.repoURL).toBe('https://istio-release.storage.googleapis.com/charts');
    expect(app.spec.source.chart).toBe(chart);
    expect(app.spec.source.helm?.releaseName).toBe(release);
    expect(app.spec.destination.namespace).toBe('istio-system');
    // There is no eks platform: global.platform makes the charts fail.
    expect(JSON.stringify(app.spec.source.helm?.valuesObject)).not.toContain('platform');
  });

  it('creates istio-system (no namespace app owns it) exactly once, in the first Istio wave', () => {
    const creators = devApps.filter((a) =>
      a.spec.syncPolicy.syncOptions.includes('CreateNamespace=true'),
    );
    expect(creators.map((a) => a.metadata.name)).toEqual(['routeplane-dev-istio-base']);
  });

  it('runs istiod and cni with the ambient profile, istiod on the system nodes', () => {
    expect(child('istiod').spec.source.helm?.valuesObject).toMatchObject({
      profile: 'ambient',
      nodeSelector: { 'node-role': 'system' },
      tolerations: [
        { key: 'CriticalAddonsOnly', operator: 'Equal', value: 'true', effect: 'NoSchedule' },
      ],
    });
    expect(child('istio-cni').spec.source.helm?.valuesObject).toMatchObject({ profile: 'ambient' });
  });

  it.each(['istio-cni', 'ztunnel'])('%s DaemonSet tolerates CriticalAddonsOnly', (component) => {
    const values = child(component).spec.source.helm?.valuesObject as { tolerations: unknown[] };
    expect(values.tolerations).toContainEqual({ key: 'CriticalAddonsOnly', operator: 'Exists' });
  });

  it('keeps the webhooks from going permanently OutOfSync', () => {
    for (const component of ['istio-base', 'istiod']) {
      const app = child(component);
      expect(app.spec.source.helm?.valuesObject).toMatchObject({
        base: { validationFailurePolicy: 'Fail' },
      });
      expect(app.spec.ignoreDifferences).toContainEqual({
        group: 'admissionregistration.k8s.io',
        kind: 'ValidatingWebhookConfiguration',
        jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle', '.webhooks[]?.failurePolicy'],
      });
      expect(app.spec.syncPolicy.syncOptions).toContain('RespectIgnoreDifferences=true');
    }
    expect(child('istiod').spec.ignoreDifferences?.map((d) => d.kind)).toContain(
      'MutatingWebhookConfiguration',
    );
  });
});

describe('catalog-owned children', () => {
  it('renders a small, readable Application', () => {
    expect(child('routes')).toMatchInlineSnapshot(`
      {
        "apiVersion": "argoproj.io/v1alpha1",
        "kind": "Application",
        "metadata": {
          "annotations": {
            "argocd.argoproj.io/sync-wave": "6",
          },
          "finalizers": [
            "resources-finalizer.argocd.argoproj.io",
          ],
          "labels": {
            "app.kubernetes.io/component": "routes",
            "app.kubernetes.io/managed-by": "routeplane",
            "app.kubernetes.io/part-of": "routeplane-dev",
          },
          "name": "routeplane-dev-routes",
          "namespace": "argocd",
        },
        "spec": {
          "destination": {
            "namespace": "istio-ingress",
            "server": "https://kubernetes.default.svc",
          },
          "info": [
            {
              "name": "Installs",
              "value": "HTTPRoutes, and ReferenceGrants in the backend namespaces",
            },
          ],
          "project": "routeplane-dev",
          "source": {
            "path": "generated/k8s/dev/routes",
            "repoURL": "https://github.com/example-org/platform.git",
            "targetRevision": "main",
          },
          "syncPolicy": {
            "automated": {
              "prune": true,
              "selfHeal": true,
            },
            "retry": {
              "backoff": {
                "duration": "15s",
                "factor": 2,
                "maxDuration": "5m",
              },
              "limit": -1,
            },
            "syncOptions": [
              "PruneLast=true",
            ],
          },
        },
      }
    `);
  });
  it('never create namespaces: the namespaces child owns them', () => {
    for (const component of [
      'namespaces',
      'gateway',
      'routes',
      'backends-api-services',
      'backends-gateway-health',
      'backends-sample-apps',
    ]) {
      expect(child(component).spec.syncPolicy.syncOptions).not.toContain('CreateNamespace=true');
    }
  });
});

describe('workload AppProject', () => {
  const project = appProjects(devFiles).find((p) => p.metadata.name === 'routeplane-dev');
  it('limits sources and destinations (never argocd); see project.test.ts for the kinds', () => {
    expect(project?.spec.sourceRepos).toEqual([
      'https://charts.jetstack.io',
      'https://github.com/example-org/platform.git',
      'https://github.com/kubernetes-sigs/gateway-api.git',
      'https://istio-release.storage.googleapis.com/charts',
    ]);
    expect(project?.spec.destinations.map((d) => d.namespace)).toEqual([
      '',
      'api-services',
      'cert-manager',
      'gateway-health',
      'istio-ingress',
      'istio-system',
      'sample-apps',
    ]);
    expect(project?.spec.clusterResourceWhitelist.map((g) => g.kind)).not.toContain('*');
    expect(project?.spec.namespaceResourceWhitelist.map((g) => g.kind)).not.toContain('*');
  });
});

describe('argocd-cm health patch', () => {
  it('carries exactly the shared Lua under the Application health key', () => {
    const file = devFiles.find((f) => f.path.endsWith('argocd-cm-health-patch.yaml'));
    if (!file) throw new Error('no argocd-cm patch rendered');
    const [patch] = documentsOf(file);
    expect(patch).toMatchObject({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-cm', namespace: 'argocd' },
      data: { 'resource.customizations.health.argoproj.io_Application': applicationHealthLua },
    });
  });
  it('is not inside the directory the root Application syncs', () => {
    const root = devApps.find((a) => a.metadata.name === 'routeplane-dev-root');
    const patchPath = devFiles.find((f) => f.path.includes('argocd-cm'))?.path ?? '';
    expect(patchPath.startsWith(`${root?.spec.source.path}/`)).toBe(false);
  });
});
