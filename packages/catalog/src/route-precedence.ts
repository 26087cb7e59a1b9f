/** The parts of a route that decide which route a request picks, normalised. */
export interface RouteMatchCriteria {
  readonly name: string;
  readonly paths: readonly string[];
  readonly methods: readonly string[];
  readonly hosts: readonly string[];
}

export interface PrecedenceConflict {
  /** The route with the shorter prefix that Kong would prefer. */
  readonly broad: string;
  /** The route with the longer prefix that Gateway API would prefer. */
  readonly narrow: string;
  readonly path: string;
}

/** Proper prefixes of a normalised path at segment boundaries: `/a/b/c` -> `/a/b`, `/a`, `/`. */
function ancestors(path: string): string[] {
  // Stryker disable next-line ArrayDeclaration: a seeded ancestor such as "Stryker was here" is no normalised path (they start with /), so no route is found under it
  const out: string[] = [];
  let current = path;
  while (current !== '/') {
    const cut = current.lastIndexOf('/');
    // Stryker disable next-line EqualityOperator: with `cut < 0`, `/a` yields the extra ancestor '' before '/', and '' is no normalised path
    current = cut <= 0 ? '/' : current.slice(0, cut);
    out.push(current);
  }
  return out;
}

/** Each normalised path with the routes that list it. */
function routesByPath(routes: readonly RouteMatchCriteria[]): Map<string, RouteMatchCriteria[]> {
  const byPath = new Map<string, RouteMatchCriteria[]>();
  for (const route of routes) {
    for (const path of route.paths) byPath.set(path, [...(byPath.get(path) ?? []), route]);
  }
  return byPath;
}

/** Whether two criteria lists can match one request; an empty list matches anything. */
function intersects(a: readonly string[], b: readonly string[]): boolean {
  if (b.length === 0) return true;
  if (a.length === 0) return true;
  return a.some((x) => b.includes(x));
}

function kongWeight(route: RouteMatchCriteria): number {
  return (route.methods.length > 0 ? 1 : 0) + (route.hosts.length > 0 ? 1 : 0);
}

/**
 * Kong's traditional_compatible router ranks routes by how many of methods/hosts they set before
 * it looks at the path length (kong/router/transform.lua get_priority); Gateway API ranks by the
 * longest path prefix first. They disagree exactly when a shorter prefix carrying more criteria
 * can match a request a longer prefix also matches: those pairs are returned. Runs in time linear
 * in the number of paths times their depth (an index of routes by path replaces a pairwise scan).
 */
export function precedenceConflicts(routes: readonly RouteMatchCriteria[]): PrecedenceConflict[] {
  const byPath = routesByPath(routes);
  const conflicts: PrecedenceConflict[] = [];
  for (const narrow of routes) {
    for (const path of narrow.paths) {
      for (const prefix of ancestors(path)) {
        for (const broad of byPath.get(prefix) ?? []) {
          // A route never outranks itself: equal weights, so its own shorter paths are skipped here.
          if (kongWeight(broad) <= kongWeight(narrow)) continue;
          if (intersects(broad.methods, narrow.methods) && intersects(broad.hosts, narrow.hosts)) {
            conflicts.push({ broad: broad.name, narrow: narrow.name, path });
          }
        }
      }
    }
  }
  return conflicts;
}

/**
 * The HTTPRoutes carry no hostnames (client hosts are Kong's to match), so at the gateway a longer
 * prefix with hosts takes its path whatever the Host, while Kong sends a Host it does not list to
 * a shorter prefix: the request would reach the longer route's backend through the shorter
 * route's Kong plugins. Such pairs are returned, unless every host of the shorter route is one of
 * the longer route's (then a Host the longer one refuses, Kong refuses on both).
 */
export function hostShadowConflicts(routes: readonly RouteMatchCriteria[]): PrecedenceConflict[] {
  const byPath = routesByPath(routes);
  const conflicts: PrecedenceConflict[] = [];
  for (const narrow of routes.filter((r) => r.hosts.length > 0)) {
    for (const path of narrow.paths) {
      for (const prefix of ancestors(path)) {
        for (const broad of byPath.get(prefix) ?? []) {
          const covered =
            broad.hosts.length > 0 && broad.hosts.every((h) => narrow.hosts.includes(h));
          // Stryker disable next-line ConditionalExpression: a route covers its own hosts, so !covered also skips broad === narrow
          if (broad !== narrow && !covered && intersects(broad.methods, narrow.methods)) {
            conflicts.push({ broad: broad.name, narrow: narrow.name, path });
          }
        }
      }
    }
  }
  return conflicts;
}
