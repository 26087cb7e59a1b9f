import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { fixtureEnvironment } from '@routeplane/catalog/testing';
import { repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { missingDeckEnv, requiredDeckEnv } from './index.js';

/** Every variable the fixture's dev kong.yaml references, sorted. */
const fixtureVariables = [
  'DECK_CLOUDFRONT_ORIGIN_SECRET',
  'DECK_DEMO_USER_JWT_SECRET',
  'DECK_GATEWAY_CA_CERT',
  'DECK_GATEWAY_UPSTREAM_HOST',
  'DECK_KONG_CLIENT_CERT',
  'DECK_KONG_CLIENT_KEY',
];

describe('requiredDeckEnv', () => {
  it('lists every DECK_ variable the rendered file references, sorted', () => {
    expect(requiredDeckEnv(fixtureEnvironment())).toEqual(fixtureVariables);
  });

  it('needs no host variable when the environment names a stable host', () => {
    const literal = fixtureEnvironment((c) => {
      c.environments[0].upstreamHost = 'gw.internal';
    });
    expect(literal.kong.upstream.host).toEqual({ kind: 'literal', value: 'gw.internal' });
    expect(requiredDeckEnv(literal)).not.toContain('DECK_GATEWAY_UPSTREAM_HOST');
  });

  it('agrees with the resolver for every environment of the shipped catalog', () => {
    for (const env of loadModel(join(repoRoot, 'catalog.yaml')).environments) {
      expect(requiredDeckEnv(env), env.name).toEqual([...env.kong.requiredEnv]);
    }
  });
});

describe('missingDeckEnv', () => {
  it.each([
    [{}, fixtureVariables],
    [
      {
        DECK_CLOUDFRONT_ORIGIN_SECRET: 'x',
        DECK_DEMO_USER_JWT_SECRET: '',
        DECK_GATEWAY_CA_CERT: 'c',
        DECK_KONG_CLIENT_CERT: 'c',
      },
      ['DECK_DEMO_USER_JWT_SECRET', 'DECK_GATEWAY_UPSTREAM_HOST', 'DECK_KONG_CLIENT_KEY'],
    ],
    [
      {
        DECK_CLOUDFRONT_ORIGIN_SECRET: 'x',
        DECK_DEMO_USER_JWT_SECRET: 'y',
        DECK_GATEWAY_CA_CERT: 'c',
        DECK_GATEWAY_UPSTREAM_HOST: 'z',
        DECK_KONG_CLIENT_CERT: 'c',
        DECK_KONG_CLIENT_KEY: 'k',
      },
      [],
    ],
  ])('with %j reports %j', (processEnv, missing) => {
    expect(missingDeckEnv(fixtureEnvironment(), processEnv)).toEqual(missing);
  });
});
