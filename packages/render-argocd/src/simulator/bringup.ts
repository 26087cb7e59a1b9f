import { applicationHealthLua } from '../application-health.js';
import type { Application } from '../argo-types.js';
import { resourcesFinalizer } from '../constants.js';
import {
  createLuaEngine,
  type HealthResult,
  type LuaEngine,
  runHealthLua,
} from '../lua/run-health-lua.js';
import { ChildApp } from './child-app-controller.js';
import { Cluster, type LiveObject } from './cluster.js';
import { type ChartRepository, type RepoRevision, sourceResolver } from './inputs.js';
import { type K8sObject, keyOf, nameOf } from './k8s-object.js';
import { nextWake } from './next-wake.js';
import { builtinHealth, type Health, isApplication } from './resource-health.js';
import { cascadeDelete, projectAdmits, rootDiff } from './root-children.js';
import { RootSync, waveOf } from './root-sync.js';
import type { TimelineEntry, WaveStart } from './timeline.js';

export { formatTimeline, type TimelineEntry, type WaveStart } from './timeline.js';

/**
 * Bring-up simulation of one environment: the root Application syncs `argocd/<env>/apps` wave by
 * wave (root-sync.ts), each child syncs its source (child-app-controller.ts) into a modelled cluster
 * (cluster.ts), and the root judges each child with the shipped Lua health check run in wasmoon.
 * Time is simulated (seconds); the loop jumps to the next moment anything can change.
 */

export interface Action {
  readonly describe: string;
  /** Runs once, the first time it returns true. */
  readonly when: (sim: Bringup) => boolean;
  readonly run: (sim: Bringup) => void;
}

export interface BringupOptions {
  readonly revision: RepoRevision;
  readonly charts: ChartRepository;
  readonly gatewayApi: readonly K8sObject[];
  /** Overrides the shipped Lua (the tests run the pre-fix check through the same scenarios). */
  readonly healthLua?: string;
}

export class Bringup {
  readonly cluster = new Cluster();
  readonly children = new Map<string, ChildApp>();
  readonly timeline: TimelineEntry[] = [];
  readonly waveStarts: WaveStart[] = [];
  readonly root: RootSync;
  revision: RepoRevision;
  private readonly lua: Promise<LuaEngine> = createLuaEngine();
  /** The same engine once created (resource health is judged synchronously during a pass). */
  private engine: LuaEngine | undefined;
  private readonly luaMemo = new Map<string, HealthResult>();
  private readonly seen = new Map<string, string>();
  private actions: Action[] = [];
  private readonly script: string;

