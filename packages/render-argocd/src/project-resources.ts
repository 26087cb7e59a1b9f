import { compareText } from '@routeplane/model';
import type { ClusterResourceItem, GroupKind } from './argo-types.js';
import { chartInventory } from './chart-inventory/chart-inventory.generated.js';

/**
 * What the children of the workload project install, kind by kind, so that its whitelists admit
 * exactly that. Our own manifests are checked against renderK8s by the project tests; the Helm
 * charts' objects come from the chart inventory; the Gateway API CRDs (a git path upstream) are
 * listed from their source.
 */

/** Objects one upstream source installs with routeplane's values. */
export interface UpstreamObjects {
  readonly namespaced: readonly GroupKind[];
  /** Cluster-scoped objects, by name (a glob for CRD families). */
  readonly cluster: readonly ClusterResourceItem[];
}

const core = (kind: string): GroupKind => ({ group: '', kind });
const apps = (kind: string): GroupKind => ({ group: 'apps', kind });
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
 * What the Helm children install, from the committed chart inventory (rendered by real
 * `helm template` of the pinned charts with routeplane's values; see chart-inventory/).
 */
export function helmChartObjects(): UpstreamObjects {
  const objects = Object.values(chartInventory).flatMap((entry) => entry.objects);
  return {
    namespaced: objects
      .filter((o) => o.namespace !== undefined)
      .map((o) => ({ group: o.group, kind: o.kind })),
    cluster: objects
      .filter((o) => o.namespace === undefined)
      .map((o) => ({ group: o.group, kind: o.kind, name: o.name })),
  };
}

function key(item: ClusterResourceItem): string {
  return `${item.group}\u0000${item.kind}\u0000${item.name ?? ''}`;
}

/** Deduplicated and sorted by group, kind, then name: deterministic output. */
export function uniqueSorted<T extends ClusterResourceItem>(items: readonly T[]): T[] {
  const byKey = new Map(items.map((item) => [key(item), item]));
  return [...byKey.entries()].sort(([a], [b]) => compareText(a, b)).map(([, v]) => v);
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
