import type { EksCluster } from '@cdktn/provider-aws/lib/eks-cluster/index.js';
import { VpcSecurityGroupIngressRule } from '@cdktn/provider-aws/lib/vpc-security-group-ingress-rule/index.js';
import { idSuffix, type StackContext } from './context.js';

/** The API server's port on the private endpoint. */
export const apiServerPort = 443;

/**
 * `aws.cluster.apiAccess.privateSources`: HTTPS to the private endpoint from the runner's networks.
 * The cluster security group EKS creates admits only itself, so without these rules a runner in a
 * connected network (VPN, peering, Transit Gateway) times out. The public endpoint part of
 * apiAccess is set on the cluster itself (eks-cluster.ts). Returned so the Helm releases wait.
 */
export function addPrivateApiAccess(
  ctx: StackContext,
  cluster: EksCluster,
): VpcSecurityGroupIngressRule[] {
  const { stack, env } = ctx;
  const securityGroupId = cluster.vpcConfig.clusterSecurityGroupId;
  const common = {
    securityGroupId,
    ipProtocol: 'tcp',
    fromPort: apiServerPort,
    toPort: apiServerPort,
  };
  const { privateCidrs, privatePrefixListIds } = env.aws.cluster.apiAccess;
  return [
    ...privateCidrs.map(
      (cidr) =>
        new VpcSecurityGroupIngressRule(stack, `api_from_${idSuffix(cidr)}`, {
          ...common,
          description: `Kubernetes API from ${cidr} (aws.cluster.apiAccess)`,
          cidrIpv4: cidr,
        }),
    ),
    ...privatePrefixListIds.map(
      (id) =>
        new VpcSecurityGroupIngressRule(stack, `api_from_${idSuffix(id)}`, {
          ...common,
          description: `Kubernetes API from prefix list ${id} (aws.cluster.apiAccess)`,
          prefixListId: id,
        }),
    ),
  ];
}
