/**
 * Regenerates `src/catalog.generated.ts` (the catalog as written) and
 * `src/catalog-with-defaults.generated.ts` (the catalog after the schema defaults were applied) from
 * `schema/catalog.schema.json`, the single source of truth of the catalog format.
 * Run: `pnpm --filter @routeplane/catalog generate-types`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderCatalogTypes, renderCatalogWithDefaultsTypes } from '../src/catalog-types-source.js';

for (const [file, render] of [
  ['catalog.generated.ts', renderCatalogTypes],
  ['catalog-with-defaults.generated.ts', renderCatalogWithDefaultsTypes],
] as const) {
  const target = fileURLToPath(new URL(`../src/${file}`, import.meta.url));
  writeFileSync(target, await render());
  console.log(`wrote ${target}`);
}
