import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import type { AuthorizationPolicySpec } from './crd-types.js';
import { namespaceNameLabel } from './labels.js';
import { strictPeerAuthentication } from './peer-authentication.js';
import { type K8sObject, synthObjects } from './synth.js';

/**
 * Baseline of a backend namespace: STRICT mTLS, Istio's "allow-nothing" (an ALLOW policy without
 * rules, so a pod admits only what a backend's own policy allows), and NetworkPolicies denying all
 * ingress and egress except DNS. The sample servers open no connections of their own.
 */
export function backendNamespacePolicyObjects(namespace: string): K8sObject[] {
  return synthObjects(namespace, (scope) => {
    strictPeerAuthentication(scope);
    const allowNothing: AuthorizationPolicySpec = {};
    new ApiObject(scope, 'allow-nothing', {
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { name: 'allow-nothing' },
      spec: allowNothing,
    });
    new k8s.KubeNetworkPolicy(scope, 'default-deny', {
      metadata: { name: 'default-deny' },
      spec: { podSelector: {}, policyTypes: ['Egress', 'Ingress'] },
    });
    const dnsPort = k8s.IntOrString.fromNumber(53);
    new k8s.KubeNetworkPolicy(scope, 'allow-dns', {
      metadata: { name: 'allow-dns-egress' },
      spec: {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          {
            to: [
              {
                namespaceSelector: { matchLabels: { [namespaceNameLabel]: 'kube-system' } },
                podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
              },
            ],
            ports: [
              { protocol: 'TCP', port: dnsPort },
              { protocol: 'UDP', port: dnsPort },
            ],
          },
        ],
      },
    });
  });
}
