import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { fixtureEnvironment } from '@routeplane/catalog/testing';
import { repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { referencedDeckEnv } from './referenced-deck-env.fixture.js';

/** Every variable the fixture's dev kong.yaml references, sorted. */
const fixtureVariables = [
  'DECK_CLOUDFRONT_ORIGIN_SECRET',
  'DECK_DEMO_USER_JWT_SECRET',
  'DECK_GATEWAY_CA_CERT',
  'DECK_GATEWAY_UPSTREAM_HOST',
  'DECK_KONG_CLIENT_CERT',
  'DECK_KONG_CLIENT_KEY',
];

/**
 * The resolver computes the variables `routeplane deck-env` lists (env.kong.requiredEnv); these
 * tests hold it to what the rendered kong.yaml really references.
 */
describe('env.kong.requiredEnv', () => {
  it('lists every DECK_ variable the rendered file references, sorted', () => {
    expect(referencedDeckEnv(fixtureEnvironment())).toEqual(fixtureVariables);
    expect(fixtureEnvironment().kong.requiredEnv).toEqual(fixtureVariables);
  });

  it('needs no host variable when the environment names a stable host', () => {
    const literal = fixtureEnvironment((c) => {
      c.environments[0].upstreamHost = 'gw.internal';
    });
    expect(literal.kong.upstream.host).toEqual({ kind: 'literal', value: 'gw.internal' });
    expect(referencedDeckEnv(literal)).not.toContain('DECK_GATEWAY_UPSTREAM_HOST');
    expect(literal.kong.requiredEnv).toEqual(referencedDeckEnv(literal));
  });

  it('agrees with the resolver for every environment of the shipped catalog', () => {
    for (const env of loadModel(join(repoRoot, 'catalog.yaml')).environments) {
      expect(referencedDeckEnv(env), env.name).toEqual([...env.kong.requiredEnv]);
    }
  });
});
