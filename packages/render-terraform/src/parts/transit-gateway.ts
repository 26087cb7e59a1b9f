import { Ec2TransitGateway } from '@cdktn/provider-aws/lib/ec2-transit-gateway/index.js';
import { Ec2TransitGatewayVpcAttachment } from '@cdktn/provider-aws/lib/ec2-transit-gateway-vpc-attachment/index.js';
import { RamPrincipalAssociation } from '@cdktn/provider-aws/lib/ram-principal-association/index.js';
import { RamResourceAssociation } from '@cdktn/provider-aws/lib/ram-resource-association/index.js';
import { RamResourceShare } from '@cdktn/provider-aws/lib/ram-resource-share/index.js';
import { Route } from '@cdktn/provider-aws/lib/route/index.js';
import { idSuffix, type StackContext } from './context.js';
import type { Network } from './network.js';

export interface TransitGateway {
  readonly transitGateway: Ec2TransitGateway;
  readonly share: RamResourceShare;
  /** The VPC's attachment: a route to the Transit Gateway is rejected before it exists. */
  readonly attachment: Ec2TransitGatewayVpcAttachment;
  /** Everything Kong's attachment request needs to exist first. */
  readonly ready: readonly (
    | Ec2TransitGatewayVpcAttachment
    | RamResourceAssociation
    | RamPrincipalAssociation
  )[];
}

/**
 * Transit Gateway shared with Kong's AWS account through RAM, attached to the private subnets,
 * with routes from every private route table to Kong's network.
 */
export function addTransitGateway(
  ctx: StackContext,
  network: Network,
  kongAwsAccountId: string,
): TransitGateway {
  const { stack, env } = ctx;
  const name = env.aws.cluster.name;
  const transitGateway = new Ec2TransitGateway(stack, 'transit_gateway', {
    description: `routeplane ${env.name}: ${name} <-> Kong Dedicated Cloud Gateway`,
    amazonSideAsn: env.aws.transitGatewayAsn,
    // Kong attaches its network from its own account through the RAM share below. Without
    // auto-accept that attachment waits in pending-acceptance and the Konnect attachment never
    // becomes ready; an explicit accepter cannot be declared here because the attachment id only
    // exists after Konnect created it. Only accounts this share names can attach at all.
    autoAcceptSharedAttachments: 'enable',
    defaultRouteTableAssociation: 'enable',
    defaultRouteTablePropagation: 'enable',
    dnsSupport: 'enable',
    tags: { Name: name },
  });
  const attachment = new Ec2TransitGatewayVpcAttachment(stack, 'transit_gateway_vpc_attachment', {
    transitGatewayId: transitGateway.id,
    vpcId: network.vpc.id,
    subnetIds: network.privateSubnets.map((s) => s.id),
    dnsSupport: 'enable',
    tags: { Name: name },
  });
  network.privateRouteTables.forEach((table, index) => {
    const azId = env.aws.availabilityZoneIds[index] ?? String(index);
    new Route(stack, `kong_route_${idSuffix(azId)}`, {
      routeTableId: table.id,
      destinationCidrBlock: env.kong.networkCidr,
      transitGatewayId: transitGateway.id,
      // A route to a Transit Gateway is rejected until the VPC is attached to it.
      dependsOn: [attachment],
    });
  });

  const share = new RamResourceShare(stack, 'transit_gateway_share', {
    name: `${name}-transit-gateway`,
    allowExternalPrincipals: true,
    tags: { Name: `${name}-transit-gateway` },
  });
  const resource = new RamResourceAssociation(stack, 'transit_gateway_share_resource', {
    resourceArn: transitGateway.arn,
    resourceShareArn: share.arn,
  });
  const principal = new RamPrincipalAssociation(stack, 'transit_gateway_share_kong', {
    principal: kongAwsAccountId,
    resourceShareArn: share.arn,
  });
  return { transitGateway, share, attachment, ready: [attachment, resource, principal] };
}
