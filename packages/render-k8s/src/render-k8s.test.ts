import { fixtureModel, fixtureService } from '@routeplane/catalog/testing';
import type { EnvironmentModel, Model } from '@routeplane/model';
import { describe, expect, it } from 'vitest';
import { renderK8s } from './index.js';
import { models, objectsOf } from './objects.fixture.js';

function withEnv(model: Model, edit: (env: EnvironmentModel) => EnvironmentModel): Model {
  return { ...model, environments: model.environments.map(edit) };
}

function byPath(model: Model): Map<string, string> {
  return new Map(renderK8s(model).map((f) => [f.path, JSON.stringify(f.content)]));
}

function changedPaths(before: Model, after: Model): string[] {
  const a = byPath(before);
  const b = byPath(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((p) => a.get(p) !== b.get(p)).sort();
}

describe('renderK8s layout', () => {
  it('renders one file per resource group under generated/k8s/<env>/', () => {
    const paths = renderK8s(fixtureModel())
      .map((f) => f.path)
      .filter((p) => p.startsWith('generated/k8s/dev/'));
    expect(paths).toMatchInlineSnapshot(`
      [
        "generated/k8s/dev/backends/api-services/_namespace-policies.yaml",
        "generated/k8s/dev/backends/api-services/users-api.yaml",
        "generated/k8s/dev/backends/gateway-health/_namespace-policies.yaml",
        "generated/k8s/dev/backends/gateway-health/health-responder.yaml",
        "generated/k8s/dev/backends/sample-apps/_namespace-policies.yaml",
        "generated/k8s/dev/backends/sample-apps/sample-app-1.yaml",
        "generated/k8s/dev/backends/sample-apps/sample-app-2.yaml",
        "generated/k8s/dev/gateway/gateway.yaml",
        "generated/k8s/dev/gateway/httproute-https-redirect.yaml",
        "generated/k8s/dev/gateway/policies.yaml",
        "generated/k8s/dev/namespaces/api-services.yaml",
        "generated/k8s/dev/namespaces/cert-manager.yaml",
        "generated/k8s/dev/namespaces/gateway-health.yaml",
        "generated/k8s/dev/namespaces/istio-ingress.yaml",
        "generated/k8s/dev/namespaces/sample-apps.yaml",
        "generated/k8s/dev/pki/ca.yaml",
        "generated/k8s/dev/pki/certificate-gateway.yaml",
        "generated/k8s/dev/pki/certificate-kong-client.yaml",
        "generated/k8s/dev/routes/httproute-app1.yaml",
        "generated/k8s/dev/routes/httproute-app2.yaml",
        "generated/k8s/dev/routes/httproute-healthz.yaml",
        "generated/k8s/dev/routes/httproute-users-api.yaml",
        "generated/k8s/dev/routes/referencegrant-api-services.yaml",
        "generated/k8s/dev/routes/referencegrant-gateway-health.yaml",
        "generated/k8s/dev/routes/referencegrant-sample-apps.yaml",
      ]
    `);
  });

  it.each(models)('covers every environment of the %s', (_, load) => {
    const model = load();
    const files = renderK8s(model);
    for (const env of model.environments) {
      const prefix = `generated/k8s/${env.name}/`;
      expect(files.filter((f) => f.path.startsWith(prefix)).length).toBeGreaterThan(0);
    }
    expect(
      files.every((f) =>
        model.environments.some((e) => f.path.startsWith(`generated/k8s/${e.name}/`)),
      ),
    ).toBe(true);
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
  });

  it('renders environment differences (prod replicas) only into prod files', () => {
    const files = renderK8s(fixtureModel());
    const replicas = (env: string) =>
      objectsOf(
        files.filter((f) => f.path === `generated/k8s/${env}/backends/api-services/users-api.yaml`),
      ).find((o) => o.kind === 'Deployment')?.object.spec;
    expect(replicas('dev')).toMatchObject({ replicas: 2 });
    expect(replicas('prod')).toMatchObject({ replicas: 3 });
  });
});

describe('renderK8s determinism', () => {
  it.each(models)('returns identical output when called twice on the %s', (_, load) => {
    const model = load();
    expect(JSON.stringify(renderK8s(model))).toBe(JSON.stringify(renderK8s(model)));
  });

  it('does not depend on the order of routes or services in the Model', () => {
    const model = fixtureModel();
    const reversed = withEnv(model, (env) => ({
      ...env,
      routes: [...env.routes].reverse(),
      services: [...env.services].reverse(),
    }));
    expect(changedPaths(model, reversed)).toEqual([]);
  });
});

describe('adding one route', () => {
  const model = fixtureModel();

  it('to an already granted backend changes only that route file', () => {
    const after = fixtureModel((c) => {
      c.routes.push({ name: 'app1-v2', paths: ['/v2/app1'], service: 'sample-app-1' });
    });
    expect(changedPaths(model, after)).toEqual([
      'generated/k8s/dev/routes/httproute-app1-v2.yaml',
      'generated/k8s/prod/routes/httproute-app1-v2.yaml',
    ]);
  });

  it('to a Service not yet referenced changes the route file and that namespace grant only', () => {
    const reports = fixtureService('reports', 'sample-apps', '/reports', ['/reports']);
    const before = fixtureModel((c) => {
      c.services.push(reports);
    });
    const after = fixtureModel((c) => {
      c.services.push(reports);
      c.routes.push({ name: 'reports', paths: ['/reports'], service: 'reports' });
    });
    expect(changedPaths(before, after)).toEqual([
      'generated/k8s/dev/routes/httproute-reports.yaml',
      'generated/k8s/dev/routes/referencegrant-sample-apps.yaml',
      'generated/k8s/prod/routes/httproute-reports.yaml',
      'generated/k8s/prod/routes/referencegrant-sample-apps.yaml',
    ]);
  });
});

const clusterScoped = new Set(['Namespace', 'ClusterIssuer']);

describe('readable names and scopes', () => {
  it.each(models)(
    'has no cdk8s artefacts, hashed names or namespaced cluster objects in the %s',
    (_, load) => {
      const objects = objectsOf(renderK8s(load()));
      const text = JSON.stringify(objects.map((o) => o.object));
      expect(text).not.toContain('cdk8s');
      for (const o of objects) {
        expect(o.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
        if (clusterScoped.has(o.kind)) expect(o.namespace, o.path).toBeUndefined();
        else expect(o.namespace, `${o.path} ${o.kind}/${o.name}`).toBeTruthy();
      }
    },
  );

  it.each(models)(
    'never repeats a kind/namespace/name within an environment in the %s',
    (_, load) => {
      const model = load();
      const objects = objectsOf(renderK8s(model));
      for (const env of model.environments) {
        const keys = objects
          .filter((o) => o.path.startsWith(`generated/k8s/${env.name}/`))
          .map((o) => `${o.kind}/${o.namespace ?? ''}/${o.name}`);
        expect(new Set(keys).size).toBe(keys.length);
      }
    },
  );
});
