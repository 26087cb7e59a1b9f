import type { Route } from '../catalog.generated.js';
import type { Model } from '../model.js';
import { fixtureService, replaceServicesAndRoutes } from './fixture-catalog.js';
import { fixtureModel } from './fixture-model.js';

const pad = (i: number) => String(i).padStart(4, '0');

/**
 * The fixture with `routes` routes over `routes / 10` backends spread across five namespaces, in
 * both environments: a stand-in for a large catalog (benchmarks, scaling checks).
 */
export function largeModel(routes: number): Model {
  return fixtureModel((catalog) => {
    const count = Math.max(1, Math.floor(routes / 10));
    const services = Array.from({ length: count }, (_, i) =>
      fixtureService(`svc-${pad(i)}`, `team-${i % 5}`, `/svc-${i}/health`, [`/svc-${i}`]),
    );
    const routeList: Route[] = Array.from({ length: routes }, (_, i) => ({
      name: `route-${pad(i)}`,
      paths: [`/r${i}`],
      service: `svc-${pad(i % count)}`,
    }));
    replaceServicesAndRoutes(catalog, services, routeList);
  });
}
