import type { BackendModel, GatewayModel, NamespaceModel } from '@routeplane/model';
import type { CatalogWithDefaults, Environment } from './catalog-with-defaults.generated.js';
import { byName, sortedRecord } from './resolve-order.js';
import { resolvePki } from './resolve-pki.js';

export function resolveGateway(
  catalog: CatalogWithDefaults,
  env: Environment,
  clusterName: string,
): GatewayModel {
  const g = catalog.gateway;
  const className = 'istio';
  const generatedName = `${g.name}-${className}`;
  return {
    name: g.name,
    namespace: g.namespace,
    className,
    hostname: g.hostname,
    tlsSecretName: g.tlsSecretName,
    httpPort: g.httpPort,
    httpsPort: g.httpsPort,
    replicas: env.gatewayReplicas ?? g.replicas,
    generatedName,
    principal: `cluster.local/ns/${g.namespace}/sa/${generatedName}`,
    parametersConfigMapName: `${g.name}-options`,
    systemNodeSelector: sortedRecord(g.systemNodeSelector as Record<string, string>),
    systemToleration: {
      key: 'CriticalAddonsOnly',
      operator: 'Equal',
      value: 'true',
      effect: 'NoSchedule',
    },
    statusPort: 15021,
    loadBalancerSecurityGroupName: `${clusterName}-gateway-nlb`,
    pki: resolvePki(g, env.name),
  };
}

export function resolveNamespaces(
  gateway: GatewayModel,
  services: readonly BackendModel[],
  kubernetesVersion: string,
): NamespaceModel[] {
  const psaVersion = `v${kubernetesVersion}`;
  const backendNamespaces = [...new Set(services.map((s) => s.namespace))];
  const namespaces: NamespaceModel[] = backendNamespaces
    .filter((ns) => ns !== gateway.namespace)
    .map((name) => ({
      name,
      role: 'backend',
      labels: sortedRecord({
        'app.kubernetes.io/managed-by': 'routeplane',
        'istio.io/dataplane-mode': 'ambient',
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/enforce-version': psaVersion,
        'pod-security.kubernetes.io/audit': 'restricted',
        'pod-security.kubernetes.io/warn': 'restricted',
        'routeplane.dev/role': 'backend',
      }),
    }));
  // The gateway namespace is not ambient-enrolled: the NLB sends plain TLS to the gateway pods,
  // which STRICT mTLS would refuse; the gateway speaks HBONE to ambient backends by itself.
  // The gateway pod Istio generates passes "restricted", so the namespace enforces it. The AWS Load
  // Balancer Controller injects its readiness gate only into namespaces carrying the label: a new
  // gateway pod then turns Ready only once the NLB target is healthy, so rollouts drop no targets.
  namespaces.push({
    name: gateway.namespace,
    role: 'gateway',
    labels: sortedRecord({
      'app.kubernetes.io/managed-by': 'routeplane',
      'elbv2.k8s.aws/pod-readiness-gate-inject': 'enabled',
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/enforce-version': psaVersion,
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/warn': 'restricted',
      'routeplane.dev/role': 'gateway',
    }),
  });
  // cert-manager, the CA key and Kong's client key: outside the mesh (the API server calls the
  // webhook directly), restricted Pod Security enforced (the chart's pods comply).
  namespaces.push({
    name: gateway.pki.namespace,
    role: 'pki',
    labels: sortedRecord({
      'app.kubernetes.io/managed-by': 'routeplane',
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/enforce-version': psaVersion,
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/warn': 'restricted',
      'routeplane.dev/role': 'pki',
    }),
  });
  return namespaces.sort(byName);
}
