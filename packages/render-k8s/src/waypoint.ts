import type { BackendModel, GatewayModel, WaypointModel } from '@routeplane/model';
import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import { stringify } from 'yaml';
import type { WaypointAuthorizationPolicySpec, WaypointGatewaySpec } from './crd-types.js';
import { gatewayNameLabel, hbonePort, zoneTopologyKey } from './labels.js';
import { ipBlocks, podsInNamespace, tcpPorts } from './network-policy.js';
import { type K8sObject, synthObjects } from './synth.js';

/** Istio's GatewayClass for waypoints (istiod creates it in the ambient profile). */
export const waypointClassName = 'istio-waypoint';
/** Status port of every Istio proxy; the waypoint's readiness and startup probes ask it. */
const statusPort = 15021;
/** istiod's xDS and CA port, which the waypoint dials for its configuration and certificate. */
const istiodXdsPort = 15012;
const istioNamespace = 'istio-system';

/** Labels on the Service that send its traffic through the waypoint. */
export function useWaypointLabels(w: WaypointModel): Record<string, string> {
  return {
    'istio.io/use-waypoint': w.name,
    // Without it the ingress gateway sends straight to the pods and skips the waypoint's L7 policy.
    'istio.io/ingress-use-waypoint': 'true',
  };
}

/**
 * Overlays Istio merges into the waypoint Deployment and PodDisruptionBudget it generates from its
 * `waypoint` template (istiod chart files/waypoint.yaml): that template sets runAsNonRoot, UID 1337,
 * no privilege escalation, capabilities dropped and a read-only root, but a seccomp profile only if
 * `gateways.seccompProfile` is set, which restricted Pod Security requires.
 */
export function waypointOverlays(w: WaypointModel): Record<string, unknown> {
  return {
    deployment: {
      spec: {
        replicas: w.replicas,
        template: {
          spec: {
            securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
            topologySpreadConstraints: [
              {
                labelSelector: { matchLabels: { [gatewayNameLabel]: w.name } },
                maxSkew: 1,
                topologyKey: zoneTopologyKey,
                whenUnsatisfiable: 'ScheduleAnyway',
              },
            ],
          },
        },
      },
    },
    podDisruptionBudget: { spec: { minAvailable: 1 } },
  };
}

export function waypointGatewaySpec(w: WaypointModel): WaypointGatewaySpec {
  return {
    gatewayClassName: waypointClassName,
    infrastructure: {
      parametersRef: { group: '', kind: 'ConfigMap', name: w.parametersConfigMapName },
    },
    // The shape `istioctl waypoint generate` prints: one HBONE listener named mesh on 15008.
    listeners: [{ name: 'mesh', port: hbonePort, protocol: 'HBONE' }],
  };
}

/**
 * The L7 policy the waypoint enforces for the Service: the ingress gateway may send exactly the
 * methods and paths of the routes that target it, the catalog's allowFrom callers anything. Istio
 * denies whatever no rule of an ALLOW policy matches, so this list is also the deny of the rest.
 */
export function waypointAuthorizationPolicySpec(
  b: BackendModel,
  w: WaypointModel,
  gw: GatewayModel,
): WaypointAuthorizationPolicySpec {
  const callers = b.allowFrom.map((c) => c.principal);
  return {
    targetRefs: [{ group: '', kind: 'Service', name: b.name }],
    action: 'ALLOW',
    rules: [
      ...w.routeRules.map((r) => ({
        from: [{ source: { principals: [gw.principal] } }],
        to: [
          {
            operation: {
              ...(r.methods.length > 0 ? { methods: [...r.methods] } : {}),
              paths: [...r.paths],
            },
          },
        ],
      })),
      ...(callers.length > 0 ? [{ from: [{ source: { principals: callers } }] }] : []),
    ],
  };
}

/**
 * Traffic of the waypoint pods: HBONE in from the ingress gateway and the allowFrom callers, the
 * status port from the VPC (kubelet probes come from the node's address: the waypoint pod is not
 * ambient-captured, so 169.254.7.127 does not apply); out to istiod and to the service's pods on
 * HBONE. DNS egress is the namespace's own allow-dns-egress.
 */
function waypointNetworkPolicy(
  scope: Construct,
  b: BackendModel,
  w: WaypointModel,
  gw: GatewayModel,
  vpcCidr: string,
): void {
  const callerNamespaces = [...new Set(b.allowFrom.map((c) => c.namespace))].sort();
  new k8s.KubeNetworkPolicy(scope, 'waypoint-traffic', {
    metadata: { name: w.name },
    spec: {
      podSelector: { matchLabels: { [gatewayNameLabel]: w.name } },
      policyTypes: ['Egress', 'Ingress'],
      ingress: [
        {
          from: [
            podsInNamespace(gw.namespace, { [gatewayNameLabel]: gw.name }),
            ...callerNamespaces.map((ns) => podsInNamespace(ns)),
          ],
          ports: tcpPorts(hbonePort),
        },
        { from: ipBlocks(vpcCidr), ports: tcpPorts(statusPort) },
      ],
      egress: [
        {
          to: [podsInNamespace(istioNamespace, { app: 'istiod' })],
          ports: tcpPorts(istiodXdsPort),
        },
        {
          to: [{ podSelector: { matchLabels: { ...b.selectorLabels } } }],
          ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(hbonePort) }],
        },
      ],
    },
  });
}

/** Every object of one service's waypoint, in apply order: options, Gateway, L7 policy, network. */
export function waypointObjects(b: BackendModel, gw: GatewayModel, vpcCidr: string): K8sObject[] {
  const w = b.waypoint;
  if (w === undefined) return [];
  return synthObjects(w.namespace, (scope) => {
    new k8s.KubeConfigMap(scope, 'options', {
      metadata: { name: w.parametersConfigMapName },
      data: Object.fromEntries(
        Object.entries(waypointOverlays(w)).map(([key, value]) => [
          key,
          stringify(value, { sortMapEntries: true }),
        ]),
      ),
    });
    new ApiObject(scope, 'gateway', {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: w.name, labels: { 'istio.io/waypoint-for': 'service' } },
      spec: waypointGatewaySpec(w),
    });
    new ApiObject(scope, 'l7-policy', {
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { name: `${b.name}-l7` },
      spec: waypointAuthorizationPolicySpec(b, w, gw),
    });
    waypointNetworkPolicy(scope, b, w, gw, vpcCidr);
  });
}
