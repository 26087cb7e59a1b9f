import type { EnvironmentModel } from '@routeplane/model';
import { k8s } from 'cdk8s-plus-28';
import { gatewayNameLabel } from './labels.js';
import { ingressPolicy, ipBlocks, tcpPorts } from './network-policy.js';
import { strictPeerAuthentication } from './peer-authentication.js';
import { type K8sObject, synthObjects } from './synth.js';

/**
 * Mesh and network policy of the gateway namespace: STRICT mTLS, default-deny ingress, and the
 * gateway pods open to the VPC (the NLB's ip targets see the NLB's private address, client IP
 * preservation being off by default for ip targets) and to Kong's sources (`kong.sourceCidrs`: the
 * Konnect network of every data-plane region, none through a private endpoint, or exactly Kong's
 * task subnets on ECS Fargate, if client IP preservation is ever turned on) on the listener ports and the status port the NLB health-checks.
 * Egress stays open: the gateway needs istiod, DNS and every backend's HBONE port.
 */
export function gatewayPolicyObjects(env: EnvironmentModel): K8sObject[] {
  const gw = env.gateway;
  return synthObjects(gw.namespace, (scope) => {
    strictPeerAuthentication(scope);
    new k8s.KubeNetworkPolicy(scope, 'default-deny', {
      metadata: { name: 'default-deny-ingress' },
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    });
    ingressPolicy(scope, `${gw.name}-ingress`, { [gatewayNameLabel]: gw.name }, [
      {
        from: ipBlocks(env.aws.vpcCidr, ...env.kong.sourceCidrs),
        ports: tcpPorts(gw.httpPort, gw.httpsPort, gw.statusPort),
      },
    ]);
  });
}
