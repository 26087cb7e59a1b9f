import { parse, stringify } from 'yaml';

/**
 * A catalog like the shipped one with `routes` routes spread over backends (one per ten routes)
 * in five namespaces. Every fifth route carries the users-api plugin set, so plugin rendering is
 * measured too.
 */
export function syntheticCatalog(shippedText: string, routes: number): string {
  const catalog = parse(shippedText) as Record<string, unknown>;
  const [template] = catalog.services as Record<string, unknown>[];
  const plugins = (catalog.routes as Record<string, unknown>[]).find((r) => r.plugins)?.plugins;
  const serviceCount = Math.max(1, Math.ceil(routes / 10));
  const services = Array.from({ length: serviceCount }, (_, i) => ({
    ...template,
    name: `svc-${i}`,
    namespace: `team-${i % 5}`,
    healthPath: `/svc-${i}/health`,
    responses: [{ path: `/svc-${i}/health`, body: '{"status":"healthy"}' }],
  }));
  const routeList = Array.from({ length: routes }, (_, i) => ({
    name: `route-${i}`,
    paths: [`/svc-${i % serviceCount}/r${i}`],
    service: `svc-${i % serviceCount}`,
    ...(i % 5 === 0 && plugins ? { methods: ['GET', 'POST', 'OPTIONS'], plugins } : {}),
  }));
  const environments = (catalog.environments as Record<string, unknown>[]).map((env) => {
    const { replicas: _replicas, rateLimits: _rateLimits, ...rest } = env;
    return rest;
  });
  return stringify(
    { ...catalog, services, routes: routeList, environments },
    { aliasDuplicateObjects: false },
  );
}
