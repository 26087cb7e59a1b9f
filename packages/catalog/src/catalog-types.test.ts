import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCatalogTypes } from './catalog-types-source.js';

describe('catalog types', () => {
  it('are regenerated from the schema (run `pnpm --filter @routeplane/catalog generate-types`)', async () => {
    const committed = readFileSync(new URL('./catalog.generated.ts', import.meta.url), 'utf8');
    expect(committed).toBe(await renderCatalogTypes());
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
