import { certManagerWakeTimes } from './cert-manager-model.js';
import { type ChildApp, compareDelay } from './child-app-controller.js';
import { type Cluster, delays, progressDeadline } from './cluster.js';

/**
 * Next moment after `cluster.now` at which time alone can change something: a modelled controller
 * delay running out, a child's compare or retry falling due, or the root's retry.
 */
export function nextWake(
  cluster: Cluster,
  children: Iterable<ChildApp>,
  rootRetryAt: number | undefined,
): number | undefined {
  const t = cluster.now;
  const candidates: number[] = [];
  const istiod = cluster.istiodReadySince();
  if (istiod !== undefined) candidates.push(istiod + delays.nlb);
  for (const l of cluster.list()) {
    for (const base of [l.createdAt, l.changedAt]) {
      candidates.push(
        base + delays.crdEstablished,
        base + delays.daemonSet,
        base + delays.deployment,
        base + delays.nlb,
      );
    }
  }
  for (const l of cluster.list()) {
    if (l.object.kind === 'Deployment') candidates.push(l.changedAt + progressDeadline(l.object));
  }
  candidates.push(...certManagerWakeTimes(cluster));
  for (const c of children) candidates.push(...c.wakeTimes(compareDelay));
  if (rootRetryAt !== undefined) candidates.push(rootRetryAt);
  const future = candidates.filter((c) => c > t);
  return future.length ? Math.min(...future) : undefined;
}
