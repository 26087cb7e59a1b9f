import type { RouteCatalog } from '../catalog.generated.js';

type DataPlaneRegion = NonNullable<
  RouteCatalog['environments'][number]['dataPlaneRegions']
>[number];

/** A data-plane region besides the fixture's eu-west-1 home region, on its own network. */
export function usWest2Region(): DataPlaneRegion {
  return {
    region: 'us-west-2',
    networkCidr: '192.169.0.0/16',
    availabilityZoneIds: ['usw2-az1', 'usw2-az2', 'usw2-az3'],
  };
}

/** Catalog edit: the fixture's dev environment with `usWest2Region()` as a second region. */
export function withSecondRegion(catalog: RouteCatalog): void {
  const [dev] = catalog.environments;
  if (!dev) throw new Error('fixture has no dev environment');
  dev.dataPlaneRegions = [usWest2Region()];
}
