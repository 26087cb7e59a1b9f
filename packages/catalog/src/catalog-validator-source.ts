import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { readCatalogSchema } from './catalog-schema.js';

/**
 * The ajv options of the catalog validator. `verbose` keeps each error's data and parent schema,
 * which the messages quote (the value given, the allowed keys).
 */
export const catalogAjvOptions = {
  allErrors: true,
  verbose: true,
  strict: true,
  strictTypes: false,
  allowUnionTypes: true,
} as const;

/**
 * Source of `catalog-validator.generated.js`: the catalog schema compiled once, ahead of time
 * (ajv standalone), so the CLI does not compile the schema on every start.
 */
export function renderCatalogValidator(): string {
  const ajv = new Ajv2020({ ...catalogAjvOptions, code: { source: true, esm: true } });
  const validate = ajv.compile(readCatalogSchema());
  const imports: string[] = [];
  // ajv's ESM output still calls require() for its runtime helpers; turn each into an import.
  const code = standalone
    .default(ajv, validate)
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
    '',
  ].join('\n');
}
