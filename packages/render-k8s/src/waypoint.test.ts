import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { haveSharedSchemas, repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderK8s } from './index.js';
import { get, type Json, objectsOf, officialCrdSchemaErrors } from './objects.fixture.js';

/** examples/waypoint: orders-api behind a waypoint, catalog-api without. */
const model = loadModel(join(repoRoot, 'examples/waypoint/catalog.yaml'));
const objects = objectsOf(renderK8s(model));
const waypointPath = 'generated/k8s/dev/waypoints/orders/orders-api.yaml';
const find = (kind: string, name: string, path?: string) => {
  const found = objects.find(
    (o) => o.kind === kind && o.name === name && (path === undefined || o.path === path),
  );
  if (!found) throw new Error(`no ${kind}/${name}`);
  return found.object;
};

describe('a service behind a waypoint', () => {
  it('renders exactly options, Gateway, L7 policy and NetworkPolicy in the waypoints component', () => {
    expect(
      objects
        .filter((o) => o.path === waypointPath)
        .map((o) => `${o.kind}/${o.namespace}/${o.name}`),
    ).toEqual([
      'ConfigMap/orders/orders-api-waypoint-options',
      'Gateway/orders/orders-api-waypoint',
      'AuthorizationPolicy/orders/orders-api-l7',
      'NetworkPolicy/orders/orders-api-waypoint',
    ]);
    expect(objects.filter((o) => o.path.includes('/waypoints/')).map((o) => o.path)).toEqual(
      Array(4).fill(waypointPath),
    );
  });

  it('renders the Gateway `istioctl waypoint generate` prints, with a parametersRef', () => {
    expect(find('Gateway', 'orders-api-waypoint')).toEqual({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: {
        name: 'orders-api-waypoint',
        namespace: 'orders',
        labels: { 'istio.io/waypoint-for': 'service' },
      },
      spec: {
        gatewayClassName: 'istio-waypoint',
        infrastructure: {
          parametersRef: { group: '', kind: 'ConfigMap', name: 'orders-api-waypoint-options' },
        },
        listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
      },
    });
  });

  it('allows the gateway only the methods and whole-segment paths of its routes (ALLOW: the rest is denied)', () => {
    expect(get(find('AuthorizationPolicy', 'orders-api-l7'), 'spec')).toEqual({
      targetRefs: [{ group: '', kind: 'Service', name: 'orders-api' }],
      action: 'ALLOW',
      rules: [
        {
          from: [
            {
              source: {
                principals: ['cluster.local/ns/istio-ingress/sa/kong-cloud-gw-gateway-istio'],
              },
            },
          ],
          to: [{ operation: { methods: ['GET', 'POST'], paths: ['/orders', '/orders/*'] } }],
        },
      ],
    });
  });

  it('labels the Service for the waypoint, ingress included', () => {
    expect(get(find('Service', 'orders-api'), 'metadata', 'labels')).toMatchObject({
      'istio.io/use-waypoint': 'orders-api-waypoint',
      'istio.io/ingress-use-waypoint': 'true',
    });
    const plain = get(find('Service', 'catalog-api'), 'metadata', 'labels') as Json;
    expect(Object.keys(plain).filter((k) => k.startsWith('istio.io/'))).toEqual([]);
  });

  it("admits only the waypoint's identity and pods at the backend (L4, ztunnel)", () => {
    const l4 = objects.find(
      (o) =>
        o.kind === 'AuthorizationPolicy' &&
        o.name === 'orders-api' &&
        o.path.includes('/backends/'),
    );
    expect(get(l4?.object, 'spec', 'rules')).toEqual([
      {
        from: [{ source: { principals: ['cluster.local/ns/orders/sa/orders-api-waypoint'] } }],
        to: [{ operation: { ports: ['8080'] } }],
      },
    ]);
    expect(get(find('NetworkPolicy', 'orders-api-ingress'), 'spec', 'ingress')).toEqual([
      {
        from: [
          {
            podSelector: {
              matchLabels: { 'gateway.networking.k8s.io/gateway-name': 'orders-api-waypoint' },
            },
          },
        ],
        ports: [
          { port: 8080, protocol: 'TCP' },
          { port: 15008, protocol: 'TCP' },
        ],
      },
      {
        from: [{ ipBlock: { cidr: '169.254.7.127/32' } }],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ]);
  });

  it('lets the gateway reach the waypoint on HBONE and the waypoint reach istiod and the pods', () => {
    const spec = get(find('NetworkPolicy', 'orders-api-waypoint'), 'spec') as Json;
    expect(spec.podSelector).toEqual({
      matchLabels: { 'gateway.networking.k8s.io/gateway-name': 'orders-api-waypoint' },
    });
    expect(spec.policyTypes).toEqual(['Egress', 'Ingress']);
    expect(spec.ingress).toEqual([
      {
        from: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'istio-ingress' } },
            podSelector: {
              matchLabels: { 'gateway.networking.k8s.io/gateway-name': 'kong-cloud-gw-gateway' },
            },
          },
        ],
        ports: [{ port: 15008, protocol: 'TCP' }],
      },
      { from: [{ ipBlock: { cidr: '10.0.0.0/16' } }], ports: [{ port: 15021, protocol: 'TCP' }] },
    ]);
    expect(spec.egress).toEqual([
      {
        to: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'istio-system' } },
            podSelector: { matchLabels: { app: 'istiod' } },
          },
        ],
        ports: [{ port: 15012, protocol: 'TCP' }],
      },
      {
        to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'orders-api' } } }],
        ports: [{ port: 15008, protocol: 'TCP' }],
      },
    ]);
  });

  it('runs two waypoint pods spread over zones with a PodDisruptionBudget and a seccomp profile', () => {
    const data = get(find('ConfigMap', 'orders-api-waypoint-options'), 'data') as Json;
    expect(Object.keys(data)).toEqual(['deployment', 'podDisruptionBudget']);
    const overlay = parse(data.deployment as string) as Json;
    expect(get(overlay, 'spec', 'replicas')).toBe(2);
    expect(get(overlay, 'spec', 'template', 'spec', 'securityContext')).toEqual({
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(parse(data.podDisruptionBudget as string)).toEqual({ spec: { minAvailable: 1 } });
  });

  it('puts the route timeouts on the HTTPRoute rule, and none where the catalog sets none', () => {
    expect(get(find('HTTPRoute', 'orders'), 'spec', 'rules', '0', 'timeouts')).toEqual({
      request: '10s',
      backendRequest: '4s',
    });
    expect(get(find('HTTPRoute', 'catalog'), 'spec', 'rules', '0', 'timeouts')).toBeUndefined();
  });
});

describe.runIf(haveSharedSchemas())('the waypoint example against the official CRD schemas', () => {
  it('accepts every Gateway API and Istio object (strict)', () => {
    const custom = objects.filter(
      (o) => o.apiVersion.includes('istio.io/') || o.apiVersion.startsWith('gateway.networking'),
    );
    expect(custom.length).toBeGreaterThan(0);
    expect(officialCrdSchemaErrors(custom)).toEqual([]);
  });
});
