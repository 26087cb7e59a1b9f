import { applicationHealthLua } from '../application-health.js';
import type { Application, AppProject } from '../argo-types.js';
import { resourcesFinalizer } from '../constants.js';
import {
  createLuaEngine,
  type HealthResult,
  type LuaEngine,
  runHealthLua,
} from '../lua/run-health-lua.js';
import { permitsResource } from '../project-permits.fixture.js';
import { deletedOnCascade } from './argo-policy.js';
import { certManagerWakeTimes } from './cert-manager-model.js';
import { ChildApp, compareDelay } from './child-app-controller.js';
import { Cluster, delays, type LiveObject, progressDeadline } from './cluster.js';
import { type ChartRepository, type RepoRevision, sourceResolver } from './inputs.js';
import { groupOf, jsonOf, type K8sObject, keyOf, nameOf } from './k8s-object.js';
import { builtinHealth, type Health, isApplication } from './resource-health.js';
import { RootSync, waveOf } from './root-sync.js';

/**
 * Bring-up simulation of one environment: the root Application syncs `argocd/<env>/apps` wave by
 * wave (root-sync.ts), each child syncs its source (child-app-controller.ts) into a modelled cluster
 * (cluster.ts), and the root judges each child with the shipped Lua health check run in wasmoon.
 * Time is simulated (seconds); the loop jumps to the next moment anything can change.
 */

export interface TimelineEntry {
  readonly t: number;
  readonly wave: number | undefined;
  readonly app: string;
  readonly status: string;
}

/** A wave the root started, and which children of earlier waves had not converged then. */
export interface WaveStart {
  readonly t: number;
  readonly wave: number;
  readonly notConverged: readonly string[];
}

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

  private project(name: string): AppProject | undefined {
    return this.cluster.find(
      'argoproj.io',
      'AppProject',
      this.revision.root.metadata.namespace,
      name,
    )?.object as unknown as AppProject | undefined;
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
    const admits = (o: K8sObject) => {
      const project = this.project(app.spec.project);
      if (!project) return false;
      const ref = { group: groupOf(o.apiVersion), kind: o.kind, name: o.metadata.name };
      const ns = o.metadata.namespace;
      return permitsResource(project, ns === undefined ? ref : { ...ref, namespace: ns });
    };
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
    const owned = this.cluster.list().filter((l) => l.owner === child.name);
    const kept = owned.filter((l) => !deletedOnCascade(l.object, child.spec.syncPolicy));
    const gone = owned
      .filter((l) => deletedOnCascade(l.object, child.spec.syncPolicy))
      .flatMap((l) => this.cluster.delete(keyOf(l.object)));
    this.log(
      waveOf(object),
      child.name,
      `deleted (finalizer): removed ${gone.length} objects${gone.length ? ` (${gone.join(', ')})` : ''}, kept ${kept.length}`,
    );
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

  /** Root desired state vs the cluster: what to apply and what to prune. */
  private rootDiff() {
    const rootName = this.revision.root.metadata.name;
    const desired = this.revision.apps;
    const wanted = new Set(desired.map(keyOf));
    const extraneous = this.cluster
      .list()
      .filter((l) => l.owner === rootName && !wanted.has(keyOf(l.object)))
      .map((l) => l.object);
    const outOfSync =
      extraneous.length > 0 ||
      desired.some((o) => jsonOf(this.cluster.get(keyOf(o))?.object ?? {}) !== jsonOf(o));
    return { desired, extraneous, outOfSync };
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

  /** Next moment at which time alone can change something. */
  private nextWake(): number | undefined {
    const t = this.now;
    const candidates: number[] = [];
    const istiod = this.cluster.istiodReadySince();
    if (istiod !== undefined) candidates.push(istiod + delays.nlb);
    for (const l of this.cluster.list()) {
      for (const base of [l.createdAt, l.changedAt]) {
        candidates.push(
          base + delays.crdEstablished,
          base + delays.daemonSet,
          base + delays.deployment,
          base + delays.nlb,
        );
      }
    }
    for (const l of this.cluster.list()) {
      if (l.object.kind === 'Deployment') candidates.push(l.changedAt + progressDeadline(l.object));
    }
    candidates.push(...certManagerWakeTimes(this.cluster));
    for (const c of this.children.values()) candidates.push(...c.wakeTimes(compareDelay));
    if (this.root.op?.retryAt !== undefined) candidates.push(this.root.op.retryAt);
    const future = candidates.filter((c) => c > t);
    return future.length ? Math.min(...future) : undefined;
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
      const diff = this.rootDiff();
      const before = this.root.op;
      this.root.maybeStart(this.revision.name, diff.desired, diff.extraneous, diff.outOfSync);
      changed = this.root.op !== before || changed;
      await this.logChildChanges();
      changed = (await this.root.step(this.now)) || changed;
      const next = changed ? this.now + 1 : this.nextWake();
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

/** The timeline as a reviewer reads it: time, wave, app, status. */
export function formatTimeline(entries: readonly TimelineEntry[]): string {
  return entries
    .map((e) => {
      const time = `${String(Math.floor(e.t / 60)).padStart(3)}m${String(e.t % 60).padStart(2, '0')}s`;
      const wave = e.wave === undefined ? '    ' : String(e.wave).padStart(4);
      return `${time} ${wave}  ${e.app.padEnd(36)} ${e.status}`;
    })
    .join('\n');
}
