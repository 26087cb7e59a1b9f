/**
 * Test-only model of how Kong Gateway 3.x (router_flavor traditional_compatible, the default and what
 * Konnect Dedicated Cloud Gateways run) picks a route for an HTTP request, and which path it forwards.
 * It reads the rendered kong.yaml object only. Sources, Kong/kong at master (2026):
 * - kong/router/utils.lua strip_uri_args: query dropped, then kong/tools/uri.lua normalize(uri, true):
 *   %XX of non-reserved characters decoded, of reserved ones upper-cased; dot segments removed;
 *   repeated slashes merged. Matching and forwarding both use the normalised path.
 * - kong/router/transform.lua: a regex path `~re` becomes `^re` (Rust regex: `$` is end of text); a
 *   plain path is a string prefix (`http.path ^= p`). Routes are split per path group and ranked by
 *   get_priority: match weight (methods, hosts, headers, snis, paths present) > plain-hosts bit >
 *   header count > regex bit > regex_priority > prefix length. Equal priority: undefined winner.
 * - developer.konghq.com/gateway/routing/traditional: "If a route contains prefix or regular
 *   expression paths, the priority of the route will be calculated separately for each of the paths".
 * - kong/runloop/handler.lua + kong/router/utils.lua get_upstream_uri_v0: with strip_path false and no
 *   service path the upstream URI is the normalised path, passed through kong/tools/uri.lua escape.
 */
import type { KongFile } from '@routeplane/deck-types';

const reserved = new Set("!*'();:@&=+$,/?%#[]");

/** kong/tools/uri.lua normalize(uri, merge_slashes = true), ported step by step. */
export function kongNormalize(input: string): string {
  let uri = input;
  if (uri === '' || uri === '/') return uri;
  if (uri.includes('%')) {
    uri = uri.replace(/%([0-9A-Fa-f]{2})/g, (whole, hex: string) => {
      const code = Number.parseInt(hex, 16);
      return reserved.has(String.fromCharCode(code))
        ? whole.toUpperCase()
        : String.fromCharCode(code);
    });
  }
  if (!uri.includes('.') && !uri.includes('//')) return uri;
  const out: string[] = [];
  while (uri.length > 0) {
    if (uri === '/.') uri = '/';
    else if (uri === '/..') {
      uri = '/';
      out.pop();
    } else if (uri === '.' || uri === '..') uri = '';
    else if (uri.startsWith('../')) uri = uri.slice(3);
    else if (uri.startsWith('./')) uri = uri.slice(2);
    else if (uri.startsWith('/./')) uri = uri.slice(2);
    else if (uri.startsWith('/../')) {
      uri = uri.slice(3);
      out.pop();
    } else if (uri.startsWith('//')) uri = uri.slice(1);
    else {
      const next = uri.indexOf('/', 1);
      out.push(next === -1 ? uri : uri.slice(0, next));
      uri = next === -1 ? '' : uri.slice(next);
    }
  }
  return out.join('');
}

/** kong/tools/uri.lua escape: percent-encode everything outside the safe set. */
export function kongEscape(uri: string): string {
  return uri.replace(
    /[^!#$&'()*+,/:;=?@[\]A-Za-z0-9\-_.~%]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** Request path as Kong matches it: query stripped (from the 2nd character on), then normalised. */
export function kongMatchPath(rawPath: string): string {
  const q = rawPath.indexOf('?', 1);
  return kongNormalize(q === -1 ? rawPath : rawPath.slice(0, q));
}

/** Path Kong sends to the Istio gateway (strip_path false, no service path). */
export function kongForwardedPath(rawPath: string): string {
  return kongEscape(kongMatchPath(rawPath));
}

interface SplitRoute {
  readonly service: string;
  readonly route: string;
  readonly methods: readonly string[];
  readonly paths: readonly string[];
  /** [match weight, regex bit, regex_priority, prefix length], compared left to right. */
  readonly priority: readonly number[];
}

function splitRoutes(file: KongFile): SplitRoute[] {
  const out: SplitRoute[] = [];
  for (const service of file.services ?? []) {
    for (const route of service.routes ?? []) {
      const paths = route.paths ?? [];
      const groups = new Map<string, string[]>();
      for (const p of paths) {
        const key = p.startsWith('~') ? 'regex' : `len:${p.length}`;
        groups.set(key, [...(groups.get(key) ?? []), p]);
      }
      const methods = route.methods ?? [];
      const weight = (methods.length > 0 ? 1 : 0) + ((route.hosts ?? []).length > 0 ? 1 : 0) + 1;
      for (const group of groups.values()) {
        const regex = group[0]?.startsWith('~') ?? false;
        out.push({
          service: service.name ?? '',
          route: route.name ?? '',
          methods,
          paths: group,
          priority: [
            weight,
            regex ? 1 : 0,
            regex ? (route.regex_priority ?? 0) : 0,
            regex ? 0 : (group[0]?.length ?? 0),
          ],
        });
      }
    }
  }
  return out;
}

function pathMatches(kongPath: string, path: string): boolean {
  return kongPath.startsWith('~')
    ? new RegExp(`^${kongPath.slice(1)}`).test(path)
    : path.startsWith(kongPath);
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export type KongPick = { readonly service: string } | 'none' | 'ambiguous';

/** The service Kong proxies `method rawPath` to. `ambiguous`: top priority tie between services. */
export function kongSelect(file: KongFile, method: string, rawPath: string): KongPick {
  const path = kongMatchPath(rawPath);
  const candidates = splitRoutes(file).filter(
    (r) =>
      (r.methods.length === 0 || r.methods.includes(method)) &&
      r.paths.some((p) => pathMatches(p, path)),
  );
  if (candidates.length === 0) return 'none';
  candidates.sort((a, b) => compare(b.priority, a.priority));
  const [best, ...rest] = candidates;
  if (best === undefined) return 'none';
  const tied = rest.filter(
    (r) => compare(r.priority, best.priority) === 0 && r.service !== best.service,
  );
  return tied.length > 0 ? 'ambiguous' : { service: best.service };
}
