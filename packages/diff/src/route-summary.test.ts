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
