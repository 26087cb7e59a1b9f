import { fixtureModel } from '@routeplane/catalog/testing';
import type { KongPlugin } from '@routeplane/deck-types';
import type { RateLimitingPluginModel, RouteModel } from '@routeplane/model';
import { describe, expect, it } from 'vitest';
import { describeOfficialDeckSchema } from './deck-schema.fixture.js';
import { rateLimitPlugin } from './rate-limit-plugin.js';
import { renderDeck, renderKongFile } from './render-deck.js';

type Catalog = Parameters<NonNullable<Parameters<typeof fixtureModel>[0]>>[0];

/** The fixture with users-api counting in a managed cache (dev micro, prod the default tier). */
const withManagedCache = (c: Catalog) => {
  c.versions.kongGateway = '3.13';
  c.kong.managedCache = {};
  const dev = c.environments.find((e) => e.name === 'dev');
  if (dev) dev.kong = { managedCache: { tier: 'micro' } };
  const limit = c.routes.find((r) => r.name === 'users-api')?.plugins?.rateLimiting;
  if (limit) {
    delete limit.policy;
    delete limit.acceptPerNodeLimits;
    limit.hour = 1000;
  }
};
const model = fixtureModel(withManagedCache);

function usersApiPlugins(env: string): KongPlugin[] {
  const environment = model.environments.find((e) => e.name === env);
  if (!environment) throw new Error(`no ${env}`);
  const file = renderKongFile(environment);
  const routes = (file.services ?? []).flatMap((s) => s.routes ?? []);
  return routes.find((r) => r.name === 'users-api')?.plugins ?? [];
}

describe('a rate limit counted in the managed cache', () => {
  it('renders rate-limiting-advanced with fixed windows, linked to the partial by its DECK_ id', () => {
    const plugin = usersApiPlugins('dev').find((p) => p.name.startsWith('rate-limiting'));
    expect(plugin).toEqual({
      name: 'rate-limiting-advanced',
      config: {
        limit: [100, 1000],
        window_size: [60, 3600],
        window_type: 'fixed',
        identifier: 'consumer',
        strategy: 'redis',
        sync_rate: 0.5,
        namespace: 'routeplane-users-api',
      },
      partials: [{ id: `\${{ env "DECK_MANAGED_CACHE_PARTIAL_ID" }}`, path: 'config.redis' }],
      tags: ['routeplane'],
    });
  });

  it("looks up Konnect's konnect-managed partials beside the select tags", () => {
    const dev = model.environments.find((e) => e.name === 'dev');
    if (!dev) throw new Error('no dev');
    expect(renderKongFile(dev)._info).toEqual({
      select_tags: ['routeplane'],
      default_lookup_tags: { partials: ['konnect-managed'] },
    });
    expect(dev.kong.managedCache).toEqual({
      addOnName: 'kong-cloud-gw-dev-managed-cache',
      tier: 'micro',
      partialIdEnv: 'DECK_MANAGED_CACHE_PARTIAL_ID',
    });
  });

  it('keeps per-node limits on rate-limiting, tagged as accepted, and no lookup tags', () => {
    const local = fixtureModel().environments[0];
    if (!local) throw new Error('no dev');
    const routes = (renderKongFile(local).services ?? []).flatMap((s) => s.routes ?? []);
    const plugin = routes
      .find((r) => r.name === 'users-api')
      ?.plugins?.find((p) => p.name === 'rate-limiting');
    expect(plugin).toEqual({
      name: 'rate-limiting',
      config: { minute: 100, policy: 'local', limit_by: 'consumer' },
      tags: ['routeplane', 'rate-limit-per-node-accepted'],
    });
    expect(renderKongFile(local)._info).toEqual({ select_tags: ['routeplane'] });
  });

  const route = { name: 'r' } as RouteModel;
  it.each<[string, RateLimitingPluginModel, string]>([
    [
      'a managed-cache limit without the add-on',
      { minute: 1, policy: 'managedCache', limitBy: 'ip' },
      'route r: plugins.rateLimiting counts in the managed cache, but the environment has no kong.managedCache',
    ],
    [
      'a Redis limit without ECS Fargate',
      { minute: 1, policy: 'redis', limitBy: 'ip' },
      'route r: plugins.rateLimiting.policy must be local unless Kong runs on ECS Fargate beside its Redis or has kong.managedCache, but "redis" was given',
    ],
    [
      'a limit without a window',
      { policy: 'local', limitBy: 'ip' },
      'route r: plugins.rateLimiting needs at least one of second, minute, hour, day',
    ],
  ])('refuses %s', (_name, limits, message) => {
    expect(() => rateLimitPlugin(route, limits, ['t'], {})).toThrow(message);
  });
});

describeOfficialDeckSchema('kong.yaml with a managed-cache rate limit', renderDeck(model));
