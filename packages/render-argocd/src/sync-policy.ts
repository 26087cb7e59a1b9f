import type { SyncPolicy } from './argo-types.js';

export interface SyncPolicyProps {
  readonly prune: boolean;
  readonly createNamespace: boolean;
  readonly serverSideApply: boolean;
  readonly keepOnDelete: boolean;
  readonly respectIgnoreDifferences: boolean;
}

/**
 * Automated sync with self-heal, retries with exponential backoff (15s, 30s, ... capped at 5m) so a
 * child whose dependency is still starting converges without an operator.
 */
export function syncPolicy(props: SyncPolicyProps): SyncPolicy {
  const options = [
    // Never together with Replace=true: Replace wins and server-side apply would never run.
    props.serverSideApply ? 'ServerSideApply=true' : undefined,
    props.createNamespace ? 'CreateNamespace=true' : undefined,
    // Application-level Prune=false also covers a manual sync with the prune box ticked.
    props.prune ? 'PruneLast=true' : 'Prune=false',
    props.keepOnDelete ? 'Delete=false' : undefined,
    props.respectIgnoreDifferences ? 'RespectIgnoreDifferences=true' : undefined,
  ].filter((option): option is string => option !== undefined);
  return {
    automated: { prune: props.prune, selfHeal: true },
    syncOptions: options.sort(),
    retry: { limit: 10, backoff: { duration: '15s', factor: 2, maxDuration: '5m' } },
  };
}
