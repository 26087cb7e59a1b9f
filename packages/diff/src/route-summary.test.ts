import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import type { EnvironmentModel } from '@routeplane/model';
import { describe, expect, it } from 'vitest';
import { describeRoute, routePlugins, routeRow } from './route-summary.js';

const example = loadModel(join(import.meta.dirname, '../../../examples/custom-plugin/catalog.yaml'))
  .environments[0] as EnvironmentModel;
const route = (name: string) => {
  const found = example.routes.find((r) => r.name === name);
  if (found === undefined) throw new Error(`no route ${name}`);
  return found;
};

describe('route summaries', () => {
  it('names a custom plugin, with no configuration of its own', () => {
    expect([...routePlugins(route('app1'))]).toEqual([['tenant-header', {}]]);
    expect(describeRoute(routeRow(route('app1')))).toMatch(/\[tenant-header\]$/);
  });
});

describe('rate limits in route summaries', () => {
  const cache = loadModel(join(import.meta.dirname, '../../../examples/managed-cache/catalog.yaml'))
    .environments[0] as EnvironmentModel;
  const plugins = (name: string) =>
    routeRow(cache.routes.find((r) => r.name === name) ?? route(name)).plugins;

  it.each([
    ['users-api', 'rate-limiting-advanced'],
    ['app2', 'rate-limiting'],
  ])('names %s by the Kong plugin its counter store renders: %s', (name, plugin) => {
    expect(plugins(name)).toContain(plugin);
  });
});
