import { CloudwatchLogGroup } from '@cdktn/provider-aws/lib/cloudwatch-log-group/index.js';
import { DefaultSecurityGroup } from '@cdktn/provider-aws/lib/default-security-group/index.js';
import { Eip } from '@cdktn/provider-aws/lib/eip/index.js';
import { FlowLog } from '@cdktn/provider-aws/lib/flow-log/index.js';
import { IamRole } from '@cdktn/provider-aws/lib/iam-role/index.js';
import { IamRolePolicy } from '@cdktn/provider-aws/lib/iam-role-policy/index.js';
import { InternetGateway } from '@cdktn/provider-aws/lib/internet-gateway/index.js';
import type { KmsKey } from '@cdktn/provider-aws/lib/kms-key/index.js';
import { NatGateway } from '@cdktn/provider-aws/lib/nat-gateway/index.js';
import { Route } from '@cdktn/provider-aws/lib/route/index.js';
import { RouteTable } from '@cdktn/provider-aws/lib/route-table/index.js';
import { RouteTableAssociation } from '@cdktn/provider-aws/lib/route-table-association/index.js';
import { Subnet } from '@cdktn/provider-aws/lib/subnet/index.js';
import { Vpc } from '@cdktn/provider-aws/lib/vpc/index.js';
import { Fn } from 'cdktn';
import { idSuffix, type StackContext } from './context.js';
import { policy, trustPolicy } from './iam-policy.js';

/** One year: long enough for incident reviews (and checkov CKV_AWS_338). */
export const logRetentionDays = 365;

export interface Network {
  readonly vpc: Vpc;
  readonly privateSubnets: readonly Subnet[];
  readonly privateRouteTables: readonly RouteTable[];
  /** NAT gateways and internet-facing load balancers (aws.edge.kind alb). */
  readonly publicSubnets: readonly Subnet[];
  readonly publicRouteTable: RouteTable;
}

/**
 * Subnet plan over the VPC CIDR: private /N+2 blocks 0-2 for nodes and pods (the VPC CNI gives pods
 * VPC addresses, so they get the big blocks), public /N+4 blocks 12-14 for NAT gateways and
 * internet-facing load balancers; the last /N+4 stays free.
 */
export function subnetCidr(vpcCidr: string, kind: 'private' | 'public', index: number): string {
  return kind === 'private'
    ? Fn.cidrsubnet(vpcCidr, 2, index)
    : Fn.cidrsubnet(vpcCidr, 4, 12 + index);
}

