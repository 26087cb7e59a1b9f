import { KonnectCloudGatewayTransitGateway } from '../../bindings/konnect-transit-gateway.js';
import type { StackContext } from '../context.js';
import { addTransitGateway } from '../transit-gateway.js';
import type { DedicatedConnectivityProps, KongRouteTarget } from './connectivity.js';
import { addRegionPeering } from './region-peering.js';

/**
 * `transitGateway`: the cluster's Transit Gateway shared with Kong through RAM, Kong's attachment
 * of the home network, and one peered Transit Gateway per extra data-plane region.
 */
export function addTransitGatewayConnectivity(
  ctx: StackContext,
  props: DedicatedConnectivityProps,
): KongRouteTarget {
  const { stack, env, konnect: provider } = ctx;
  const tgw = addTransitGateway(ctx, props.network, props.kongAwsAccountId);
  new KonnectCloudGatewayTransitGateway(
    stack,
    'cloud_gateway_transit_gateway',
    {
      network_id: props.konnect.network.id,
      aws_transit_gateway: {
        name: `${env.aws.cluster.name}-transit-gateway`,
        cidr_blocks: [env.aws.vpcCidr],
        transit_gateway_attachment_config: {
          kind: 'aws-transit-gateway-attachment',
          transit_gateway_id: tgw.transitGateway.id,
          ram_share_arn: tgw.share.arn,
        },
      },
    },
    // The share must name Kong and the VPC must be attached before Kong requests its attachment;
    // the network is provisioned once a configuration uses it.
    { provider, dependsOn: [...tgw.ready, props.konnect.configuration] },
  );
  addRegionPeering(ctx, props.konnect.regionNetworks, {
    network: props.network,
    home: tgw,
    kongAwsAccountId: props.kongAwsAccountId,
    configuration: props.konnect.configuration,
  });
  return { transitGatewayId: tgw.transitGateway.id, dependsOn: [tgw.attachment] };
}
