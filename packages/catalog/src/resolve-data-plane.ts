import type { Environment, RouteCatalog } from './catalog.generated.js';
import { effectiveAws } from './environment-overrides.js';
import type { DataPlaneGroupsModel, KongConnectivity } from './model.js';
import { environmentDefault } from './schema-defaults.js';

/** Sizing (custom mode wins over autopilot; the loader rejects both) and regions, home first. */
export function resolveDataPlaneGroups(
  catalog: RouteCatalog,
  env: Environment,
  /** The environment's autopilot base RPS as `kong.dataPlane` resolved it. */
  baseRps: number,
): DataPlaneGroupsModel {
  const aws = effectiveAws(catalog, env);
  const custom = env.dataPlaneCustomMode;
  const sizing: DataPlaneGroupsModel['sizing'] = custom
    ? {
        kind: 'custom',
        instanceType: custom.instanceType,
        requestedInstances: custom.requestedInstances,
      }
    : { kind: 'autopilot', baseRps };
  const home = {
    region: aws.region,
    networkCidr: catalog.kong.networkCidr,
    availabilityZoneIds: [...aws.availabilityZoneIds],
    home: true,
  };
  const others = (env.dataPlaneRegions ?? []).map((r) => ({
    region: r.region,
    networkCidr: r.networkCidr,
    availabilityZoneIds: [...r.availabilityZoneIds],
    home: false,
  }));
  const connectivity = env.connectivity ?? environmentDefault<KongConnectivity>(['connectivity']);
  return { sizing, connectivity, regions: [home, ...others] };
}
