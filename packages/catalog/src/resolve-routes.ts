import type {
  BackendModel,
  GatewayModel,
  ReferenceGrantModel,
  RouteModel,
  RoutePluginsModel,
} from '@routeplane/model';
import { compareText } from '@routeplane/model';
import type { Environment, Route } from './catalog-with-defaults.generated.js';
import { resolveRateLimiting, type SharedCounterStore } from './resolve-rate-limits.js';
import { resolveTimeouts } from './resolve-waypoint.js';
import { kongPathsForPrefix, normalizePathPrefix } from './route-paths.js';

export function resolveRoute(
  route: Route,
  env: Environment,
  gateway: GatewayModel,
  services: readonly BackendModel[],
  store: SharedCounterStore,
): RouteModel {
  const backend = services.find((s) => s.name === route.service);
  if (!backend)
    throw new Error(`resolve: route ${route.name} names unknown service ${route.service}`);
  const paths = [...new Set(route.paths.map(normalizePathPrefix))].sort(compareText);
  return {
    name: route.name,
    namespace: gateway.namespace,
    paths,
    hosts: [...new Set(route.hosts ?? [])].sort(compareText),
    methods: [...new Set(route.methods ?? [])].sort(compareText),
    backend: { name: backend.name, namespace: backend.namespace, port: backend.servicePort },
    kongPaths: paths.flatMap(kongPathsForPrefix),
    plugins: resolvePlugins(route, env, store),
    ...(route.timeouts === undefined ? {} : { timeouts: resolveTimeouts(route.timeouts) }),
  };
}

/** `store`: where the environment's shared rate-limit counters live (resolve-rate-limits.ts). */
function resolvePlugins(
  route: Route,
  env: Environment,
  store: SharedCounterStore,
): RoutePluginsModel {
  const p = route.plugins ?? {};
  const plugins: {
    -readonly [K in keyof RoutePluginsModel]: RoutePluginsModel[K];
  } = {};
  if (p.jwt) {
    plugins.jwt = {
      keyClaimName: p.jwt.keyClaimName,
      claimsToVerify: [...p.jwt.claimsToVerify].sort(compareText),
      ...(p.jwt.maximumExpiration === undefined
        ? {}
        : { maximumExpiration: p.jwt.maximumExpiration }),
    };
  }
  const rateLimiting = resolveRateLimiting(route, env, store);
  if (rateLimiting) plugins.rateLimiting = rateLimiting;
  if (p.cors) {
    plugins.cors = {
      origins: [...p.cors.origins].sort(compareText),
      methods: [...(p.cors.methods ?? [])],
      headers: [...(p.cors.headers ?? [])],
      exposedHeaders: [...(p.cors.exposedHeaders ?? [])],
      credentials: p.cors.credentials,
      ...(p.cors.maxAge === undefined ? {} : { maxAge: p.cors.maxAge }),
    };
  }
  if (p.requestTransformer) {
    plugins.requestTransformer = {
      addHeaders: Object.entries(p.requestTransformer.addHeaders ?? {})
        .map(([name, value]) => [name, String(value)] as const)
        .sort(([a], [b]) => compareText(a, b)),
      removeHeaders: [...(p.requestTransformer.removeHeaders ?? [])].sort(compareText),
    };
  }
  if (p.custom) plugins.custom = [...p.custom].sort(compareText);
  return plugins;
}

export function resolveReferenceGrants(routes: readonly RouteModel[]): ReferenceGrantModel[] {
  const byNamespace = new Map<string, { from: string; services: Set<string> }>();
  for (const route of routes) {
    if (route.backend.namespace === route.namespace) continue;
    const key = `${route.backend.namespace}\u0000${route.namespace}`;
    const entry = byNamespace.get(key) ?? { from: route.namespace, services: new Set<string>() };
    entry.services.add(route.backend.name);
    byNamespace.set(key, entry);
  }
  return [...byNamespace.entries()]
    .map(([key, entry]) => ({
      namespace: key.split('\u0000')[0] ?? '',
      fromNamespace: entry.from,
      serviceNames: [...entry.services].sort(compareText),
    }))
    .sort((a, b) => compareText(a.namespace, b.namespace));
}
