import type { Route } from '@routeplane/catalog';
import { fixtureEnvironment, fixtureService } from '@routeplane/catalog/testing';
import { describe, expect, it } from 'vitest';
import { httpRouteSpec } from './http-route.js';

/** The fixture plus a backend `orders` in namespace `ns` and the route `route` to it. */
function withOrders(route: Omit<Route, 'service'>, ns = 'shop') {
  const env = fixtureEnvironment((c) => {
    c.services.push(fixtureService('orders', ns, '/orders/health', ['/orders']));
    c.routes.push({ ...route, service: 'orders' });
  });
  const resolved = env.routes.find((r) => r.name === route.name);
  if (!resolved) throw new Error(`route ${route.name} not resolved`);
  return { route: resolved, gateway: env.gateway };
}

describe('httpRouteSpec', () => {
  it('renders PathPrefix matches to the Service in its namespace on the HTTPS listener', () => {
    const { route, gateway } = withOrders({ name: 'orders', paths: ['/orders'] });
    expect(httpRouteSpec(route, gateway)).toEqual({
      parentRefs: [
        {
          group: 'gateway.networking.k8s.io',
          kind: 'Gateway',
          name: gateway.name,
          sectionName: 'https',
        },
      ],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/orders' } }],
          backendRefs: [{ name: 'orders', namespace: 'shop', port: 80 }],
        },
      ],
    });
  });

  it('leaves client-facing hosts to Kong and adds one match per path and method', () => {
    const { route, gateway } = withOrders({
      name: 'orders',
      paths: ['/a', '/b'],
      hosts: ['api.example.com'],
      methods: ['GET', 'POST'],
    });
    const spec = httpRouteSpec(route, gateway);
    expect(spec.hostnames).toBeUndefined();
    expect(spec.rules[0]?.matches?.map((m) => `${m.method} ${m.path.value}`)).toEqual([
      'GET /a',
      'POST /a',
      'GET /b',
      'POST /b',
    ]);
  });

  it('splits more than 64 matches over rules (the CRD limit), all to the same backend', () => {
    const paths = Array.from({ length: 16 }, (_, i) => `/p${String(i).padStart(2, '0')}`);
    const { route, gateway } = withOrders({
      name: 'many',
      paths: paths as Route['paths'],
      methods: ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH'],
    });
    const spec = httpRouteSpec(route, gateway);
    expect(spec.rules.map((r) => r.matches?.length)).toEqual([64, 16]);
    expect(new Set(spec.rules.map((r) => JSON.stringify(r.backendRefs))).size).toBe(1);
  });

  it('omits namespaces that equal the route namespace', () => {
    const { route, gateway } = withOrders({ name: 'local', paths: ['/l'] }, 'istio-ingress');
    const spec = httpRouteSpec(route, gateway);
    expect(spec.rules[0]?.backendRefs).toEqual([{ name: 'orders', port: 80 }]);
    expect(spec.parentRefs[0]).not.toHaveProperty('namespace');
  });
});
