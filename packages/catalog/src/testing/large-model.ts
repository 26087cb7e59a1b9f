import type { Model } from '../model.js';
import { fixtureService } from './fixture-catalog.js';
import { fixtureModel } from './fixture-model.js';

const pad = (i: number) => String(i).padStart(4, '0');

/**
 * The fixture with `routes` routes over `routes / 10` backends spread across five namespaces, in
 * both environments: a stand-in for a large catalog (benchmarks, scaling checks).
 */
export function largeModel(routes: number): Model {
  return fixtureModel((catalog) => {
    const count = Math.max(1, Math.floor(routes / 10));
    catalog.services = Array.from({ length: count }, (_, i) =>
      fixtureService(`svc-${pad(i)}`, `team-${i % 5}`, `/svc-${i}/health`, [`/svc-${i}`]),
    );
    catalog.routes = Array.from({ length: routes }, (_, i) => ({
      name: `route-${pad(i)}`,
      paths: [`/r${i}`],
      service: `svc-${pad(i % count)}`,
    }));
    // per-service overrides name services this catalog no longer has
    for (const env of catalog.environments) {
      delete env.replicas;
      delete env.rateLimits;
    }
  });
}
