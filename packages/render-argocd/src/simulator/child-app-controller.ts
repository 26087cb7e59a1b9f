import type { Application, SyncPolicy } from '../argo-types.js';
import { compareToLive, type Judge, type ResourceStatus } from './child-app-status.js';
import {
  type Admits,
  appliedWaveOutcome,
  applyWave,
  dryRun,
  failAttempt,
  type Operation,
  pruneExtraneous,
} from './child-app-sync-steps.js';
import type { Cluster } from './cluster.js';
import { type K8sObject, keyOf } from './k8s-object.js';
import type { Health } from './resource-health.js';
import { waveOf } from './root-sync.js';

/**
 * One child Application as Argo CD's application controller drives it (argo-cd v3.4.4
 * controller/appcontroller.go): the status stays as last compared until the controller compares the
 * new spec (`compareDelay` after a change, the refresh the spec change triggers); auto-sync starts
 * an operation when OutOfSync, except when only pruning is left and prune is off (autoSync,
 * requirePruneOnly) or this revision already failed for good (alreadyAttemptedSync). The sync
 * (gitops-engine/pkg/sync/sync_context.go) dry-runs every object, then applies the source's
 * `argocd.argoproj.io/sync-wave`s in order: a wave waits until its objects are Healthy, a Degraded
 * one fails the attempt, and the last wave succeeds as soon as applied ("all tasks run"); a
 * single-wave source therefore succeeds at once and its health follows.
 */

export const compareDelay = 3;

/** What the child's source renders: objects, or the repo-server's error. */
export type SourceResolver = (spec: Application['spec']) => readonly K8sObject[] | string;

export type { Admits, Judge };

export class ChildApp {
  spec: Application['spec'];
  private specChangedAt: number;
  private compared:
    | {
        readonly source: unknown;
        readonly destination: unknown;
        readonly ignoreDifferences: unknown;
        readonly key: string;
      }
    | undefined;
  private syncStatus: 'Synced' | 'OutOfSync' | 'Unknown' = 'Unknown';
  private health: Health | undefined;
  private resources: readonly ResourceStatus[] = [];
  private op: Operation | undefined;
  private desired: readonly K8sObject[] = [];
  private manifestError: string | undefined;

  constructor(
    readonly name: string,
    readonly app: Application,
    now: number,
    private readonly resolve: SourceResolver,
    private readonly admits: Admits,
    private readonly judge: Judge,
  ) {
    this.spec = app.spec;
    this.specChangedAt = now;
  }

  /** The root applied the Application again; a changed spec makes the status stale. */
  update(app: Application, now: number): void {
    if (JSON.stringify(app.spec) === JSON.stringify(this.spec)) return;
    this.spec = app.spec;
    this.specChangedAt = now;
  }

  /** The Application object as the root's health check sees it. */
  object(): unknown {
    return {
      ...this.app,
      spec: this.spec,
      status: {
        ...(this.health
          ? { health: { status: this.health.status, message: this.health.message } }
          : {}),
        sync: {
          status: this.syncStatus,
          ...(this.compared
            ? {
                comparedTo: {
                  source: this.compared.source,
                  destination: this.compared.destination,
                  ignoreDifferences: this.compared.ignoreDifferences,
                },
              }
            : {}),
        },
        ...(this.op
          ? {
              operationState: {
                phase: this.op.phase,
                message: this.op.message,
                retryCount: this.op.retryCount,
              },
            }
          : {}),
        resources: this.resources,
      },
    };
  }

  /** Ground truth for the tests: compared the current spec, nothing running, everything Healthy. */
  convergedOnCurrentSpec(cluster: Cluster): boolean {
    return (
      this.compared?.key === specKey(this.spec) &&
      this.op?.phase !== 'Running' &&
      this.desired.every((o) => {
        const live = cluster.get(keyOf(o));
        if (!live) return false;
        const h = this.judge(live);
        return h === undefined || h.status === 'Healthy';
      })
    );
  }

  /** Moments at which this app will act without any other change (compare due, retry due). */
  wakeTimes(delay: number): number[] {
    return [
      this.specChangedAt + delay,
      ...(this.op?.retryAt !== undefined ? [this.op.retryAt] : []),
    ];
  }

