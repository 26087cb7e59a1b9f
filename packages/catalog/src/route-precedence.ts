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

/** `/a` covers `/a` and `/a/...` (Gateway API PathPrefix segment semantics). */
function covers(prefix: string, path: string): boolean {
  return prefix === '/' || path === prefix || path.startsWith(`${prefix}/`);
}

function intersects(a: readonly string[], b: readonly string[]): boolean {
  return a.length === 0 || b.length === 0 || a.some((x) => b.includes(x));
}

function kongWeight(route: RouteMatchCriteria): number {
  return (route.methods.length > 0 ? 1 : 0) + (route.hosts.length > 0 ? 1 : 0);
}

/**
 * Kong's traditional_compatible router ranks routes by how many of methods/hosts they set before
 * it looks at the path length (kong/router/transform.lua get_priority); Gateway API ranks by the
 * longest path prefix first. They disagree exactly when a shorter prefix carrying more criteria
 * can match a request a longer prefix also matches: those pairs are returned.
 */
export function precedenceConflicts(routes: readonly RouteMatchCriteria[]): PrecedenceConflict[] {
  const conflicts: PrecedenceConflict[] = [];
  for (const broad of routes) {
    for (const narrow of routes) {
      if (broad === narrow || kongWeight(broad) <= kongWeight(narrow)) continue;
      if (!intersects(broad.methods, narrow.methods) || !intersects(broad.hosts, narrow.hosts)) {
        continue;
      }
      for (const path of narrow.paths) {
        if (broad.paths.some((q) => q !== path && covers(q, path))) {
          conflicts.push({ broad: broad.name, narrow: narrow.name, path });
        }
      }
    }
  }
  return conflicts;
}
