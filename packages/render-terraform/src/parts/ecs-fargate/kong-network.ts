import { DefaultSecurityGroup } from '@cdktn/provider-aws/lib/default-security-group/index.js';
import { Ec2TransitGatewayVpcAttachment } from '@cdktn/provider-aws/lib/ec2-transit-gateway-vpc-attachment/index.js';
import { Eip } from '@cdktn/provider-aws/lib/eip/index.js';
import { InternetGateway } from '@cdktn/provider-aws/lib/internet-gateway/index.js';
import type { KmsKey } from '@cdktn/provider-aws/lib/kms-key/index.js';
import { NatGateway } from '@cdktn/provider-aws/lib/nat-gateway/index.js';
import { Route } from '@cdktn/provider-aws/lib/route/index.js';
import { RouteTable } from '@cdktn/provider-aws/lib/route-table/index.js';
import { RouteTableAssociation } from '@cdktn/provider-aws/lib/route-table-association/index.js';
import { Subnet } from '@cdktn/provider-aws/lib/subnet/index.js';
import { Vpc } from '@cdktn/provider-aws/lib/vpc/index.js';
import { VpcPeeringConnection } from '@cdktn/provider-aws/lib/vpc-peering-connection/index.js';
import type { EcsFargateModel } from '@routeplane/model';
import { idSuffix, type StackContext } from '../context.js';
import { addVpcFlowLogs, type Network } from '../network.js';

export interface KongNetwork {
  readonly vpc: Vpc;
  /** Internal ALB and NAT gateways, one per AZ. */
  readonly web: readonly Subnet[];
  /** Kong's tasks and the VPC link (the catalog's `subnets.app`, same order). */
  readonly app: readonly Subnet[];
  /** ElastiCache Redis. */
  readonly data: readonly Subnet[];
}

/**
 * Kong's VPC: web, app and data tiers in every AZ. Web is the only tier with an internet route
 * (its NAT gateways give the tasks their way out to Konnect); data has no route out at all. The
 * EKS VPC is reached through a peering whose routes cover exactly Kong's app subnets on the EKS
 * side, and an optional hub Transit Gateway takes the networks the catalog names.
 */
