import { isObject } from '../json.js';
import { childPath, indexPath, keyPath } from './field-path.js';
import { type StructuralSchema, valueSchema } from './structural-schema.js';

/** Fields every embedded resource has without declaring them. */
const embeddedFields = new Set(['apiVersion', 'kind', 'metadata']);

/**
 * Paths of the fields the schema does not declare: the API server prunes them silently, or with
 * strict field validation (kubectl's default, server-side apply) rejects the object with
 * `unknown field "<path>"`. `x-kubernetes-preserve-unknown-fields` keeps undeclared fields below
 * it; an `x-kubernetes-embedded-resource` may always carry apiVersion, kind and metadata.
 * Models apiextensions-apiserver pkg/apiserver/schema/pruning/algorithm.go (Kubernetes 1.34).
 */
export function unknownFields(schema: StructuralSchema, value: unknown, path = ''): string[] {
  if (Array.isArray(value)) {
    const items = schema.items;
    return items ? value.flatMap((v, i) => unknownFields(items, v, indexPath(path, i))) : [];
  }
  if (!isObject(value)) return [];
  const map = valueSchema(schema);
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
  const embedded = schema['x-kubernetes-embedded-resource'] === true;
  const out: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    const declared = schema.properties?.[key];
    // Embedded metadata is ObjectMeta, which the API server checks by its own schema.
    if (embedded && key === 'metadata') continue;
    if (declared) out.push(...unknownFields(declared, v, childPath(path, key)));
    else if (map) out.push(...unknownFields(map, v, keyPath(path, key)));
    else if (schema.additionalProperties === true || preserve) continue;
    else if (embedded && embeddedFields.has(key)) continue;
    else out.push(childPath(path, key));
  }
  return out;
}
