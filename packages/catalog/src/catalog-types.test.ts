import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCatalogTypes, renderCatalogWithDefaultsTypes } from './catalog-types-source.js';

describe('catalog types', () => {
  it.each([
    ['catalog.generated.ts', renderCatalogTypes],
    ['catalog-with-defaults.generated.ts', renderCatalogWithDefaultsTypes],
  ])(
    '%s is regenerated from the schema (run `pnpm --filter @routeplane/catalog generate-types`)',
    async (file, render) => {
      const committed = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
      expect(committed).toBe(await render());
    },
  );

  it('document every schema default as @default', () => {
    const committed = readFileSync(new URL('./catalog.generated.ts', import.meta.url), 'utf8');
    expect(committed).toContain('* @default 443');
    expect(committed).toContain('* @default {"node-role":"system"}');
  });

  it('require every defaulted key once the defaults are applied', () => {
    const source = readFileSync(
      new URL('./catalog-with-defaults.generated.ts', import.meta.url),
      'utf8',
    );
    expect(source).toMatch(/\n\s+httpsPort: number;/);
    // Derived from other fields (resolve-derived-defaults.ts): no schema default, still optional.
    expect(source).toMatch(/\n\s+keyPrefix\?: string;/);
  });

  it('are pointed at by the shipped catalog for editors', () => {
    const first = readFileSync(new URL('../../../catalog.yaml', import.meta.url), 'utf8').split(
      '\n',
    )[0];
    expect(first).toBe(
      '# yaml-language-server: $schema=./packages/catalog/schema/catalog.schema.json',
    );
  });
});
