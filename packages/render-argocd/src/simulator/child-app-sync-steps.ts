import type { Application } from '../argo-types.js';
import { pruneVerdict, retryDelay } from './argo-policy.js';
import type { Judge } from './child-app-status.js';
import type { Cluster } from './cluster.js';
import { type K8sObject, keyOf, nameOf } from './k8s-object.js';

/**
 * The steps of one child Application's sync operation (gitops-engine/pkg/sync/sync_context.go at the
 * version argo-cd v3.4.4 pins): dry run, wave by wave apply, PruneLast, retry with backoff. The
 * controller (child-app-controller.ts) decides when to run them.
 */

/** Whether the project admits an object (the app controller refuses the rest before applying). */
export type Admits = (object: K8sObject) => boolean;

/** `status.operationState` plus what the running attempt still has to do. */
export interface Operation {
  phase: 'Running' | 'Succeeded' | 'Failed';
  message: string;
  retryCount: number;
  retryAt?: number | undefined;
  readonly revision: string;
  /** Waves of this attempt not applied yet, and the objects of the wave applied last. */
  waves: number[];
  applied: readonly K8sObject[];
}

/** What a dry run needs to know about the app. */
export interface DryRunInput {
  readonly spec: Application['spec'];
  readonly desired: readonly K8sObject[];
  readonly manifestError: string | undefined;
  readonly admits: Admits;
}

/** The reason the attempt fails before applying anything, or undefined. */
export function dryRun(cluster: Cluster, app: DryRunInput): string | undefined {
  if (app.manifestError) return `ComparisonError: ${app.manifestError}`;
  const refused = app.desired.find((o) => !app.admits(o));
  if (refused) return `${nameOf(refused)} is not permitted in project ${app.spec.project}`;
  const createNs = app.spec.syncPolicy.syncOptions.includes('CreateNamespace=true');
  const ns = app.spec.destination.namespace;
  if (createNs && ns && !cluster.find('', 'Namespace', undefined, ns)) {
    cluster.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  }
  // Dry run first (sync_context.go): a CR whose CRD comes in the same sync is exempt.
  const crdKinds = new Set(
    app.desired
      .filter((o) => o.kind === 'CustomResourceDefinition')
      .map((o) => (o.spec as { names: { kind: string } }).names.kind),
  );
  for (const o of app.desired) {
    if (crdKinds.has(o.kind)) continue;
    const refusal = cluster.refusal(o);
    if (refusal) return `one or more objects failed to apply (dry run), reason: ${refusal}`;
  }
  return undefined;
}

/** gitops-engine's kind order within a wave, reduced to what matters here. */
function applyRank(o: K8sObject): number {
  return ['Namespace', 'CustomResourceDefinition'].includes(o.kind) ? 0 : 1;
}

/** Applies one wave as `owner`; the first refusal fails it. */
export function applyWave(
  cluster: Cluster,
  owner: string,
  objects: readonly K8sObject[],
): string | undefined {
  const ordered = [...objects].sort((a, b) => applyRank(a) - applyRank(b));
  for (const o of ordered) {
    const refusal = cluster.apply(o, owner);
    if (refusal) return `one or more objects failed to apply, reason: ${refusal}`;
  }
  return undefined;
}

/** Where the last applied wave stands: a Degraded object fails it, a non-Healthy one holds it. */
export function appliedWaveOutcome(
  cluster: Cluster,
  applied: readonly K8sObject[],
  judge: Judge,
): { readonly failed: string } | { readonly waiting: string } | 'healthy' {
  const health = applied.map((o) => {
    const live = cluster.get(keyOf(o));
    return { o, h: live ? judge(live) : { status: 'Missing', message: 'missing' } };
  });
  const degraded = health.filter(({ h }) => h?.status === 'Degraded');
  if (degraded.length > 0) {
    const detail = degraded.map(({ o, h }) => `${nameOf(o)}: ${h?.message}`).join('; ');
    return { failed: `one or more synchronization tasks completed unsuccessfully: ${detail}` };
  }
  const waiting = health.filter(({ h }) => h !== undefined && h.status !== 'Healthy');
  if (waiting.length > 0) {
    return {
      waiting: `waiting for healthy state of ${waiting.map(({ o }) => nameOf(o)).join(', ')}`,
    };
  }
  return 'healthy';
}

/** A failed attempt waits for its retry, or ends once retries are spent. */
export function failAttempt(
  op: Operation,
  spec: Application['spec'],
  now: number,
  failure: string,
): void {
  const wait = retryDelay(spec.syncPolicy, op.retryCount);
  if (wait === undefined) {
    op.phase = 'Failed';
    op.message = `${failure} (retried ${op.retryCount} times).`;
    return;
  }
  op.retryCount += 1;
  op.retryAt = now + wait;
  op.message = `${failure}. Retrying attempt #${op.retryCount} in ${wait}s.`;
}

/** PruneLast: after the last wave (every child sets it or has prune off). */
export function pruneExtraneous(
  cluster: Cluster,
  spec: Application['spec'],
  extraneous: readonly K8sObject[],
): void {
  if (!spec.syncPolicy.automated.prune) return;
  for (const o of extraneous) {
    if (pruneVerdict(o, spec.syncPolicy) === 'prune') cluster.delete(keyOf(o));
  }
}
