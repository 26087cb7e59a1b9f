/** Test helpers: the Models under test and typed views of rendered objects. */
import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { fixtureModel } from '@routeplane/catalog/testing';
import type { Model, RenderedFile } from '@routeplane/model';
import {
  crdSchemaFiles,
  crdValidator,
  formatSchemaErrors,
  readSharedSchema,
  repoRoot,
} from '@routeplane/test-support';

export type Json = Record<string, unknown>;

export interface RenderedObject {
  readonly path: string;
  readonly object: Json;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | undefined;
}

/** The inline fixture and the shipped catalog, as the lead's loader resolves it. */
export const models: readonly (readonly [string, () => Model])[] = [
  ['fixture', () => fixtureModel()],
  ['shipped catalog', () => loadModel(join(repoRoot, 'catalog.yaml'))],
];

export function objectsOf(files: readonly RenderedFile[]): RenderedObject[] {
  return files.flatMap((f) => {
    if (f.content.kind !== 'yaml') throw new Error(`${f.path} is not YAML`);
    return f.content.documents.map((doc) => {
      const object = doc as Json;
      const metadata = object.metadata as Json;
      return {
        path: f.path,
        object,
        apiVersion: object.apiVersion as string,
        kind: object.kind as string,
        name: metadata.name as string,
        namespace: metadata.namespace as string | undefined,
      };
    });
  });
}

/** Reads a nested field, e.g. `get(o, 'spec', 'template', 'spec')`. */
export function get(value: unknown, ...keys: (string | number)[]): unknown {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

export function labelsMatch(selector: unknown, labels: unknown): boolean {
  const wanted = Object.entries((selector ?? {}) as Record<string, string>);
  const have = (labels ?? {}) as Record<string, string>;
  return wanted.length > 0 && wanted.every(([k, v]) => have[k] === v);
}

/**
 * Istio's CRD schemas describe only `spec`/`status`: the API server always accepts the type and
 * object metadata, so those are dropped before validation; anything else unknown still fails.
 */
export function withoutTypeMeta(object: Json, schemaFile: string): Json {
  const properties = get(readSharedSchema(`crds/${schemaFile}`), 'properties') as Json;
  if ('metadata' in properties) return object;
  const { apiVersion: _v, kind: _k, metadata: _m, ...rest } = object;
  return rest;
}

/** Each object's errors against its strict official CRD schema (`../shared/schemas`), by object. */
export function officialCrdSchemaErrors(objects: readonly RenderedObject[]): string[] {
  return objects.flatMap((o) => {
    const file = crdSchemaFiles[`${o.apiVersion}/${o.kind}`];
    if (!file) return [`${o.path} ${o.kind}/${o.name}: no official schema`];
    const validate = crdValidator(file);
    if (validate(withoutTypeMeta(o.object, file))) return [];
    return [`${o.path} ${o.kind}/${o.name}: ${formatSchemaErrors(validate.errors).join('; ')}`];
  });
}
