/**
 * Both routing sides read from rendered files only: kong.yaml (renderDeck) for Kong, the HTTPRoute
 * and Gateway objects (renderK8s) for Gateway API. A request goes to Kong as CloudFront sends it
 * (Host = the origin's name, the viewer's Host in X-Viewer-Host) or, without CloudFront, with the
 * client's Host; what Kong proxies reaches the Istio gateway with Kong's upstream `host_header` and
 * the path Kong forwards.
 */

import type { KongFile } from '@routeplane/deck-types';
import type { Model, RenderedFile } from '@routeplane/model';
import { viewerHostHeader } from '@routeplane/model';
import { renderK8s } from '@routeplane/render-k8s';
import {
  type GatewayRoute,
  gatewayExplain,
  gatewayHostnameMatches,
  kongExplain,
  kongForwardedPath,
} from '@routeplane/router-models';
import { renderDeck } from './render-deck.js';
import { kongServiceName } from './services.js';

type Doc = Record<string, unknown>;

export interface RoutingSides {
  readonly kong: KongFile;
  /** One entry per HTTPRoute match (path, optional method) attached to the HTTPS listener. */
  readonly httpRoutes: readonly GatewayRoute[];
  readonly listenerHostname: string | undefined;
  /** CloudFront's Host towards Kong behind a CloudFront edge; else the client's Host reaches Kong. */
  readonly edgeOrigin: string | undefined;
  /** Kong service name -> `<namespace>/<name>` of the backend it stands for. */
  readonly kongBackends: ReadonlyMap<string, string>;
}

function yamlDocs(files: readonly RenderedFile[], path: (p: string) => boolean): Doc[] {
  return files.flatMap((f) =>
    path(f.path) && f.content.kind === 'yaml' ? (f.content.documents as Doc[]) : [],
  );
}

/** Every match of one rendered HTTPRoute as its own route: matches are ORed, each with its method. */
function httpRouteEntries(route: Doc): GatewayRoute[] {
  const meta = route.metadata as { name: string; namespace: string };
  const spec = route.spec as {
    hostnames?: string[];
    parentRefs: { sectionName?: string }[];
    rules: {
      matches?: { path?: { value: string }; method?: string }[];
      backendRefs?: { name: string; namespace?: string }[];
    }[];
  };
  if (!spec.parentRefs.some((p) => p.sectionName === 'https')) return [];
  return spec.rules.flatMap((rule) => {
    const [ref, ...more] = rule.backendRefs ?? [];
    if (ref === undefined || more.length > 0)
      throw new Error(`${meta.name}: one backendRef per rule`);
    const backend = `${ref.namespace ?? meta.namespace}/${ref.name}`;
    return (rule.matches ?? []).map((m) => ({
      name: meta.name,
      backend,
      prefixes: [m.path?.value ?? '/'],
      methods: m.method === undefined ? [] : [m.method],
      ...(spec.hostnames === undefined ? {} : { hostnames: spec.hostnames }),
    }));
  });
}

/** Renders one environment's kong.yaml and Kubernetes objects and reads both routing sides. */
export function renderRoutingSides(model: Model): RoutingSides {
  const [env, ...others] = model.environments;
  if (env === undefined || others.length > 0) throw new Error('one environment expected');
  const deck = renderDeck(model).find((f) => f.path === `deck/${env.name}/kong.yaml`);
  if (deck?.content.kind !== 'yaml') throw new Error('no kong.yaml rendered');
  const k8s = renderK8s(model);
  const gateway = yamlDocs(k8s, (p) => p.includes('/gateway/')).find((d) => d.kind === 'Gateway');
  if (gateway === undefined) throw new Error('no Gateway rendered');
  const { listeners } = gateway.spec as { listeners: { name: string; hostname?: string }[] };
  return {
    kong: deck.content.documents[0] as KongFile,
    httpRoutes: yamlDocs(k8s, (p) => p.includes('/routes/'))
      .filter((d) => d.kind === 'HTTPRoute')
      .flatMap(httpRouteEntries),
    listenerHostname: listeners.find((l) => l.name === 'https')?.hostname,
    // Only CloudFront sends its own Host (Kong's domain); an ALB or no edge keeps the client's.
    edgeOrigin: env.aws.edge?.kind === 'cloudfront' ? env.aws.edge.kongProxyDomain : undefined,
    kongBackends: new Map(
      env.services.map((s) => [kongServiceName(s), `${s.namespace}/${s.name}`]),
    ),
  };
}

export interface ClientRequest {
  readonly host: string;
  readonly method: string;
  readonly path: string;
}

export interface RoutingOutcome {
  /** `<namespace>/<name>` of the backend Kong proxies to, `none` or `ambiguous`. */
  readonly kong: string;
  /** What the Istio gateway does with the request Kong forwards (Kong's pick: none is not sent). */
  readonly gateway: string;
  /** Kong refused, but only because of the client's Host: the HTTPRoute named here took the path. */
  readonly refusedByHost: boolean;
  /** The Gateway API pick for Kong's forwarded path, sent anyway (for refusals). */
  readonly gatewayIfSent: string;
}

/**
 * One client request through both sides. Kong checks method, then host, then headers, then path,
 * so a host refusal hides the path verdict: requests drawn with the routes' own hosts cover that.
 */
export function routeRequest(sides: RoutingSides, request: ClientRequest): RoutingOutcome {
  const kong = kongExplain(sides.kong, {
    method: request.method,
    path: request.path,
    host: sides.edgeOrigin ?? request.host,
    ...(sides.edgeOrigin === undefined ? {} : { headers: { [viewerHostHeader]: request.host } }),
  });
  const upstreamHost = sides.kong.upstreams?.[0]?.host_header ?? '';
  const listenerTakes =
    sides.listenerHostname === undefined ||
    gatewayHostnameMatches(sides.listenerHostname, upstreamHost);
  const forwarded = kongForwardedPath(request.path);
  const gw = listenerTakes
    ? gatewayExplain(sides.httpRoutes, request.method, forwarded, upstreamHost)
    : { pick: 'none' as const, verdicts: [] };
  const gatewayIfSent = typeof gw.pick === 'string' ? gw.pick : gw.pick.backend;
  const kongService = typeof kong.pick === 'string' ? undefined : kong.pick.service;
  const kongBackend =
    kongService === undefined
      ? (kong.pick as string)
      : (sides.kongBackends.get(kongService) ?? `unknown ${kongService}`);
  // the HTTPRoute the gateway would pick: refused by Kong on Host only when that route's Kong
  // twin failed the host / X-Viewer-Host match and nothing else
  const gatewayRoute = gw.verdicts.find((v) => v.outcome === 'selected')?.name;
  const refusedByHost =
    kong.pick === 'none' &&
    kong.verdicts
      .filter((v) => v.route === gatewayRoute)
      .some((v) => /^(host |header X-Viewer-Host)/i.test(v.reason));
  return {
    kong: kongBackend,
    gateway: kongService === undefined ? 'none' : gatewayIfSent,
    refusedByHost,
    gatewayIfSent,
  };
}
