import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { readCatalogSchema } from './catalog-schema.js';

type SchemaNode = { [key: string]: unknown };

const isNode = (value: unknown): value is SchemaNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Copies `node` deeply, letting `visit` rewrite every object-valued subschema on the way. */
function mapSchema(node: unknown, visit: (node: SchemaNode) => SchemaNode): unknown {
  if (Array.isArray(node)) return node.map((item) => mapSchema(item, visit));
  if (!isNode(node)) return node;
  const copy = Object.fromEntries(
    Object.entries(node).map(([key, value]) =>
      // A `default` or `const` is data, not a subschema.
      key === 'default' || key === 'const' ? [key, value] : [key, mapSchema(value, visit)],
    ),
  );
  return visit(copy);
}

/**
 * json-schema-to-typescript 16 writes only `description` (and `deprecated`) into the doc comments,
 * so each `default` is appended as an `@default` tag here; the schema itself keeps plain
 * descriptions for editors.
 */
function withDefaultTags(node: SchemaNode): SchemaNode {
  if (!('default' in node)) return node;
  const tag = `@default ${JSON.stringify(node.default)}`;
  const description = typeof node.description === 'string' ? `${node.description}\n\n` : '';
  return { ...node, description: `${description}${tag}` };
}

/** Every key with a schema `default` is required: after ajv applied the defaults it is present. */
function defaultedKeysRequired(node: SchemaNode): SchemaNode {
  if (!isNode(node.properties)) return node;
  const defaulted = Object.entries(node.properties)
    .filter(([, child]) => isNode(child) && 'default' in child)
    .map(([key]) => key);
  if (defaulted.length === 0) return node;
  const required = Array.isArray(node.required) ? (node.required as string[]) : [];
  return { ...node, required: [...new Set([...required, ...defaulted])] };
}

const options = {
  additionalProperties: false,
  strictIndexSignatures: true,
  unreachableDefinitions: false,
  format: true,
  style: { singleQuote: true, printWidth: 100 },
} as const;

/** TypeScript source of the catalog types, exactly as committed in `catalog.generated.ts`. */
export async function renderCatalogTypes(): Promise<string> {
  return compile(mapSchema(readCatalogSchema(), withDefaultTags) as JSONSchema, 'RouteCatalog', {
    ...options,
    bannerComment:
      '/* Generated from schema/catalog.schema.json by scripts/generate-types.ts. Do not edit. */',
  });
}

/**
 * TypeScript source of `catalog-with-defaults.generated.ts`: the catalog as the resolver reads it,
 * after the loader applied the schema defaults, so every defaulted key is required.
 */
export async function renderCatalogWithDefaultsTypes(): Promise<string> {
  const schema = mapSchema(readCatalogSchema(), (node) =>
    withDefaultTags(defaultedKeysRequired(node)),
  ) as SchemaNode;
  return compile({ ...schema, title: 'CatalogWithDefaults' } as JSONSchema, 'CatalogWithDefaults', {
    ...options,
    bannerComment:
      '/* Generated from schema/catalog.schema.json by scripts/generate-types.ts: the catalog after the loader applied the schema defaults. Do not edit. */',
  });
}
