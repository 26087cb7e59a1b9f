import { readFileSync } from 'node:fs';
import { haveSharedSchemas, readSharedSchema } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { renderKongFileTypes } from '../scripts/render-types.js';

describe.runIf(haveSharedSchemas())('kong-file.generated.ts', () => {
  it('is what scripts/generate.ts produces from the official decK schema (run it when this fails)', async () => {
    const committed = readFileSync(new URL('./kong-file.generated.ts', import.meta.url), 'utf8');
    const fresh = await renderKongFileTypes(readSharedSchema('deck/kong_json_schema.json'));
    expect(
      committed === fresh,
      'stale: run `npx tsx scripts/generate.ts` in packages/deck-types',
    ).toBe(true);
  });
});
