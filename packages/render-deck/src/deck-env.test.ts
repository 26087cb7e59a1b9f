import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { fixtureEnvironment } from './environment.fixture.js';
import { missingDeckEnv, requiredDeckEnv } from './index.js';

describe('requiredDeckEnv', () => {
  it('lists every DECK_ variable the rendered file references, sorted', () => {
    expect(requiredDeckEnv(fixtureEnvironment())).toEqual([
      'DECK_CLOUDFRONT_ORIGIN_SECRET',
      'DECK_DEMO_USER_JWT_SECRET',
      'DECK_GATEWAY_UPSTREAM_HOST',
    ]);
  });

  it('needs no host variable when the environment names a stable host', () => {
    const env = fixtureEnvironment();
    const literal = fixtureEnvironment({
      kong: {
        ...env.kong,
        upstream: { ...env.kong.upstream, host: { kind: 'literal', value: 'gw.internal' } },
      },
    });
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
    [
      {},
      ['DECK_CLOUDFRONT_ORIGIN_SECRET', 'DECK_DEMO_USER_JWT_SECRET', 'DECK_GATEWAY_UPSTREAM_HOST'],
    ],
    [
      { DECK_CLOUDFRONT_ORIGIN_SECRET: 'x', DECK_DEMO_USER_JWT_SECRET: '' },
      ['DECK_DEMO_USER_JWT_SECRET', 'DECK_GATEWAY_UPSTREAM_HOST'],
    ],
    [
      {
        DECK_CLOUDFRONT_ORIGIN_SECRET: 'x',
        DECK_DEMO_USER_JWT_SECRET: 'y',
        DECK_GATEWAY_UPSTREAM_HOST: 'z',
      },
      [],
    ],
  ])('with %j reports %j', (processEnv, missing) => {
    expect(missingDeckEnv(fixtureEnvironment(), processEnv)).toEqual(missing);
  });
});
