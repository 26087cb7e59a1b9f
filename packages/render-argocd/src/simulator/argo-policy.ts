import type { SyncPolicy } from '../argo-types.js';
import type { K8sObject } from './k8s-object.js';
import { syncOption } from './k8s-object.js';

/** Argo CD's rules on retries, pruning and cascade deletion, at v3.4.4 (files cited per function). */

/**
 * controller/appcontroller.go processRequestedAppOperation: a failed operation is retried while
 * `RetryCount < Limit || Limit < 0`; the retry runs at RetryStrategy.NextRetryAt(FinishedAt,
 * RetryCount) with the count already raised: duration * factor^count, capped at maxDuration
 * (pkg/apis/application/v1alpha1/types.go). Returns the wait in seconds, or undefined when spent.
 */
export function retryDelay(policy: SyncPolicy, retriesSoFar: number): number | undefined {
  const { limit, backoff } = policy.retry;
  if (!(retriesSoFar < limit || limit < 0)) return undefined;
  const next = retriesSoFar + 1;
  return Math.min(seconds(backoff.maxDuration), seconds(backoff.duration) * backoff.factor ** next);
}

function seconds(duration: string): number {
  const match = /^(\d+)(s|m|h)$/.exec(duration);
  if (!match) throw new Error(`duration "${duration}" is not <n>s|m|h`);
  return Number(match[1]) * { s: 1, m: 60, h: 3600 }[match[2] as 's' | 'm' | 'h'];
}

function appOption(policy: SyncPolicy, option: string): string | undefined {
  const found = policy.syncOptions.find((o) => o.startsWith(`${option}=`));
  return found?.slice(option.length + 1);
}

/**
 * gitops-engine/pkg/sync/sync_context.go isPruningDisabled / objRequiresPruneConfirmation: the
 * resource's annotation wins, the Application's syncOptions are the default (argo-cd #23370).
 */
export function pruneVerdict(object: K8sObject, policy: SyncPolicy): 'prune' | 'skip' | 'confirm' {
  const value = syncOption(object, 'Prune') ?? appOption(policy, 'Prune');
  return value === 'false' ? 'skip' : value === 'confirm' ? 'confirm' : 'prune';
}

/** controller/appcontroller.go shouldBeDeleted: what a cascade delete of the Application removes. */
export function deletedOnCascade(object: K8sObject, policy: SyncPolicy): boolean {
  const option = syncOption(object, 'Delete') ?? appOption(policy, 'Delete');
  const keep = object.metadata.annotations?.['helm.sh/resource-policy'] === 'keep';
  return object.kind !== 'CustomResourceDefinition' && option !== 'false' && !keep;
}
