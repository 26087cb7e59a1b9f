import { cidrsOverlap, parseIpv4Cidr } from '@routeplane/catalog';
import { arr, isObject, type JsonObject, labels, num, obj, selects, str } from './json.js';
import { backendRefs } from './routes.js';
import {
  certificateForSecret,
  demandsClientCertificate,
  issuerOf,
  listenerTls,
  refTarget,
} from './tls-chain.js';
import { type EnvTree, type K8sObject, ofKind } from './tree-index.js';

/**
 * Who can reach a backend, modelled from the rendered policy objects only:
 * - NetworkPolicy (networking.k8s.io/v1): a pod selected by at least one policy with Ingress
 *   admits only what some rule's `from` (ipBlock here) and `ports` admit; unselected pods admit all.
 * - The Gateway listener (Gateway API v1.6 `spec.tls.frontend`, Istio 1.30 MUTUAL mode): a TLS
 *   client without a certificate issued by the CA in the listener's caCertificateRef fails the
 *   handshake (AllowValidOnly); AllowInsecureFallback admits it.
 * - Attached HTTPRoutes: a path to a backend exists only through a rule with backendRefs.
 * - ztunnel (Istio ambient): with STRICT PeerAuthentication a caller without a mesh identity is
 *   refused; with any ALLOW AuthorizationPolicy in the namespace only matching principals pass.
 */

export interface Caller {
  /** IPv4 address the caller connects from. */
  readonly ip: string;
  /** SPIFFE principal, when the caller is a mesh workload. */
  readonly principal?: string;
  /** Issuer (`ClusterIssuer/<name>`) of the client certificate it presents, if any. */
  readonly clientCertificateIssuer?: string;
}

export interface BackendPath {
  readonly backend: string;
  readonly via: string;
}

function ipInBlock(ip: string, block: JsonObject): boolean {
  const cidr = parseIpv4Cidr(str(block, 'cidr') ?? '');
  const caller = parseIpv4Cidr(`${ip}/32`);
  if (typeof cidr === 'string' || typeof caller === 'string') return false;
  if (!cidrsOverlap(cidr, caller)) return false;
  return !arr(block, 'except').some((e) => {
    const ex = parseIpv4Cidr(String(e));
    return typeof ex !== 'string' && cidrsOverlap(ex, caller);
  });
}

/** Ports (undefined = every port) a pod admits from the caller's address, or [] when none. */
export function admittedPorts(
  env: EnvTree,
  namespace: string,
  podLabels: Readonly<Record<string, string>>,
  ip: string,
): readonly number[] | undefined {
  const policies = ofKind(env, 'NetworkPolicy').filter(
    (p) =>
      p.namespace === namespace &&
      selects(labels(obj(p.doc, 'spec', 'podSelector', 'matchLabels')), podLabels) &&
      (arr(p.doc, 'spec', 'policyTypes').includes('Ingress') ||
        arr(p.doc, 'spec', 'policyTypes').length === 0),
  );
  if (policies.length === 0) return undefined;
  const ports = new Set<number>();
  for (const rule of policies.flatMap((p) => arr(p.doc, 'spec', 'ingress')).filter(isObject)) {
    const from = arr(rule, 'from').filter(isObject);
    const fromCaller =
      from.length === 0 || from.some((f) => isObject(f.ipBlock) && ipInBlock(ip, f.ipBlock));
    if (!fromCaller) continue;
    const rulePorts = arr(rule, 'ports').filter(isObject);
    if (rulePorts.length === 0) return undefined;
    for (const p of rulePorts) {
      const n = num(p, 'port');
      if (n !== undefined) ports.add(n);
    }
  }
  return [...ports].sort((a, b) => a - b);
}

function attachedRoutes(env: EnvTree, gateway: K8sObject, listener: string): K8sObject[] {
  return ofKind(env, 'HTTPRoute').filter((route) =>
    arr(route.doc, 'spec', 'parentRefs').some(
      (p) =>
        (str(p, 'name') ?? '') === gateway.name &&
        (str(p, 'namespace') ?? route.namespace) === gateway.namespace &&
        (str(p, 'sectionName') === undefined || str(p, 'sectionName') === listener),
    ),
  );
}

