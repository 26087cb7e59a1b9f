import type { EnvironmentModel } from '@routeplane/model';
import type { AppProject, ClusterResourceItem, GroupKind } from './argo-types.js';
import { certManagerChartRepoURL } from './cert-manager-values.js';
import {
  argoApiVersion,
  gatewayApiRepoURL,
  istioChartRepoURL,
  istioNamespace,
  syncWaveAnnotation,
} from './constants.js';
import {
  gatewayApiObjects,
  helmChartObjects,
  pkiClusterObjects,
  pkiNamespacedKinds,
  routeplaneNamespacedKinds,
  uniqueSorted,
} from './project-resources.js';

/** Wave of the AppProject inside the root Application: before every child that names it. */
export const projectWave = -3;

/** Every namespace a child deploys namespaced objects into, sorted. Never Argo CD's own. */
export function projectNamespaces(env: EnvironmentModel): readonly string[] {
  return [...new Set([istioNamespace, ...env.namespaces.map((n) => n.name)])].sort();
}

const upstream = [gatewayApiObjects, helmChartObjects()];

/** Exactly the namespaced kinds the children install: no Secret, no Application, no AppProject. */
export function namespaceResourceWhitelist(): readonly GroupKind[] {
  return uniqueSorted([
    ...routeplaneNamespacedKinds,
    ...pkiNamespacedKinds,
    ...upstream.flatMap((u) => u.namespaced),
  ]);
}

/**
 * Exactly the cluster-scoped objects the children install, by name (Argo CD >= 3.3 matches
 * `name`; see IsGroupKindNamePermitted): the namespaces in use, the CRD families, Istio's and
 * Gateway API's webhooks, admission policies and cluster roles.
 */
export function clusterResourceWhitelist(env: EnvironmentModel): readonly ClusterResourceItem[] {
  const namespaces = projectNamespaces(env).map(
    (name): ClusterResourceItem => ({ group: '', kind: 'Namespace', name }),
  );
  const { pki } = env.gateway;
  return uniqueSorted([
    ...namespaces,
    ...upstream.flatMap((u) => u.cluster),
    ...pkiClusterObjects([pki.selfSignedIssuer, pki.caIssuer]),
  ]);
}

/**
 * The workload project of one environment, owned by the root Application (synced from `apps/`); no
 * child uses `default`. The `''` destination admits children without a destination namespace (the
 * CRD and namespaces children deploy only cluster-scoped objects).
 */
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
      sourceRepos: [
        ...new Set([
          env.gitops.repoURL,
          gatewayApiRepoURL,
          istioChartRepoURL,
          certManagerChartRepoURL,
        ]),
      ].sort(),
      destinations: ['', ...projectNamespaces(env)].map((namespace) => ({
        server: env.gitops.destinationServer,
        namespace,
      })),
      clusterResourceWhitelist: clusterResourceWhitelist(env),
      namespaceResourceWhitelist: namespaceResourceWhitelist(),
    },
  };
}
