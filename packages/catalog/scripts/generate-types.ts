/**
 * Regenerates `src/catalog.generated.ts` from `schema/catalog.schema.json`, the single source of
 * truth of the catalog format. Run: `pnpm --filter @routeplane/catalog generate-types`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderCatalogTypes } from '../src/catalog-types-source.js';

const target = fileURLToPath(new URL('../src/catalog.generated.ts', import.meta.url));
writeFileSync(target, await renderCatalogTypes());
console.log(`wrote ${target}`);