/** Paths through the Gateways: admitted port, then the handshake, then a route to a backend. */
function gatewayPaths(env: EnvTree, caller: Caller): BackendPath[] {
  const paths: BackendPath[] = [];
  const refs = backendRefs(env);
  for (const l of listenerTls(env)) {
    const gwPod = { 'gateway.networking.k8s.io/gateway-name': l.gateway.name };
    const ports = admittedPorts(env, l.gateway.namespace, gwPod, caller.ip);
    if (ports !== undefined && !ports.includes(l.port)) continue;
    if (demandsClientCertificate(l)) {
      const trusted = (l.clientValidation?.caCertificateRefs ?? []).flatMap((ref) => {
        const t = refTarget(ref, l.gateway, 'ConfigMap');
        const cert =
          t.kind === 'Secret' ? certificateForSecret(env, t.namespace, t.name) : undefined;
        return cert ? [issuerOf(cert)] : [];
      });
      if (!caller.clientCertificateIssuer || !trusted.includes(caller.clientCertificateIssuer)) {
        continue; // the TLS handshake fails before any route is chosen
      }
    }
    for (const route of attachedRoutes(env, l.gateway, l.listener)) {
      for (const ref of refs.filter((x) => x.route === route)) {
        paths.push({
          backend: `${ref.kind}/${ref.namespace}/${ref.name}`,
          via: `${l.gateway.id} listener "${l.listener}" (port ${l.port}) -> ${route.id}`,
        });
      }
    }
  }
  return paths;
}

/** Whether ztunnel lets the caller reach pods of `namespace` directly. */
function meshAdmits(env: EnvTree, namespace: string, caller: Caller): boolean {
  const strict = ofKind(env, 'PeerAuthentication').some(
    (p) => p.namespace === namespace && str(p.doc, 'spec', 'mtls', 'mode') === 'STRICT',
  );
  if (strict && caller.principal === undefined) return false;
  const allows = ofKind(env, 'AuthorizationPolicy').filter(
    (p) => p.namespace === namespace && (str(p.doc, 'spec', 'action') ?? 'ALLOW') === 'ALLOW',
  );
  if (allows.length === 0) return true;
  return allows.some((p) =>
    arr(p.doc, 'spec', 'rules').some((rule) => {
      const froms = arr(rule, 'from');
      if (froms.length === 0) return true;
      return froms.some((f) => {
        const source = obj(f, 'source');
        const principals = arr(source, 'principals');
        const blocks = arr(source, 'ipBlocks');
        if (principals.length > 0 && !principals.includes(caller.principal)) return false;
        if (blocks.length > 0 && !blocks.some((b) => ipInBlock(caller.ip, { cidr: b })))
          return false;
        return principals.length > 0 || blocks.length > 0 || Object.keys(source ?? {}).length === 0;
      });
    }),
  );
}

/** Every way the caller reaches a backend Service of an HTTPRoute: through a Gateway or directly. */
export function backendPaths(env: EnvTree, caller: Caller): readonly BackendPath[] {
  const direct = [...new Set(backendRefs(env).map((r) => `${r.namespace}/${r.name}`))]
    .map((key) => key.split('/') as [string, string])
    .filter(([namespace]) => meshAdmits(env, namespace, caller))
    .map(([namespace, name]) => ({
      backend: `Service/${namespace}/${name}`,
      via: 'directly (ztunnel admits the caller)',
    }));
  return [...gatewayPaths(env, caller), ...direct];
}

/** The callers outside the mesh a Gateway's NetworkPolicies admit: one address per ipBlock. */
export function admittedOutsiders(env: EnvTree): readonly string[] {
  const blocks = ofKind(env, 'NetworkPolicy')
    .filter((p) => ofKind(env, 'Gateway').some((g) => g.namespace === p.namespace))
    .flatMap((p) => arr(p.doc, 'spec', 'ingress'))
    .flatMap((rule) => arr(rule, 'from'))
    .map((f) => str(f, 'ipBlock', 'cidr'))
    .filter((c): c is string => c !== undefined);
  return [...new Set(blocks)].sort().map((cidr) => cidr.split('/')[0] ?? '');
}
