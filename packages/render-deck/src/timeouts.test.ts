import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import type { RouteModel } from '@routeplane/model';
import {
  deckValidator,
  formatSchemaErrors,
  haveSharedSchemas,
  repoRoot,
} from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { renderDeck } from './render-deck.js';
import { kongServiceTimeoutMs } from './timeouts.js';

function route(requestMs?: number): RouteModel {
  return {
    name: 'r',
    namespace: 'istio-ingress',
    paths: ['/r'],
    hosts: [],
    methods: [],
    backend: { name: 's', namespace: 'n', port: 80 },
    kongPaths: ['~/r$', '/r/'],
    plugins: {},
    ...(requestMs === undefined ? {} : { timeouts: { request: `${requestMs}ms`, requestMs } }),
  };
}

describe('kongServiceTimeoutMs: Kong waits 1 s longer than the slowest HTTPRoute request timeout', () => {
  it.each([
    ['no route sets timeouts: Kong defaults, nothing rendered', [undefined, undefined], undefined],
    ['one route of 10 s', [10_000], 11_000],
    ['the longest of two', [10_000, 30_000], 31_000],
    ['a route without timeouts keeps Kong 60 s bound', [10_000, undefined], 60_000],
    ['a route longer than Kong 60 s default', [120_000, undefined], 121_000],
  ] as const)('%s', (_name, timeouts, expected) => {
    expect(kongServiceTimeoutMs(timeouts.map((t) => route(t)))).toBe(expected);
  });
});

describe('the waypoint example in kong.yaml', () => {
  const model = loadModel(join(repoRoot, 'examples/waypoint/catalog.yaml'));
  const file = renderDeck(model).find((f) => f.path === 'deck/dev/kong.yaml');
  const doc =
    file?.content.kind === 'yaml' ? (file.content.documents[0] as Record<string, unknown>) : {};
  const services = doc.services as Record<string, unknown>[];

  it('sets read and write timeouts on the service whose route has HTTPRoute timeouts, only there', () => {
    const orders = services.find((s) => s.name === 'orders.orders-api');
    expect(orders).toMatchObject({ read_timeout: 11_000, write_timeout: 11_000 });
    expect(orders?.connect_timeout).toBeUndefined();
    expect(orders?.retries).toBeUndefined();
    const catalog = services.find((s) => s.name === 'catalog.catalog-api');
    expect(catalog?.read_timeout).toBeUndefined();
    expect(catalog?.write_timeout).toBeUndefined();
  });

  it.runIf(haveSharedSchemas())('passes the official decK schema', () => {
    const validate = deckValidator();
    expect(validate(doc), formatSchemaErrors(validate.errors).join('; ')).toBe(true);
  });
});
