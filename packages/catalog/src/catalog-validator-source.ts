import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { readCatalogSchema } from './catalog-schema.js';

/**
 * The ajv options of the catalog validator. `verbose` keeps each error's data and parent schema,
 * which the messages quote (the value given, the allowed keys). `useDefaults` writes every schema
 * `default` into the data it validates, so the schema is the one home of defaults: the loader
 * validates a copy and resolves that copy (see schema-validate.ts).
 */
export const catalogAjvOptions = {
  allErrors: true,
  verbose: true,
  strict: true,
  strictTypes: false,
  allowUnionTypes: true,
  useDefaults: true,
} as const;

/**
 * Sections an environment deep-merges its override into: their defaults are applied to the merged
 * result, so an override that brings a whole object (e.g. `ecsFargate`) gets its defaults too.
 */
export const sectionDefaulters = {
  applyAwsDefaults: '#/properties/aws',
  applyDataPlaneDefaults: '#/$defs/kongDataPlane',
} as const;

/**
 * Source of `catalog-validator.generated.js`: the catalog schema compiled once, ahead of time
 * (ajv standalone), so the CLI does not compile the schema on every start.
 */
export function renderCatalogValidator(): string {
  const ajv = new Ajv2020({ ...catalogAjvOptions, code: { source: true, esm: true } });
  const schema = readCatalogSchema();
  const id = String(schema.$id);
  ajv.addSchema(schema);
  const exports = Object.fromEntries(
    Object.entries(sectionDefaulters).map(([name, pointer]) => [name, `${id}${pointer}`]),
  );
  const imports: string[] = [];
  // ajv's ESM output still calls require() for its runtime helpers; turn each into an import.
  const code = standalone
    .default(ajv, { validateCatalog: id, ...exports })
    .replace(
      /const (func\d+) = require\("(ajv\/dist\/runtime\/[a-z0-9]+)"\)\.default;/g,
      (_match, name: string, module: string) => {
        imports.push(
          `import ${name}Module from "${module}.js";\nconst ${name} = typeof ${name}Module === "function" ? ${name}Module : ${name}Module.default;`,
        );
        return '';
      },
    );
  if (code.includes('require(')) throw new Error('ajv standalone code still calls require()');
  return [
    '// Generated from schema/catalog.schema.json by scripts/generate-validator.ts. Do not edit.',
    '// @ts-nocheck',
    ...imports,
    code.replace(/^"use strict";/, ''),
    'export default validateCatalog;',
    '',
  ].join('\n');
}
