import { Lb } from '@cdktn/provider-aws/lib/lb/index.js';
import { LbListener } from '@cdktn/provider-aws/lib/lb-listener/index.js';
import { LbTargetGroup } from '@cdktn/provider-aws/lib/lb-target-group/index.js';
import type { EcsFargateModel } from '@routeplane/model';
import type { StackContext } from '../context.js';
import { elbName } from '../elb-name.js';
import type { KongNetwork } from './kong-network.js';
import { albListenerPort, type KongSecurityGroups } from './security-groups.js';

export interface KongAlb {
  readonly alb: Lb;
  readonly targetGroup: LbTargetGroup;
  readonly listener: LbListener;
}

/** Internal ALB in the web subnets; targets are Kong's proxy port, health is Kong's status API. */
export function addKongAlb(
  ctx: StackContext,
  ecs: EcsFargateModel,
  network: KongNetwork,
  groups: KongSecurityGroups,
): KongAlb {
  const { stack } = ctx;
  const alb = new Lb(stack, 'kong_alb', {
    name: elbName(ecs.name, 'alb'),
    internal: true,
    loadBalancerType: 'application',
    subnets: network.web.map((s) => s.id),
    securityGroups: [groups.alb.id],
    dropInvalidHeaderFields: true,
    tags: { Name: `${ecs.name}-alb` },
  });
  const targetGroup = new LbTargetGroup(stack, 'kong_proxy_target_group', {
    name: elbName(ecs.name, 'proxy'),
    port: ecs.proxyPort,
    protocol: 'HTTP',
    targetType: 'ip',
    vpcId: network.vpc.id,
    deregistrationDelay: '30',
    healthCheck: {
      path: '/status/ready',
      port: String(ecs.statusPort),
      protocol: 'HTTP',
      matcher: '200',
      interval: 10,
      healthyThreshold: 2,
      unhealthyThreshold: 3,
    },
    tags: { Name: `${ecs.name}-proxy` },
  });
  const listener = new LbListener(stack, 'kong_alb_listener', {
    loadBalancerArn: alb.arn,
    port: albListenerPort,
    protocol: 'HTTP',
    defaultAction: [{ type: 'forward', targetGroupArn: targetGroup.arn }],
  });
  return { alb, targetGroup, listener };
}
