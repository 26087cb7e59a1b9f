import { DataAwsEc2ManagedPrefixList } from '@cdktn/provider-aws/lib/data-aws-ec2-managed-prefix-list/index.js';
import { SecurityGroup } from '@cdktn/provider-aws/lib/security-group/index.js';
import { VpcSecurityGroupEgressRule } from '@cdktn/provider-aws/lib/vpc-security-group-egress-rule/index.js';
import { VpcSecurityGroupIngressRule } from '@cdktn/provider-aws/lib/vpc-security-group-ingress-rule/index.js';
import type { EcsFargateModel } from '@routeplane/model';
import type { StackContext } from '../context.js';
import type { Network } from '../network.js';
import type { KongNetwork } from './kong-network.js';

/** ALB listener port the VPC link connects to (inside Kong's VPC only). */
export const albListenerPort = 80;

export interface KongSecurityGroups {
  /** apiGateway entry only. */
  readonly vpcLink?: SecurityGroup;
  /** cloudfront entry only: CloudFront's origin-facing ranges, read at plan time. */
  readonly cloudfrontRanges?: DataAwsEc2ManagedPrefixList;
  readonly alb: SecurityGroup;
  readonly tasks: SecurityGroup;
  readonly redis: SecurityGroup;
}

type Peer =
  | { readonly group: SecurityGroup; readonly cidr?: never }
  | { readonly cidr: string; readonly group?: never };

/** CloudFront's origin-facing addresses (the VPC origin's traffic), an AWS managed prefix list. */
export const cloudfrontOriginFacing = 'com.amazonaws.global.cloudfront.origin-facing';

/**
 * One edge of the data path, both halves: egress on the source group and, when the destination
 * is a group, ingress on it. Groups carry no inline rules, so Terraform strips AWS's default
 * allow-all egress and these edges are the only traffic allowed.
 */
function edge(
  ctx: StackContext,
  id: string,
  from: SecurityGroup,
  to: Peer,
  port: number,
  description: string,
): void {
  new VpcSecurityGroupEgressRule(ctx.stack, `${id}_egress`, {
    securityGroupId: from.id,
    description,
    ipProtocol: 'tcp',
    fromPort: port,
    toPort: port,
    ...(to.group ? { referencedSecurityGroupId: to.group.id } : { cidrIpv4: to.cidr }),
  });
  if (to.group === undefined) return;
  new VpcSecurityGroupIngressRule(ctx.stack, `${id}_ingress`, {
    securityGroupId: to.group.id,
    description,
    ipProtocol: 'tcp',
    fromPort: port,
    toPort: port,
    referencedSecurityGroupId: from.id,
  });
}

/**
 * VPC link -> ALB -> Kong tasks -> Redis and -> the gateway's NLB (through the peering), and the
 * tasks' way out to Konnect. Nothing else: Redis has no egress and admits only the tasks.
 */
export function addKongSecurityGroups(
  ctx: StackContext,
  ecs: EcsFargateModel,
  kong: KongNetwork,
  eks: Network,
): KongSecurityGroups {
  const group = (id: string, name: string, description: string) =>
    new SecurityGroup(ctx.stack, id, {
      name: `${ecs.name}-${name}`,
      description,
      vpcId: kong.vpc.id,
      tags: { Name: `${ecs.name}-${name}` },
    });
  const alb = group('kong_alb_security_group', 'alb', 'Internal ALB in front of Kong');
  const tasks = group('kong_tasks_security_group', 'tasks', 'Kong data plane tasks');
  const redis = group('kong_redis_security_group', 'redis', 'Rate-limiting Redis: Kong only');

  const entry = addEntryEdge(ctx, ecs, alb, group);
  edge(ctx, 'alb_to_kong_proxy', alb, { group: tasks }, ecs.proxyPort, 'ALB to Kong proxy');
  edge(ctx, 'alb_to_kong_status', alb, { group: tasks }, ecs.statusPort, 'ALB health check');
  edge(ctx, 'kong_to_redis', tasks, { group: redis }, ecs.redis.port, 'Kong rate limit counters');
  // The gateway's NLB has ENIs in the EKS private subnets: Kong reaches them over the peering.
  eks.privateSubnets.forEach((subnet, index) => {
    const port = ctx.env.kong.upstream.port;
    edge(
      ctx,
      `kong_to_gateway_${port}_${index}`,
      tasks,
      { cidr: subnet.cidrBlock },
      port,
      `Kong to the gateway NLB (EKS private subnet ${index + 1})`,
    );
  });
  // Konnect publishes no address ranges: its control plane and telemetry endpoints (and ECR,
  // Secrets Manager, CloudWatch Logs through the NAT gateways) are reached on 443 anywhere.
  edge(ctx, 'kong_to_konnect', tasks, { cidr: '0.0.0.0/0' }, 443, 'Konnect and AWS APIs (TLS)');
  return { ...entry, alb, tasks, redis };
}

/**
 * The only way into the ALB: from the VPC link's group (apiGateway), or from CloudFront's
 * origin-facing prefix list, which is where a CloudFront VPC origin's requests come from
 * (cloudfront).
 */
function addEntryEdge(
  ctx: StackContext,
  ecs: EcsFargateModel,
  alb: SecurityGroup,
  group: (id: string, name: string, description: string) => SecurityGroup,
): Pick<KongSecurityGroups, 'vpcLink' | 'cloudfrontRanges'> {
  if (ecs.entry.kind === 'apiGateway') {
    const vpcLink = group('kong_vpc_link_security_group', 'vpc-link', 'API Gateway VPC link ENIs');
    edge(ctx, 'vpc_link_to_alb', vpcLink, { group: alb }, albListenerPort, 'VPC link to the ALB');
    return { vpcLink };
  }
  const prefixList = new DataAwsEc2ManagedPrefixList(ctx.stack, 'kong_cloudfront_origin_facing', {
    name: cloudfrontOriginFacing,
  });
  new VpcSecurityGroupIngressRule(ctx.stack, 'cloudfront_to_alb_ingress', {
    securityGroupId: alb.id,
    description: 'CloudFront VPC origin to the ALB',
    ipProtocol: 'tcp',
    fromPort: albListenerPort,
    toPort: albListenerPort,
    prefixListId: prefixList.id,
  });
  return { cloudfrontRanges: prefixList };
}
