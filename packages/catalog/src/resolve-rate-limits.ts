import type {
  EcsFargateModel,
  ManagedCacheModel,
  RateLimitingPluginModel,
} from '@routeplane/model';
import type { Environment, ManagedCache, Route, RouteCatalog } from './catalog.generated.js';
import { readCatalogSchema } from './catalog-schema.js';
import { mergeOverride } from './environment-overrides.js';
import { dataPlaneKind } from './resolve-data-plane.js';

/** Where an environment's shared rate-limit counters live: none, the ECS Redis or the add-on. */
export type SharedCounterStore = 'redis' | 'managedCache' | undefined;

type Tier = NonNullable<ManagedCache['tier']>;
type Defaults = { tier: { default: Tier }; partialIdEnv: { default: string } };
type Defs = { $defs: { managedCache: { properties: Defaults } } };
/** Read from the schema, the one home of defaults (`$defs.managedCache`). */
const managedCacheDefaults = (readCatalogSchema() as Defs).$defs.managedCache.properties;

/**
 * `kong.managedCache` with the environment's override deep-merged over it; undefined when neither
 * sets it or the environment runs Kong on ECS Fargate (Konnect's managed cache serves Dedicated
 * Cloud Gateways only: developer.konghq.com dedicated-cloud-gateways/managed-cache.md).
 */
export function effectiveManagedCache(
  catalog: RouteCatalog,
  env: Environment,
): ManagedCache | undefined {
  if (dataPlaneKind(catalog, env) !== 'dedicated') return undefined;
  const own = env.kong?.managedCache;
  if (catalog.kong.managedCache === undefined && own === undefined) return undefined;
  return mergeOverride<ManagedCache>(catalog.kong.managedCache ?? {}, own);
}

/** The add-on of one environment, named after its control plane (names are organisation-wide). */
export function resolveManagedCache(
  catalog: RouteCatalog,
  env: Environment,
): ManagedCacheModel | undefined {
  const cache = effectiveManagedCache(catalog, env);
  if (cache === undefined) return undefined;
  return {
    addOnName: managedCacheAddOnName(env.controlPlaneName),
    tier: cache.tier ?? managedCacheDefaults.tier.default,
    partialIdEnv: cache.partialIdEnv ?? managedCacheDefaults.partialIdEnv.default,
  };
}

/**
 * Autoscaled data planes count in a shared store (ecsFargate: its Redis; dedicated: the managed
 * cache); `local` would count per node and multiply the limit
 * (kong/plugins/rate-limiting/policies/init.lua).
 */
export function counterStore(
  catalog: RouteCatalog,
  env: Environment,
  ecsFargate: EcsFargateModel | undefined,
): SharedCounterStore {
  if (ecsFargate) return 'redis';
  return effectiveManagedCache(catalog, env) ? 'managedCache' : undefined;
}

/** True when the route has a rate limit counted in the environment's shared store. */
export function usesSharedCounters(route: Route): boolean {
  const limit = route.plugins?.rateLimiting;
  return limit !== undefined && limit.policy !== 'local';
}

export function managedCacheAddOnName(controlPlaneName: string): string {
  return `${controlPlaneName}-managed-cache`;
}

/**
 * A route's rate limit in one environment. `shared` (the default) counts in the environment's
 * shared store, `local` on each node; the loader has refused `shared` without a store, so a
 * missing one here is a bug.
 */
export function resolveRateLimiting(
  route: Route,
  env: Environment,
  store: SharedCounterStore,
): RateLimitingPluginModel | undefined {
  const own = route.plugins?.rateLimiting;
  if (own === undefined) return undefined;
  const limits = env.rateLimits?.[route.name] ?? own;
  const local = own.policy === 'local';
  if (!local && store === undefined)
    throw new Error(
      `resolve: route ${route.name} counts in a shared store, but environment ${env.name} has none`,
    );
  return {
    ...(limits.second === undefined ? {} : { second: limits.second }),
    ...(limits.minute === undefined ? {} : { minute: limits.minute }),
    ...(limits.hour === undefined ? {} : { hour: limits.hour }),
    ...(limits.day === undefined ? {} : { day: limits.day }),
    policy: local || store === undefined ? 'local' : store,
    limitBy: own.limitBy ?? 'consumer',
  };
}
