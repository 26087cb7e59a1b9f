import { crdValidator, haveSharedSchemas } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { renderK8s } from './index.js';
import { models, objectsOf, officialCrdSchemaErrors } from './objects.fixture.js';

/** Built-in kinds this package renders, with the apiVersion each must use. */
const coreKinds: Readonly<Record<string, string>> = {
  ConfigMap: 'v1',
  Deployment: 'apps/v1',
  Namespace: 'v1',
  NetworkPolicy: 'networking.k8s.io/v1',
  PodDisruptionBudget: 'policy/v1',
  Service: 'v1',
  ServiceAccount: 'v1',
};

describe.runIf(haveSharedSchemas())('official CRD schemas (strict)', () => {
  it.each(models)('accept every Gateway API and Istio object of the %s', (_, load) => {
    const objects = objectsOf(renderK8s(load())).filter(
      (o) => !(o.kind in coreKinds) && !o.apiVersion.startsWith('cert-manager.io/'),
    );
    // cert-manager objects are checked against their CRD bundle in pki.test.ts
    expect(new Set(objects.map((o) => `${o.apiVersion}/${o.kind}`))).toEqual(
      new Set([
        'gateway.networking.k8s.io/v1/Gateway',
        'gateway.networking.k8s.io/v1/HTTPRoute',
        'gateway.networking.k8s.io/v1beta1/ReferenceGrant',
        'security.istio.io/v1/AuthorizationPolicy',
        'security.istio.io/v1/PeerAuthentication',
      ]),
    );
    expect(officialCrdSchemaErrors(objects)).toEqual([]);
  });

  it('rejects a Gateway with an unknown field (the strict check is live)', () => {
    const gateway = objectsOf(
      renderK8s(models[0]?.[1]() ?? { catalogFile: '', environments: [], warnings: [] }),
    ).find((o) => o.kind === 'Gateway');
    const validate = crdValidator('gateway.networking.k8s.io/gateway_v1.json');
    expect(
      validate({ ...gateway?.object, spec: { ...(gateway?.object.spec as object), bogus: 1 } }),
    ).toBe(false);
  });
});

describe('core kinds', () => {
  it.each(models)(
    'use the stable apiVersion and carry the fields the API server requires (%s)',
    (_, load) => {
      for (const o of objectsOf(renderK8s(load())).filter((x) => x.kind in coreKinds)) {
        expect(o.apiVersion, `${o.kind}/${o.name}`).toBe(coreKinds[o.kind]);
        const spec = o.object.spec as Record<string, unknown> | undefined;
        switch (o.kind) {
          case 'Deployment':
            expect(spec).toMatchObject({
              selector: { matchLabels: expect.any(Object) },
              template: { spec: { containers: expect.any(Array) } },
            });
            break;
          case 'Service':
            expect(spec).toMatchObject({
              type: 'ClusterIP',
              selector: expect.any(Object),
              ports: expect.any(Array),
            });
            break;
          case 'PodDisruptionBudget':
            expect(spec).toMatchObject({ selector: { matchLabels: expect.any(Object) } });
            break;
          case 'NetworkPolicy':
            expect(spec).toMatchObject({
              podSelector: expect.any(Object),
              policyTypes: expect.any(Array),
            });
            break;
          case 'ConfigMap':
            expect(Object.values(o.object.data as object).every((v) => typeof v === 'string')).toBe(
              true,
            );
            break;
        }
      }
    },
  );
});
