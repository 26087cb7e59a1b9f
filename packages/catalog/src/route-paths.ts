/**
 * Path prefixes with Gateway API PathPrefix semantics, and their Kong equivalent. Kong's plain
 * paths are string prefixes (`/app` also matches `/app1`); Kong Ingress Controller's translation
 * of a segment prefix is an exact regex plus a prefix ending in `/`, which routeplane reuses.
 */

/** Characters Gateway API accepts in an HTTPRoute path value (apis/v1/httproute_types.go). */
const gatewayApiPathCharacters = /^[-A-Za-z0-9/._~!$&'()*+,;=:@]+$/;

/** Why a catalog path is refused, or undefined when it is acceptable. */
export function pathProblem(path: string): string | undefined {
  if (!path.startsWith('/')) return 'must start with "/"';
  if (path.length > 1024) return 'must be at most 1024 characters long';
  if (path.includes('%')) {
    return 'must not contain percent-encoded characters: Kong and Envoy normalise them differently, so both layers could not be proven to route alike';
  }
  if (path.includes('#') || path.includes('?')) return 'must not contain "#" or "?"';
  if (path.includes('//')) return 'must not contain "//"';
  if (/\/\.\.?(\/|$)/.test(path)) return 'must not contain "/./" or "/../" segments';
  if (!gatewayApiPathCharacters.test(path)) {
    return "may contain only letters, digits and -/._~!$&'()*+,;=:@ (the characters Gateway API accepts)";
  }
  return undefined;
}

/** `/api/` and `/api` are the same PathPrefix: drop trailing slashes, keep `/` itself. */
export function normalizePathPrefix(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/** Escapes PCRE metacharacters so a literal path can sit inside a Kong regex path. */
function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/**
 * Kong paths matching exactly what PathPrefix `prefix` matches: `/app1` becomes `~/app1$` (regex,
 * exact) and `/app1/` (string prefix), so `/app10` stays unmatched. `/` matches everything.
 */
export function kongPathsForPrefix(prefix: string): string[] {
  if (prefix === '/') return ['/'];
  return [`~${escapeRegex(prefix)}$`, `${prefix}/`];
}