  /** One pass of the application controller; returns true when anything changed. */
  reconcile(cluster: Cluster): boolean {
    const before = JSON.stringify(this.object());
    const key = specKey(this.spec);
    if (this.compared?.key !== key) {
      if (cluster.now < this.specChangedAt + compareDelay) return false;
      this.compared = {
        source: this.spec.source,
        destination: this.spec.destination,
        ignoreDifferences: this.spec.ignoreDifferences,
        key,
      };
    }
    this.refresh(cluster);
    this.operate(cluster);
    return JSON.stringify(this.object()) !== before;
  }

  /** Live objects this app tracks that its source no longer renders. */
  private extraneous(cluster: Cluster): readonly K8sObject[] {
    const wanted = new Set(this.desired.map(keyOf));
    return cluster
      .list()
      .filter((l) => l.owner === this.name && !wanted.has(keyOf(l.object)))
      .map((l) => l.object);
  }

  private refresh(cluster: Cluster): void {
    const rendered = this.resolve(this.spec);
    this.manifestError = typeof rendered === 'string' ? rendered : undefined;
    this.desired = typeof rendered === 'string' ? [] : rendered;
    const comparison = compareToLive(
      this.name,
      this.desired,
      this.extraneous(cluster),
      this.manifestError,
      cluster,
      this.judge,
    );
    this.resources = comparison.resources;
    this.syncStatus = comparison.syncStatus;
    this.health = comparison.health;
  }

  private operate(cluster: Cluster): void {
    const policy: SyncPolicy = this.spec.syncPolicy;
    const revision = specKey(this.spec);
    if (this.op?.phase === 'Running') {
      if (this.op.retryAt === undefined) this.continueWaves(cluster);
      else if (cluster.now >= this.op.retryAt) this.attempt(cluster);
      return;
    }
    if (this.syncStatus !== 'OutOfSync') return;
    const pruneOnly = this.resources.every((r) => r.status === 'Synced' || r.requiresPruning);
    if (!policy.automated.prune && pruneOnly) return;
    if (this.op?.revision === revision && this.op.phase === 'Failed') return;
    this.op = {
      phase: 'Running',
      message: 'syncing',
      retryCount: 0,
      revision,
      waves: [],
      applied: [],
    };
    this.attempt(cluster);
  }

  /** One sync attempt from the first wave: dry run, then the first wave. */
  private attempt(cluster: Cluster): void {
    const op = this.op;
    if (!op) return;
    op.retryAt = undefined;
    const { spec, desired, manifestError, admits } = this;
    const failure = dryRun(cluster, { spec, desired, manifestError, admits });
    if (failure !== undefined) {
      this.fail(cluster, failure);
      return;
    }
    op.waves = [...new Set(this.desired.map(waveOf))].sort((a, b) => a - b);
    this.applyNextWave(cluster);
  }

  /** The applied wave's objects all Healthy: the next wave; one Degraded: the attempt fails. */
  private continueWaves(cluster: Cluster): void {
    const op = this.op;
    if (!op) return;
    const outcome = appliedWaveOutcome(cluster, op.applied, this.judge);
    if (outcome === 'healthy') this.applyNextWave(cluster);
    else if ('failed' in outcome) this.fail(cluster, outcome.failed);
    else op.message = outcome.waiting;
  }

  private applyNextWave(cluster: Cluster): void {
    const op = this.op;
    if (!op) return;
    const wave = op.waves.shift();
    op.applied = this.desired.filter((o) => waveOf(o) === wave);
    const failure = applyWave(cluster, this.name, op.applied);
    if (failure !== undefined) {
      this.fail(cluster, failure);
      return;
    }
    if (op.waves.length > 0) {
      op.message = `applied wave ${wave}`;
      return;
    }
    pruneExtraneous(cluster, this.spec, this.extraneous(cluster));
    op.phase = 'Succeeded';
    op.message = 'successfully synced (all tasks run)';
    this.refresh(cluster);
  }

  /** A failed attempt waits for its retry, or ends once retries are spent. */
  private fail(cluster: Cluster, failure: string): void {
    if (this.op) failAttempt(this.op, this.spec, cluster.now, failure);
  }
}

function specKey(spec: Application['spec']): string {
  return JSON.stringify([spec.source, spec.destination, spec.ignoreDifferences]);
}
