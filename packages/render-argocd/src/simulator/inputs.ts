import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RenderedFile } from '@routeplane/model';
import { parseAllDocuments } from 'yaml';
import type { Application } from '../argo-types.js';
import { gatewayApiRepoURL } from '../constants.js';
import type { SourceResolver } from './child-app-controller.js';
import { inNamespace, type K8sObject } from './k8s-object.js';

/**
 * What the simulated Argo CD reads: one git revision of the rendered trees (`argocd/<env>/` and
 * `generated/k8s/<env>/`), the Helm repository (charts rendered by real helm, see
 * chart-inventory/render-charts.ts) and the upstream Gateway API CRDs.
 */

export interface RepoRevision {
  /** Label in timelines, e.g. the commit. */
  readonly name: string;
  readonly root: Application;
  /** Documents of `argocd/<env>/apps/`: the workload AppProject and the children. */
  readonly apps: readonly K8sObject[];
  /** Objects per directory below the repository root, e.g. `generated/k8s/dev/gateway`. */
  readonly dirs: ReadonlyMap<string, readonly K8sObject[]>;
}

function yamlObjects(text: string, where: string): K8sObject[] {
  return parseAllDocuments(text).flatMap((doc) => {
    if (doc.errors.length > 0) throw new Error(`${where}: ${doc.errors[0]?.message}`);
    const value = doc.toJS() as K8sObject | null;
    return value ? [value] : [];
  });
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesBelow(path) : [path];
  });
}

function byDirectory(entries: readonly (readonly [string, readonly K8sObject[]])[]) {
  const dirs = new Map<string, K8sObject[]>();
  for (const [path, objects] of entries) {
    const dir = path.slice(0, path.lastIndexOf('/'));
    dirs.set(dir, [...(dirs.get(dir) ?? []), ...objects]);
  }
  return dirs;
}

function revision(name: string, env: string, dirs: Map<string, K8sObject[]>): RepoRevision {
  const root = dirs.get(`argocd/${env}`)?.find((o) => o.kind === 'Application');
  if (!root) throw new Error(`argocd/${env}/root.yaml has no Application`);
  return {
    name,
    root: root as unknown as Application,
    apps: dirs.get(`argocd/${env}/apps`) ?? [],
    dirs,
  };
}

/** The committed trees of one environment, read from disk. */
export function revisionFromDisk(repoRoot: string, env: string, name: string): RepoRevision {
  const files = [join(repoRoot, 'argocd', env), join(repoRoot, 'generated/k8s', env)]
    .flatMap(filesBelow)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [f.slice(repoRoot.length + 1), yamlObjects(readFileSync(f, 'utf8'), f)] as const);
  return revision(name, env, byDirectory(files));
}

/** The same trees straight from the renderers (for a commit that does not exist yet). */
export function revisionFromRendered(
  files: readonly RenderedFile[],
  env: string,
  name: string,
): RepoRevision {
  const entries = files
    .filter((f) => f.content.kind === 'yaml')
    .map(
      (f) =>
        [f.path, (f.content.kind === 'yaml' ? f.content.documents : []) as K8sObject[]] as const,
    );
  return revision(name, env, byDirectory(entries));
}

/** Helm charts by `chart@version` and values, as rendered objects. */
export type ChartRepository = ReadonlyMap<string, readonly K8sObject[]>;

export function chartKey(chart: string, version: string, values: unknown): string {
  return `${chart}@${version}@${JSON.stringify(values ?? {})}`;
}

/** Resolves a child's source against one revision, the chart repository and the Gateway API CRDs. */
export function sourceResolver(
  repo: () => RepoRevision,
  charts: ChartRepository,
  gatewayApi: readonly K8sObject[],
): SourceResolver {
  // Same revision and source, same objects: reused so that their JSON is computed once.
  const memo = new Map<string, readonly K8sObject[] | string>();
  return (spec) => {
    const key = JSON.stringify([repo().name, spec.source, spec.destination]);
    const known = memo.get(key);
    if (known !== undefined) return known;
    const resolved = resolveSource(spec, repo(), charts, gatewayApi);
    memo.set(key, resolved);
    return resolved;
  };
}

function resolveSource(
  spec: Application['spec'],
  revision: RepoRevision,
  charts: ChartRepository,
  gatewayApi: readonly K8sObject[],
): readonly K8sObject[] | string {
  {
    const { source, destination } = spec;
    let objects: readonly K8sObject[] | undefined;
    if (source.chart) {
      objects = charts.get(
        chartKey(source.chart, source.targetRevision, source.helm?.valuesObject),
      );
      if (!objects)
        return `chart ${source.chart} version ${source.targetRevision} with these values is not in the repository`;
    } else if (source.repoURL === gatewayApiRepoURL) {
      objects = gatewayApi;
    } else {
      objects = revision.dirs.get(source.path ?? '');
      if (!objects) return `app path does not exist: ${source.path}`;
    }
    return objects.map((o) => inNamespace(o, destination.namespace));
  }
}

/** The standard-channel CRDs of ../shared/crds plus the safe-upgrades admission policy and binding. */
export function gatewayApiObjectsFrom(crdDir: string): K8sObject[] {
  const crds = readdirSync(crdDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => yamlObjects(readFileSync(join(crdDir, f), 'utf8'), f));
  // Not in the shared copy; named as config/crd/standard ships them (project-resources.ts).
  const policy = (kind: string): K8sObject => ({
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind,
    metadata: { name: 'safe-upgrades.gateway.networking.k8s.io' },
  });
  return [...crds, policy('ValidatingAdmissionPolicy'), policy('ValidatingAdmissionPolicyBinding')];
}
