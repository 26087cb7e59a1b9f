import { loadModel } from '@routeplane/catalog';
import { ecsFargateCatalogPath } from '@routeplane/catalog/testing/ecs-fargate-catalogs';
import { deckEnvRef } from '@routeplane/model';
import { describe, expect, it } from 'vitest';
import { describeOfficialDeckSchema } from './deck-schema.fixture.js';
import { renderDeck } from './index.js';
import { referencedDeckEnv } from './referenced-deck-env.fixture.js';

const model = loadModel(ecsFargateCatalogPath);
const files = renderDeck(model);
const text = (name: string) =>
  JSON.stringify(files.find((f) => f.path === `deck/${name}/kong.yaml`));

describe('decK for Kong on ECS Fargate (the example catalog)', () => {
  it('counts rate limits in Redis with host and AUTH token from DECK_* variables, over TLS', () => {
    expect(text('prod')).toContain(
      JSON.stringify({
        minute: 600,
        policy: 'redis',
        limit_by: 'consumer',
        redis: {
          host: deckEnvRef('DECK_REDIS_HOST'),
          port: 6379,
          password: deckEnvRef('DECK_REDIS_PASSWORD'),
          ssl: true,
          ssl_verify: true,
          server_name: deckEnvRef('DECK_REDIS_HOST'),
        },
      }),
    );
  });

  it('keeps routes, consumers and plugins as the shipped catalog renders them, with no CloudFront origin check', () => {
    for (const env of model.environments) {
      const kong = text(env.name);
      for (const route of ['healthz', 'app1', 'app2', 'users-api'])
        expect(kong).toContain(`"name":"${route}"`);
      expect(kong).toContain('"username":"demo-user"');
      expect(kong).not.toContain('X-Origin-Verify');
    }
  });

  it('lists the Redis variables in deck-env', () => {
    for (const env of model.environments) {
      expect(referencedDeckEnv(env), env.name).toEqual([...env.kong.requiredEnv]);
      expect(env.kong.requiredEnv).toEqual(
        expect.arrayContaining(['DECK_REDIS_HOST', 'DECK_REDIS_PASSWORD']),
      );
    }
  });
});

describeOfficialDeckSchema('the ECS Fargate example against the official decK schema', files);
