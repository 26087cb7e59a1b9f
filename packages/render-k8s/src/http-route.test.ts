import { describe, expect, it } from 'vitest';
import { httpRouteSpec } from './http-route.js';
import { backend, fixtureEnvironment, route } from './model.fixture.js';

const env = fixtureEnvironment();
const svc = backend('orders', 'shop', ['/orders'], '/orders/health');

describe('httpRouteSpec', () => {
  it('renders PathPrefix matches to the Service in its namespace on the HTTPS listener', () => {
    expect(httpRouteSpec(route('orders', ['/orders'], svc), env.gateway)).toEqual({
      parentRefs: [
        {
          group: 'gateway.networking.k8s.io',
          kind: 'Gateway',
          name: env.gateway.name,
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
    const r = {
      ...route('orders', ['/a', '/b'], svc),
      hosts: ['api.example.com'],
      methods: ['GET', 'POST'],
    };
    const spec = httpRouteSpec(r, env.gateway);
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
    const methods = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH'];
    const spec = httpRouteSpec({ ...route('many', paths, svc), methods }, env.gateway);
    expect(spec.rules.map((r) => r.matches?.length)).toEqual([64, 16]);
    expect(new Set(spec.rules.map((r) => JSON.stringify(r.backendRefs))).size).toBe(1);
  });

  it('omits namespaces that equal the route namespace', () => {
    const local = { ...svc, namespace: env.gateway.namespace };
    const spec = httpRouteSpec(route('local', ['/l'], local), env.gateway);
    expect(spec.rules[0]?.backendRefs).toEqual([{ name: 'orders', port: 80 }]);
    expect(spec.parentRefs[0]).not.toHaveProperty('namespace');
  });
});
