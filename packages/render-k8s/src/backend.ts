import type { BackendModel, GatewayModel } from '@routeplane/model';
import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import { backendDeployment } from './backend-deployment.js';
import type { AuthorizationPolicySpec } from './crd-types.js';
import { ambientKubeletProbeCidr, gatewayNameLabel, hbonePort } from './labels.js';
import { ingressPolicy, ipBlocks, podsInNamespace, tcpPorts } from './network-policy.js';
import { nginxServerConfig } from './nginx-config.js';
import { type K8sObject, synthObjects } from './synth.js';
import { useWaypointLabels } from './waypoint.js';

/** ClusterIP Service on the convention port, targeting the container port by name. */
function service(scope: Construct, b: BackendModel): k8s.KubeService {
  const labels =
    b.waypoint === undefined ? b.labels : { ...b.labels, ...useWaypointLabels(b.waypoint) };
  return new k8s.KubeService(scope, 'service', {
    metadata: { name: b.name, labels: { ...labels } },
    spec: {
      ports: [
        {
          name: b.portName,
          port: b.servicePort,
          protocol: 'TCP',
          targetPort: k8s.IntOrString.fromString(b.portName),
        },
      ],
      selector: { ...b.selectorLabels },
      type: 'ClusterIP',
    },
  });
}

/**
 * L4-only ALLOW policy enforced by ztunnel. Its port is the container port, not the Service
 * port: ztunnel authorizes the connection at the destination pod, after the Service VIP has
 * been resolved to an endpoint, so it sees the pod's target port (8080), never 80.
 */
function authorizationPolicy(scope: Construct, b: BackendModel, gw: GatewayModel): ApiObject {
  // Behind a waypoint every caller arrives as the waypoint, which has already applied the L7 policy.
  const principals =
    b.waypoint === undefined
      ? [gw.principal, ...b.allowFrom.map((c) => c.principal)]
      : [b.waypoint.principal];
  const spec: AuthorizationPolicySpec = {
    selector: { matchLabels: { ...b.selectorLabels } },
    action: 'ALLOW',
    rules: [
      {
        from: [{ source: { principals: [...new Set(principals)].sort() } }],
        to: [{ operation: { ports: [String(b.containerPort)] } }],
      },
    ],
  };
  return new ApiObject(scope, 'authorization-policy', {
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { name: b.name, labels: { ...b.labels } },
    spec,
  });
}

/**
 * Who may open connections to this backend's pods. Under ambient, mesh traffic arrives as HBONE on
 * 15008 and kubelet probes come from 169.254.7.127, so both must be admitted besides the server
 * port; the AuthorizationPolicy then narrows mesh callers to their identities.
 */
function networkPolicy(scope: Construct, b: BackendModel, gw: GatewayModel): ApiObject {
  const meshPorts = tcpPorts(b.containerPort, hbonePort);
  if (b.waypoint !== undefined) {
    // Only the waypoint reaches the pods (HBONE); the gateway and the callers reach the waypoint.
    return ingressPolicy(scope, `${b.name}-ingress`, b.selectorLabels, [
      {
        from: [{ podSelector: { matchLabels: { [gatewayNameLabel]: b.waypoint.name } } }],
        ports: meshPorts,
      },
      { from: ipBlocks(ambientKubeletProbeCidr), ports: tcpPorts(b.containerPort) },
    ]);
  }
  const callerNamespaces = [...new Set(b.allowFrom.map((c) => c.namespace))].sort();
  return ingressPolicy(scope, `${b.name}-ingress`, b.selectorLabels, [
    { from: [podsInNamespace(gw.namespace, { [gatewayNameLabel]: gw.name })], ports: meshPorts },
    ...(callerNamespaces.length > 0
      ? [{ from: callerNamespaces.map((ns) => podsInNamespace(ns)), ports: meshPorts }]
      : []),
    { from: ipBlocks(ambientKubeletProbeCidr), ports: tcpPorts(b.containerPort) },
  ]);
}

/** Every object of one backend, in apply order: identity, content, workload, Service, policies. */
export function backendObjects(b: BackendModel, gw: GatewayModel): K8sObject[] {
  return synthObjects(b.namespace, (scope) => {
    new k8s.KubeServiceAccount(scope, 'service-account', {
      metadata: { name: b.name, labels: { ...b.labels } },
      automountServiceAccountToken: false,
    });
    const configMapName = `${b.name}-nginx`;
    new k8s.KubeConfigMap(scope, 'config', {
      metadata: { name: configMapName, labels: { ...b.labels } },
      data: { 'default.conf': nginxServerConfig(b) },
    });
    backendDeployment(scope, b, configMapName);
    service(scope, b);
    new k8s.KubePodDisruptionBudget(scope, 'pdb', {
      metadata: { name: b.name, labels: { ...b.labels } },
      // maxUnavailable never blocks a drain, whatever the replica count.
      spec: {
        maxUnavailable: k8s.IntOrString.fromNumber(1),
        selector: { matchLabels: { ...b.selectorLabels } },
      },
    });
    authorizationPolicy(scope, b, gw);
    networkPolicy(scope, b, gw);
  });
}
