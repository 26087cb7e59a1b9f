import type { Application, SyncPolicy } from '../argo-types.js';
import { retryDelay } from './argo-policy.js';
import { type K8sObject, keyOf } from './k8s-object.js';

/**
 * The root Application's multi-wave sync as gitops-engine runs it (argo-cd v3.4.4
 * gitops-engine/pkg/sync/sync_context.go Sync): tasks in (phase, wave) order; in a multi-step sync
 * an applied task stays running until its health is Healthy (Succeeded) or Degraded (Failed); any
 * running task holds the next wave back; a failed task fails the operation ("one or more
 * synchronization tasks completed unsuccessfully"); the final wave succeeds as soon as it is applied.
 * PruneLast puts the prunes after the last wave. A failed operation is retried by
 * controller/appcontroller.go (see argo-policy.ts retryDelay); a retry starts over from the first
 * wave (SyncResult reset). Once retries are spent auto-sync refuses the revision
 * (autoSync: alreadyAttemptedSync "will not retry").
 */

export interface Task {
  readonly key: string;
  readonly wave: number;
  readonly object: K8sObject | undefined;
  /** For prunes: the live object to delete. */
  readonly prune?: K8sObject;
  state: 'pending' | 'running' | 'succeeded' | 'failed';
  message: string;
}

export type TaskHealth = (
  object: K8sObject,
) => Promise<{ status: string; message: string } | undefined>;

export interface RootHooks {
  readonly health: TaskHealth;
  /** Applies a task's object; returns the refusal, if any. */
  readonly apply: (object: K8sObject) => string | undefined;
  readonly prune: (object: K8sObject) => void;
  readonly log: (wave: number | undefined, app: string, status: string) => void;
  /** Called just before a wave is applied (the tests check what had converged by then). */
  readonly beforeWave: (wave: number) => void;
}

export interface RootOperation {
  phase: 'Running' | 'Succeeded' | 'Failed';
  message: string;
  readonly revision: string;
  tasks: Task[];
  retryCount: number;
  retryAt?: number | undefined;
}

export function waveOf(object: K8sObject): number {
  return Number(object.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? '0');
}

export class RootSync {
  op: RootOperation | undefined;

  constructor(
    private readonly name: string,
    private readonly policy: SyncPolicy,
    private readonly hooks: RootHooks,
  ) {}

  /** Auto-sync: a new operation when the desired state differs, unless this revision failed for good. */
  maybeStart(
    revision: string,
    desired: readonly K8sObject[],
    extraneous: readonly K8sObject[],
    outOfSync: boolean,
  ): void {
    if (this.op?.phase === 'Running') return;
    if (!outOfSync) return;
    if (this.op?.revision === revision && this.op.phase === 'Failed') return;
    const wave = (o: K8sObject) => waveOf(o);
    const last = Math.max(...desired.map(wave));
    const tasks: Task[] = [
      ...desired.map(
        (o): Task => ({ key: keyOf(o), wave: wave(o), object: o, state: 'pending', message: '' }),
      ),
      // PruneLast=true: prunes run after the last wave.
      ...extraneous.map(
        (o): Task => ({
          key: keyOf(o),
          wave: last + 1,
          object: undefined,
          prune: o,
          state: 'pending',
          message: '',
        }),
      ),
    ];
    this.op = {
      phase: 'Running',
      message: 'one or more tasks are running',
      revision,
      tasks,
      retryCount: 0,
    };
    this.hooks.log(undefined, this.name, `sync of ${revision} started`);
  }

  /** One Sync() pass; returns true when anything changed. */
  async step(now: number): Promise<boolean> {
    const op = this.op;
    if (op?.phase !== 'Running') return false;
    if (op.retryAt !== undefined) {
      if (now < op.retryAt) return false;
      op.retryAt = undefined;
      for (const t of op.tasks) Object.assign(t, { state: 'pending', message: '' });
      this.hooks.log(undefined, this.name, `retrying, attempt #${op.retryCount}`);
    }
    let changed = false;
    for (const task of op.tasks.filter((t) => t.state === 'running' && t.object)) {
      const health = await this.hooks.health(task.object as K8sObject);
      const next =
        health === undefined || health.status === 'Healthy'
          ? 'succeeded'
          : health.status === 'Degraded'
            ? 'failed'
            : 'running';
      if (next !== task.state || health?.message !== task.message) changed = true;
      task.state = next;
      task.message = health?.message ?? '';
    }
    const running = op.tasks.filter((t) => t.state === 'running');
    if (running.length > 0) {
      op.message = `waiting for healthy state of ${running.map((t) => t.key).join(', ')}`;
      return changed;
    }
    const failed = op.tasks.filter((t) => t.state === 'failed');
    if (failed.length > 0) {
      this.fail(
        now,
        `one or more synchronization tasks completed unsuccessfully: ${failed.map((t) => `${t.object?.metadata.name}: ${t.message}`).join('; ')}`,
      );
      return true;
    }
    const pending = op.tasks.filter((t) => t.state === 'pending');
    if (pending.length === 0) {
      op.phase = 'Succeeded';
      op.message = 'successfully synced (all tasks run)';
      this.hooks.log(undefined, this.name, `sync Succeeded`);
      return true;
    }
    const wave = Math.min(...pending.map((t) => t.wave));
    const batch = pending.filter((t) => t.wave === wave);
    this.hooks.beforeWave(wave);
    this.hooks.log(
      wave,
      this.name,
      `applies wave ${wave}: ${batch.map((t) => (t.prune ? `prune ${t.prune.metadata.name}` : t.object?.metadata.name)).join(', ')}`,
    );
    for (const task of batch) {
      if (task.prune) {
        this.hooks.prune(task.prune);
        task.state = 'succeeded';
        continue;
      }
      const refusal = this.hooks.apply(task.object as K8sObject);
      task.state = refusal ? 'failed' : 'running';
      task.message = refusal ?? '';
    }
    if (batch.some((t) => t.state === 'failed')) {
      this.fail(
        now,
        `one or more objects failed to apply: ${batch.find((t) => t.state === 'failed')?.message}`,
      );
      return true;
    }
    // The final wave succeeds once applied, "EVEN if those objects subsequently degrade".
    if (op.tasks.every((t) => t.state !== 'pending')) {
      op.phase = 'Succeeded';
      op.message = 'successfully synced (all tasks run)';
      this.hooks.log(undefined, this.name, 'sync Succeeded');
    }
    return true;
  }

  private fail(now: number, message: string): void {
    const op = this.op;
    if (!op) return;
    const wait = retryDelay(this.policy, op.retryCount);
    if (wait === undefined) {
      op.phase = 'Failed';
      op.message = `${message} (retried ${op.retryCount} times).`;
      this.hooks.log(
        undefined,
        this.name,
        `sync Failed for good: ${op.message} Auto-sync will not retry this revision.`,
      );
      return;
    }
    op.retryCount += 1;
    op.retryAt = now + wait;
    op.message = `${message}. Retrying attempt #${op.retryCount} in ${wait}s.`;
    this.hooks.log(undefined, this.name, `sync failed: ${op.message}`);
  }
}

export type { Application };
