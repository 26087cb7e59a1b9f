import { isObject } from '../json.js';
import { childSchema, type StructuralSchema } from './structural-schema.js';

/**
 * The object as the API server stores it on create: every absent property with a `default` is
 * set (and then defaulted itself), and a null where the schema is not `nullable` is replaced by
 * the default or dropped. Validation and CEL rules then see the defaulted object, so a default
 * can make an object invalid (e.g. a listener protocol that a rule forbids with `tls`).
 * Models apiextensions-apiserver pkg/apiserver/schema/defaulting/algorithm.go (Default) and
 * prunenulls.go (PruneNonNullableNullsWithoutDefaults) at Kubernetes 1.34. Returns a copy.
 */
export function withDefaults(schema: StructuralSchema | undefined, value: unknown): unknown {
  if (schema === undefined) return value;
  if (Array.isArray(value)) return value.map((v) => withDefaults(schema.items, v));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const child = childSchema(schema, key);
    if (v === null && child !== undefined && child.nullable !== true) {
      if (child.default !== undefined)
        out[key] = withDefaults(child, structuredClone(child.default));
      continue;
    }
    out[key] = withDefaults(child, v);
  }
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    if (!(key in out) && child.default !== undefined) {
      out[key] = withDefaults(child, structuredClone(child.default));
    }
  }
  return out;
}
