import type {
  BackendModel,
  RouteModel,
  RouteTimeoutsModel,
  WaypointRouteRule,
} from '@routeplane/model';
import { compareText } from '@routeplane/model';
import type { Route, RouteCatalog } from './catalog.generated.js';
import { durationMs } from './duration.js';
import { waypointSuffix } from './rules/waypoint-rules.js';

/** Waypoint pods per service: two, so a drain or a rollout never leaves the service unproxied. */
const waypointReplicas = 2;

/**
 * Istio AuthorizationPolicy paths that match exactly what a Gateway API PathPrefix matches: whole
 * segments, so `/app` becomes the exact `/app` and the prefix `/app/*` (never `/app*`, which would
 * also admit `/app10`). `/` admits every path.
 */
export function istioPathsForPrefix(prefix: string): string[] {
  return prefix === '/' ? ['/*'] : [prefix, `${prefix}/*`];
}

function routeRule(route: RouteModel): WaypointRouteRule {
  return {
    route: route.name,
    methods: [...route.methods],
    paths: route.paths.flatMap(istioPathsForPrefix),
  };
}

/** Adds the waypoint a catalog service asks for, with one L7 rule per route that targets it. */
export function withWaypoint(
  backend: BackendModel,
  catalog: RouteCatalog,
  routes: readonly RouteModel[],
): BackendModel {
  const service = catalog.services.find(
    (s) => s.name === backend.name && s.namespace === backend.namespace,
  );
  if (service?.waypoint !== true) return backend;
  const name = `${backend.name}${waypointSuffix}`;
  return {
    ...backend,
    waypoint: {
      name,
      namespace: backend.namespace,
      principal: `cluster.local/ns/${backend.namespace}/sa/${name}`,
      parametersConfigMapName: `${name}-options`,
      replicas: waypointReplicas,
      routeRules: routes
        .filter((r) => r.backend.name === backend.name && r.backend.namespace === backend.namespace)
        .map(routeRule)
        .sort((a, b) => compareText(a.route, b.route)),
    },
  };
}

export function resolveTimeouts(timeouts: NonNullable<Route['timeouts']>): RouteTimeoutsModel {
  const requestMs = durationMs(timeouts.request);
  if (requestMs === undefined) {
    throw new Error(
      `resolve: timeouts.request "${timeouts.request}" is not a Gateway API Duration`,
    );
  }
  return {
    request: timeouts.request,
    ...(timeouts.backendRequest === undefined ? {} : { backendRequest: timeouts.backendRequest }),
    requestMs,
  };
}
