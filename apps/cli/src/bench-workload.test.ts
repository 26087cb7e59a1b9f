import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModelFromBytes, type RouteCatalog } from '@routeplane/catalog';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { addSyntheticRoutes } from './bench-workload.js';

const shippedPath = fileURLToPath(new URL('../../../catalog.yaml', import.meta.url));

describe('addSyntheticRoutes', () => {
  it('grows the shipped catalog into one the loader accepts, with the asked number of routes', () => {
    const catalog = parse(readFileSync(shippedPath, 'utf8')) as RouteCatalog;
    addSyntheticRoutes(catalog, 120);
    const model = loadModelFromBytes(new TextEncoder().encode(stringify(catalog)), {
      displayName: 'synthetic.yaml',
      baseDir: dirname(shippedPath),
    });
    const env = model.environments[0];
    expect(env?.routes).toHaveLength(120);
    expect(env?.services).toHaveLength(12);
    expect(new Set(env?.services.map((s) => s.namespace)).size).toBe(5);
    expect(env?.routes.filter((r) => r.methods.includes('OPTIONS'))).toHaveLength(24);
  });

  it('refuses a catalog without a service to copy', () => {
    const catalog = parse(readFileSync(shippedPath, 'utf8')) as RouteCatalog;
    catalog.services = [];
    expect(() => addSyntheticRoutes(catalog, 10)).toThrow(/no service to model/);
  });
});