  constructor(private readonly options: BringupOptions) {
    this.revision = options.revision;
    this.script = options.healthLua ?? applicationHealthLua;
    const root = options.revision.root;
    // Precondition: Argo CD runs in its namespace (with the health check: `healthLua`).
    this.cluster.create({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: root.metadata.namespace },
    });
    this.root = new RootSync(root.metadata.name, root.spec.syncPolicy, {
      health: (o) => this.taskHealth(o),
      apply: (o) => this.applyFromRoot(o),
      prune: (o) => this.pruneFromRoot(o),
      log: (wave, app, status) => this.log(wave, app, status),
      beforeWave: (wave) => this.recordWaveStart(wave),
    });
  }

  get now(): number {
    return this.cluster.now;
  }

  /** A new commit on the tracked branch. */
  commit(revision: RepoRevision): void {
    this.revision = revision;
    this.log(undefined, 'git', `new revision ${revision.name}`);
  }

  schedule(action: Action): void {
    this.actions.push(action);
  }

  log(wave: number | undefined, app: string, status: string): void {
    this.timeline.push({ t: this.now, wave, app, status });
  }

  /** The root's verdict on a child, through the shipped Lua (memoized on the object's JSON). */
  async childHealth(name: string): Promise<HealthResult | undefined> {
    const child = this.children.get(name);
    if (!child) return undefined;
    const object = child.object();
    const key = JSON.stringify(object);
    const memo = this.luaMemo.get(key);
    if (memo) return memo;
    const result = await runHealthLua(await this.lua, this.script, object);
    this.luaMemo.set(key, result);
    return result;
  }

  /** Argo CD's health of a live object other than an Application. */
  resourceHealth(live: LiveObject): Health | undefined {
    if (!this.engine) throw new Error('resourceHealth before run(): the Lua engine is not ready');
    return builtinHealth(this.cluster, live, this.engine);
  }

  private taskHealth(object: K8sObject) {
    return isApplication(object)
      ? this.childHealth(object.metadata.name)
      : Promise.resolve(undefined);
  }

  private applyFromRoot(object: K8sObject): string | undefined {
    const refusal = this.cluster.apply(object, this.revision.root.metadata.name);
    if (refusal || !isApplication(object)) return refusal;
    const app = object as unknown as Application;
    const existing = this.children.get(app.metadata.name);
    if (existing) {
      existing.update(app, this.now);
      return undefined;
    }
    const resolve = sourceResolver(
      () => this.revision,
      this.options.charts,
      this.options.gatewayApi,
    );
    const admits = projectAdmits(
      this.cluster,
      () => this.revision.root.metadata.namespace,
      app.spec.project,
    );
    this.children.set(
      app.metadata.name,
      new ChildApp(app.metadata.name, app, this.now, resolve, admits, (l) =>
        this.resourceHealth(l),
      ),
    );
    return undefined;
  }

  /**
   * The root prunes a child. Only with the resources finalizer does Argo CD cascade, and then per
   * shouldBeDeleted (argo-policy.ts); without it the objects stay, untracked.
   */
  private pruneFromRoot(object: K8sObject): void {
    this.cluster.delete(keyOf(object));
    const child = this.children.get(object.metadata.name);
    if (!child) return;
    this.children.delete(child.name);
    if (!(child.app.metadata.finalizers ?? []).includes(resourcesFinalizer)) {
      this.log(waveOf(object), child.name, 'deleted without finalizer: its objects stay');
      return;
    }
    this.log(waveOf(object), child.name, cascadeDelete(this.cluster, child));
  }

  private recordWaveStart(wave: number): void {
    const notConverged = [...this.children.values()]
      .filter(
        (c) =>
          waveOf(c.app as unknown as K8sObject) < wave && !c.convergedOnCurrentSpec(this.cluster),
      )
      .map((c) => c.name);
    this.waveStarts.push({ t: this.now, wave, notConverged });
  }

  private async logChildChanges(): Promise<void> {
    for (const child of this.children.values()) {
      const health = await this.childHealth(child.name);
      const line = `${health?.status}: ${health?.message}`;
      if (this.seen.get(child.name) !== line) {
        this.seen.set(child.name, line);
        this.log(waveOf(child.app as unknown as K8sObject), child.name, line);
      }
    }
  }

  /** Runs until `until` seconds, or earlier once nothing can change any more. */
  async run(until: number): Promise<void> {
    this.engine ??= await this.lua;
    while (this.now <= until) {
      let changed = false;
      for (const event of this.cluster.runControllers()) {
        this.log(undefined, 'cert-manager', event);
        changed = true;
      }
      for (const action of this.actions.filter((a) => a.when(this))) {
        this.actions = this.actions.filter((a) => a !== action);
        this.log(undefined, 'operator', action.describe);
        action.run(this);
        changed = true;
      }
      for (const child of [...this.children.values()])
        changed = child.reconcile(this.cluster) || changed;
      const diff = rootDiff(this.cluster, this.revision.root.metadata.name, this.revision.apps);
      const before = this.root.op;
      this.root.maybeStart(this.revision.name, diff.desired, diff.extraneous, diff.outOfSync);
      changed = this.root.op !== before || changed;
      await this.logChildChanges();
      changed = (await this.root.step(this.now)) || changed;
      const next = changed
        ? this.now + 1
        : nextWake(this.cluster, this.children.values(), this.root.op?.retryAt);
      if (next === undefined) {
        if (this.actions.length === 0) return;
        this.cluster.now = until + 1;
        return;
      }
      this.cluster.now = next;
    }
  }

  async close(): Promise<void> {
    (await this.lua).global.close();
  }

  /** Names of objects of a kind in the cluster, e.g. to compare before and after. */
  names(kind: string): string[] {
    return this.cluster
      .list()
      .filter((l) => l.object.kind === kind)
      .map((l) => nameOf(l.object))
      .sort();
  }
}
