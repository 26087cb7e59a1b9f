import type { Route, RouteCatalog } from '../catalog.generated.js';
import type { Model } from '../model.js';
import { fixtureService, replaceServicesAndRoutes } from './fixture-catalog.js';
import { fixtureModel } from './fixture-model.js';

const pad = (i: number) => String(i).padStart(4, '0');

/**
 * Replaces a catalog's services and routes with `routes` routes over one backend per ten routes,
 * spread across five namespaces. Every fifth route carries the plugin set of the catalog's first
 * route with plugins (and methods including OPTIONS, as CORS needs), so plugin rendering scales
 * too. Used by `largeModel` and by `pnpm bench` on the shipped catalog.
 */
export function addSyntheticRoutes(catalog: RouteCatalog, routes: number): void {
  const plugins = catalog.routes.find((r) => r.plugins)?.plugins;
  const count = Math.max(1, Math.ceil(routes / 10));
  const services = Array.from({ length: count }, (_, i) =>
    fixtureService(`svc-${pad(i)}`, `team-${i % 5}`, `/svc-${i}/health`, [`/svc-${i}`]),
  );
  const routeList = Array.from({ length: routes }, (_, i): Route => {
    const route: Route = {
      name: `route-${pad(i)}`,
      paths: [`/r${i}`],
      service: `svc-${pad(i % count)}`,
    };
    if (i % 5 === 0 && plugins) {
      route.methods = ['GET', 'POST', 'OPTIONS'];
      route.plugins = plugins;
    }
    return route;
  });
  replaceServicesAndRoutes(catalog, services, routeList);
}

/** The fixture with `routes` synthetic routes in both environments: a stand-in for a large catalog. */
export function largeModel(routes: number): Model {
  return fixtureModel((catalog) => addSyntheticRoutes(catalog, routes));
}
