import type { DataPlaneGroupsModel, GatewayModel, HostSource } from '@routeplane/model';
import type { Environment, RouteCatalog } from './catalog.generated.js';
import type { Environment as EnvironmentWithDefaults } from './catalog-with-defaults.generated.js';
import { effectiveAws } from './environment-overrides.js';
import { kongConnectivity } from './resolve-derived-defaults.js';
import { resolveWorkloadIdentityRoles } from './workload-identity.js';

/** Sizing (custom mode wins over autopilot; the loader rejects both) and regions, home first. */
export function resolveDataPlaneGroups(
  catalog: RouteCatalog,
  env: EnvironmentWithDefaults,
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
    // The loader refuses a dedicated environment without kong.networkCidr.
    networkCidr: catalog.kong.networkCidr ?? '',
    availabilityZoneIds: [...aws.availabilityZoneIds],
    home: true,
  };
  const others = (env.dataPlaneRegions ?? []).map((r) => ({
    region: r.region,
    networkCidr: r.networkCidr,
    availabilityZoneIds: [...r.availabilityZoneIds],
    home: false,
  }));
  const connectivity = kongConnectivity(env);
  const workloadIdentityRoles = resolveWorkloadIdentityRoles(env);
  return { sizing, connectivity, regions: [home, ...others], workloadIdentityRoles };
}

/**
 * The host Kong connects to: the certificate's name when a private hosted zone resolves it for
 * Kong, else the environment's literal upstreamHost, else the NLB name from a DECK_* variable (the
 * loader refuses a catalog that gives none of them).
 */
export function upstreamHost(
  upstream: RouteCatalog['kong']['upstream'],
  env: Environment,
  gateway: GatewayModel,
): HostSource {
  if (upstream.privateDnsZone !== undefined) return { kind: 'literal', value: gateway.hostname };
  if (env.upstreamHost) return { kind: 'literal', value: env.upstreamHost };
  return { kind: 'env', variable: upstream.hostEnv ?? '' };
}
