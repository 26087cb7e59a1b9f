import type { DataPlaneRegionModel } from '@routeplane/model';
import {
  KonnectCloudGatewayNetwork,
  type KonnectGatewayControlPlane,
} from '../../bindings/konnect-resources.js';
import { dedicatedGroups, idSuffix, type StackContext } from '../context.js';
import type { KongAccount } from '../konnect.js';

/** A data-plane region besides the home region, with its Konnect network. */
export interface RegionNetwork {
  readonly region: DataPlaneRegionModel;
  readonly network: KonnectCloudGatewayNetwork;
}

/** Terraform-safe name part of a region: `us-west-2` -> `us_west_2`. */
export function regionId(region: DataPlaneRegionModel): string {
  return idSuffix(region.region);
}

/** One Konnect network per extra data-plane region (the home network is addKonnect's). */
export function addRegionNetworks(
  ctx: StackContext,
  account: KongAccount,
  controlPlane: KonnectGatewayControlPlane,
): RegionNetwork[] {
  const { stack, env, konnect: provider } = ctx;
  return dedicatedGroups(env)
    .regions.filter((region) => !region.home)
    .map((region) => ({
      region,
      network: new KonnectCloudGatewayNetwork(
        stack,
        `cloud_gateway_network_${regionId(region)}`,
        {
          name: `${env.kong.controlPlaneName}-${region.region}`,
          cloud_gateway_provider_account_id: account.providerAccountId,
          region: region.region,
          availability_zones: [...region.availabilityZoneIds],
          cidr_block: region.networkCidr,
        },
        // As the home network: destroyed before the control plane its data planes serve.
        { provider, dependsOn: [controlPlane] },
      ),
    }));
}
