import type { EnvironmentModel } from '@routeplane/model';
import type { AppProject, GroupKind } from './argo-types.js';
import { argoApiVersion } from './constants.js';

/** Name of the project that holds only the root Application. */
export function bootstrapProjectName(env: EnvironmentModel): string {
  return `${env.argocd.project}-bootstrap`;
}

/** The only kinds the root syncs: the workload AppProject and the child Applications. */
export const bootstrapNamespaceKinds: readonly GroupKind[] = [
  { group: 'argoproj.io', kind: 'AppProject' },
  { group: 'argoproj.io', kind: 'Application' },
];

/**
 * The root's project, created once outside the root (by hand or by Terraform's argocd-apps
 * release) so that no object has two owners. It can deploy nothing but Applications and AppProjects,
 * from the catalog repository, into Argo CD's namespace: no cluster-scoped kind at all (an empty
 * whitelist denies every one), no Secret or ConfigMap (argocd-cm, argocd-rbac-cm) in `argocd`.
 */
export function bootstrapProject(env: EnvironmentModel): AppProject {
  return {
    apiVersion: argoApiVersion,
    kind: 'AppProject',
    metadata: {
      name: bootstrapProjectName(env),
      namespace: env.argocd.namespace,
      labels: { 'app.kubernetes.io/managed-by': 'routeplane' },
    },
    spec: {
      description: `routeplane ${env.name}: the App-of-Apps root only`,
      sourceRepos: [env.gitops.repoURL],
      destinations: [{ server: env.gitops.destinationServer, namespace: env.argocd.namespace }],
      clusterResourceWhitelist: [],
      namespaceResourceWhitelist: bootstrapNamespaceKinds,
    },
  };
}
