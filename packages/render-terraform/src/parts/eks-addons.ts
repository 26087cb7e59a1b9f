import { EksAddon } from '@cdktn/provider-aws/lib/eks-addon/index.js';
import type { EksCluster } from '@cdktn/provider-aws/lib/eks-cluster/index.js';
import type { StackContext } from './context.js';
import type { NodeGroups } from './node-groups.js';

export interface Addons {
  readonly podIdentityAgent: EksAddon;
}

/**
 * EKS-managed add-ons at the default version for the cluster's Kubernetes version. CoreDNS waits
 * for the node groups: it is a Deployment and never becomes healthy without nodes.
 */
export function addEksAddons(ctx: StackContext, cluster: EksCluster, nodes: NodeGroups): Addons {
  const addon = (name: string, afterNodes: boolean, configuration?: object): EksAddon =>
    new EksAddon(ctx.stack, `addon_${name.replace(/-/g, '_')}`, {
      clusterName: cluster.name,
      addonName: name,
      resolveConflictsOnCreate: 'OVERWRITE',
      resolveConflictsOnUpdate: 'OVERWRITE',
      ...(configuration ? { configurationValues: JSON.stringify(configuration) } : {}),
      ...(afterNodes ? { dependsOn: [nodes.system, nodes.user] } : {}),
    });
  // The VPC CNI enforces NetworkPolicy only when told to: without this every rendered policy
  // (default deny, HBONE 15008, kubelet probes) and Istio's own would be accepted and ignored.
  addon('vpc-cni', false, { enableNetworkPolicy: 'true' });
  addon('kube-proxy', false);
  addon('coredns', true);
  return { podIdentityAgent: addon('eks-pod-identity-agent', false) };
}
