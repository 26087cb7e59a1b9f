import type { EnvironmentModel, RouteModel } from '@routeplane/catalog';
import { DeckRenderError } from './errors.js';

/** `/a` covers `/a`, `/a/...`: Gateway API PathPrefix segment semantics. */
function covers(prefix: string, path: string): boolean {
  return prefix === '/' || path === prefix || path.startsWith(`${prefix}/`);
}

function intersects(a: readonly string[], b: readonly string[]): boolean {
  return a.length === 0 || b.length === 0 || a.some((x) => b.includes(x));
}

/**
 * Kong's traditional_compatible router ranks a route by how many of methods/hosts it sets before
 * it looks at the path (kong/router/transform.lua get_priority), while Gateway API ranks by the
 * longest path prefix first and the method second. Both agree unless a shorter prefix carries more
 * criteria than a longer one that can match the same request: then Kong would pick the shorter one.
 * Refuse that instead of rendering a Kong config that routes differently from the HTTPRoutes.
 */
function kongWeight(route: RouteModel): number {
  return (route.methods.length > 0 ? 1 : 0) + (route.hosts.length > 0 ? 1 : 0);
}

export function assertSamePrecedence(env: EnvironmentModel): void {
  const problems: string[] = [];
  for (const broad of env.routes) {
    for (const narrow of env.routes) {
      if (broad === narrow || kongWeight(broad) <= kongWeight(narrow)) continue;
      if (!intersects(broad.methods, narrow.methods) || !intersects(broad.hosts, narrow.hosts))
        continue;
      const shadowed = narrow.paths.filter((p) => broad.paths.some((q) => q !== p && covers(q, p)));
      for (const path of shadowed) {
        problems.push(
          `route ${broad.name} (methods/hosts set) would win over the longer prefix ${path} of route ${narrow.name} in Kong, while Gateway API picks ${narrow.name}: give ${narrow.name} the same methods/hosts or split ${broad.name}`,
        );
      }
    }
  }
  if (problems.length > 0) {
    throw new DeckRenderError(`environment ${env.name}:\n  ${problems.join('\n  ')}`);
  }
}
