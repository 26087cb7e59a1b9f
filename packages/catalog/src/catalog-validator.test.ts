import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readCatalogSchema } from './catalog-schema.js';
import validateCatalog from './catalog-validator.generated.js';
import { catalogAjvOptions, renderCatalogValidator } from './catalog-validator-source.js';
import { badCatalogs, shippedCatalogText } from './testing/bad-catalogs.js';

describe('the precompiled catalog validator', () => {
  it('is regenerated from the schema (run `pnpm --filter @routeplane/catalog generate-validator`)', () => {
    const committed = readFileSync(
      new URL('./catalog-validator.generated.js', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(renderCatalogValidator());
  });

  const compiled = new Ajv2020(catalogAjvOptions).compile(readCatalogSchema());
  const errorsOf = (validate: typeof compiled, data: unknown) => {
    validate(data);
    return (validate.errors ?? []).map((e) => ({
      keyword: e.keyword,
      instancePath: e.instancePath,
      params: e.params,
      data: e.data,
    }));
  };

  it.each([
    ['the shipped catalog', shippedCatalogText],
    ...badCatalogs.map(([name, text]) => [name, text] as [string, string]),
  ])('reports the same errors as ajv compiling at run time for %s', (_name, text) => {
    let data: unknown;
    try {
      data = parse(text);
    } catch {
      return; // YAML the parser rejects never reaches the schema
    }
    // Both write the schema defaults into what they validate (useDefaults): give each its own copy.
    expect(errorsOf(validateCatalog, structuredClone(data))).toEqual(
      errorsOf(compiled, structuredClone(data)),
    );
  });
});
