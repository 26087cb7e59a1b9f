import { at, labelMap, objects, selects, str, strings } from './json.js';
import { type K8sObject, ofKind, type RenderedEnv } from './rendered-env.js';

/** Who opens the connection to a set of pods: the gateway, or a waypoint in front of them. */
export interface Caller {
  readonly principal: string;
  readonly namespace: string;
  readonly podLabels: Readonly<Record<string, string>>;
  /** For the lines: "the gateway pods" or "the waypoint pods". */
  readonly what: string;
}

const gatewayNameLabel = 'gateway.networking.k8s.io/gateway-name';

/** The gateway of the matched listener, as a caller. */
export function gatewayCaller(gateway: K8sObject): Caller {
  const className = str(at(gateway.doc, 'spec', 'gatewayClassName')) ?? 'istio';
  return {
    principal: `cluster.local/ns/${gateway.namespace}/sa/${gateway.name}-${className}`,
    namespace: gateway.namespace,
    podLabels: { [gatewayNameLabel]: gateway.name },
    what: 'the gateway pods',
  };
}

/**
 * Whether the NetworkPolicies selecting `podLabels` in `namespace` admit `caller` on `port`
 * (no policy: everything is admitted). A peer without namespaceSelector means the policy's own
 * namespace; without podSelector, every pod of the namespace.
 */
export function networkPoliciesAdmit(
  env: RenderedEnv,
  namespace: string,
  podLabels: Readonly<Record<string, string>>,
  caller: Caller,
  port: number,
): { readonly names: readonly string[]; readonly admitted: boolean } {
  const netpols = ofKind(env, 'NetworkPolicy', namespace).filter(
    (p) =>
      selects(labelMap(at(p.doc, 'spec', 'podSelector', 'matchLabels')), podLabels) &&
      strings(at(p.doc, 'spec', 'policyTypes')).includes('Ingress'),
  );
  const admitted =
    netpols.length === 0 ||
    netpols.some((p) =>
      objects(at(p.doc, 'spec', 'ingress')).some((rule) => {
        const ports = objects(rule.ports);
        const portOk = ports.length === 0 || ports.some((q) => Number(q.port) === port);
        const from = objects(rule.from);
        const fromOk =
          from.length === 0 ||
          from.some((f) => {
            if (f.ipBlock !== undefined) return false;
            const nsSelector = at(f, 'namespaceSelector');
            const nsOk =
              nsSelector === undefined
                ? caller.namespace === namespace
                : labelMap(at(nsSelector, 'matchLabels'))['kubernetes.io/metadata.name'] ===
                  caller.namespace;
            return nsOk && selects(labelMap(at(f, 'podSelector', 'matchLabels')), caller.podLabels);
          });
        return portOk && fromOk;
      }),
    );
  return { names: netpols.map((p) => p.name), admitted };
}

/** Istio's string match of AuthorizationPolicy paths: exact, `prefix*`, `*suffix` or `*`. */
export function istioPathMatches(pattern: string, path: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1));
  if (pattern.startsWith('*')) return path.endsWith(pattern.slice(1));
  return pattern === path;
}

function ruleMatches(rule: Record<string, unknown>, caller: Caller, method: string, path: string) {
  const from = objects(rule.from);
  const to = objects(rule.to);
  const fromOk =
    from.length === 0 ||
    from.some((f) => strings(at(f, 'source', 'principals')).includes(caller.principal));
  const toOk =
    to.length === 0 ||
    to.some((t) => {
      const methods = strings(at(t, 'operation', 'methods'));
      const paths = strings(at(t, 'operation', 'paths'));
      return (
        (methods.length === 0 || methods.includes(method)) &&
        (paths.length === 0 || paths.some((p) => istioPathMatches(p, path)))
      );
    });
  return fromOk && toOk;
}

export interface WaypointPass {
  readonly lines: readonly string[];
  /** Undefined: the waypoint refuses the request (the last line says why). */
  readonly caller?: Caller;
}

