import { isObject } from '../json.js';
import { childPath, indexPath, keyPath } from './field-path.js';
import { type StructuralSchema, valueSchema } from './structural-schema.js';

/** Calls `visit` for every value that has a schema (declared property, list item or map value). */
export function forEachNode(
  schema: StructuralSchema,
  value: unknown,
  visit: (schema: StructuralSchema, value: unknown, path: string) => void,
  path = '',
): void {
  visit(schema, value, path);
  if (Array.isArray(value)) {
    const items = schema.items;
    if (items) {
      value.forEach((v, i) => {
        forEachNode(items, v, visit, indexPath(path, i));
      });
    }
    return;
  }
  if (!isObject(value)) return;
  const map = valueSchema(schema);
  for (const [key, v] of Object.entries(value)) {
    const declared = schema.properties?.[key];
    if (declared) forEachNode(declared, v, visit, childPath(path, key));
    else if (map) forEachNode(map, v, visit, keyPath(path, key));
  }
}
