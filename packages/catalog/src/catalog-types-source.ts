import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { readCatalogSchema } from './catalog-schema.js';

/** TypeScript source of the catalog types, exactly as committed in `catalog.generated.ts`. */
export async function renderCatalogTypes(): Promise<string> {
  return compile(readCatalogSchema() as JSONSchema, 'RouteCatalog', {
    bannerComment:
      '/* Generated from schema/catalog.schema.json by scripts/generate-types.ts. Do not edit. */',
    additionalProperties: false,
    strictIndexSignatures: true,
    unreachableDefinitions: false,
    format: true,
    style: { singleQuote: true, printWidth: 100 },
  });
}
