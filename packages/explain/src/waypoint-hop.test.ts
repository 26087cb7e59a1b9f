import { describe, expect, it } from 'vitest';
import { renderedEnv } from './rendered-env.js';
import { gatewayCaller, istioPathMatches, throughWaypoint } from './waypoint-hop.js';

/** The shapes render-k8s gives a service behind a waypoint (examples/waypoint), reduced. */
const gatewayName = 'gateway.networking.k8s.io/gateway-name';
const service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: {
    name: 'orders-api',
    namespace: 'orders',
    labels: {
      'istio.io/use-waypoint': 'orders-api-waypoint',
      'istio.io/ingress-use-waypoint': 'true',
    },
  },
};
const waypoint = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'Gateway',
  metadata: { name: 'orders-api-waypoint', namespace: 'orders' },
  spec: { gatewayClassName: 'istio-waypoint' },
};
const ingress = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'Gateway',
  metadata: { name: 'gw', namespace: 'istio-ingress' },
  spec: { gatewayClassName: 'istio' },
};
const l7 = {
  apiVersion: 'security.istio.io/v1',
  kind: 'AuthorizationPolicy',
  metadata: { name: 'orders-api-l7', namespace: 'orders' },
  spec: {
    targetRefs: [{ group: '', kind: 'Service', name: 'orders-api' }],
    action: 'ALLOW',
    rules: [
      {
        from: [{ source: { principals: ['cluster.local/ns/istio-ingress/sa/gw-istio'] } }],
        to: [{ operation: { methods: ['GET', 'POST'], paths: ['/orders', '/orders/*'] } }],
      },
    ],
  },
};
const waypointNetpol = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'orders-api-waypoint', namespace: 'orders' },
  spec: {
    podSelector: { matchLabels: { [gatewayName]: 'orders-api-waypoint' } },
    policyTypes: ['Ingress'],
    ingress: [
      {
        from: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'istio-ingress' } },
            podSelector: { matchLabels: { [gatewayName]: 'gw' } },
          },
        ],
        ports: [{ port: 15008, protocol: 'TCP' }],
      },
    ],
  },
};

function pass(docs: readonly Record<string, unknown>[], method: string, path: string) {
  const env = renderedEnv('dev', [
    { path: 'generated/k8s/dev/backends/orders/orders-api.yaml', documents: [...docs] },
    { path: 'generated/k8s/dev/gateway/gateway.yaml', documents: [ingress] },
  ]);
  const svc = env.objects.find((o) => o.kind === 'Service');
  if (!svc) throw new Error('no Service');
  return throughWaypoint(
    env,
    svc,
    gatewayCaller(env.objects.find((o) => o.name === 'gw') ?? svc),
    method,
    path,
  );
}

const all = [service, waypoint, l7, waypointNetpol];

describe('istioPathMatches (exact, prefix*, *suffix, *)', () => {
  it.each([
    ['/orders', '/orders', true],
    ['/orders', '/orders/', false],
    ['/orders/*', '/orders/1', true],
    ['/orders/*', '/orders10', false],
    ['*.json', '/a.json', true],
    ['*', '/anything', true],
  ])('%s vs %s -> %s', (pattern, path, expected) => {
    expect(istioPathMatches(pattern, path)).toBe(expected);
  });
});

describe('throughWaypoint', () => {
  it('hands the waypoint identity on when the L7 policy admits the request', () => {
    const result = pass(all, 'GET', '/orders/7');
    expect(result.caller).toEqual({
      principal: 'cluster.local/ns/orders/sa/orders-api-waypoint',
      namespace: 'orders',
      podLabels: { [gatewayName]: 'orders-api-waypoint' },
      what: 'the waypoint pods',
    });
  });

  it.each([
    [
      'a method no route allows',
      all,
      'DELETE',
      '/orders',
      'the waypoint answers 403 (RBAC: access denied)',
    ],
    [
      'a path beside the prefix',
      all,
      'GET',
      '/orders10',
      'the waypoint answers 403 (RBAC: access denied)',
    ],
    [
      'no waypoint Gateway',
      [service, l7, waypointNetpol],
      'GET',
      '/orders',
      'no istio-waypoint Gateway orders/orders-api-waypoint is rendered',
    ],
    [
      'a NetworkPolicy that shuts the gateway out',
      [service, waypoint, l7, { ...waypointNetpol, spec: { ...waypointNetpol.spec, ingress: [] } }],
      'GET',
      '/orders',
      'the waypoint is unreachable from the gateway',
    ],
  ])('refuses %s', (_name, docs, method, path, why) => {
    const result = pass(docs, method, path);
    expect(result.caller).toBeUndefined();
    expect(result.lines.at(-1)).toContain(why);
  });

  it('leaves the gateway as the caller without ingress-use-waypoint, and says so', () => {
    const labels = { 'istio.io/use-waypoint': 'orders-api-waypoint' };
    const result = pass(
      [{ ...service, metadata: { ...service.metadata, labels } }, waypoint, l7],
      'DELETE',
      '/x',
    );
    expect(result.caller?.principal).toBe('cluster.local/ns/istio-ingress/sa/gw-istio');
    expect(result.lines[0]).toContain('not for ingress');
  });
});
