import type { SecurityGroup } from '@cdktn/provider-aws/lib/security-group/index.js';
import { VpcSecurityGroupIngressRule } from '@cdktn/provider-aws/lib/vpc-security-group-ingress-rule/index.js';
import type { StackContext } from '../context.js';

/**
 * Admits an extra region's Konnect network at the gateway NLB, on the upstream port only (the home
 * network's rule is parts/gateway-ingress.ts's).
 */
export function admitRegionNetwork(
  ctx: StackContext,
  group: SecurityGroup,
  id: string,
  region: string,
  cidr: string,
): void {
  const port = ctx.env.kong.upstream.port;
  new VpcSecurityGroupIngressRule(ctx.stack, `gateway_nlb_from_kong_${id}_${port}`, {
    securityGroupId: group.id,
    description: `Kong data planes in ${region} to the gateway listener ${port}`,
    cidrIpv4: cidr,
    ipProtocol: 'tcp',
    fromPort: port,
    toPort: port,
  });
}