export function addNetwork(ctx: StackContext, logsKey: KmsKey): Network {
  const { stack, env } = ctx;
  const name = env.aws.cluster.name;
  const vpc = new Vpc(stack, 'vpc', {
    cidrBlock: env.aws.vpcCidr,
    enableDnsHostnames: true,
    enableDnsSupport: true,
    tags: { Name: name },
  });
  // Adopts the VPC's default security group and removes every rule from it.
  new DefaultSecurityGroup(stack, 'default_security_group', {
    vpcId: vpc.id,
    tags: { Name: `${name}-default-deny` },
  });

  const igw = new InternetGateway(stack, 'internet_gateway', {
    vpcId: vpc.id,
    tags: { Name: name },
  });
  const publicRoutes = new RouteTable(stack, 'public_route_table', {
    vpcId: vpc.id,
    tags: { Name: `${name}-public` },
  });
  new Route(stack, 'public_default_route', {
    routeTableId: publicRoutes.id,
    destinationCidrBlock: '0.0.0.0/0',
    gatewayId: igw.id,
  });

  const privateSubnets: Subnet[] = [];
  const publicSubnets: Subnet[] = [];
  const privateRouteTables: RouteTable[] = [];
  env.aws.availabilityZoneIds.forEach((azId, index) => {
    const suffix = idSuffix(azId);
    const publicSubnet = new Subnet(stack, `public_subnet_${suffix}`, {
      vpcId: vpc.id,
      availabilityZoneId: azId,
      cidrBlock: subnetCidr(env.aws.vpcCidr, 'public', index),
      mapPublicIpOnLaunch: false,
      tags: { Name: `${name}-public-${azId}`, 'kubernetes.io/role/elb': '1' },
    });
    new RouteTableAssociation(stack, `public_route_table_association_${suffix}`, {
      subnetId: publicSubnet.id,
      routeTableId: publicRoutes.id,
    });
    // One NAT gateway per AZ: losing an AZ never cuts the others off the internet.
    const eip = new Eip(stack, `nat_eip_${suffix}`, {
      domain: 'vpc',
      tags: { Name: `${name}-nat-${azId}` },
    });
    const nat = new NatGateway(stack, `nat_gateway_${suffix}`, {
      allocationId: eip.allocationId,
      subnetId: publicSubnet.id,
      tags: { Name: `${name}-${azId}` },
      dependsOn: [igw],
    });

    const privateSubnet = new Subnet(stack, `private_subnet_${suffix}`, {
      vpcId: vpc.id,
      availabilityZoneId: azId,
      cidrBlock: subnetCidr(env.aws.vpcCidr, 'private', index),
      tags: { Name: `${name}-private-${azId}`, 'kubernetes.io/role/internal-elb': '1' },
    });
    const routes = new RouteTable(stack, `private_route_table_${suffix}`, {
      vpcId: vpc.id,
      tags: { Name: `${name}-private-${azId}` },
    });
    new Route(stack, `private_default_route_${suffix}`, {
      routeTableId: routes.id,
      destinationCidrBlock: '0.0.0.0/0',
      natGatewayId: nat.id,
    });
    new RouteTableAssociation(stack, `private_route_table_association_${suffix}`, {
      subnetId: privateSubnet.id,
      routeTableId: routes.id,
    });
    publicSubnets.push(publicSubnet);
    privateSubnets.push(privateSubnet);
    privateRouteTables.push(routes);
  });

  addFlowLogs(ctx, vpc, logsKey);
  return { vpc, privateSubnets, privateRouteTables, publicSubnets, publicRouteTable: publicRoutes };
}

function addFlowLogs(ctx: StackContext, vpc: Vpc, logsKey: KmsKey): void {
  addVpcFlowLogs(ctx, vpc, logsKey, { idPrefix: '', name: ctx.env.aws.cluster.name });
}

/**
 * All traffic of one VPC to a KMS-encrypted log group kept a year. `idPrefix` keeps the
 * Terraform names of a second VPC apart; `name` names the group and the role.
 */
export function addVpcFlowLogs(
  ctx: StackContext,
  vpc: Vpc,
  logsKey: KmsKey,
  names: { readonly idPrefix: string; readonly name: string },
): void {
  const { stack } = ctx;
  const { idPrefix, name } = names;
  const group = new CloudwatchLogGroup(stack, `${idPrefix}flow_log_group`, {
    name: `/aws/vpc/${name}/flow-logs`,
    retentionInDays: logRetentionDays,
    kmsKeyId: logsKey.arn,
  });
  const role = new IamRole(stack, `${idPrefix}flow_log_role`, {
    name: `${name}-vpc-flow-logs`,
    assumeRolePolicy: trustPolicy('vpc-flow-logs.amazonaws.com'),
  });
  new IamRolePolicy(stack, `${idPrefix}flow_log_role_policy`, {
    role: role.id,
    name: 'write-flow-logs',
    policy: policy({
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
      Resource: [group.arn, `${group.arn}:*`],
    }),
  });
  new FlowLog(stack, `${idPrefix}flow_log`, {
    vpcId: vpc.id,
    trafficType: 'ALL',
    logDestinationType: 'cloud-watch-logs',
    logDestination: group.arn,
    iamRoleArn: role.arn,
    maxAggregationInterval: 60,
  });
}
