import type { AppProject } from '../argo-types.js';
import { permitsResource } from '../project-permits.fixture.js';
import { deletedOnCascade } from './argo-policy.js';
import type { ChildApp } from './child-app-controller.js';
import type { Admits } from './child-app-sync-steps.js';
import type { Cluster } from './cluster.js';
import { groupOf, jsonOf, type K8sObject, keyOf } from './k8s-object.js';

/** The root Application's view of the cluster: its children, their projects and their deletion. */

/**
 * Whether the child's AppProject, as it is live in Argo CD's namespace at the moment of asking,
 * permits an object; no project admits nothing.
 */
export function projectAdmits(
  cluster: Cluster,
  argocdNamespace: () => string,
  projectName: string,
): Admits {
  return (o: K8sObject) => {
    const project = cluster.find('argoproj.io', 'AppProject', argocdNamespace(), projectName)
      ?.object as unknown as AppProject | undefined;
    if (!project) return false;
    const ref = { group: groupOf(o.apiVersion), kind: o.kind, name: o.metadata.name };
    const ns = o.metadata.namespace;
    return permitsResource(project, ns === undefined ? ref : { ...ref, namespace: ns });
  };
}

/**
 * The resources finalizer's cascade (argo-policy.ts deletedOnCascade): deletes the child's objects
 * the policy lets go and returns the timeline line.
 */
export function cascadeDelete(cluster: Cluster, child: ChildApp): string {
  const owned = cluster.list().filter((l) => l.owner === child.name);
  const kept = owned.filter((l) => !deletedOnCascade(l.object, child.spec.syncPolicy));
  const gone = owned
    .filter((l) => deletedOnCascade(l.object, child.spec.syncPolicy))
    .flatMap((l) => cluster.delete(keyOf(l.object)));
  return `deleted (finalizer): removed ${gone.length} objects${gone.length ? ` (${gone.join(', ')})` : ''}, kept ${kept.length}`;
}

/** Root desired state vs the cluster: what to apply and what to prune. */
export function rootDiff(cluster: Cluster, rootName: string, desired: readonly K8sObject[]) {
  const wanted = new Set(desired.map(keyOf));
  const extraneous = cluster
    .list()
    .filter((l) => l.owner === rootName && !wanted.has(keyOf(l.object)))
    .map((l) => l.object);
  const outOfSync =
    extraneous.length > 0 ||
    desired.some((o) => jsonOf(cluster.get(keyOf(o))?.object ?? {}) !== jsonOf(o));
  return { desired, extraneous, outOfSync };
}
