import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { durationMs } from './duration.js';
import { loadModel } from './load-model.js';
import { istioPathsForPrefix } from './resolve-waypoint.js';

describe('durationMs (Gateway API Duration, GEP-2257)', () => {
  it.each([
    ['10s', 10_000],
    ['500ms', 500],
    ['1m30s', 90_000],
    ['1h', 3_600_000],
    ['1h2m3s4ms', 3_723_004],
    ['0s', 0],
  ])('%s is %d ms', (text, ms) => {
    expect(durationMs(text)).toBe(ms);
  });

  it.each(['', '10', '1.5s', '10 s', '1d', '123456s', '1s1s1s1s1s'])('%j is not one', (text) => {
    expect(durationMs(text)).toBeUndefined();
  });
});

describe('istioPathsForPrefix', () => {
  it.each([
    ['/app1', ['/app1', '/app1/*']],
    ['/api/users', ['/api/users', '/api/users/*']],
    ['/', ['/*']],
  ])('%s -> %j (whole segments: never /app1*, which admits /app10)', (prefix, paths) => {
    expect(istioPathsForPrefix(prefix)).toEqual(paths);
  });
});

describe('the waypoint example resolves', () => {
  const env = loadModel(join(import.meta.dirname, '../../../examples/waypoint/catalog.yaml'))
    .environments[0];

  it('gives orders-api a waypoint with one rule per route, and catalog-api none', () => {
    const orders = env?.services.find((s) => s.name === 'orders-api');
    expect(orders?.waypoint).toEqual({
      name: 'orders-api-waypoint',
      namespace: 'orders',
      principal: 'cluster.local/ns/orders/sa/orders-api-waypoint',
      parametersConfigMapName: 'orders-api-waypoint-options',
      replicas: 2,
      routeRules: [{ route: 'orders', methods: ['GET', 'POST'], paths: ['/orders', '/orders/*'] }],
    });
    expect(env?.services.find((s) => s.name === 'catalog-api')?.waypoint).toBeUndefined();
  });

  it('carries the route timeouts with the request timeout in ms', () => {
    expect(env?.routes.find((r) => r.name === 'orders')?.timeouts).toEqual({
      request: '10s',
      backendRequest: '4s',
      requestMs: 10_000,
    });
    expect(env?.routes.find((r) => r.name === 'catalog')?.timeouts).toBeUndefined();
  });
});
