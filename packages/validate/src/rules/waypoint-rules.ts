import { arr, isObject, obj, show, str } from '../json.js';
import { envRule, type Rule } from '../rule.js';
import { type EnvTree, type K8sObject, ofKind } from '../tree-index.js';

/** Istio's GatewayClass of waypoints. */
export const waypointClass = 'istio-waypoint';
const useWaypointLabel = 'istio.io/use-waypoint';

/** Request-level fields only a waypoint (Envoy) can enforce (Istio AuthorizationPolicy reference). */
const l7SourceKeys = new Set(['requestPrincipals', 'notRequestPrincipals']);
const l7OperationKeys = new Set([
  'hosts',
  'notHosts',
  'methods',
  'notMethods',
  'paths',
  'notPaths',
]);
const l7WhenPrefixes = ['request.', 'experimental.'];

/** The L7 fields of an AuthorizationPolicy, as `rules[i]...` paths (empty: an L4-only policy). */
export function l7Fields(policy: K8sObject): string[] {
  const fields: string[] = [];
  arr(policy.doc, 'spec', 'rules').forEach((rule, i) => {
    for (const from of arr(rule, 'from')) {
      for (const key of Object.keys(obj(from, 'source') ?? {}))
        if (l7SourceKeys.has(key)) fields.push(`rules[${i}].from.source.${key}`);
    }
    for (const to of arr(rule, 'to')) {
      for (const key of Object.keys(obj(to, 'operation') ?? {}))
        if (l7OperationKeys.has(key)) fields.push(`rules[${i}].to.operation.${key}`);
    }
    for (const when of arr(rule, 'when')) {
      const key = str(when, 'key') ?? '';
      if (l7WhenPrefixes.some((p) => key.startsWith(p))) fields.push(`rules[${i}].when ${key}`);
    }
  });
  return fields;
}

interface TargetRef {
  readonly kind: string;
  readonly name: string;
}

function targetRefs(policy: K8sObject): TargetRef[] {
  const single = obj(policy.doc, 'spec', 'targetRef');
  // Stryker disable next-line MethodExpression: a non-object ref gets kind '', read by no check
  return [...(single ? [single] : []), ...arr(policy.doc, 'spec', 'targetRefs')]
    .filter(isObject)
    .map((t) => ({ kind: str(t, 'kind') ?? '', name: str(t, 'name') ?? '' }));
}

function waypoints(env: EnvTree): K8sObject[] {
  return ofKind(env, 'Gateway').filter(
    (g) => str(g.doc, 'spec', 'gatewayClassName') === waypointClass,
  );
}

/** The waypoint a Service's traffic goes through: its own label, else its namespace's. */
function waypointOf(env: EnvTree, service: K8sObject): string | undefined {
  const own = service.labels[useWaypointLabel];
  if (own !== undefined) return own === 'none' ? undefined : own;
  const ns = ofKind(env, 'Namespace').find((n) => n.name === service.namespace);
  return ns?.labels[useWaypointLabel];
}

function findWaypoint(env: EnvTree, namespace: string, name: string): K8sObject | undefined {
  return waypoints(env).find((g) => g.namespace === namespace && g.name === name);
}

export const waypointRules: readonly Rule[] = [
  envRule(
    'xlayer/l7-policy-needs-waypoint',
    'An AuthorizationPolicy with L7 fields attaches to a Service that uses a rendered waypoint',
    (env, r) => {
      const services = ofKind(env, 'Service');
      for (const p of ofKind(env, 'AuthorizationPolicy')) {
        const fields = l7Fields(p);
        if (fields.length === 0) continue;
        // Selector-based policies (no refs) are ztunnel's: policy/ztunnel-l4-only reports their L7 fields.
        for (const ref of targetRefs(p)) {
          if (ref.kind === 'Gateway') {
            if (!findWaypoint(env, p.namespace, ref.name))
              r.on(
                p,
                `targetRefs Gateway ${p.namespace}/${ref.name} is not a rendered ${waypointClass} Gateway, so nothing enforces ${fields[0]}`,
              );
            continue;
          }
          if (ref.kind !== 'Service') continue;
          const service = services.find((s) => s.namespace === p.namespace && s.name === ref.name);
          if (!service) {
            r.on(
              p,
              `targetRefs Service ${p.namespace}/${ref.name} does not exist in the rendered tree`,
            );
            continue;
          }
          const name = waypointOf(env, service);
          if (name === undefined) {
            r.on(
              p,
              `${fields[0]} is L7, but Service ${service.namespace}/${service.name} uses no waypoint (label ${useWaypointLabel}): ztunnel cannot enforce it`,
            );
          } else if (!findWaypoint(env, service.namespace, name)) {
            r.on(
              p,
              `Service ${service.namespace}/${service.name} names waypoint ${show(name)}, but no ${waypointClass} Gateway ${service.namespace}/${name} is rendered: ${fields[0]} is enforced by nothing`,
            );
          }
        }
      }
    },
  ),
  envRule(
    'xlayer/waypoint-l7-policy',
    'Every waypoint carries traffic of a Service and enforces an L7 AuthorizationPolicy',
    (env, r) => {
      const services = ofKind(env, 'Service');
      const policies = ofKind(env, 'AuthorizationPolicy').filter((p) => l7Fields(p).length > 0);
      for (const w of waypoints(env)) {
        const users = services.filter(
          (s) => s.namespace === w.namespace && waypointOf(env, s) === w.name,
        );
        if (users.length === 0) {
          r.on(w, `no Service uses this waypoint (label ${useWaypointLabel}: ${w.name})`);
          continue;
        }
        const enforced = policies.some(
          (p) =>
            p.namespace === w.namespace &&
            targetRefs(p).some(
              (t) =>
                (t.kind === 'Gateway' && t.name === w.name) ||
                (t.kind === 'Service' && users.some((u) => u.name === t.name)),
            ),
        );
        if (!enforced) {
          r.on(
            w,
            `no AuthorizationPolicy with L7 fields targets this waypoint or its Services (${users.map((u) => u.name).join(', ')}): it costs a proxy hop and enforces only what ztunnel already does`,
          );
        }
      }
    },
  ),
  envRule(
    'xlayer/ingress-use-waypoint',
    'A Service behind a waypoint that HTTPRoutes reach is labelled for ingress through the waypoint',
    (env, r) => {
      const routed = new Set(
        ofKind(env, 'HTTPRoute').flatMap((route) =>
          arr(route.doc, 'spec', 'rules').flatMap((rule) =>
            arr(rule, 'backendRefs').map(
              (b) => `${str(b, 'namespace') ?? route.namespace}/${str(b, 'name') ?? ''}`,
            ),
          ),
        ),
      );
      for (const s of ofKind(env, 'Service')) {
        if (waypointOf(env, s) === undefined || !routed.has(`${s.namespace}/${s.name}`)) continue;
        const value = s.labels['istio.io/ingress-use-waypoint'];
        if (value !== 'true') {
          r.on(
            s,
            `label istio.io/ingress-use-waypoint must be "true" (else the ingress gateway sends straight to the pods and skips the waypoint's L7 policy), but ${show(value)} was given`,
          );
        }
      }
    },
  ),
];
