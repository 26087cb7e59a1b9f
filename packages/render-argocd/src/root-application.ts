import type { EnvironmentModel } from '@routeplane/model';
import type { Application } from './argo-types.js';
import { appsDir } from './argocd-paths.js';
import { bootstrapProjectName } from './bootstrap-project.js';
import { argoApiVersion } from './constants.js';
import { syncPolicy } from './sync-policy.js';

/**
 * The App-of-Apps root: syncs `argocd/<env>/apps` (the workload AppProject, then the children wave
 * by wave). It lives in the bootstrap project, not in the project it syncs, so that project has one
 * owner (the root) and the root can only create Applications/AppProjects in `argocd`. No resources
 * finalizer on purpose: deleting the root (to re-bootstrap, or by mistake) must not cascade into
 * tearing down the whole platform; children keep theirs.
 */
export function rootApplication(env: EnvironmentModel): Application {
  return {
    apiVersion: argoApiVersion,
    kind: 'Application',
    metadata: {
      name: env.argocd.rootApplication,
      namespace: env.argocd.namespace,
      labels: {
        'app.kubernetes.io/component': 'root',
        'app.kubernetes.io/managed-by': 'routeplane',
        'app.kubernetes.io/part-of': env.argocd.project,
      },
    },
    spec: {
      project: bootstrapProjectName(env),
      info: [{ name: 'Installs', value: `App-of-Apps of environment ${env.name}` }],
      source: {
        repoURL: env.gitops.repoURL,
        targetRevision: env.gitops.targetRevision,
        path: appsDir(env.name),
      },
      destination: { server: env.gitops.destinationServer, namespace: env.argocd.namespace },
      syncPolicy: syncPolicy({
        prune: true,
        createNamespace: false,
        serverSideApply: false,
        keepOnDelete: false,
        respectIgnoreDifferences: false,
      }),
    },
  };
}
