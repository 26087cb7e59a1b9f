import { Ec2TransitGateway } from '@cdktn/provider-aws/lib/ec2-transit-gateway/index.js';
import { Ec2TransitGatewayPeeringAttachment } from '@cdktn/provider-aws/lib/ec2-transit-gateway-peering-attachment/index.js';
import { Ec2TransitGatewayPeeringAttachmentAccepter } from '@cdktn/provider-aws/lib/ec2-transit-gateway-peering-attachment-accepter/index.js';
import { Ec2TransitGatewayRoute } from '@cdktn/provider-aws/lib/ec2-transit-gateway-route/index.js';
import { AwsProvider } from '@cdktn/provider-aws/lib/provider/index.js';
import { RamPrincipalAssociation } from '@cdktn/provider-aws/lib/ram-principal-association/index.js';
import { RamResourceAssociation } from '@cdktn/provider-aws/lib/ram-resource-association/index.js';
import { RamResourceShare } from '@cdktn/provider-aws/lib/ram-resource-share/index.js';
import { Route } from '@cdktn/provider-aws/lib/route/index.js';
import type { TerraformResource } from 'cdktn';
import { KonnectCloudGatewayTransitGateway } from '../../bindings/konnect-transit-gateway.js';
import { dedicatedGroups, idSuffix, type StackContext } from '../context.js';
import type { Network } from '../network.js';
import { awsProviderDefaults } from '../providers.js';
import type { TransitGateway } from '../transit-gateway.js';
import { type RegionNetwork, regionId } from './region-networks.js';

export interface RegionPeeringProps {
  readonly network: Network;
  /** The environment's Transit Gateway, attached to the cluster VPC. */
  readonly home: TransitGateway;
  readonly kongAwsAccountId: string;
  /** Kong provisions a network once a configuration uses it. */
  readonly configuration: TerraformResource;
}

/**
 * A Transit Gateway is regional and Kong attaches a network only to one in its own region, so
 * each extra data-plane region gets its own Transit Gateway, shared with Kong through RAM and
 * peered with the environment's. Peering attachments never propagate routes: both Transit Gateway
 * route tables get a static route, and the VPC's private route tables send the region's network
 * to the home Transit Gateway.
 */
export function addRegionPeering(
  ctx: StackContext,
  regions: readonly RegionNetwork[],
  props: RegionPeeringProps,
): void {
  for (const entry of regions) addOneRegion(ctx, entry, props);
}

function addOneRegion(ctx: StackContext, entry: RegionNetwork, props: RegionPeeringProps): void {
  const { stack, env, konnect } = ctx;
  const { region, network: kongNetwork } = entry;
  const id = regionId(region);
  const name = `${env.aws.cluster.name}-${region.region}`;
  const provider = new AwsProvider(stack, `aws_${id}`, {
    alias: id,
    region: region.region,
    ...awsProviderDefaults(env),
  });
  const transitGateway = new Ec2TransitGateway(stack, `transit_gateway_${id}`, {
    provider,
    description: `routeplane ${env.name}: Kong data planes in ${region.region} <-> ${env.aws.region}`,
    amazonSideAsn: env.aws.transitGatewayAsn + 1 + regionIndex(dedicatedGroups(env), region),
    // Kong's attachment from its account is accepted as the home Transit Gateway's is.
    autoAcceptSharedAttachments: 'enable',
    defaultRouteTableAssociation: 'enable',
    defaultRouteTablePropagation: 'enable',
    dnsSupport: 'enable',
    tags: { Name: name },
  });
  const share = new RamResourceShare(stack, `transit_gateway_share_${id}`, {
    provider,
    name: `${name}-transit-gateway`,
    allowExternalPrincipals: true,
    tags: { Name: `${name}-transit-gateway` },
  });
  const shared = new RamResourceAssociation(stack, `transit_gateway_share_resource_${id}`, {
    provider,
    resourceArn: transitGateway.arn,
    resourceShareArn: share.arn,
  });
  const principal = new RamPrincipalAssociation(stack, `transit_gateway_share_kong_${id}`, {
    provider,
    principal: props.kongAwsAccountId,
    resourceShareArn: share.arn,
  });

  // Requested from the region, accepted in the home region (same account: no peer_account_id).
  const peering = new Ec2TransitGatewayPeeringAttachment(stack, `transit_gateway_peering_${id}`, {
    provider,
    transitGatewayId: transitGateway.id,
    peerRegion: env.aws.region,
    peerTransitGatewayId: props.home.transitGateway.id,
    tags: { Name: `${name}-peering` },
  });
  const accepter = new Ec2TransitGatewayPeeringAttachmentAccepter(
    stack,
    `transit_gateway_peering_accepter_${id}`,
    { transitGatewayAttachmentId: peering.id, tags: { Name: `${name}-peering` } },
  );
  new Ec2TransitGatewayRoute(stack, `transit_gateway_route_to_${id}`, {
    transitGatewayRouteTableId: props.home.transitGateway.associationDefaultRouteTableId,
    destinationCidrBlock: region.networkCidr,
    transitGatewayAttachmentId: peering.id,
    dependsOn: [accepter],
  });
  new Ec2TransitGatewayRoute(stack, `transit_gateway_route_from_${id}`, {
    provider,
    transitGatewayRouteTableId: transitGateway.associationDefaultRouteTableId,
    destinationCidrBlock: env.aws.vpcCidr,
    transitGatewayAttachmentId: peering.id,
    dependsOn: [accepter],
  });
  props.network.privateRouteTables.forEach((table, index) => {
    const azId = env.aws.availabilityZoneIds[index] ?? String(index);
    new Route(stack, `kong_route_${id}_${idSuffix(azId)}`, {
      routeTableId: table.id,
      destinationCidrBlock: region.networkCidr,
      transitGatewayId: props.home.transitGateway.id,
      dependsOn: [...props.home.ready],
    });
  });

  new KonnectCloudGatewayTransitGateway(
    stack,
    `cloud_gateway_transit_gateway_${id}`,
    {
      network_id: kongNetwork.id,
      aws_transit_gateway: {
        name: `${name}-transit-gateway`,
        cidr_blocks: [env.aws.vpcCidr],
        transit_gateway_attachment_config: {
          kind: 'aws-transit-gateway-attachment',
          transit_gateway_id: transitGateway.id,
          ram_share_arn: share.arn,
        },
      },
    },
    { provider: konnect, dependsOn: [shared, principal, props.configuration] },
  );
}

/** 0 for the first extra region: each Transit Gateway gets its own ASN. */
function regionIndex(
  groups: ReturnType<typeof dedicatedGroups>,
  region: RegionNetwork['region'],
): number {
  return groups.regions.filter((r) => !r.home).indexOf(region);
}
