import type { AppProject } from './argo-types.js';

/**
 * Argo CD 3.4's AppProject checks, re-implemented for tests (argo-cd v3.4.4
 * pkg/apis/application/v1alpha1: IsGroupKindNamePermitted, isNamedResourceInList,
 * isDestinationMatched). Whitelists only: routeplane renders no blacklists and no deny patterns.
 */

/** Compiled patterns: the project tests match every rendered object against the same few. */
const compiled = new Map<string, RegExp>();

/** Go's filepath.Match for the patterns we use: `*` and `?` never cross `/`. */
function globMatch(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    const source = pattern
      .split('')
      .map((c) =>
        c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
      )
      .join('');
    regex = new RegExp(`^${source}$`);
    compiled.set(pattern, regex);
  }
  return regex.test(value);
}

export interface ResourceRef {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  /** Undefined for cluster-scoped objects. */
  readonly namespace?: string;
}

/** Every test object lives on the one in-cluster server the catalog targets. */
const inCluster = 'https://kubernetes.default.svc';

/** Whether the project lets an Application sync this object (kind, name and namespace). */
export function permitsResource(project: AppProject, ref: ResourceRef): boolean {
  if (ref.namespace !== undefined) {
    // An absent namespace whitelist admits every kind; ours is always set.
    const kindOk = project.spec.namespaceResourceWhitelist.some(
      (i) => globMatch(i.group, ref.group) && globMatch(i.kind, ref.kind),
    );
    return kindOk && permitsDestination(project, { server: inCluster, namespace: ref.namespace });
  }
  // An empty cluster whitelist denies every cluster-scoped kind.
  return project.spec.clusterResourceWhitelist.some(
    (i) =>
      globMatch(i.kind, ref.kind) &&
      globMatch(i.group, ref.group) &&
      (i.name === undefined || i.name === '' || globMatch(i.name, ref.name)),
  );
}

/** Destination check; an absent namespace is `''` on both sides. */
export function permitsDestination(
  project: AppProject,
  destination: { readonly server: string; readonly namespace?: string | undefined },
): boolean {
  return project.spec.destinations.some(
    (d) =>
      globMatch(d.server, destination.server) &&
      globMatch(d.namespace ?? '', destination.namespace ?? ''),
  );
}

export function permitsSource(project: AppProject, repoURL: string): boolean {
  return project.spec.sourceRepos.some((r) => globMatch(r, repoURL));
}
