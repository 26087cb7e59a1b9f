import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import type { EnvironmentModel } from '@routeplane/model';
import { describe, expect, it } from 'vitest';
import { catalogChanges } from './catalog-changes.js';

const example = loadModel(join(import.meta.dirname, '../../../examples/waypoint/catalog.yaml'))
  .environments[0] as EnvironmentModel;

/** The environment with the `orders` route's timeouts replaced (undefined: removed). */
function withOrdersTimeouts(timeouts: EnvironmentModel['routes'][number]['timeouts']) {
  return {
    ...example,
    routes: example.routes.map((r) => {
      if (r.name !== 'orders') return r;
      const { timeouts: _old, ...rest } = r;
      return timeouts === undefined ? rest : { ...rest, timeouts };
    }),
  };
}

describe('catalogChanges: route timeouts', () => {
  it.each([
    [
      'a longer request timeout',
      withOrdersTimeouts({ request: '30s', backendRequest: '4s', requestMs: 30_000 }),
      'request 10s, backendRequest 4s',
      'request 30s, backendRequest 4s',
    ],
    ['timeouts removed', withOrdersTimeouts(undefined), 'request 10s, backendRequest 4s', '(none)'],
  ])('reports %s as a field change', (_name, head, before, after) => {
    expect(catalogChanges(example, head).routes.changed).toEqual([
      { name: 'orders', fields: [{ field: 'timeouts', before, after }] },
    ]);
  });

  it('reports nothing for the same timeouts', () => {
    expect(catalogChanges(example, example).routes.changed).toEqual([]);
  });
});
