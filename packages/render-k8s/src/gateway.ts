import type { EnvironmentModel, GatewayModel } from '@routeplane/model';
import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { stringify } from 'yaml';
import type { GatewayListener, GatewaySpec, HttpRouteSpec } from './crd-types.js';
import { gatewayNameLabel, zoneTopologyKey } from './labels.js';
import { type K8sObject, synthObjects } from './synth.js';

const gatewayApiGroup = 'gateway.networking.k8s.io';

/** Names of the two listeners; HTTPRoutes attach to `https` by sectionName. */
export const httpsListener = 'https';
export const httpListener = 'http';

/**
 * AWS Load Balancer Controller annotations Istio copies onto the Service it generates: an internal
 * NLB sending straight to pod IPs, health-checking Envoy's readiness on the status port.
 */
function nlbAnnotations(gw: GatewayModel): Record<string, string> {
  const prefix = 'service.beta.kubernetes.io/aws-load-balancer';
  return {
    [`${prefix}-healthcheck-path`]: '/healthz/ready',
    [`${prefix}-healthcheck-port`]: String(gw.statusPort),
    [`${prefix}-healthcheck-protocol`]: 'HTTP',
    [`${prefix}-nlb-target-type`]: 'ip',
    [`${prefix}-scheme`]: 'internal',
    // Terraform's security group admits only Kong's network on the HTTPS port; the controller
    // then opens the pod ports on the node security group to that group alone.
    [`${prefix}-security-groups`]: gw.loadBalancerSecurityGroupName,
    [`${prefix}-manage-backend-security-group-rules`]: 'true',
    [`${prefix}-type`]: 'external',
  };
}

function listener(gw: GatewayModel, name: string, port: number, tls: boolean): GatewayListener {
  return {
    name,
    hostname: gw.hostname,
    port,
    protocol: tls ? 'HTTPS' : 'HTTP',
    ...(tls
      ? {
          tls: {
            mode: 'Terminate',
            // The Secret lives beside the Gateway: no ReferenceGrant needed.
            // Issued and renewed by cert-manager (pki child, an earlier wave).
            certificateRefs: [{ group: '', kind: 'Secret', name: gw.pki.serving.secretName }],
          },
        }
      : {}),
    // Routes live in the gateway namespace (the platform team owns routing).
    allowedRoutes: {
      namespaces: { from: 'Same' },
      kinds: [{ group: gatewayApiGroup, kind: 'HTTPRoute' }],
    },
  };
}

export function gatewaySpec(gw: GatewayModel): GatewaySpec {
  return {
    gatewayClassName: gw.className,
    infrastructure: {
      annotations: nlbAnnotations(gw),
      parametersRef: { group: '', kind: 'ConfigMap', name: gw.parametersConfigMapName },
    },
    listeners: [
      listener(gw, httpListener, gw.httpPort, false),
      listener(gw, httpsListener, gw.httpsPort, true),
    ],
    tls: {
      frontend: {
        default: {
          // Every TLS listener demands a client certificate signed by the environment's CA: the NLB
          // (and so the whole VPC) reaches port 443, but only Kong holds such a certificate.
          // Istio 1.30 reads the CA from `ca.crt` of a Secret (or a ConfigMap) and accepts exactly
          // one ref (pilot/pkg/config/kube/gateway/conversion.go, buildCaCertificateReference); the
          // serving certificate's Secret carries the issuing CA in `ca.crt`, beside the Gateway,
          // so no ReferenceGrant and no CA key are involved.
          validation: {
            caCertificateRefs: [{ group: '', kind: 'Secret', name: gw.pki.serving.secretName }],
            mode: 'AllowValidOnly',
          },
        },
      },
    },
  };
}

/**
 * Overlays Istio merges into the Deployment and PodDisruptionBudget it generates. Labels on the
 * Gateway do not schedule pods; only this `deployment` overlay pins them to the system pool.
 */
export function gatewayOverlays(gw: GatewayModel): Record<string, unknown> {
  const podSelector = { matchLabels: { [gatewayNameLabel]: gw.name } };
  return {
    deployment: {
      spec: {
        replicas: gw.replicas,
        template: {
          metadata: {
            // Envoy speaks HBONE itself; ztunnel must not capture the pod, or STRICT mTLS
            // would reject the NLB's plain connections.
            labels: { 'istio.io/dataplane-mode': 'none' },
          },
          spec: {
            nodeSelector: { ...gw.systemNodeSelector },
            tolerations: [{ ...gw.systemToleration }],
            // Istio's template sets no seccomp profile; restricted Pod Security requires one.
            securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
            topologySpreadConstraints: [
              {
                labelSelector: podSelector,
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

/** Port 80 only redirects: Kong reaches the gateway on 443, nothing should be served in clear. */
function redirectRouteSpec(gw: GatewayModel): HttpRouteSpec {
  return {
    parentRefs: [
      { group: gatewayApiGroup, kind: 'Gateway', name: gw.name, sectionName: httpListener },
    ],
    rules: [
      {
        filters: [
          { type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } },
        ],
      },
    ],
  };
}

export interface GatewayObjects {
  readonly gateway: K8sObject[];
  readonly redirect: K8sObject[];
}

export function gatewayObjects(env: EnvironmentModel): GatewayObjects {
  const gw = env.gateway;
  const gateway = synthObjects(gw.namespace, (scope) => {
    const overlays = gatewayOverlays(gw);
    new k8s.KubeConfigMap(scope, 'options', {
      metadata: { name: gw.parametersConfigMapName },
      data: Object.fromEntries(
        Object.entries(overlays).map(([key, value]) => [
          key,
          stringify(value, { sortMapEntries: true }),
        ]),
      ),
    });
    new ApiObject(scope, 'gateway', {
      apiVersion: `${gatewayApiGroup}/v1`,
      kind: 'Gateway',
      metadata: { name: gw.name },
      spec: gatewaySpec(gw),
    });
  });
  const redirect = synthObjects(gw.namespace, (scope) => {
    new ApiObject(scope, 'redirect', {
      apiVersion: `${gatewayApiGroup}/v1`,
      kind: 'HTTPRoute',
      metadata: { name: `${gw.name}-https-redirect` },
      spec: redirectRouteSpec(gw),
    });
  });
  return { gateway, redirect };
}
