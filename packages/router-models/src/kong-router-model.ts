/**
 * Model of how Kong Gateway 3.x (router_flavor traditional_compatible, the default and what
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
 * - kong/router/transform.lua hosts: `*.example.com` matches any sub-domain, `example.*` any ending,
 *   anything else matches exactly; the request's port is ignored and names compare case-insensitively.
 * - kong/router/transform.lua headers: every named header must carry one of its values, compared on
 *   the lower-cased header value (`any(lower(http.headers.<name>))`); a value `~*re` is a regex
 *   search (unanchored), anything else equality with the lower-cased value.
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
  readonly hosts: readonly string[];
  readonly headers: Readonly<Record<string, readonly string[]>>;
  readonly paths: readonly string[];
  /** [match weight, plain-hosts bit, header count, regex bit, regex_priority, prefix length]. */
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
      const hosts = route.hosts ?? [];
      const headers = Object.fromEntries(
        Object.entries(route.headers ?? {}).map(([name, values]) => [name, values ?? []]),
      );
      const headerCount = Object.keys(headers).length;
      const weight =
        (methods.length > 0 ? 1 : 0) + (hosts.length > 0 ? 1 : 0) + (headerCount > 0 ? 1 : 0) + 1;
      const plainHosts = hosts.length > 0 && hosts.every((h) => !h.includes('*')) ? 1 : 0;
      for (const group of groups.values()) {
        const regex = group[0]?.startsWith('~') ?? false;
        out.push({
          service: service.name ?? '',
          route: route.name ?? '',
          methods,
          hosts,
          headers,
          paths: group,
          priority: [
            weight,
            plainHosts,
            headerCount,
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

function hostMatches(pattern: string, host: string): boolean {
  const want = pattern.toLowerCase();
  const have = host.toLowerCase().replace(/:\d+$/, '');
  if (want.startsWith('*.')) return have.endsWith(want.slice(1));
  if (want.endsWith('.*')) return have.startsWith(want.slice(0, -1));
  return have === want;
}

function headerMatches(pattern: string, value: string): boolean {
  const have = value.toLowerCase();
  return pattern.startsWith('~*')
    ? new RegExp(pattern.slice(2)).test(have)
    : have === pattern.toLowerCase();
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface KongRequest {
  readonly method: string;
  /** Raw request path as sent (may carry a query, encodings, dot segments). */
  readonly path: string;
  /** Host header; undefined: routes with hosts are not filtered by host. */
  readonly host?: string;
  /** Request headers by name (any case); absent headers fail a route's header match. */
  readonly headers?: Readonly<Record<string, string>>;
}

function headerValue(request: KongRequest, name: string): string | undefined {
  const key = Object.keys(request.headers ?? {}).find(
    (k) => k.toLowerCase() === name.toLowerCase(),
  );
  return key === undefined ? undefined : request.headers?.[key];
}

/** Why one route (one of its path groups) does or does not take the request. */
export interface KongVerdict {
  readonly service: string;
  readonly route: string;
  readonly paths: readonly string[];
  readonly priority: readonly number[];
  readonly outcome: 'selected' | 'outranked' | 'tied' | 'no-match';
  readonly reason: string;
}

export interface KongExplanation {
  /** The path Kong matches on (query dropped, normalised). */
  readonly matchPath: string;
  readonly pick: KongPick;
  /** Every route path group, the winner first, then by priority. */
  readonly verdicts: readonly KongVerdict[];
}

function mismatch(r: SplitRoute, request: KongRequest, path: string): string | undefined {
  if (r.methods.length > 0 && !r.methods.includes(request.method)) {
    return `method ${request.method} is not one of ${r.methods.join(', ')}`;
  }
  if (request.host !== undefined && r.hosts.length > 0) {
    const host = request.host;
    if (!r.hosts.some((h) => hostMatches(h, host))) {
      return `host ${host} is not one of ${r.hosts.join(', ')}`;
    }
  }
  for (const [name, values] of Object.entries(r.headers)) {
    const value = headerValue(request, name);
    if (value === undefined) return `header ${name} is absent (wanted ${values.join(', ')})`;
    if (!values.some((v) => headerMatches(v, value))) {
      return `header ${name}: ${value} is not one of ${values.join(', ')}`;
    }
  }
  if (!r.paths.some((p) => pathMatches(p, path))) {
    const why = r.paths.map((p) =>
      p.startsWith('~')
        ? `${path} does not match the regex ${p.slice(1)} (anchored at the start)`
        : `${path} does not start with ${p}`,
    );
    return why.join('; ');
  }
  return undefined;
}

/** How Kong routes one request: the pick and, for every route, why it wins or loses. */
export function kongExplain(file: KongFile, request: KongRequest): KongExplanation {
  const path = kongMatchPath(request.path);
  const routes = splitRoutes(file);
  const matching = routes
    .filter((r) => mismatch(r, request, path) === undefined)
    .sort((a, b) => compare(b.priority, a.priority));
  const [best] = matching;
  const tiedServices = best
    ? matching.filter((r) => compare(r.priority, best.priority) === 0 && r.service !== best.service)
    : [];
  const pick: KongPick =
    best === undefined ? 'none' : tiedServices.length > 0 ? 'ambiguous' : { service: best.service };
  const verdicts = routes.map((r): KongVerdict => {
    const base = { service: r.service, route: r.route, paths: r.paths, priority: r.priority };
    const why = mismatch(r, request, path);
    if (why !== undefined) return { ...base, outcome: 'no-match', reason: why };
    if (r === best) {
      return {
        ...base,
        outcome: tiedServices.length > 0 ? 'tied' : 'selected',
        reason: `matches with the highest priority [${r.priority.join(', ')}]`,
      };
    }
    if (best !== undefined && compare(r.priority, best.priority) === 0) {
      return { ...base, outcome: 'tied', reason: `same priority as route ${best.route}` };
    }
    return {
      ...base,
      outcome: 'outranked',
      reason: `matches, but priority [${r.priority.join(', ')}] is below route ${best?.route ?? ''}'s [${best?.priority.join(', ') ?? ''}]`,
    };
  });
  const rank = { selected: 0, tied: 1, outranked: 2, 'no-match': 3 } as const;
  verdicts.sort((a, b) => rank[a.outcome] - rank[b.outcome] || compare(b.priority, a.priority));
  return { matchPath: path, pick, verdicts };
}

export type KongPick = { readonly service: string } | 'none' | 'ambiguous';

/** The service Kong proxies `method rawPath` to. `ambiguous`: top priority tie between services. */
export function kongSelect(
  file: KongFile,
  method: string,
  rawPath: string,
  host?: string,
): KongPick {
  return kongExplain(file, { method, path: rawPath, ...(host === undefined ? {} : { host }) }).pick;
}
