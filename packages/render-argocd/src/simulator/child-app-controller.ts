import type { Application, SyncPolicy } from '../argo-types.js';
import { pruneVerdict, retryDelay } from './argo-policy.js';
import type { Cluster, LiveObject } from './cluster.js';
import { jsonOf, type K8sObject, keyOf, nameOf } from './k8s-object.js';
import { type Health, worst } from './resource-health.js';
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

/** Whether the project admits an object (the app controller refuses the rest before applying). */
export type Admits = (object: K8sObject) => boolean;

/** Argo CD's health of a live object; undefined where it has no check (resource-health.ts). */
export type Judge = (live: LiveObject) => Health | undefined;

interface ResourceStatus {
  readonly group: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  readonly status: 'Synced' | 'OutOfSync';
  readonly requiresPruning?: boolean;
}

interface Operation {
  phase: 'Running' | 'Succeeded' | 'Failed';
  message: string;
  retryCount: number;
  retryAt?: number | undefined;
  readonly revision: string;
  /** Waves of this attempt not applied yet, and the objects of the wave applied last. */
  waves: number[];
  applied: readonly K8sObject[];
}

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
    const ref = (o: K8sObject) => ({
      group: o.apiVersion.includes('/') ? (o.apiVersion.split('/')[0] ?? '') : '',
      kind: o.kind,
      ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}),
      name: o.metadata.name,
    });
    const resources: ResourceStatus[] = this.desired.map((o) => {
      const live = cluster.get(keyOf(o));
      const same = live?.owner === this.name && jsonOf(live.object) === jsonOf(o);
      return { ...ref(o), status: same ? 'Synced' : 'OutOfSync' };
    });
    for (const o of this.extraneous(cluster)) {
      resources.push({ ...ref(o), status: 'OutOfSync', requiresPruning: true });
    }
    this.resources = resources;
    this.syncStatus = this.manifestError
      ? 'Unknown'
      : resources.every((r) => r.status === 'Synced')
        ? 'Synced'
        : 'OutOfSync';
    let health: Health = { status: 'Healthy', message: '' };
    for (const o of this.desired) {
      const live = cluster.get(keyOf(o));
      const h: Health | undefined = live
        ? this.judge(live)
        : { status: 'Missing', message: `${nameOf(o)} is missing` };
      if (h)
        health = worst(
          health,
          h.status === 'Healthy' ? h : { ...h, message: `${nameOf(o)}: ${h.message}` },
        );
    }
    this.health = health;
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
    const failure = this.dryRun(cluster);
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
    const health = op.applied.map((o) => {
      const live = cluster.get(keyOf(o));
      return { o, h: live ? this.judge(live) : { status: 'Missing', message: 'missing' } };
    });
    const degraded = health.filter(({ h }) => h?.status === 'Degraded');
    if (degraded.length > 0) {
      const detail = degraded.map(({ o, h }) => `${nameOf(o)}: ${h?.message}`).join('; ');
      this.fail(cluster, `one or more synchronization tasks completed unsuccessfully: ${detail}`);
      return;
    }
    const waiting = health.filter(({ h }) => h !== undefined && h.status !== 'Healthy');
    if (waiting.length > 0) {
      op.message = `waiting for healthy state of ${waiting.map(({ o }) => nameOf(o)).join(', ')}`;
      return;
    }
    this.applyNextWave(cluster);
  }

  private applyNextWave(cluster: Cluster): void {
    const op = this.op;
    if (!op) return;
    const wave = op.waves.shift();
    op.applied = this.desired.filter((o) => waveOf(o) === wave);
    const failure = this.applyWave(cluster, op.applied);
    if (failure !== undefined) {
      this.fail(cluster, failure);
      return;
    }
    if (op.waves.length > 0) {
      op.message = `applied wave ${wave}`;
      return;
    }
    this.pruneExtraneous(cluster);
    op.phase = 'Succeeded';
    op.message = 'successfully synced (all tasks run)';
    this.refresh(cluster);
  }

  /** A failed attempt waits for its retry, or ends once retries are spent. */
  private fail(cluster: Cluster, failure: string): void {
    const op = this.op;
    if (!op) return;
    const wait = retryDelay(this.spec.syncPolicy, op.retryCount);
    if (wait === undefined) {
      op.phase = 'Failed';
      op.message = `${failure} (retried ${op.retryCount} times).`;
      return;
    }
    op.retryCount += 1;
    op.retryAt = cluster.now + wait;
    op.message = `${failure}. Retrying attempt #${op.retryCount} in ${wait}s.`;
  }

  private dryRun(cluster: Cluster): string | undefined {
    if (this.manifestError) return `ComparisonError: ${this.manifestError}`;
    const refused = this.desired.find((o) => !this.admits(o));
    if (refused) return `${nameOf(refused)} is not permitted in project ${this.spec.project}`;
    const createNs = this.spec.syncPolicy.syncOptions.includes('CreateNamespace=true');
    const ns = this.spec.destination.namespace;
    if (createNs && ns && !cluster.find('', 'Namespace', undefined, ns)) {
      cluster.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    }
    // Dry run first (sync_context.go): a CR whose CRD comes in the same sync is exempt.
    const crdKinds = new Set(
      this.desired
        .filter((o) => o.kind === 'CustomResourceDefinition')
        .map((o) => (o.spec as { names: { kind: string } }).names.kind),
    );
    for (const o of this.desired) {
      if (crdKinds.has(o.kind)) continue;
      const refusal = cluster.refusal(o);
      if (refusal) return `one or more objects failed to apply (dry run), reason: ${refusal}`;
    }
    return undefined;
  }

  private applyWave(cluster: Cluster, objects: readonly K8sObject[]): string | undefined {
    const ordered = [...objects].sort((a, b) => applyRank(a) - applyRank(b));
    for (const o of ordered) {
      const refusal = cluster.apply(o, this.name);
      if (refusal) return `one or more objects failed to apply, reason: ${refusal}`;
    }
    return undefined;
  }

  /** PruneLast: after the last wave (every child sets it or has prune off). */
  private pruneExtraneous(cluster: Cluster): void {
    if (!this.spec.syncPolicy.automated.prune) return;
    for (const o of this.extraneous(cluster)) {
      if (pruneVerdict(o, this.spec.syncPolicy) === 'prune') cluster.delete(keyOf(o));
    }
  }
}

/** gitops-engine's kind order within a wave, reduced to what matters here. */
function applyRank(o: K8sObject): number {
  return ['Namespace', 'CustomResourceDefinition'].includes(o.kind) ? 0 : 1;
}

function specKey(spec: Application['spec']): string {
  return JSON.stringify([spec.source, spec.destination, spec.ignoreDifferences]);
}
