/**
 * Regenerates `src/catalog-validator.generated.js` (the catalog schema compiled by ajv standalone)
 * from `schema/catalog.schema.json`. Run: `pnpm --filter @routeplane/catalog generate-validator`;
 * a test fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderCatalogValidator } from '../src/catalog-validator-source.js';

const target = fileURLToPath(new URL('../src/catalog-validator.generated.js', import.meta.url));
writeFileSync(target, renderCatalogValidator());
console.log(`wrote ${target}`);
