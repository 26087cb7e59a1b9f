import { readFileSync } from 'node:fs';
import { loadModelFromBytes, readCatalogSchema } from '@routeplane/catalog';
import { shippedCatalogText } from '@routeplane/catalog/testing/bad-catalogs';
import { ecsFargateCatalogPath } from '@routeplane/catalog/testing/ecs-fargate-catalogs';
import type { Model } from '@routeplane/model';
import { serialize } from '@routeplane/writer';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { PipelineRenderer } from './pipeline.js';
import { renderAll } from './pipeline.js';
import { loadRenderers } from './renderers.js';

type Node = {
  readonly $ref?: string;
  readonly properties?: Record<string, Node>;
  readonly items?: Node;
  readonly additionalProperties?: Node | boolean;
  readonly oneOf?: readonly Node[];
  readonly anyOf?: readonly Node[];
  readonly allOf?: readonly Node[];
  readonly default?: unknown;
};
type Path = readonly (string | number)[];

const schema = readCatalogSchema() as Node & { readonly $defs: Record<string, Node> };
const deref = (node: Node): Node =>
  node.$ref ? deref(schema.$defs[node.$ref.replace('#/$defs/', '')] ?? {}) : node;

/** Every key with a schema `default` whose parent object exists in `data`, with that default. */
function defaultedKeys(node: Node, data: unknown, path: Path = []): [Path, unknown][] {
  const here = deref(node);
  const branches = [...(here.oneOf ?? []), ...(here.anyOf ?? []), ...(here.allOf ?? [])];
  const found = branches.flatMap((b) => defaultedKeys(b, data, path));
  if (Array.isArray(data) && here.items) {
    data.forEach((item, i) => {
      found.push(...defaultedKeys(here.items as Node, item, [...path, i]));
    });
  } else if (typeof data === 'object' && data !== null) {
    const record = data as Record<string, unknown>;
    for (const [key, child] of Object.entries(here.properties ?? {})) {
      if ('default' in child || 'default' in deref(child)) {
        found.push([[...path, key], child.default ?? deref(child).default]);
      }
      if (key in record) found.push(...defaultedKeys(child, record[key], [...path, key]));
    }
    if (typeof here.additionalProperties === 'object') {
      for (const [key, value] of Object.entries(record)) {
        if (!(key in (here.properties ?? {})))
          found.push(...defaultedKeys(here.additionalProperties, value, [...path, key]));
      }
    }
  }
  return found;
}

function withKey(data: unknown, path: Path, value: unknown): string {
  const copy = structuredClone(data);
  let cursor = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string | number, unknown>;
  const last = path.at(-1) ?? '';
  if (value === undefined) delete cursor[last];
  else cursor[last] = structuredClone(value);
  return stringify(copy);
}

/** The Model, or the loader's message when the catalog is refused. */
function tryLoad(text: string): Model | string {
  try {
    return loadModelFromBytes(new TextEncoder().encode(text), {
      displayName: 'catalog.yaml',
      baseDir: '.',
    });
  } catch (error) {
    return String(error);
  }
}

let renderers: readonly PipelineRenderer[] = [];
beforeAll(async () => {
  renderers = await loadRenderers();
});

/** Every file `generate` writes for `model` (all four renderers), as path → bytes. */
const rendered = (model: Model): Record<string, string> =>
  Object.fromEntries(
    renderAll(model, renderers).files.map((f) => [f.path, serialize(f, model.catalogFile)]),
  );

/**
 * Rendered output of both Models, byte for byte. Renderers are pure functions of the Model, so
 * equal Models render equal bytes and are compared as Models; Models that differ (the output may
 * still agree) are rendered by all four renderers and their files compared.
 */
function expectSameOutput(written: Model | string, without: Model): void {
  expect(typeof written).toBe('object');
  if (typeof written === 'string' || JSON.stringify(written) === JSON.stringify(without)) return;
  expect(rendered(written)).toEqual(rendered(without));
}

/**
 * Leaving a key out and writing its schema default must render the same files. Defaults that
 * depend on other fields (e.g. aws.state.keyPrefix, kong.upstream.port) have no schema `default`:
 * the schema describes them and resolve-derived-defaults.ts computes each.
 */
describe.each([
  ['the shipped catalog', shippedCatalogText],
  ['the ECS Fargate example', readFileSync(ecsFargateCatalogPath, 'utf8')],
])('schema defaults in %s', (_name, text) => {
  const data = parse(text) as unknown;
  const keys = defaultedKeys(schema, data).map(([path, value]) => ({
    key: path.join('.'),
    path,
    value,
  }));
  const unique = [...new Map(keys.map((k) => [k.key, k])).values()];

  it('finds defaulted keys to try', () => {
    expect(unique.length).toBeGreaterThan(20);
  });

  // A key whose absence the loader refuses here (e.g. cpu without a matching memory) is required
  // in this context: there is nothing to compare.
  const cases = unique
    .map((k) => ({ ...k, without: tryLoad(withKey(data, k.path, undefined)) }))
    .filter((k): k is typeof k & { without: Model } => typeof k.without !== 'string');

  it.each(cases)('$key: absent and $value render the same files', ({ path, value, without }) => {
    expectSameOutput(tryLoad(withKey(data, path, value)), without);
  });
});

describe('the rendered comparison', () => {
  const data = parse(shippedCatalogText) as unknown;
  const load = (replicas: number) => {
    const model = tryLoad(withKey(data, ['gateway', 'replicas'], replicas));
    if (typeof model === 'string') throw new Error(model);
    return model;
  };

  it('sees a value that changes the output', () => {
    expect(() => expectSameOutput(load(5), load(2))).toThrow();
  });

  it('renders every file generate writes', () => {
    expect(Object.keys(rendered(load(2))).length).toBeGreaterThan(80);
  });
});
