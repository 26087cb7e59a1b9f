import type { EnvironmentModel } from '@routeplane/model';
import { k8s } from 'cdk8s-plus-28';
import { type K8sObject, synthObjects } from './synth.js';

/**
 * Argo CD reads Delete/Prune only per resource or from the owning Application (argo-cd v3.4.4
 * controller/appcontroller.go shouldBeDeleted, gitops-engine/pkg/sync/sync_context.go
 * isPruningDisabled/objRequiresPruneConfirmation). On the object itself it survives a deleted or
 * renamed namespaces child (Delete=false) and a catalog edit drops no namespace without a person
 * confirming the prune (Prune=confirm): deleting a namespace deletes everything in it, the gateway's
 * TLS Secret and, through the Gateway, its NLB included.
 */
export const namespaceSyncOptions = 'Delete=false,Prune=confirm';

/**
 * Namespaces are cluster-scoped: they are built in a chart without a namespace so that no
 * `metadata.namespace` appears. Labels (ambient enrolment, Pod Security Admission, role) come
 * from the Model as they are.
 */
export function namespaceObjects(env: EnvironmentModel): ReadonlyMap<string, K8sObject[]> {
  const out = new Map<string, K8sObject[]>();
  for (const ns of env.namespaces) {
    out.set(
      ns.name,
      synthObjects(undefined, (scope) => {
        new k8s.KubeNamespace(scope, ns.name, {
          metadata: {
            name: ns.name,
            labels: { ...ns.labels },
            annotations: { 'argocd.argoproj.io/sync-options': namespaceSyncOptions },
          },
        });
      }),
    );
  }
  return out;
}
