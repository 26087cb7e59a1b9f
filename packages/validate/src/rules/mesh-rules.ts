import { arr, isObject, labels, obj, selects, show, str } from '../json.js';
import { envRule, type Rule } from '../rule.js';
import { type EnvTree, type K8sObject, ofKind } from '../tree-index.js';
import { matchLabels, serviceSelector, type Workload, workloads } from '../workloads.js';

/** Keys ztunnel can enforce; anything else in an L4 policy turns it into DENY. */
const l4SourceKeys = new Set([
  'principals',
  'notPrincipals',
  'namespaces',
  'notNamespaces',
  'ipBlocks',
  'notIpBlocks',
  'remoteIpBlocks',
  'notRemoteIpBlocks',
]);
const l4OperationKeys = new Set(['ports', 'notPorts']);
const l4WhenKeys = new Set([
  'source.ip',
  'source.namespace',
  'source.principal',
  'destination.ip',
  'destination.port',
  'remote.ip',
]);

/** SPIFFE principals of the Istio gateways of the tree: `cluster.local/ns/<ns>/sa/<name>-<class>`. */
function gatewayPrincipals(env: EnvTree): readonly string[] {
  return ofKind(env, 'Gateway')
    .filter((g) => str(g.doc, 'spec', 'gatewayClassName') === 'istio')
    .map((g) => `cluster.local/ns/${g.namespace}/sa/${g.name}-istio`);
}

/** The principal of the waypoint in front of a workload's pods, if a Service selecting them has one. */
function waypointPrincipalOf(env: EnvTree, w: Workload): string | undefined {
  for (const service of ofKind(env, 'Service')) {
    const selector = serviceSelector(service);
    if (service.namespace !== w.object.namespace || !selector || !selects(selector, w.podLabels))
      continue;
    const name = service.labels['istio.io/use-waypoint'];
    if (name !== undefined && name !== 'none')
      return `cluster.local/ns/${service.namespace}/sa/${name}`;
  }
  return undefined;
}

/** A PeerAuthentication without a workload selector applies to its whole namespace. */
function namespaceWide(policy: K8sObject): boolean {
  return Object.keys(matchLabels(obj(policy.doc, 'spec')?.selector)).length === 0;
}

export const meshRules: readonly Rule[] = [
  envRule(
    'xlayer/ambient-enrolment',
    'Every backend namespace exists and is ambient-enrolled',
    (env, r) => {
      const namespaces = new Map(ofKind(env, 'Namespace').map((n) => [n.name, n]));
      // Stryker disable next-line MethodExpression: findings are sorted after all rules ran
      const backendNamespaces = [...new Set(workloads(env).map((w) => w.object.namespace))].sort();
      for (const ns of backendNamespaces) {
        const object = namespaces.get(ns);
        const first = workloads(env).find((w) => w.object.namespace === ns);
        if (!object) {
          if (first)
            r.on(first.object, `namespace ${ns} has no Namespace object in the rendered tree`);
          continue;
        }
        const mode = object.labels['istio.io/dataplane-mode'];
        if (mode !== 'ambient') {
          r.on(
            object,
            `label istio.io/dataplane-mode must be "ambient", but ${show(mode)} was given`,
          );
        }
      }
    },
  ),
  envRule(
    'xlayer/authz-gateway',
    'Every backend pod has an ALLOW AuthorizationPolicy admitting the gateway identity',
    (env, r) => {
      const gatewayIds = gatewayPrincipals(env);
      if (gatewayIds.length === 0) return;
      // Only selector policies reach ztunnel; targetRefs policies are a waypoint's.
      const policies = ofKind(env, 'AuthorizationPolicy').filter(
        (p) => !obj(p.doc, 'spec', 'targetRef') && arr(p.doc, 'spec', 'targetRefs').length === 0,
      );
      for (const w of workloads(env)) {
        // Behind a waypoint the pods see the waypoint's identity, never the gateway's.
        const waypoint = waypointPrincipalOf(env, w);
        const principals = waypoint === undefined ? gatewayIds : [waypoint];
        const admitting = policies.filter((p) => {
          if (p.namespace !== w.object.namespace) return false;
          if ((str(p.doc, 'spec', 'action') ?? 'ALLOW') !== 'ALLOW') return false;
          if (!selects(labels(obj(p.doc, 'spec', 'selector')?.matchLabels), w.podLabels))
            return false;
          return arr(p.doc, 'spec', 'rules').some((rule) =>
            arr(rule, 'from').some((from) =>
              principals.some((pr) => arr(from, 'source', 'principals').includes(pr)),
            ),
          );
        });
        if (admitting.length === 0) {
          r.on(
            w.object,
            `no ALLOW AuthorizationPolicy in namespace ${w.object.namespace} selects the pods and admits the ${waypoint === undefined ? 'gateway' : 'waypoint'} principal ${principals.join(' or ')}`,
          );
        }
      }
    },
  ),
  envRule(
    'policy/ztunnel-l4-only',
    'AuthorizationPolicies enforced by ztunnel use L4 fields only',
    (env, r) => {
      for (const p of ofKind(env, 'AuthorizationPolicy')) {
        if (obj(p.doc, 'spec', 'targetRef') || arr(p.doc, 'spec', 'targetRefs').length > 0)
          continue;
        arr(p.doc, 'spec', 'rules').forEach((rule, i) => {
          for (const from of arr(rule, 'from')) {
            for (const key of Object.keys(obj(from, 'source') ?? {})) {
              if (!l4SourceKeys.has(key))
                r.on(
                  p,
                  `rules[${i}].from.source.${key} is L7: ztunnel turns this policy into DENY; use a waypoint or L4 fields`,
                );
            }
          }
          for (const to of arr(rule, 'to')) {
            for (const key of Object.keys(obj(to, 'operation') ?? {})) {
              if (!l4OperationKeys.has(key))
                r.on(
                  p,
                  `rules[${i}].to.operation.${key} is L7: ztunnel turns this policy into DENY; use a waypoint or ports only`,
                );
            }
          }
          // Stryker disable next-line MethodExpression: the schema makes every when entry an object
          for (const when of arr(rule, 'when').filter(isObject)) {
            const key = str(when, 'key') ?? '';
            if (!l4WhenKeys.has(key))
              r.on(
                p,
                `rules[${i}].when key ${show(key)} is L7: ztunnel turns this policy into DENY`,
              );
          }
        });
      }
    },
  ),
  envRule('policy/peer-authentication', 'Backend namespaces enforce STRICT mTLS', (env, r) => {
    const peer = ofKind(env, 'PeerAuthentication');
    for (const p of peer) {
      const mode = str(p.doc, 'spec', 'mtls', 'mode');
      // Unset inherits: a workload policy its namespace's mode, a namespace-wide one the mesh-wide
      // policy's, which routeplane does not render, so PERMISSIVE (istio.io PeerAuthentication reference).
      if (mode !== 'STRICT' && (mode !== undefined || namespaceWide(p)))
        r.on(p, `spec.mtls.mode must be STRICT, but ${show(mode)} was given`);
    }
    if (peer.length === 0) return;
    // Stryker disable next-line MethodExpression: findings are sorted after all rules ran
    const namespaces = [...new Set(workloads(env).map((w) => w.object.namespace))].sort();
    for (const ns of namespaces) {
      const covered = peer.some((p) => p.namespace === ns && namespaceWide(p));
      const first = workloads(env).find((w) => w.object.namespace === ns);
      if (!covered && first)
        r.on(
          first.object,
          `no namespace-wide PeerAuthentication in ${ns}, while other namespaces have one`,
        );
    }
  }),
];
