import { fixtureModel } from '@routeplane/catalog/testing';
import type { KongRoute } from '@routeplane/deck-types';
import { describe, expect, it } from 'vitest';
import { renderKongFile } from './render-deck.js';

type Catalog = Parameters<NonNullable<Parameters<typeof fixtureModel>[0]>>[0];

/** The dev kong.yaml's routes of users-api, with the shared secret set by `edit`. */
function usersApiRoutes(edit: (c: Catalog) => void): KongRoute[] {
  const model = fixtureModel((c) => {
    const users = c.services.find((s) => s.name === 'users-api');
    if (users)
      users.sharedSecretHeader = { name: 'X-Backend-Secret', valueEnv: 'DECK_USERS_SECRET' };
    edit(c);
  });
  const env = model.environments.find((e) => e.name === 'dev');
  if (env === undefined) throw new Error('no dev environment');
  const service = renderKongFile(env).services?.find((s) => s.name === 'api-services.users-api');
  return service?.routes ?? [];
}

const transformer = (route: KongRoute | undefined) =>
  route?.plugins?.find((p) => p.name === 'request-transformer')?.config;

describe('services[].sharedSecretHeader in kong.yaml', () => {
  it("joins the route's own request-transformer: client value removed, secret added by reference", () => {
    const [route] = usersApiRoutes(() => {});
    const config = transformer(route) as {
      add: { headers: string[] };
      remove: { headers: string[] };
    };
    expect(config.add.headers).toContain(`X-Backend-Secret:\${{ env "DECK_USERS_SECRET" }}`);
    expect(config.add.headers.length).toBeGreaterThan(1);
    expect(config.add.headers).toEqual([...config.add.headers].sort());
    expect(config.remove.headers).toEqual(['X-Backend-Secret']);
  });

  it('gives a route without request-transformer one of its own', () => {
    const [route] = usersApiRoutes((c) => {
      const users = c.routes.find((r) => r.name === 'users-api');
      if (users?.plugins) delete users.plugins.requestTransformer;
    });
    expect(transformer(route)).toEqual({
      add: { headers: [`X-Backend-Secret:\${{ env "DECK_USERS_SECRET" }}`] },
      remove: { headers: ['X-Backend-Secret'] },
    });
  });

  it('leaves the other services alone', () => {
    const model = fixtureModel((c) => {
      const users = c.services.find((s) => s.name === 'users-api');
      if (users) users.sharedSecretHeader = { name: 'X-Backend-Secret', valueEnv: 'DECK_S' };
    });
    const env = model.environments[0];
    if (env === undefined) throw new Error('no environment');
    const others = (renderKongFile(env).services ?? []).filter(
      (s) => s.name !== 'api-services.users-api',
    );
    expect(JSON.stringify(others)).not.toContain('X-Backend-Secret');
  });
});
