import type { Environment, RouteCatalog } from '../catalog.generated.js';
import { dataPlaneKind } from '../resolve-data-plane.js';
import { managedCacheAddOnName, usesSharedCounters } from '../resolve-rate-limits.js';
import type { RuleContext, SemanticRule } from './rule.js';

/** Konnect's managed cache needs Redis cloud authentication, new in Kong Gateway 3.13 (min_version of developer.konghq.com dedicated-cloud-gateways/managed-cache.md). */
const managedCacheMinimum = [3, 13] as const;
/** `AddOnName.maxLength` of Konnect's cloud-gateways v2 API (api-specs/konnect/cloud-gateways/v2/openapi.yaml). */
const addOnNameMaxLength = 70;

const kindOf = (catalog: RouteCatalog) => (env: Environment) => dataPlaneKind(catalog, env);

function atLeast(version: string, [major, minor]: readonly [number, number]): boolean {
  const [m = 0, n = 0] = version.split('.').map(Number);
  return m > major || (m === major && n >= minor);
}

/**
 * `policy: local` counts on each data-plane node (kong/plugins/rate-limiting/policies/init.lua):
 * with autopilot the node count, and so the effective limit, moves with traffic. It stays possible
 * only when the route says so; ECS Fargate always counts in its Redis.
 */
function checkPolicies({ catalog, report }: RuleContext): void {
  const ecs = catalog.environments.filter((env) => kindOf(catalog)(env) === 'ecsFargate');
  catalog.routes.forEach((route, i) => {
    const limit = route.plugins?.rateLimiting;
    if (limit === undefined) return;
    const at = ['routes', i, 'plugins', 'rateLimiting'] as const;
    const local = limit.policy === 'local';
    if (local && ecs.length > 0)
      report(
        [...at, 'policy'],
        `must be shared (or unset) while environment ${ecs.map((e) => e.name).join(', ')} runs Kong on ECS Fargate: local counts per task, so autoscaling multiplies the limit, but "local" was given`,
      );
    else if (local && limit.acceptPerNodeLimits !== true)
      report(
        [...at, 'policy'],
        'local counts on each data-plane node, so the effective limit is the limit times the node count and moves as autopilot adds or removes nodes: count in kong.managedCache (remove policy) or set acceptPerNodeLimits: true to keep per-node limits, but "local" was given without it',
      );
    if (!local && limit.acceptPerNodeLimits !== undefined)
      report(
        [...at, 'acceptPerNodeLimits'],
        `applies only to policy local, but policy is ${limit.policy ?? 'shared (the default)'}: remove it`,
        true,
      );
  });
}

/** Every dedicated environment a shared limit runs in needs its managed cache. */
function checkSharedStore({ catalog, report }: RuleContext): void {
  const shared = catalog.routes.findIndex(usesSharedCounters);
  if (shared < 0) return;
  catalog.environments.forEach((env, index) => {
    if (kindOf(catalog)(env) !== 'dedicated') return;
    if (catalog.kong.managedCache !== undefined || env.kong?.managedCache !== undefined) return;
    report(
      ['environments', index],
      // Stryker disable next-line OptionalChaining: shared is the index of a route findIndex found
      `needs kong.managedCache (here in kong or at the top level) for environment ${env.name}: route ${catalog.routes[shared]?.name} counts its rate limit in the shared store, which a Dedicated Cloud Gateway has only through Konnect's managed cache; or set that route's policy: local with acceptPerNodeLimits: true`,
    );
  });
}

/** The add-on exists for Dedicated Cloud Gateways from Kong 3.13, named within Konnect's limit. */
function checkManagedCache({ catalog, report, warn }: RuleContext): void {
  const kind = kindOf(catalog);
  const dedicatedWithCache = catalog.environments.filter(
    (env) =>
      kind(env) === 'dedicated' &&
      (catalog.kong.managedCache !== undefined || env.kong?.managedCache !== undefined),
  );
  const onlyEcs = catalog.environments.every((env) => kind(env) === 'ecsFargate');
  const why =
    "Konnect's managed cache serves Dedicated Cloud Gateways only; ECS Fargate counts in its own ElastiCache Redis";
  if (catalog.kong.managedCache !== undefined && onlyEcs)
    report(
      ['kong', 'managedCache'],
      `is a dedicated-only option (${why}), but every environment uses kong.dataPlane.kind ecsFargate: remove it`,
      true,
    );
  catalog.environments.forEach((env, index) => {
    if (env.kong?.managedCache !== undefined && kind(env) === 'ecsFargate')
      report(
        ['environments', index, 'kong', 'managedCache'],
        `is a dedicated-only option (${why}), but environment ${env.name} uses kong.dataPlane.kind ecsFargate: remove it`,
        true,
      );
    const name = managedCacheAddOnName(env.controlPlaneName);
    if (dedicatedWithCache.includes(env) && name.length > addOnNameMaxLength)
      report(
        ['environments', index, 'controlPlaneName'],
        `names the managed cache add-on ${name}, which must be at most ${addOnNameMaxLength} characters, but ${name.length} were given`,
      );
  });
  // Terraform provisions (and Konnect bills) the add-on whether or not a limit counts in it.
  if (dedicatedWithCache.length > 0 && !catalog.routes.some(usesSharedCounters))
    warn(
      catalog.kong.managedCache !== undefined
        ? ['kong', 'managedCache']
        : [
            'environments',
            catalog.environments.indexOf(dedicatedWithCache[0] as Environment),
            'kong',
            'managedCache',
          ],
      `provisions a managed cache add-on for environment ${dedicatedWithCache.map((e) => e.name).join(', ')}, but no rate limit counts in it (every route's limit is local or absent): remove it, or drop policy: local from a limit that should count across nodes`,
    );
  const version = catalog.versions.kongGateway;
  if (dedicatedWithCache.length > 0 && !atLeast(version, managedCacheMinimum))
    report(
      ['versions', 'kongGateway'],
      `must be ${managedCacheMinimum.join('.')} or later for kong.managedCache (Redis cloud authentication, which the managed cache's partial uses, is new in 3.13), but "${version}" was given`,
    );
}

/** `routes[].plugins.rateLimiting` and the shared store its counters need (issue 16, item 7). */
export const rateLimitRules: readonly SemanticRule[] = [
  {
    id: 'rate-limit-store',
    needs: ['kong', 'environments', 'routes', 'versions'],
    check(context) {
      checkPolicies(context);
      checkSharedStore(context);
      checkManagedCache(context);
    },
  },
];
