import type { ClusterResourceItem, GroupKind } from './argo-types.js';
import { istioNamespace } from './constants.js';

/**
 * What the children of the workload project install, kind by kind, so that its whitelists admit
 * exactly that. Our own manifests are checked against renderK8s by the project tests; upstream
 * sources cannot be rendered here, so they are listed from their sources and re-checked by hand on
 * a version bump (see each entry).
 */

/** Objects one upstream source installs with routeplane's values. */
export interface UpstreamObjects {
  readonly namespaced: readonly GroupKind[];
  /** Cluster-scoped objects, by name (a glob for CRD families). */
  readonly cluster: readonly ClusterResourceItem[];
}

const core = (kind: string): GroupKind => ({ group: '', kind });
const apps = (kind: string): GroupKind => ({ group: 'apps', kind });
const rbac = (kind: string, name: string): ClusterResourceItem => ({
  group: 'rbac.authorization.k8s.io',
  kind,
  name,
});
const admission = (kind: string, name: string): ClusterResourceItem => ({
  group: 'admissionregistration.k8s.io',
  kind,
  name,
});
const crds = (name: string): ClusterResourceItem => ({
  group: 'apiextensions.k8s.io',
  kind: 'CustomResourceDefinition',
  name,
});
const networkPolicy: GroupKind = { group: 'networking.k8s.io', kind: 'NetworkPolicy' };

