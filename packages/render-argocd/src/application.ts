import type { EnvironmentModel } from '@routeplane/model';
import type { Application } from './argo-types.js';
import type { ChildApp } from './child-app.js';
import { argoApiVersion, resourcesFinalizer, syncWaveAnnotation } from './constants.js';
import { syncPolicy } from './sync-policy.js';

/** Name of a child Application: `<project>-<component>`, unique across environments sharing an Argo CD. */
export function childApplicationName(env: EnvironmentModel, child: ChildApp): string {
  return `${env.argocd.project}-${child.component}`;
}

/** Turns a child description into its Application, placed in Argo CD's namespace. */
export function childApplication(env: EnvironmentModel, child: ChildApp): Application {
  const ignoreDifferences =
    child.ignoreDifferences.length > 0 ? child.ignoreDifferences : undefined;
  return {
    apiVersion: argoApiVersion,
    kind: 'Application',
    metadata: {
      name: childApplicationName(env, child),
      namespace: env.argocd.namespace,
      labels: {
        'app.kubernetes.io/component': child.component,
        'app.kubernetes.io/managed-by': 'routeplane',
        'app.kubernetes.io/part-of': env.argocd.project,
      },
      annotations: { [syncWaveAnnotation]: String(child.wave) },
      // Only a finalizer makes Argo CD cascade a delete (controller/appcontroller.go
      // finalizeApplicationDeletion). Children kept on delete (CRDs, webhooks, admission policies)
      // carry none, so no Argo CD version can remove them with the Application; Delete=false below
      // stays as the default for their objects on 3.4+.
      ...(child.keepOnDelete ? {} : { finalizers: [resourcesFinalizer] }),
    },
    spec: {
      project: env.argocd.project,
      info: [{ name: 'Installs', value: child.description }],
      source: child.source,
      destination: {
        server: env.gitops.destinationServer,
        ...(child.destinationNamespace ? { namespace: child.destinationNamespace } : {}),
      },
      ...(ignoreDifferences ? { ignoreDifferences } : {}),
      syncPolicy: syncPolicy({
        prune: child.prune,
        createNamespace: child.createNamespace,
        serverSideApply: child.serverSideApply,
        keepOnDelete: child.keepOnDelete,
        respectIgnoreDifferences: ignoreDifferences !== undefined,
      }),
    },
  };
}
