import type { KongPlugin } from '@routeplane/deck-types';
import type {
  ManagedCacheModel,
  RateLimitingPluginModel,
  RedisModel,
  RouteModel,
} from '@routeplane/model';
import { deckEnvRef } from '@routeplane/model';
import { DeckRenderError } from './errors.js';

type Config = Record<string, unknown>;

/** The shared counter stores an environment has. */
export interface CounterStores {
  /** ECS Fargate's ElastiCache. */
  readonly redis?: RedisModel | undefined;
  /** A Dedicated Cloud Gateway's Konnect managed cache. */
  readonly managedCache?: ManagedCacheModel | undefined;
}

/**
 * The tag a per-node (`policy: local`) limit carries: the catalog accepted that each data-plane node
 * counts alone (`acceptPerNodeLimits`), and `routeplane validate` reads the decision from it.
 */
export const perNodeLimitTag = 'rate-limit-per-node-accepted';

/**
 * Tag of the partial Konnect creates for a control plane's managed cache; decK must look it up with
 * `_info.default_lookup_tags.partials` (select tags would hide it): developer.konghq.com
 * `app/_includes/sections/managed-cache-cp-plugin-setup.md`, go-database-reconciler
 * `KonnectManagedTag`.
 */
export const konnectManagedPartialTag = 'konnect-managed';

/**
 * Counters pushed to the managed cache every 0.5 s: the sync rate Kong recommends as the
 * production default on every cache tier (dedicated-cloud-gateways/managed-cache.md, "Sync rate
 * recommendations": 0.1 saturates small tiers, 1.0 lets through up to 40 % of what should be
 * limited). Between syncs each node also counts locally, so a burst can pass the limit by what the
 * nodes admit in half a second.
 */
export const managedCacheSyncRate = 0.5;

const windows = [
  ['second', 1],
  ['minute', 60],
  ['hour', 3600],
  ['day', 86400],
] as const;

function windowsOf(route: RouteModel, limits: RateLimitingPluginModel) {
  const set = windows.flatMap(([unit, seconds]) => {
    const limit = limits[unit];
    return limit === undefined ? [] : [{ unit, seconds, limit }];
  });
  if (set.length === 0) {
    throw new DeckRenderError(
      `route ${route.name}: plugins.rateLimiting needs at least one of second, minute, hour, day`,
    );
  }
  return set;
}

/**
 * The `redis` record of rate-limiting (Kong >= 3.8): ElastiCache with TLS and AUTH; host and token
 * come from DECK_* variables at sync time, never from the committed file.
 */
function redisConfig(redis: RedisModel): Config {
  const host = deckEnvRef(redis.hostEnv);
  return {
    host,
    port: redis.port,
    password: deckEnvRef(redis.passwordEnv),
    ssl: true,
    ssl_verify: true,
    server_name: host,
  };
}

/**
 * rate-limiting-advanced counting in the managed cache. Kong's bundled rate-limiting links only
 * `redis-ce` partials and the managed cache's is `redis-ee` (developer.konghq.com
 * `app/_gateway_entities/partial.md`), so the limit moves to rate-limiting-advanced, linked to that
 * partial by id (`state_metadata.cache_config_id` of the add-on is the partial's id: Kong's
 * public-ui-components `entities-redis-configurations/src/components/RedisConfigurationList.vue`
 * joins the two on it). Same semantics as rate-limiting's windows: `fixed` windows aligned to the
 * clock (rate-limiting's are calendar seconds/minutes/hours/days in UTC, which epoch multiples of
 * 1, 60, 3600 and 86400 s are), one limit per window, the same identifier with the same fallback
 * to the client IP when no consumer is authenticated. An explicit `namespace` keeps decK from
 * seeing a regenerated one on every diff (rate-limiting-advanced index.md, "Namespace").
 */
function managedCachePlugin(
  route: RouteModel,
  limits: RateLimitingPluginModel,
  tags: readonly string[],
  cache: ManagedCacheModel,
): KongPlugin {
  const set = windowsOf(route, limits);
  return {
    name: 'rate-limiting-advanced',
    config: {
      limit: set.map((w) => w.limit),
      window_size: set.map((w) => w.seconds),
      window_type: 'fixed',
      identifier: limits.limitBy,
      strategy: 'redis',
      sync_rate: managedCacheSyncRate,
      namespace: [...tags, route.name].join('-'),
    },
    partials: [{ id: deckEnvRef(cache.partialIdEnv), path: 'config.redis' }],
    tags: [...tags],
  };
}

/**
 * The route's rate limit. Konnect data planes have no database, so `cluster` is impossible:
 * counters live on each node (`local`), in ECS Fargate's Redis or in the managed cache.
 */
export function rateLimitPlugin(
  route: RouteModel,
  limits: RateLimitingPluginModel,
  tags: readonly string[],
  stores: CounterStores,
): KongPlugin {
  if (limits.policy === 'managedCache') {
    if (stores.managedCache === undefined)
      throw new DeckRenderError(
        `route ${route.name}: plugins.rateLimiting counts in the managed cache, but the environment has no kong.managedCache`,
      );
    return managedCachePlugin(route, limits, tags, stores.managedCache);
  }
  if (limits.policy === 'redis' && stores.redis === undefined) {
    throw new DeckRenderError(
      `route ${route.name}: plugins.rateLimiting.policy must be local unless Kong runs on ECS Fargate beside its Redis or has kong.managedCache, but ${JSON.stringify(limits.policy)} was given`,
    );
  }
  const set = windowsOf(route, limits);
  return {
    name: 'rate-limiting',
    config: {
      ...Object.fromEntries(set.map((w) => [w.unit, w.limit])),
      policy: limits.policy,
      limit_by: limits.limitBy,
      ...(limits.policy === 'redis' && stores.redis ? { redis: redisConfig(stores.redis) } : {}),
    },
    tags: limits.policy === 'local' ? [...tags, perNodeLimitTag] : [...tags],
  };
}
