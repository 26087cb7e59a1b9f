import { isObject } from '../json.js';
import { indexPath } from './field-path.js';
import { forEachNode } from './schema-walk.js';
import type { StructuralSchema } from './structural-schema.js';

function keyOf(schema: StructuralSchema, item: unknown): string {
  if (schema['x-kubernetes-list-type'] === 'set') return JSON.stringify(item);
  const keys = schema['x-kubernetes-list-map-keys'] ?? [];
  return JSON.stringify(
    Object.fromEntries(keys.map((k) => [k, isObject(item) ? (item[k] ?? null) : null])),
  );
}

/**
 * `x-kubernetes-list-type: set` items and `map` keys must be unique: the API server answers
 * `Duplicate value` (apiextensions-apiserver pkg/apiserver/schema/listtype/validation.go).
 */
export function listTypeErrors(schema: StructuralSchema, value: unknown): string[] {
  const out: string[] = [];
  forEachNode(schema, value, (s, v, path) => {
    const type = s['x-kubernetes-list-type'];
    if (!Array.isArray(v) || (type !== 'set' && type !== 'map')) return;
    const seen = new Set<string>();
    v.forEach((item, i) => {
      const key = keyOf(s, item);
      if (seen.has(key)) out.push(`${indexPath(path, i)}: Duplicate value: ${key}`);
      seen.add(key);
    });
  });
  return out;
}
