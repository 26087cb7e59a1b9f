import type { SyncPolicy } from './argo-types.js';

export interface SyncPolicyProps {
  readonly prune: boolean;
  readonly createNamespace: boolean;
  readonly serverSideApply: boolean;
  readonly keepOnDelete: boolean;
  readonly respectIgnoreDifferences: boolean;
}

/**
 * Retries never run out: argo-cd v3.4.4 controller/appcontroller.go retries a failed operation
 * while `RetryCount < Retry.Limit || Retry.Limit < 0`, and once a limit is spent auto-sync refuses
 * the same revision again (autoSync: alreadyAttemptedSync, "will not retry"). A finite limit would
 * leave a root whose wave met a Degraded child (a certificate not issued yet, a node pool still
 * scaling) stopped until the next commit. The backoff is bounded: 30s, 1m, 2m, 4m, then every 5m
 * (RetryStrategy.NextRetryAt: duration * factor^retryCount, the count already raised, capped at
 * maxDuration). No `controller.sync.timeout.seconds` either: an operation terminated by it is not
 * retried (`!terminating &&` above) and auto-sync then refuses the revision just the same.
 */
export const retryForever = {
  limit: -1,
  backoff: { duration: '15s', factor: 2, maxDuration: '5m' },
} as const;

/**
 * Automated sync with self-heal and endless bounded retries, so a child whose dependency is still
 * starting converges without an operator.
 */
export function syncPolicy(props: SyncPolicyProps): SyncPolicy {
  const options = [
    // Never together with Replace=true: Replace wins and server-side apply would never run.
    props.serverSideApply ? 'ServerSideApply=true' : undefined,
    props.createNamespace ? 'CreateNamespace=true' : undefined,
    // Application-level Prune=false/Delete=false are the default of every resource without its own
    // annotation since Argo CD v3.4.0 (argo-cd #23370: sync_context.go isPruningDisabled,
    // appcontroller.go shouldBeDeleted); they also cover a manual sync with the prune box ticked.
    props.prune ? 'PruneLast=true' : 'Prune=false',
    props.keepOnDelete ? 'Delete=false' : undefined,
    props.respectIgnoreDifferences ? 'RespectIgnoreDifferences=true' : undefined,
  ].filter((option): option is string => option !== undefined);
  return {
    automated: { prune: props.prune, selfHeal: true },
    syncOptions: options.sort(),
    retry: { limit: retryForever.limit, backoff: { ...retryForever.backoff } },
  };
}
