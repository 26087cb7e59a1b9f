import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of the catalog JSON Schema, the single source of truth of the format. */
export const catalogSchemaPath: string = fileURLToPath(
  new URL('../schema/catalog.schema.json', import.meta.url),
);

/** The catalog JSON Schema as data. */
export function readCatalogSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(catalogSchemaPath, 'utf8')) as Record<string, unknown>;
}
