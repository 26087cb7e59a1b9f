import { readCatalogSchema } from './catalog-schema.js';

/**
 * Defaults read from the catalog JSON Schema, so the schema stays their single home: resolve asks
 * here instead of repeating a literal that could drift from what editors show.
 */
const schema = readCatalogSchema();

type SchemaNode = { readonly properties?: Record<string, SchemaNode>; readonly default?: unknown };

/** The `default` of the property at `path` (e.g. `['gateway', 'pki', 'caName']`); throws if absent. */
export function schemaDefault<T extends string | number | boolean>(path: readonly string[]): T {
  let node: SchemaNode | undefined = schema as SchemaNode;
  for (const key of path) node = node?.properties?.[key];
  const value = node?.default;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw new Error(`catalog schema has no string, number or boolean default at ${path.join('.')}`);
  }
  return value as T;
}
