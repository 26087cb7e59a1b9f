import { type GatewayRoute, gatewayExplain } from '@routeplane/router-models';
import { type HopResult, rejected } from './explanation.js';
import { at, isObject, type Json, labelMap, objects, str } from './json.js';
import type { UpstreamOutput } from './kong-hops.js';
import { type K8sObject, ofKind, type RenderedEnv } from './rendered-env.js';

export interface ListenerMatch {
  readonly gateway: K8sObject;
  readonly listener: string;
}

function hostnameMatches(listener: string | undefined, host: string): boolean {
  if (listener === undefined) return true;
  if (listener.startsWith('*.')) return host.endsWith(listener.slice(1));
  return listener.toLowerCase() === host.toLowerCase();
}

/** Hop 5: the internal NLB the Load Balancer Controller makes for the Gateway, and the listener. */
export function listenerHop(env: RenderedEnv, upstream: UpstreamOutput): HopResult<ListenerMatch> {
  const title = 'NLB and Gateway listener';
  const lines: string[] = [];
  for (const gateway of ofKind(env, 'Gateway')) {
    const annotations = labelMap(at(gateway.doc, 'spec', 'infrastructure', 'annotations'));
    const lb = 'service.beta.kubernetes.io/aws-load-balancer-';
    lines.push(
      `Gateway ${gateway.namespace}/${gateway.name}: NLB scheme ${annotations[`${lb}scheme`] ?? '?'}, targets ${annotations[`${lb}nlb-target-type`] ?? '?'}, security group ${annotations[`${lb}security-groups`] ?? '?'}`,
    );
    for (const listener of objects(at(gateway.doc, 'spec', 'listeners'))) {
      const port = Number(listener.port);
      const hostname = str(listener.hostname);
      const ok =
        port === upstream.port &&
        str(listener.protocol) === 'HTTPS' &&
        hostnameMatches(hostname, upstream.hostHeader);
      if (ok) {
        lines.push(
          `listener ${str(listener.name) ?? ''}: HTTPS ${port}, hostname ${hostname ?? '(any)'} matches SNI ${upstream.hostHeader}; TLS terminated with Secret ${str(at(listener, 'tls', 'certificateRefs', 0, 'name')) ?? '?'}`,
        );
        return {
          hop: { title, status: 'pass', lines },
          next: { gateway, listener: str(listener.name) ?? '' },
        };
      }
      lines.push(
        `listener ${str(listener.name) ?? ''} (${str(listener.protocol) ?? '?'} ${port}) does not take HTTPS ${upstream.port} for ${upstream.hostHeader}`,
      );
    }
  }
  return rejected(title, lines, 'no Gateway listener takes the connection');
}

export interface BackendRef {
  readonly namespace: string;
  readonly name: string;
  readonly port: number;
}

function attaches(route: K8sObject, match: ListenerMatch): boolean {
  return objects(at(route.doc, 'spec', 'parentRefs')).some(
    (p) =>
      str(p.name) === match.gateway.name &&
      (str(p.namespace) ?? route.namespace) === match.gateway.namespace &&
      (str(p.sectionName) === undefined || str(p.sectionName) === match.listener),
  );
}

function rulesOf(route: K8sObject): { routes: GatewayRoute[]; refs: Map<string, BackendRef> } {
  const routes: GatewayRoute[] = [];
  const refs = new Map<string, BackendRef>();
  objects(at(route.doc, 'spec', 'rules')).forEach((rule, i) => {
    const [ref] = objects(rule.backendRefs);
    if (ref === undefined) return;
    const backend: BackendRef = {
      namespace: str(ref.namespace) ?? route.namespace,
      name: str(ref.name) ?? '',
      port: Number(ref.port),
    };
    const key = `${route.name} rule ${i}`;
    refs.set(key, backend);
    // one model route per match: a match's path and method go together
    const matches = objects(rule.matches);
    for (const m of matches.length > 0 ? matches : [{}]) {
      const prefix =
        str(at(m, 'path', 'type')) === 'PathPrefix' ? (str(at(m, 'path', 'value')) ?? '/') : '/';
      const method = str(m.method);
      routes.push({ name: key, backend: key, prefixes: [prefix], methods: method ? [method] : [] });
    }
  });
  return { routes, refs };
}

/** Hop 6: the HTTPRoute rule that matches the forwarded path, and the ReferenceGrant it needs. */
export function httpRouteHop(
  env: RenderedEnv,
  match: ListenerMatch,
  method: string,
  forwardedPath: string,
): HopResult<BackendRef> {
  const title = 'HTTPRoute rule and ReferenceGrant';
  const attached = ofKind(env, 'HTTPRoute').filter((r) => attaches(r, match));
  const all = attached.map((r) => ({ route: r, ...rulesOf(r) }));
  const { pick, verdicts } = gatewayExplain(
    all.flatMap((a) => a.routes),
    method,
    forwardedPath,
  );
  // verdicts come best first: keep each rule's best match only
  const seen = new Set<string>();
  const best = verdicts.filter((v) => !seen.has(v.name) && seen.add(v.name));
  const lines = [
    `${attached.length} HTTPRoute(s) attach to listener ${match.listener}; Gateway API matching of ${method} ${forwardedPath}:`,
    ...best.map((v) => `  ${v.outcome.padEnd(9)} ${v.name}: ${v.reason}`),
  ];
  if (typeof pick === 'string') {
    return rejected(
      title,
      lines,
      pick === 'none' ? 'no rule matches: the gateway answers 404' : 'rules tie',
    );
  }
  const owner = all.find((a) => a.refs.has(pick.backend));
  const backend = owner?.refs.get(pick.backend);
  if (owner === undefined || backend === undefined) {
    return rejected(title, lines, 'the matching rule has no backendRef');
  }
  lines.push(`backendRef Service ${backend.namespace}/${backend.name} port ${backend.port}`);
  if (backend.namespace === owner.route.namespace) {
    lines.push('same namespace: no ReferenceGrant needed');
    return { hop: { title, status: 'pass', lines }, next: backend };
  }
  const grant = ofKind(env, 'ReferenceGrant', backend.namespace).find((g) =>
    grants(g.doc, owner.route.namespace, backend.name),
  );
  if (grant === undefined) {
    return rejected(
      title,
      lines,
      `no ReferenceGrant in ${backend.namespace} lets HTTPRoutes from ${owner.route.namespace} reference Service ${backend.name}: ResolvedRefs=False`,
    );
  }
  lines.push(
    `ReferenceGrant ${grant.namespace}/${grant.name} admits HTTPRoutes from ${owner.route.namespace} to Service ${backend.name}`,
  );
  return { hop: { title, status: 'pass', lines }, next: backend };
}

function grants(doc: Json, fromNamespace: string, service: string): boolean {
  const from = objects(at(doc, 'spec', 'from')).some(
    (f) => str(f.kind) === 'HTTPRoute' && str(f.namespace) === fromNamespace,
  );
  const to = objects(at(doc, 'spec', 'to')).some(
    (t) => str(t.kind) === 'Service' && (str(t.name) === undefined || str(t.name) === service),
  );
  return from && to && isObject(doc.spec);
}
