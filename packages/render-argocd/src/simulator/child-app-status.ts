import type { Cluster, LiveObject } from './cluster.js';
import { jsonOf, type K8sObject, keyOf, nameOf } from './k8s-object.js';
import { type Health, worst } from './resource-health.js';

/** Argo CD's health of a live object; undefined where it has no check (resource-health.ts). */
export type Judge = (live: LiveObject) => Health | undefined;

/** One entry of `status.resources`. */
export interface ResourceStatus {
  readonly group: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  readonly status: 'Synced' | 'OutOfSync';
  readonly requiresPruning?: boolean;
}

/** What a refresh learns by comparing the rendered source with the live objects. */
export interface LiveComparison {
  readonly resources: readonly ResourceStatus[];
  readonly syncStatus: 'Synced' | 'OutOfSync' | 'Unknown';
  readonly health: Health;
}

function resourceRef(o: K8sObject) {
  return {
    group: o.apiVersion.includes('/') ? (o.apiVersion.split('/')[0] ?? '') : '',
    kind: o.kind,
    ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}),
    name: o.metadata.name,
  };
}

/**
 * The app's sync status and health: each rendered object is Synced when this app applied exactly
 * it, each extraneous one OutOfSync and requiring pruning; a manifest error makes the sync status
 * Unknown; health is the worst of the rendered objects' (a missing one is Missing).
 */
export function compareToLive(
  owner: string,
  desired: readonly K8sObject[],
  extraneous: readonly K8sObject[],
  manifestError: string | undefined,
  cluster: Cluster,
  judge: Judge,
): LiveComparison {
  const resources: ResourceStatus[] = desired.map((o) => {
    const live = cluster.get(keyOf(o));
    const same = live?.owner === owner && jsonOf(live.object) === jsonOf(o);
    return { ...resourceRef(o), status: same ? 'Synced' : 'OutOfSync' };
  });
  for (const o of extraneous) {
    resources.push({ ...resourceRef(o), status: 'OutOfSync', requiresPruning: true });
  }
  const syncStatus = manifestError
    ? 'Unknown'
    : resources.every((r) => r.status === 'Synced')
      ? 'Synced'
      : 'OutOfSync';
  let health: Health = { status: 'Healthy', message: '' };
  for (const o of desired) {
    const live = cluster.get(keyOf(o));
    const h: Health | undefined = live
      ? judge(live)
      : { status: 'Missing', message: `${nameOf(o)} is missing` };
    if (h)
      health = worst(
        health,
        h.status === 'Healthy' ? h : { ...h, message: `${nameOf(o)}: ${h.message}` },
      );
  }
  return { resources, syncStatus, health };
}
