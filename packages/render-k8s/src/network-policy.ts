import type { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import { namespaceNameLabel } from './labels.js';

/**
 * Thin helpers over the generated `KubeNetworkPolicy` binding. cdk8s-plus' NetworkPolicy cannot
 * express "pods with label X in the namespace named Y" without its own selector labels, so the
 * typed L1 binding is used instead.
 */

export function tcpPorts(...ports: readonly number[]): k8s.NetworkPolicyPort[] {
  return [...new Set(ports)]
    .sort((a, b) => a - b)
    .map((port) => ({ protocol: 'TCP', port: k8s.IntOrString.fromNumber(port) }));
}

export function podsInNamespace(
  namespace: string,
  podLabels?: Readonly<Record<string, string>>,
): k8s.NetworkPolicyPeer {
  return {
    namespaceSelector: { matchLabels: { [namespaceNameLabel]: namespace } },
    ...(podLabels === undefined ? {} : { podSelector: { matchLabels: { ...podLabels } } }),
  };
}

export function ipBlocks(...cidrs: readonly string[]): k8s.NetworkPolicyPeer[] {
  return [...new Set(cidrs)].sort().map((cidr) => ({ ipBlock: { cidr } }));
}

export interface IngressRule {
  readonly from: readonly k8s.NetworkPolicyPeer[];
  readonly ports: readonly k8s.NetworkPolicyPort[];
}

/** An ingress-only policy for the pods matching `podLabels` (all pods when empty). */
export function ingressPolicy(
  scope: Construct,
  name: string,
  podLabels: Readonly<Record<string, string>>,
  rules: readonly IngressRule[],
): ApiObject {
  return new k8s.KubeNetworkPolicy(scope, name, {
    metadata: { name },
    spec: {
      podSelector: Object.keys(podLabels).length === 0 ? {} : { matchLabels: { ...podLabels } },
      policyTypes: ['Ingress'],
      ingress: rules.map((r) => ({ from: [...r.from], ports: [...r.ports] })),
    },
  });
}
