/**
 * Regenerates src/kong-file.generated.ts from ../shared/schemas/deck/kong_json_schema.json.
 * Run from packages/deck-types: `npx tsx scripts/generate.ts`.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSharedSchema } from '@routeplane/test-support';
import { renderKongFileTypes } from './render-types.js';

export const generatedFile = join(
  dirname(fileURLToPath(import.meta.url)),
  '../src/kong-file.generated.ts',
);

const source = await renderKongFileTypes(readSharedSchema('deck/kong_json_schema.json'));
writeFileSync(generatedFile, source);
console.log(`wrote ${generatedFile}`);
