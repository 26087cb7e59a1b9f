import { arr, isObject, obj, show, str } from '../json.js';
import { envRule, type Rule } from '../rule.js';
import { type EnvTree, type K8sObject, ofKind } from '../tree-index.js';

interface AppSource {
  readonly repoURL: string;
  readonly path: string | undefined;
  readonly chart: string | undefined;
  readonly targetRevision: string | undefined;
}

function sources(app: K8sObject): readonly AppSource[] {
  const single = obj(app.doc, 'spec', 'source');
  return [...(single ? [single] : []), ...arr(app.doc, 'spec', 'sources').filter(isObject)].map(
    (s) => ({
      repoURL: str(s, 'repoURL') ?? '',
      path: str(s, 'path'),
      chart: str(s, 'chart'),
      targetRevision: str(s, 'targetRevision'),
    }),
  );
}

/** The `argocd.argoproj.io/sync-wave` of an Application (0 when absent, as Argo CD reads it). */
export function wave(app: K8sObject): number {
  return Number(str(app.doc, 'metadata', 'annotations', 'argocd.argoproj.io/sync-wave') ?? 0);
}

/** Sources whose path lives in this repository's rendered tree (argocd/ or generated/). */
export function localPaths(app: K8sObject): readonly string[] {
  // Stryker disable ArrayDeclaration: the filter below drops the seeded path
  return sources(app)
    .flatMap((s) => s.path?.replace(/\/+$/, '') ?? [])
    .filter((p) => /^(argocd|generated|deck)\//.test(p));
}

// Stryker restore ArrayDeclaration
/** What each Application provides to others, and what its objects need. */
interface AppFacts {
  readonly app: K8sObject;
  readonly provides: ReadonlySet<string>;
  readonly needs: ReadonlyMap<string, string>;
}

function appFacts(env: EnvTree, app: K8sObject): AppFacts {
  const provides = new Set<string>();
  const needs = new Map<string, string>();
  for (const s of sources(app)) {
    if (s.repoURL.includes('gateway-api')) provides.add('crd:gateway.networking.k8s.io');
    if (s.chart === 'base') provides.add('crd:security.istio.io').add('crd:networking.istio.io');
    if (s.chart === 'istiod') provides.add('istio-control-plane');
    if (s.chart === 'cert-manager') provides.add('crd:cert-manager.io');
  }
  const paths = localPaths(app);
  const deployed = env.objects.filter(
    (o) => o.kind !== 'Application' && paths.some((p) => o.file.startsWith(`${p}/`)),
  );
  for (const o of deployed) {
    if (o.kind === 'Namespace') provides.add(`ns:${o.name}`);
    if (o.kind === 'Gateway') provides.add(`gw:${o.namespace}/${o.name}`);
    if (o.namespace !== '') needs.set(`ns:${o.namespace}`, o.id);
    const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : undefined;
    if (group) needs.set(`crd:${group}`, o.id);
    if (o.kind === 'Gateway') needs.set('istio-control-plane', o.id);
    // Istio sends a Service's traffic to its waypoint as soon as the label exists.
    const waypoint = o.kind === 'Service' ? o.labels['istio.io/use-waypoint'] : undefined;
    if (waypoint !== undefined && waypoint !== 'none')
      needs.set(`gw:${o.namespace}/${waypoint}`, o.id);
    for (const p of arr(o.doc, 'spec', 'parentRefs')) {
      needs.set(`gw:${str(p, 'namespace') ?? o.namespace}/${str(p, 'name') ?? ''}`, o.id);
    }
  }
  return { app, provides, needs };
}

export const argocdRules: readonly Rule[] = [
  envRule(
    'xlayer/argocd-path',
    'Every Application path in this repository exists in the rendered tree',
    (env, r) => {
      for (const app of ofKind(env, 'Application')) {
        for (const path of localPaths(app)) {
          if (!env.paths.some((p) => p.startsWith(`${path}/`))) {
            r.on(app, `source path ${path} contains no rendered file`);
          }
        }
      }
    },
  ),
  envRule(
    'xlayer/sync-wave',
    'Sync waves deploy what an object needs in an earlier wave',
    (env, r) => {
      const facts = ofKind(env, 'Application').map((app) => appFacts(env, app));
      for (const consumer of facts) {
        for (const [need, objectId] of consumer.needs) {
          for (const provider of facts) {
            if (provider === consumer || !provider.provides.has(need)) continue;
            if (wave(provider.app) >= wave(consumer.app)) {
              r.on(
                consumer.app,
                `wave ${wave(consumer.app)} deploys ${objectId}, which needs ${need} from Application ${provider.app.name} (wave ${wave(provider.app)}); expected a wave > ${wave(provider.app)}`,
              );
            }
          }
        }
      }
    },
  ),
  envRule(
    'policy/argocd-application',
    'Applications use a dedicated project, a pinned revision and sane sync options',
    (env, r) => {
      for (const app of ofKind(env, 'Application')) {
        const project = str(app.doc, 'spec', 'project');
        if (project === undefined || project === 'default') {
          r.on(app, `spec.project must be a dedicated AppProject, but ${show(project)} was given`);
        }
        for (const s of sources(app)) {
          const revision = s.targetRevision;
          if (revision === undefined || revision === '' || revision === 'HEAD') {
            r.on(
              app,
              `source ${s.repoURL} targetRevision must be pinned, but ${show(revision)} was given`,
            );
          }
        }
        const options = arr(app.doc, 'spec', 'syncPolicy', 'syncOptions');
        if (options.includes('ServerSideApply=true') && options.includes('Replace=true')) {
          r.on(app, 'syncOptions ServerSideApply=true is ignored when Replace=true is also set');
        }
      }
    },
  ),
  envRule(
    'policy/argocd-project',
    'AppProjects whitelist namespaced kinds, and no Application lives in a project it syncs',
    (env, r) => {
      const projects = ofKind(env, 'AppProject');
      for (const project of projects) {
        // Absent means every namespaced kind, Secrets and argocd-cm in `argocd` included.
        if (obj(project.doc, 'spec')?.namespaceResourceWhitelist === undefined) {
          r.on(
            project,
            'spec.namespaceResourceWhitelist must list the kinds its Applications deploy',
          );
        }
      }
      for (const app of ofKind(env, 'Application')) {
        const name = str(app.doc, 'spec', 'project');
        const own = projects.filter((p) => p.name === name);
        const synced = own.filter((p) =>
          localPaths(app).some((path) => p.file.startsWith(`${path}/`)),
        );
        for (const p of synced) {
          r.on(
            app,
            `its project ${p.name} is in ${p.file}, which it syncs: the project would have two owners`,
          );
        }
      }
    },
  ),
];
