import type { RouteConfig } from '@cdktn/provider-aws/lib/route/index.js';
import type { SecurityGroup } from '@cdktn/provider-aws/lib/security-group/index.js';
import type { KongConnectivity } from '@routeplane/model';
import type { KonnectCloudGatewayNetwork } from '../../bindings/konnect-resources.js';
import { dedicatedGroups, type StackContext } from '../context.js';
import type { Konnect } from '../konnect.js';
import type { Network } from '../network.js';
import { addPrivateEndpoint } from './private-endpoint.js';
import { regionId } from './region-networks.js';
import { addTransitGatewayConnectivity } from './transit-gateway-attachments.js';
import { addVpcPeering } from './vpc-peering.js';

export interface DedicatedConnectivityProps {
  readonly network: Network;
  readonly konnect: Konnect;
  /** Kong's AWS account number (RAM principal). */
  readonly kongAwsAccountId: string;
  /** Front-end group of the gateway's internal NLB. */
  readonly gatewaySecurityGroup: SecurityGroup;
}

/**
 * Where a VPC route to the home Konnect network points (a Transit Gateway or a peering
 * connection), for route tables beyond the private ones (the ALB edge's public subnets).
 */
export type KongRouteTarget = Pick<
  RouteConfig,
  'transitGatewayId' | 'vpcPeeringConnectionId' | 'dependsOn'
>;

/**
 * How the data planes reach the cluster: one builder per catalog connectivity type. Each returns
 * its route target to the home network; privateEndpoint has none (only Kong opens connections).
 */
const builders: Record<
  KongConnectivity,
  (ctx: StackContext, props: DedicatedConnectivityProps) => KongRouteTarget | undefined
> = {
  transitGateway: addTransitGatewayConnectivity,
  vpcPeering: addVpcPeering,
  privateEndpoint: (ctx, props) => {
    addPrivateEndpoint(ctx, props);
    return undefined;
  },
};

/** The private path from Kong's data planes to the gateway's NLB, as the catalog chose it. */
export function addDedicatedConnectivity(
  ctx: StackContext,
  props: DedicatedConnectivityProps,
): KongRouteTarget | undefined {
  return builders[dedicatedGroups(ctx.env).connectivity](ctx, props);
}

export interface KongNetwork {
  /** Terraform name suffix: empty for the home network, `_us_west_2` for a region's. */
  readonly suffix: string;
  readonly region: string;
  readonly cidr: string;
  readonly network: KonnectCloudGatewayNetwork;
  readonly home: boolean;
}

/** Every Konnect network of the environment, the home network first. */
export function kongNetworks(ctx: StackContext, konnect: Konnect): KongNetwork[] {
  return [
    {
      suffix: '',
      region: ctx.env.aws.region,
      cidr: ctx.env.kong.networkCidr,
      network: konnect.network,
      home: true,
    },
    ...konnect.regionNetworks.map((r) => ({
      suffix: `_${regionId(r.region)}`,
      region: r.region.region,
      cidr: r.region.networkCidr,
      network: r.network,
      home: false,
    })),
  ];
}
