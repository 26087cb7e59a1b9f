import { SecurityGroup } from '@cdktn/provider-aws/lib/security-group/index.js';
import { VpcSecurityGroupEgressRule } from '@cdktn/provider-aws/lib/vpc-security-group-egress-rule/index.js';
import { VpcSecurityGroupIngressRule } from '@cdktn/provider-aws/lib/vpc-security-group-ingress-rule/index.js';
import { idSuffix, type StackContext } from './context.js';
import type { Network } from './network.js';

/**
 * Front-end security group of the internal NLB the AWS Load Balancer Controller creates for the
 * Istio Gateway. Kong's network may reach only the port Kong sends to (the HTTPS listener: the
 * upstream is https-only, so port 80 stays closed). With this group given by annotation and
 * `aws-load-balancer-manage-backend-security-group-rules: "true"`, the controller opens the pod
 * ports on the node security group to this group only, so ip targets need no CIDR rule.
 */
export function addGatewayIngress(ctx: StackContext, network: Network): SecurityGroup {
  const { stack, env } = ctx;
  // The Gateway names this group by its Name tag in the controller's security-groups annotation.
  const name = env.gateway.loadBalancerSecurityGroupName;
  const group = new SecurityGroup(stack, 'gateway_nlb_security_group', {
    name,
    description: `Internal NLB of ${env.gateway.namespace}/${env.gateway.name}: Kong only`,
    vpcId: network.vpc.id,
    tags: { Name: name },
  });
  const kongPorts = [env.kong.upstream.port];
  const sources = env.kong.sourceCidrs;
  const from =
    env.kong.dataPlane.kind === 'dedicated' ? 'Kong Dedicated Cloud Gateway' : 'Kong tasks';
  for (const port of kongPorts) {
    for (const cidr of sources) {
      // One source keeps the id it always had; several (Kong's task subnets) get one rule each.
      const id = `gateway_nlb_from_kong_${port}${sources.length > 1 ? `_${idSuffix(cidr)}` : ''}`;
      new VpcSecurityGroupIngressRule(stack, id, {
        securityGroupId: group.id,
        description: `${from} to the gateway listener ${port}`,
        cidrIpv4: cidr,
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
      });
    }
  }
  // Forwarded traffic and health checks to the gateway pods (ip targets inside the VPC).
  const targetPorts = [...new Set([...kongPorts, env.gateway.statusPort])].sort((a, b) => a - b);
  for (const port of targetPorts) {
    new VpcSecurityGroupEgressRule(stack, `gateway_nlb_to_targets_${port}`, {
      securityGroupId: group.id,
      description: `Gateway pods port ${port}`,
      cidrIpv4: env.aws.vpcCidr,
      ipProtocol: 'tcp',
      fromPort: port,
      toPort: port,
    });
  }
  return group;
}
