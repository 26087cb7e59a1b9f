import type { Route, RouteCatalog, Service } from '@routeplane/catalog';

const pad = (i: number) => String(i).padStart(4, '0');

/** One synthetic backend, shaped like the catalog's first service (image, port, resources). */
function syntheticService(template: Service, i: number): Service {
  const path = `/svc-${i}`;
  return {
    name: `svc-${pad(i)}`,
    namespace: `team-${i % 5}`,
    image: template.image,
    port: template.port,
    resources: structuredClone(template.resources),
    replicas: 2,
    healthPath: `${path}/health`,
    responses: [
      { path, body: JSON.stringify({ app: `svc-${pad(i)}`, path }) },
      { path: `${path}/health`, body: '{"status":"healthy"}' },
    ],
  };
}

/**
 * The benchmark's workload: replaces the catalog's services and routes with `routes` routes over
 * one backend per ten routes, spread across five namespaces. Every fifth route carries the plugin
 * set of the catalog's first route with plugins (and methods including OPTIONS, as CORS needs), so
 * plugin rendering scales too (copies, so YAML output needs no aliases). Per-environment replicas and rate limits are dropped: they name
 * services and routes that no longer exist.
 */
export function addSyntheticRoutes(catalog: RouteCatalog, routes: number): void {
  const template = catalog.services[0];
  if (!template) throw new Error('the catalog has no service to model the synthetic ones on');
  const plugins = catalog.routes.find((r) => r.plugins)?.plugins;
  const count = Math.max(1, Math.ceil(routes / 10));
  catalog.services = Array.from({ length: count }, (_, i) => syntheticService(template, i));
  catalog.routes = Array.from({ length: routes }, (_, i): Route => {
    const route: Route = {
      name: `route-${pad(i)}`,
      paths: [`/r${i}`],
      service: `svc-${pad(i % count)}`,
    };
    if (i % 5 === 0 && plugins) {
      route.methods = ['GET', 'POST', 'OPTIONS'];
      route.plugins = structuredClone(plugins);
    }
    return route;
  });
  for (const env of catalog.environments) {
    delete env.replicas;
    delete env.rateLimits;
  }
}