/** Namespaced kinds of generated/k8s (render-k8s); the project test compares them with its output. */
export const routeplaneNamespacedKinds: readonly GroupKind[] = [
  core('ConfigMap'),
  core('Service'),
  core('ServiceAccount'),
  apps('Deployment'),
  { group: 'gateway.networking.k8s.io', kind: 'Gateway' },
  { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' },
  { group: 'gateway.networking.k8s.io', kind: 'ReferenceGrant' },
  networkPolicy,
  { group: 'policy', kind: 'PodDisruptionBudget' },
  { group: 'security.istio.io', kind: 'AuthorizationPolicy' },
  { group: 'security.istio.io', kind: 'PeerAuthentication' },
];

/** Gateway API config/crd/standard at v1.6.1: ten CRDs and the safe-upgrades admission policy. */
export const gatewayApiObjects: UpstreamObjects = {
  namespaced: [],
  cluster: [
    crds('*.gateway.networking.k8s.io'),
    admission('ValidatingAdmissionPolicy', 'safe-upgrades.gateway.networking.k8s.io'),
    admission('ValidatingAdmissionPolicyBinding', 'safe-upgrades.gateway.networking.k8s.io'),
  ],
};

/**
 * Istio 1.30.3 charts (manifests/charts/{base,istio-control/istio-discovery,istio-cni,ztunnel}) with
 * the values of istio-values.ts, release namespace istio-system, no revision. Templates that render
 * nothing with those values: istiod's PodDisruptionBudget (autoscaleMin 1), ValidatingAdmissionPolicy
 * (experimental.stableValidationPolicy false), revision tags, remote-istiod Service/EndpointSlice,
 * jwks ConfigMap; cni's and ztunnel's ResourceQuota (resourceQuotas.enabled false); cni's multus
 * NetworkAttachmentDefinition; ztunnel's ClusterRole/Binding (OpenShift only).
 */
export const istioChartObjects: Readonly<Record<string, UpstreamObjects>> = {
  base: {
    // reader-serviceaccount.yaml
    namespaced: [core('ServiceAccount')],
    cluster: [
      // crds.yaml (files/crd-all.gen.yaml): {extensions,networking,security,telemetry}.istio.io
      crds('*.istio.io'),
      // defaultrevision-validatingwebhookconfiguration.yaml (defaultRevision "default")
      admission('ValidatingWebhookConfiguration', 'istiod-default-validator'),
    ],
  },
  istiod: {
    namespaced: [
      // configmap.yaml, configmap-values.yaml, istiod-injector-configmap.yaml
      core('ConfigMap'),
      core('Service'),
      core('ServiceAccount'),
      apps('Deployment'),
      // autoscale.yaml (autoscaleEnabled, min 1, max 5)
      { group: 'autoscaling', kind: 'HorizontalPodAutoscaler' },
      // global.networkPolicy.enabled
      networkPolicy,
      { group: 'rbac.authorization.k8s.io', kind: 'Role' },
      { group: 'rbac.authorization.k8s.io', kind: 'RoleBinding' },
    ],
    cluster: [
      rbac('ClusterRole', `istiod-clusterrole-${istioNamespace}`),
      rbac('ClusterRole', `istiod-gateway-controller-${istioNamespace}`),
      rbac('ClusterRole', `istio-reader-clusterrole-${istioNamespace}`),
      rbac('ClusterRoleBinding', `istiod-clusterrole-${istioNamespace}`),
      rbac('ClusterRoleBinding', `istiod-gateway-controller-${istioNamespace}`),
      rbac('ClusterRoleBinding', `istio-reader-clusterrole-${istioNamespace}`),
      admission('MutatingWebhookConfiguration', 'istio-sidecar-injector'),
      admission('ValidatingWebhookConfiguration', `istio-validator-${istioNamespace}`),
    ],
  },
  cni: {
    // configmap-cni.yaml, daemonset.yaml, serviceaccount.yaml, networkpolicy.yaml
    namespaced: [core('ConfigMap'), core('ServiceAccount'), apps('DaemonSet'), networkPolicy],
    cluster: [
      // repair.enabled (default) and ambient.enabled (profile ambient) add the two extra pairs.
      rbac('ClusterRole', 'istio-cni'),
      rbac('ClusterRole', 'istio-cni-ambient'),
      rbac('ClusterRole', 'istio-cni-repair-role'),
      rbac('ClusterRoleBinding', 'istio-cni'),
      rbac('ClusterRoleBinding', 'istio-cni-ambient'),
      rbac('ClusterRoleBinding', 'istio-cni-repair-rolebinding'),
    ],
  },
  ztunnel: {
    namespaced: [core('ServiceAccount'), apps('DaemonSet'), networkPolicy],
    cluster: [],
  },
};

function key(item: ClusterResourceItem): string {
  return `${item.group}\u0000${item.kind}\u0000${item.name ?? ''}`;
}

/** Deduplicated and sorted by group, kind, then name: deterministic output. */
export function uniqueSorted<T extends ClusterResourceItem>(items: readonly T[]): T[] {
  const byKey = new Map(items.map((item) => [key(item), item]));
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

/** cert-manager's API group: the PKI child's Certificates (namespaced) and ClusterIssuers. */
const certManagerGroup = 'cert-manager.io';

/** Namespaced kinds of the PKI child (render-k8s pki.ts) beyond routeplaneNamespacedKinds. */
export const pkiNamespacedKinds: readonly GroupKind[] = [
  { group: certManagerGroup, kind: 'Certificate' },
];

/** The PKI child's ClusterIssuers, by name (the self-signed bootstrap and the CA issuer). */
export function pkiClusterObjects(issuers: readonly string[]): readonly ClusterResourceItem[] {
  return issuers.map((name) => ({ group: certManagerGroup, kind: 'ClusterIssuer', name }));
}

/**
 * cert-manager chart v1.21.1 (deploy/charts/cert-manager) with cert-manager-values.ts, release
 * name `cert-manager`: the list helm template prints (the cert-manager test renders it and holds
 * every object against the project). Namespaced: ServiceAccount, Service, Deployment,
 * PodDisruptionBudget, Role, RoleBinding, all in the release namespace. Not rendered with those
 * values: startupapicheck Job and RBAC, NetworkPolicies, PodSecurityPolicies, ServiceMonitor.
 */
const certManagerClusterRoles = [
  'cert-manager-cainjector',
  'cert-manager-controller-approve:cert-manager-io',
  'cert-manager-controller-certificates',
  'cert-manager-controller-certificatesigningrequests',
  'cert-manager-controller-challenges',
  'cert-manager-controller-clusterissuers',
  'cert-manager-controller-ingress-shim',
  'cert-manager-controller-issuers',
  'cert-manager-controller-orders',
  'cert-manager-webhook:subjectaccessreviews',
];
export const certManagerChartObjects: UpstreamObjects = {
  namespaced: [
    core('ServiceAccount'),
    core('Service'),
    apps('Deployment'),
    { group: 'policy', kind: 'PodDisruptionBudget' },
    { group: 'rbac.authorization.k8s.io', kind: 'Role' },
    { group: 'rbac.authorization.k8s.io', kind: 'RoleBinding' },
  ],
  cluster: [
    // crd-*.yaml: {certificates,certificaterequests,issuers,clusterissuers}.cert-manager.io and
    // {orders,challenges}.acme.cert-manager.io (`*` crosses dots in Go's filepath.Match)
    crds('*.cert-manager.io'),
    ...certManagerClusterRoles.map((name) => rbac('ClusterRole', name)),
    // aggregated user-facing roles
    rbac('ClusterRole', 'cert-manager-cluster-view'),
    rbac('ClusterRole', 'cert-manager-edit'),
    rbac('ClusterRole', 'cert-manager-view'),
    ...certManagerClusterRoles.map((name) => rbac('ClusterRoleBinding', name)),
    admission('MutatingWebhookConfiguration', 'cert-manager-webhook'),
    admission('ValidatingWebhookConfiguration', 'cert-manager-webhook'),
  ],
};
