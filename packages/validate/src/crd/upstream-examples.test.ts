import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { haveSharedCrds } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { sharedCatalog } from './api-server.fixture.js';
import { yamlFiles } from './crd-catalog.js';
import { checkCustomResource } from './crd-validator.js';

/**
 * Gateway API's own examples through the validator: `examples/standard` must pass and every
 * file of `hack/invalid-examples/standard` must fail, as upstream's CI applies them to an API
 * server. Upstream files are not copied into this project: point ROUTEPLANE_GATEWAY_API at a
 * checkout of kubernetes-sigs/gateway-api at the pinned tag (v1.6.1) to run it.
 */
const checkout = process.env.ROUTEPLANE_GATEWAY_API;
if (!checkout) {
  console.warn(
    'NOTE: ROUTEPLANE_GATEWAY_API is not set; the Gateway API upstream example tests are skipped',
  );
}

function issuesOf(path: string): string[] {
  return parseAllDocuments(readFileSync(path, 'utf8'))
    .map((d) => d.toJS() as unknown)
    .flatMap((doc) => checkCustomResource(sharedCatalog(), doc)?.issues ?? [])
    .map((i) => `${i.rule} ${i.message}`);
}

describe.runIf(checkout !== undefined && haveSharedCrds())('Gateway API upstream examples', () => {
  const root = checkout ?? '';
  const under = (dir: string) => (existsSync(join(root, dir)) ? yamlFiles(join(root, dir)) : []);
  const valid = under('examples/standard');
  const invalid = under('hack/invalid-examples/standard');

  it('finds the example folders', () => {
    expect(valid.length).toBeGreaterThan(0);
    expect(invalid.length).toBeGreaterThan(0);
  });

  it.each(valid.map((p) => [relative(root, p), p]))('%s passes', (_name, path) => {
    expect(issuesOf(path)).toEqual([]);
  });

  it.each(invalid.map((p) => [relative(root, p), p]))('%s is rejected', (_name, path) => {
    expect(issuesOf(path)).not.toEqual([]);
  });
});