/**
 * The waypoint in front of a Service, when the ingress gateway goes through it
 * (`istio.io/use-waypoint` and `istio.io/ingress-use-waypoint: "true"` on the Service): the
 * waypoint pods' NetworkPolicy must admit the gateway on HBONE, and its L7 ALLOW policies
 * (targetRefs to the Service or the waypoint) must match the method and path, else Envoy answers
 * 403. Returns the waypoint as the caller the pods then see, or the gateway when no waypoint applies.
 */
export function throughWaypoint(
  env: RenderedEnv,
  service: K8sObject,
  gateway: Caller,
  method: string,
  path: string,
): WaypointPass {
  const labels = labelMap(at(service.doc, 'metadata', 'labels'));
  const name = labels['istio.io/use-waypoint'];
  const ns = service.namespace;
  if (name === undefined || name === 'none') return { lines: [], caller: gateway };
  if (labels['istio.io/ingress-use-waypoint'] !== 'true') {
    return {
      lines: [
        `Service ${ns}/${service.name} uses waypoint ${name}, but not for ingress (istio.io/ingress-use-waypoint): the gateway goes straight to the pods`,
      ],
      caller: gateway,
    };
  }
  const waypoint = ofKind(env, 'Gateway', ns).find(
    (g) => g.name === name && str(at(g.doc, 'spec', 'gatewayClassName')) === 'istio-waypoint',
  );
  if (waypoint === undefined) {
    return {
      lines: [
        `Service ${ns}/${service.name} names waypoint ${name}, but no istio-waypoint Gateway ${ns}/${name} is rendered: nothing carries the request`,
      ],
    };
  }
  const podLabels = { [gatewayNameLabel]: name };
  const net = networkPoliciesAdmit(env, ns, podLabels, gateway, 15008);
  const lines = [
    `Service ${ns}/${service.name} goes through waypoint ${ns}/${name} (istio-waypoint)`,
    `NetworkPolicies selecting the waypoint pods: ${net.names.join(', ') || 'none'}; from ${gateway.what} they ${net.admitted ? 'admit' : 'do NOT admit'} HBONE 15008`,
  ];
  if (!net.admitted) return { lines: [...lines, 'the waypoint is unreachable from the gateway'] };
  const targets = (p: K8sObject) =>
    objects(at(p.doc, 'spec', 'targetRefs')).some(
      (t) =>
        (str(t.kind) === 'Service' && str(t.name) === service.name) ||
        (str(t.kind) === 'Gateway' && str(t.name) === name),
    );
  const l7 = ofKind(env, 'AuthorizationPolicy', ns).filter(targets);
  const allows = l7.filter((p) => (str(at(p.doc, 'spec', 'action')) ?? 'ALLOW') === 'ALLOW');
  const denies = l7.filter((p) => str(at(p.doc, 'spec', 'action')) === 'DENY');
  const denying = denies.filter((p) =>
    objects(at(p.doc, 'spec', 'rules')).some((r) => ruleMatches(r, gateway, method, path)),
  );
  const admitting = allows.filter((p) =>
    objects(at(p.doc, 'spec', 'rules')).some((r) => ruleMatches(r, gateway, method, path)),
  );
  for (const p of allows)
    lines.push(
      `AuthorizationPolicy ${ns}/${p.name} (ALLOW, L7 at the waypoint): ${admitting.includes(p) ? `admits ${method} ${path} from ${gateway.principal}` : `admits nothing of ${method} ${path}`}`,
    );
  for (const p of denying) lines.push(`AuthorizationPolicy ${ns}/${p.name} (DENY) matches`);
  if (denying.length > 0 || (allows.length > 0 && admitting.length === 0)) {
    return { lines: [...lines, 'the waypoint answers 403 (RBAC: access denied)'] };
  }
  return {
    lines,
    caller: {
      principal: `cluster.local/ns/${ns}/sa/${name}`,
      namespace: ns,
      podLabels,
      what: 'the waypoint pods',
    },
  };
}
