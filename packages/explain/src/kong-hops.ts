import type { KongFile } from '@routeplane/deck-types';
import { kongExplain, kongForwardedPath } from '@routeplane/router-models';
import { type HopResult, rejected } from './explanation.js';
import { comparePlugins } from './plugin-order.js';

type KongService = NonNullable<KongFile['services']>[number];
type KongRoute = NonNullable<KongService['routes']>[number];

export interface KongMatch {
  readonly service: KongService;
  readonly route: KongRoute;
  /** The path Kong sends upstream (normalised, escaped; strip_path false). */
  readonly forwardedPath: string;
}

/** Hop 2: the Kong route that matches, and in Kong's precedence why the others do not. */
export function kongRouteHop(
  file: KongFile,
  request: {
    readonly method: string;
    readonly path: string;
    readonly host: string;
    readonly headers?: Readonly<Record<string, string>>;
  },
): HopResult<KongMatch> {
  const title = 'Kong route';
  const result = kongExplain(file, request);
  const lines = [
    `Kong matches ${request.method} ${result.matchPath} with Host ${request.host} (query dropped, path normalised)`,
    ...Object.entries(request.headers ?? {}).map(([k, v]) => `  with header ${k}: ${v}`),
    'routes in precedence order [match weight, plain hosts, header count, regex, regex_priority, prefix length]:',
    ...result.verdicts.map(
      (v) => `  ${v.outcome.padEnd(9)} ${v.route} ${v.paths.join(' ')}: ${v.reason}`,
    ),
  ];
  if (typeof result.pick === 'string') {
    const why =
      result.pick === 'none'
        ? `no route matches: Kong answers 404 "no Route matched with those values"`
        : 'two services tie at the top priority: Kong picks one arbitrarily';
    return rejected(title, lines, why);
  }
  const winner = result.verdicts.find((v) => v.outcome === 'selected');
  const service = (file.services ?? []).find((s) => s.name === winner?.service);
  const route = service?.routes?.find((r) => r.name === winner?.route);
  if (service === undefined || route === undefined) {
    return rejected(title, lines, 'the selected route is not in the file');
  }
  const forwardedPath = kongForwardedPath(request.path);
  lines.push(
    `selected route ${route.name ?? ''} of service ${service.name ?? ''}; forwards ${forwardedPath} (strip_path ${String(route.strip_path ?? true)})`,
  );
  return { hop: { title, status: 'pass', lines }, next: { service, route, forwardedPath } };
}

/** Hop 3: the plugins that run for the matched route, in Kong's execution order. */
export function pluginsHop(file: KongFile, match: KongMatch): HopResult<true> {
  const scoped = [
    ...(file.plugins ?? []).map((p) => ({ name: p.name ?? '', scope: 'global', config: p.config })),
    ...(match.service.plugins ?? []).map((p) => ({
      name: p.name ?? '',
      scope: `service ${match.service.name ?? ''}`,
      config: p.config,
    })),
    ...(match.route.plugins ?? []).map((p) => ({
      name: p.name ?? '',
      scope: `route ${match.route.name ?? ''}`,
      config: p.config,
    })),
  ].sort((a, b) => comparePlugins(a.name, b.name));
  const lines =
    scoped.length === 0
      ? ['no plugin runs']
      : scoped.map((p, i) => `${i + 1}. ${p.name} (${p.scope})${pluginNote(p.name, p.config)}`);
  return { hop: { title: 'Kong plugins, in execution order', status: 'pass', lines }, next: true };
}

function pluginNote(name: string, config: unknown): string {
  const c = (config ?? {}) as Record<string, unknown>;
  switch (name) {
    case 'pre-function':
      return ': answers 403 unless the CloudFront shared header matches, then strips it';
    case 'jwt':
      return `: needs a JWT signed by a consumer's credential (key claim ${String(c.key_claim_name ?? 'iss')}), else 401`;
    case 'rate-limiting':
      return `: ${['second', 'minute', 'hour', 'day']
        .filter((k) => c[k] !== undefined)
        .map((k) => `${String(c[k])}/${k}`)
        .join(
          ', ',
        )} per ${String(c.limit_by ?? 'consumer')} (policy ${String(c.policy ?? 'local')}${c.policy === 'redis' ? '' : ': counted on each data-plane node'}), else 429`;
    case 'rate-limiting-advanced':
      return `: ${advancedWindows(c)} per ${String(c.identifier ?? 'consumer')} (${String(c.window_type ?? 'sliding')} windows, strategy ${String(c.strategy ?? 'local')}${c.strategy === 'redis' ? `: one count for every data-plane node, synced every ${String(c.sync_rate ?? '?')} s` : ''}), else 429`;
    case 'cors':
      return `: origins ${Array.isArray(c.origins) ? c.origins.join(', ') : '*'}`;
    case 'request-transformer':
      return `: adds headers ${Array.isArray((c.add as Record<string, unknown> | undefined)?.headers) ? ((c.add as Record<string, string[]>).headers ?? []).join(', ') : '-'}`;
    default:
      return '';
  }
}

/** rate-limiting-advanced's paired `limit` / `window_size` lists as `100/60s, 3000/3600s`. */
function advancedWindows(c: Record<string, unknown>): string {
  const limits = Array.isArray(c.limit) ? c.limit : [];
  const sizes = Array.isArray(c.window_size) ? c.window_size : [];
  return limits.map((limit, i) => `${String(limit)}/${String(sizes[i] ?? '?')}s`).join(', ');
}

export interface UpstreamOutput {
  readonly hostHeader: string;
  readonly port: number;
}

/** Hop 4: the upstream Kong connects to, with the Host and SNI it sends and the port. */
export function upstreamHop(file: KongFile, match: KongMatch): HopResult<UpstreamOutput> {
  const title = 'Kong upstream';
  const { service } = match;
  const upstream = (file.upstreams ?? []).find((u) => u.name === service.host);
  const port = service.port ?? 80;
  if (upstream === undefined) {
    return {
      hop: {
        title,
        status: 'pass',
        lines: [
          `${service.protocol ?? 'http'}://${service.host ?? '?'}:${port} (a plain host, no upstream entity)`,
        ],
      },
      next: { hostHeader: service.host ?? '', port },
    };
  }
  const hostHeader = upstream.host_header ?? service.host ?? '';
  const targets = (upstream.targets ?? []).map((t) => t.target ?? '?');
  const lines = [
    `service ${service.name ?? ''}: ${service.protocol ?? 'http'} to upstream ${upstream.name ?? ''} port ${port}`,
    `targets ${targets.join(', ')} (the gateway's internal NLB)`,
    `Host and TLS SNI: ${hostHeader} (upstream host_header)`,
    `certificate verification: ${service.tls_verify === true ? 'on (ca_certificates)' : 'off (no gateway CA in the catalog)'}`,
  ];
  return { hop: { title, status: 'pass', lines }, next: { hostHeader, port } };
}
