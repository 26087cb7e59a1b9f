/**
 * Model of Gateway API HTTPRoute matching for PathPrefix + method matches, written from the
 * specification, independent of Kong. Sources: kubernetes-sigs/gateway-api apis/v1/httproute_types.go
 * - PathPrefix "matches based on a URL path prefix split by `/`. Matching is done on a path element
 *   by element basis", a trailing `/` in the value is ignored: `/abc` matches `/abc`, `/abc/`,
 *   `/abc/def` but not `/abcd`;
 * - precedence across all matches of all routes: the longest PathPrefix (characters) first, then a
 *   method match over none, then (ties) the oldest route / alphabetical — the catalog refuses those.
 * - hostnames (HTTPRouteSpec.Hostnames): a request's Host (port dropped, any case) must match one of
 *   them; `*.example.com` "would match both `test.example.com`, and `foo.test.example.com`, but not
 *   `example.com`"; a route without hostnames takes every Host its listener accepts, and a
 *   listener's `hostname` matches the same way (apis/v1/shared_types.go Hostname).
 * The path is the one Kong forwards: the Istio gateway only sees requests Kong proxied.
 */
export interface GatewayRoute {
  /** HTTPRoute name (for explanations). @default the backend */
  readonly name?: string;
  /** `<namespace>/<name>` of the backend Service. */
  readonly backend: string;
  /** PathPrefix values as the HTTPRoute carries them. */
  readonly prefixes: readonly string[];
  /** Empty: any method. */
  readonly methods: readonly string[];
  /** HTTPRoute `spec.hostnames`. @default none: the listener's hostname decides */
  readonly hostnames?: readonly string[];
}

/** Gateway API hostname matching: exact, or `*.` as a suffix of one or more labels. */
export function gatewayHostnameMatches(pattern: string, host: string): boolean {
  const want = pattern.toLowerCase();
  const have = host.toLowerCase().replace(/:\d+$/, '');
  return want.startsWith('*.')
    ? have.endsWith(want.slice(1)) && have.length > want.length - 1
    : have === want;
}

function hostAccepted(route: GatewayRoute, host: string | undefined): boolean {
  const hostnames = route.hostnames ?? [];
  return (
    host === undefined ||
    hostnames.length === 0 ||
    hostnames.some((h) => gatewayHostnameMatches(h, host))
  );
}

/** Element-by-element prefix match; `/` matches every path. */
export function pathPrefixMatches(prefix: string, path: string): boolean {
  const want = prefix.split('/').filter((s) => s !== '');
  const have = path.split('/');
  if (have[0] !== '') return false;
  const elements = have.slice(1);
  // trailing "/" of the request is an empty last element, which must not be required to match
  return want.every((segment, i) => elements[i] === segment);
}

export type GatewayPick = { readonly backend: string } | 'none' | 'ambiguous';

/** The backend for `method path`; with `host`, routes whose hostnames exclude it do not match. */
export function gatewaySelect(
  routes: readonly GatewayRoute[],
  method: string,
  path: string,
  host?: string,
): GatewayPick {
  const matches = routes.flatMap((route) =>
    (hostAccepted(route, host) ? route.prefixes : [])
      .filter((p) => pathPrefixMatches(p, path))
      .filter(() => route.methods.length === 0 || route.methods.includes(method))
      .map((p) => ({
        backend: route.backend,
        length: p === '/' ? 1 : p.replace(/\/+$/, '').length,
        method: route.methods.length > 0 ? 1 : 0,
      })),
  );
  if (matches.length === 0) return 'none';
  matches.sort((a, b) => b.length - a.length || b.method - a.method);
  const [best, ...rest] = matches;
  if (best === undefined) return 'none';
  const tied = rest.some(
    (m) => m.length === best.length && m.method === best.method && m.backend !== best.backend,
  );
  return tied ? 'ambiguous' : { backend: best.backend };
}

/** Why one HTTPRoute does or does not take the request. */
export interface GatewayVerdict {
  readonly name: string;
  readonly backend: string;
  readonly outcome: 'selected' | 'outranked' | 'no-match';
  readonly reason: string;
}

/** Each route's verdict for `method path` (and `host`, as in gatewaySelect), the selected one first. */
export function gatewayExplain(
  routes: readonly GatewayRoute[],
  method: string,
  path: string,
  host?: string,
): { readonly pick: GatewayPick; readonly verdicts: readonly GatewayVerdict[] } {
  const pick = gatewaySelect(routes, method, path, host);
  const verdicts = routes.map((route): GatewayVerdict => {
    const name = route.name ?? route.backend;
    if (!hostAccepted(route, host)) {
      return {
        name,
        backend: route.backend,
        outcome: 'no-match',
        reason: `host ${host} is not one of the hostnames ${(route.hostnames ?? []).join(', ')}`,
      };
    }
    const prefixes = route.prefixes.filter((p) => pathPrefixMatches(p, path));
    if (prefixes.length === 0) {
      return {
        name,
        backend: route.backend,
        outcome: 'no-match',
        reason: `${path} is not below the PathPrefix ${route.prefixes.join(', ')} (whole segments)`,
      };
    }
    if (route.methods.length > 0 && !route.methods.includes(method)) {
      return {
        name,
        backend: route.backend,
        outcome: 'no-match',
        reason: `method ${method} is not one of ${route.methods.join(', ')}`,
      };
    }
    const selected = typeof pick !== 'string' && pick.backend === route.backend;
    return {
      name,
      backend: route.backend,
      outcome: selected ? 'selected' : 'outranked',
      reason: selected
        ? `PathPrefix ${prefixes.join(', ')} matches`
        : `PathPrefix ${prefixes.join(', ')} matches, but a longer prefix wins`,
    };
  });
  const rank = { selected: 0, outranked: 1, 'no-match': 2 } as const;
  return { pick, verdicts: verdicts.sort((a, b) => rank[a.outcome] - rank[b.outcome]) };
}
