import type { EnvironmentModel } from '@routeplane/catalog';
import type { AppProject, GroupKind } from './argo-types.js';
import {
  argoApiVersion,
  gatewayApiRepoURL,
  istioChartRepoURL,
  istioNamespace,
  syncWaveAnnotation,
} from './constants.js';

/** Wave of the AppProject inside the root Application: before every child that names it. */
export const projectWave = -3;

/**
 * Cluster-scoped kinds the children install, and nothing else. Namespaced kinds stay open: the
 * destinations below already confine them to the namespaces in use.
 */
export const clusterResourceWhitelist: readonly GroupKind[] = [
  // istiod's sidecar injector (kept even in ambient; the chart always renders it).
  { group: 'admissionregistration.k8s.io', kind: 'MutatingWebhookConfiguration' },
  // Gateway API safe-upgrades policy; Istio base/istiod policies.
  { group: 'admissionregistration.k8s.io', kind: 'ValidatingAdmissionPolicy' },
  { group: 'admissionregistration.k8s.io', kind: 'ValidatingAdmissionPolicyBinding' },
  // Istio config validation (base default validator, istiod validator).
  { group: 'admissionregistration.k8s.io', kind: 'ValidatingWebhookConfiguration' },
  // Gateway API CRDs and Istio CRDs.
  { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' },
  // The namespaces child, and CreateNamespace for istio-system.
  { group: '', kind: 'Namespace' },
  // istiod, istio-cni, ztunnel and Gateway API aggregation roles.
  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' },
  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding' },
];

/** Every namespace a child (or the root) deploys into, sorted. */
export function projectNamespaces(env: EnvironmentModel): readonly string[] {
  const names = new Set([
    env.argocd.namespace,
    istioNamespace,
    ...env.namespaces.map((n) => n.name),
  ]);
  return [...names].sort();
}

/** The dedicated AppProject of one environment; no Application uses `default`. */
export function appProject(env: EnvironmentModel): AppProject {
  return {
    apiVersion: argoApiVersion,
    kind: 'AppProject',
    metadata: {
      name: env.argocd.project,
      namespace: env.argocd.namespace,
      labels: { 'app.kubernetes.io/managed-by': 'routeplane' },
      annotations: { [syncWaveAnnotation]: String(projectWave) },
    },
    spec: {
      description: `routeplane ${env.name}: Gateway API, Istio ambient, gateway, routes and backends`,
      sourceRepos: [...new Set([env.gitops.repoURL, gatewayApiRepoURL, istioChartRepoURL])].sort(),
      destinations: projectNamespaces(env).map((namespace) => ({
        server: env.gitops.destinationServer,
        namespace,
      })),
      clusterResourceWhitelist,
    },
  };
}