export function addKongNetwork(
  ctx: StackContext,
  ecs: EcsFargateModel,
  eks: Network,
  logsKey: KmsKey,
): KongNetwork {
  const { stack } = ctx;
  const vpc = new Vpc(stack, 'kong_vpc', {
    cidrBlock: ecs.vpcCidr,
    enableDnsHostnames: true,
    enableDnsSupport: true,
    tags: { Name: ecs.name },
  });
  new DefaultSecurityGroup(stack, 'kong_default_security_group', {
    vpcId: vpc.id,
    tags: { Name: `${ecs.name}-default-deny` },
  });
  addVpcFlowLogs(ctx, vpc, logsKey, { idPrefix: 'kong_', name: ecs.name });
  const igw = new InternetGateway(stack, 'kong_internet_gateway', {
    vpcId: vpc.id,
    tags: { Name: ecs.name },
  });
  const webRoutes = new RouteTable(stack, 'kong_web_route_table', {
    vpcId: vpc.id,
    tags: { Name: `${ecs.name}-web` },
  });
  new Route(stack, 'kong_web_default_route', {
    routeTableId: webRoutes.id,
    destinationCidrBlock: '0.0.0.0/0',
    gatewayId: igw.id,
  });
  const dataRoutes = new RouteTable(stack, 'kong_data_route_table', {
    vpcId: vpc.id,
    tags: { Name: `${ecs.name}-data` },
  });
  const peering = new VpcPeeringConnection(stack, 'kong_eks_peering', {
    vpcId: vpc.id,
    peerVpcId: eks.vpc.id,
    autoAccept: true,
    tags: { Name: `${ecs.name}-to-eks` },
  });

  const web: Subnet[] = [];
  const app: Subnet[] = [];
  const data: Subnet[] = [];
  const appRouteTables: RouteTable[] = [];
  ecs.availabilityZoneIds.forEach((azId, index) => {
    const suffix = idSuffix(azId);
    const subnet = (tier: 'web' | 'app' | 'data') =>
      new Subnet(stack, `kong_${tier}_subnet_${suffix}`, {
        vpcId: vpc.id,
        availabilityZoneId: azId,
        cidrBlock: ecs.subnets[tier][index] ?? '',
        mapPublicIpOnLaunch: false,
        tags: { Name: `${ecs.name}-${tier}-${azId}` },
      });
    const webSubnet = subnet('web');
    new RouteTableAssociation(stack, `kong_web_route_table_association_${suffix}`, {
      subnetId: webSubnet.id,
      routeTableId: webRoutes.id,
    });
    const eip = new Eip(stack, `kong_nat_eip_${suffix}`, {
      domain: 'vpc',
      tags: { Name: `${ecs.name}-nat-${azId}` },
    });
    const nat = new NatGateway(stack, `kong_nat_gateway_${suffix}`, {
      allocationId: eip.allocationId,
      subnetId: webSubnet.id,
      tags: { Name: `${ecs.name}-${azId}` },
      dependsOn: [igw],
    });

    const appSubnet = subnet('app');
    const appRoutes = new RouteTable(stack, `kong_app_route_table_${suffix}`, {
      vpcId: vpc.id,
      tags: { Name: `${ecs.name}-app-${azId}` },
    });
    new RouteTableAssociation(stack, `kong_app_route_table_association_${suffix}`, {
      subnetId: appSubnet.id,
      routeTableId: appRoutes.id,
    });
    // Konnect's control plane and telemetry endpoints, ECR, Secrets Manager and CloudWatch Logs.
    new Route(stack, `kong_app_default_route_${suffix}`, {
      routeTableId: appRoutes.id,
      destinationCidrBlock: '0.0.0.0/0',
      natGatewayId: nat.id,
    });
    new Route(stack, `kong_app_to_eks_route_${suffix}`, {
      routeTableId: appRoutes.id,
      destinationCidrBlock: ctx.env.aws.vpcCidr,
      vpcPeeringConnectionId: peering.id,
    });
    appRouteTables.push(appRoutes);

    const dataSubnet = subnet('data');
    new RouteTableAssociation(stack, `kong_data_route_table_association_${suffix}`, {
      subnetId: dataSubnet.id,
      routeTableId: dataRoutes.id,
    });
    web.push(webSubnet);
    app.push(appSubnet);
    data.push(dataSubnet);
  });

  // The EKS side routes back only to Kong's task subnets: nothing else in Kong's VPC is reachable.
  eks.privateRouteTables.forEach((table, tableIndex) => {
    const eksAz = idSuffix(ctx.env.aws.availabilityZoneIds[tableIndex] ?? String(tableIndex));
    ecs.subnets.app.forEach((cidr, appIndex) => {
      const kongAz = idSuffix(ecs.availabilityZoneIds[appIndex] ?? String(appIndex));
      new Route(stack, `eks_to_kong_route_${eksAz}_${kongAz}`, {
        routeTableId: table.id,
        destinationCidrBlock: cidr,
        vpcPeeringConnectionId: peering.id,
      });
    });
  });
  attachHub(ctx, ecs, vpc, app, appRouteTables);
  return { vpc, web, app, data };
}

/** Optional attachment of the app subnets to the organisation's hub, with routes to its networks. */
function attachHub(
  ctx: StackContext,
  ecs: EcsFargateModel,
  vpc: Vpc,
  app: readonly Subnet[],
  appRouteTables: readonly RouteTable[],
): void {
  const hub = ecs.transitGatewayHub;
  if (hub === undefined) return;
  const attachment = new Ec2TransitGatewayVpcAttachment(ctx.stack, 'kong_hub_attachment', {
    transitGatewayId: hub.transitGatewayId,
    vpcId: vpc.id,
    subnetIds: app.map((s) => s.id),
    dnsSupport: 'enable',
    tags: { Name: `${ecs.name}-hub` },
  });
  appRouteTables.forEach((table, index) => {
    const az = idSuffix(ecs.availabilityZoneIds[index] ?? String(index));
    for (const cidr of hub.destinationCidrs) {
      new Route(ctx.stack, `kong_app_hub_route_${az}_${idSuffix(cidr)}`, {
        routeTableId: table.id,
        destinationCidrBlock: cidr,
        transitGatewayId: hub.transitGatewayId,
        // A route to a Transit Gateway is rejected until the VPC is attached to it.
        dependsOn: [attachment],
      });
    }
  });
}
