import { type HopResult, rejected } from './explanation.js';
import type { BackendRef, ListenerMatch } from './gateway-hops.js';
import { at, labelMap, objects, selects, str, strings } from './json.js';
import { type K8sObject, ofKind, type RenderedEnv } from './rendered-env.js';
import { gatewayCaller, networkPoliciesAdmit, throughWaypoint } from './waypoint-hop.js';

export interface PodTarget {
  readonly service: K8sObject;
  readonly deployment: K8sObject;
  readonly podLabels: Readonly<Record<string, string>>;
  readonly containerPort: number;
}

/** Hop 7: the Service and port, then the pods' container port behind its targetPort. */
export function serviceHop(env: RenderedEnv, ref: BackendRef): HopResult<PodTarget> {
  const title = 'Service and pods';
  const service = ofKind(env, 'Service', ref.namespace).find((s) => s.name === ref.name);
  if (service === undefined) {
    return rejected(title, [], `no Service ${ref.namespace}/${ref.name} is rendered`);
  }
  const port = objects(at(service.doc, 'spec', 'ports')).find((p) => Number(p.port) === ref.port);
  if (port === undefined) {
    return rejected(title, [], `Service ${ref.namespace}/${ref.name} has no port ${ref.port}`);
  }
  const targetPort = port.targetPort ?? port.port;
  const selector = labelMap(at(service.doc, 'spec', 'selector'));
  const lines = [
    `Service ${ref.namespace}/${ref.name} (${str(at(service.doc, 'spec', 'type')) ?? 'ClusterIP'}) port ${ref.port} -> targetPort ${String(targetPort)}, selector ${Object.entries(
      selector,
    )
      .map(([k, v]) => `${k}=${v}`)
      .join(',')}`,
  ];
  for (const deployment of ofKind(env, 'Deployment', ref.namespace)) {
    const podLabels = labelMap(at(deployment.doc, 'spec', 'template', 'metadata', 'labels'));
    if (!selects(selector, podLabels)) continue;
    for (const container of objects(at(deployment.doc, 'spec', 'template', 'spec', 'containers'))) {
      const cp = objects(container.ports).find((p) =>
        typeof targetPort === 'string'
          ? str(p.name) === targetPort
          : Number(p.containerPort) === Number(targetPort),
      );
      if (cp === undefined) continue;
      const containerPort = Number(cp.containerPort);
      lines.push(
        `Deployment ${deployment.name}: ${String(at(deployment.doc, 'spec', 'replicas') ?? 1)} replica(s), container ${str(container.name) ?? ''} port ${containerPort} (${str(cp.name) ?? 'unnamed'}), image ${str(container.image) ?? '?'}`,
      );
      return {
        hop: { title, status: 'pass', lines },
        next: { service, deployment, podLabels, containerPort },
      };
    }
  }
  return rejected(
    title,
    lines,
    `no Deployment's pods match the selector with a container port ${String(targetPort)}`,
  );
}

/**
 * Hop 8: the waypoint in front of the Service, if the gateway goes through one (its NetworkPolicy
 * and L7 policy); then ztunnel's PeerAuthentication and L4 AuthorizationPolicies at the pods for
 * whoever connects to them, the gateway or the waypoint (ALLOW policies admit only what a rule
 * matches; an ALLOW policy with no rules admits nothing; policies attached with targetRefs are the
 * waypoint's, not ztunnel's), then the NetworkPolicies, which must admit both the container port
 * and HBONE (15008) from that caller.
 */
export function meshHop(
  env: RenderedEnv,
  pod: PodTarget,
  gateway: ListenerMatch,
  request: { readonly method: string; readonly path: string },
): HopResult<true> {
  const title = 'Mesh policies';
  const ns = pod.deployment.namespace;
  const viaWaypoint = throughWaypoint(
    env,
    pod.service,
    gatewayCaller(gateway.gateway),
    request.method,
    request.path,
  );
  const lines: string[] = [...viaWaypoint.lines];
  const caller = viaWaypoint.caller;
  if (caller === undefined) return { hop: { title, status: 'fail', lines } };
  const { principal } = caller;
  for (const pa of ofKind(env, 'PeerAuthentication', ns)) {
    lines.push(
      `PeerAuthentication ${ns}/${pa.name}: mTLS ${str(at(pa.doc, 'spec', 'mtls', 'mode')) ?? 'PERMISSIVE'} (${caller.what === 'the gateway pods' ? 'the gateway sends HBONE' : 'the waypoint sends HBONE'}, so STRICT admits it)`,
    );
  }
  const applies = (p: K8sObject) =>
    at(p.doc, 'spec', 'targetRefs') === undefined &&
    at(p.doc, 'spec', 'targetRef') === undefined &&
    selects(labelMap(at(p.doc, 'spec', 'selector', 'matchLabels')), pod.podLabels);
  const policies = ofKind(env, 'AuthorizationPolicy', ns).filter(applies);
  const allows = policies.filter((p) => (str(at(p.doc, 'spec', 'action')) ?? 'ALLOW') === 'ALLOW');
  const denies = policies.filter((p) => str(at(p.doc, 'spec', 'action')) === 'DENY');
  const admittedBy = allows.filter((p) =>
    objects(at(p.doc, 'spec', 'rules')).some((rule) => {
      const from = objects(rule.from);
      const to = objects(rule.to);
      const fromOk =
        from.length === 0 ||
        from.some(
          (f) =>
            strings(at(f, 'source', 'principals')).includes(principal) ||
            strings(at(f, 'source', 'namespaces')).includes(caller.namespace),
        );
      const toOk =
        to.length === 0 ||
        to.some((t) => {
          const ports = strings(at(t, 'operation', 'ports'));
          return ports.length === 0 || ports.includes(String(pod.containerPort));
        });
      return fromOk && toOk;
    }),
  );
  for (const p of allows)
    lines.push(
      `AuthorizationPolicy ${ns}/${p.name} (ALLOW): ${admittedBy.includes(p) ? `admits ${principal} on port ${pod.containerPort}` : 'admits nothing of this request on its own (ALLOW policies add up)'}`,
    );
  for (const p of denies)
    lines.push(`AuthorizationPolicy ${ns}/${p.name} (DENY) applies: review it`);
  const meshOk = denies.length === 0 && (allows.length === 0 || admittedBy.length > 0);
  const servicePort = networkPoliciesAdmit(env, ns, pod.podLabels, caller, pod.containerPort);
  const hbone = networkPoliciesAdmit(env, ns, pod.podLabels, caller, 15008);
  const netOk = servicePort.admitted && hbone.admitted;
  lines.push(
    `NetworkPolicies selecting the pods: ${servicePort.names.join(', ') || 'none'}; from ${caller.what} they ${netOk ? 'admit' : 'do NOT admit'} port ${pod.containerPort} and HBONE 15008`,
  );
  const ok = meshOk && netOk;
  lines.push(
    ok
      ? `the request reaches ${ns}/${pod.deployment.name}`
      : 'the mesh rejects the connection (ztunnel resets it)',
  );
  return {
    hop: { title, status: ok ? 'pass' : 'fail', lines },
    ...(ok ? { next: true as const } : {}),
  };
}
