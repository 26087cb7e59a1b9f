import { type LuaEngine, runHealthLuaSync } from '../lua/run-health-lua.js';
import { certificateHealthLua, clusterIssuerHealthLua } from './argo-cert-manager-health.js';
import { certificateStatus, clusterIssuerStatus } from './cert-manager-model.js';
import { type Cluster, delays, type LiveObject } from './cluster.js';
import { groupOf, type K8sObject } from './k8s-object.js';

/**
 * Argo CD's health of the kinds routeplane deploys, on the modelled status of cluster.ts:
 * - Deployment/DaemonSet: gitops-engine/pkg/health/health_deployment.go, health_daemonset.go
 *   (Progressing until the updated replicas are available; a Deployment whose Progressing condition
 *   says ProgressDeadlineExceeded is Degraded, "Deployment %q exceeded its progress deadline");
 * - cert-manager.io Certificate and ClusterIssuer: Argo CD's own Lua (argo-cert-manager-health.ts)
 *   run in wasmoon on the status cert-manager-model.ts gives them;
 * - CustomResourceDefinition: resource_customizations/apiextensions.k8s.io/CustomResourceDefinition
 *   (Healthy once Established);
 * - Gateway and HTTPRoute: resource_customizations/gateway.networking.k8s.io/{Gateway,HTTPRoute}/
 *   health.lua at v3.4.4: a condition ResolvedRefs or Accepted False on the object, a listener or a
 *   parent is Degraded; Programmed not True is Progressing; no status is Progressing;
 * - every other kind has no health check and does not count (gitops-engine: nil health).
 * Applications are judged by the shipped Lua instead (see bringup.ts).
 */

export type HealthStatus =
  | 'Healthy'
  | 'Progressing'
  | 'Degraded'
  | 'Missing'
  | 'Suspended'
  | 'Unknown';

export interface Health {
  readonly status: HealthStatus;
  readonly message: string;
}

/** gitops-engine/pkg/health/health.go healthOrder: later is worse. */
const order: readonly HealthStatus[] = [
  'Healthy',
  'Suspended',
  'Progressing',
  'Missing',
  'Degraded',
  'Unknown',
];

export function worst(a: Health, b: Health): Health {
  return order.indexOf(b.status) > order.indexOf(a.status) ? b : a;
}

interface Condition {
  readonly type: string;
  readonly status: 'True' | 'False';
  readonly message: string;
}

type Listener = {
  readonly name?: string;
  readonly tls?: {
    readonly certificateRefs?: readonly { readonly name: string; readonly namespace?: string }[];
  };
};

/** Istio's status of a Gateway in the model: listeners' conditions, or none without a class. */
function gatewayConditions(cluster: Cluster, live: LiveObject): Condition[] | undefined {
  const spec = live.object.spec as { gatewayClassName?: string; listeners?: readonly Listener[] };
  const classSince = cluster.gatewayClassSince(spec.gatewayClassName ?? '');
  if (classSince === undefined) return undefined;
  const ns = live.object.metadata.namespace;
  let readyFrom = Math.max(live.changedAt, classSince);
  for (const listener of spec.listeners ?? []) {
    for (const ref of listener.tls?.certificateRefs ?? []) {
      const secretNs = ref.namespace ?? ns;
      const secret = cluster.find('', 'Secret', secretNs, ref.name);
      if (!secret) {
        return [
          {
            type: 'ResolvedRefs',
            status: 'False',
            message: `invalid certificate reference /Secret/${secretNs}/${ref.name}: secret ${secretNs}/${ref.name} not found`,
          },
        ];
      }
      readyFrom = Math.max(readyFrom, secret.createdAt);
    }
  }
  const programmed = cluster.now >= readyFrom + delays.nlb;
  return [
    { type: 'Accepted', status: 'True', message: 'Resource accepted' },
    {
      type: 'Programmed',
      status: programmed ? 'True' : 'False',
      message: programmed ? 'Resource programmed' : 'Waiting for the load balancer address',
    },
  ];
}

type BackendRef = { readonly name: string; readonly namespace?: string; readonly kind?: string };

function routeConditions(cluster: Cluster, live: LiveObject): Condition[] | undefined {
  const spec = live.object.spec as {
    parentRefs?: readonly { name: string; namespace?: string }[];
    rules?: readonly { backendRefs?: readonly BackendRef[] }[];
  };
  const ns = live.object.metadata.namespace;
  const parentsExist = (spec.parentRefs ?? []).every((p) =>
    cluster.find('gateway.networking.k8s.io', 'Gateway', p.namespace ?? ns, p.name),
  );
  if (!parentsExist) return undefined;
  for (const rule of spec.rules ?? []) {
    for (const ref of rule.backendRefs ?? []) {
      if ((ref.kind ?? 'Service') !== 'Service') continue;
      if (!cluster.find('', 'Service', ref.namespace ?? ns, ref.name)) {
        return [
          {
            type: 'ResolvedRefs',
            status: 'False',
            message: `backend ${ref.namespace ?? ns}/${ref.name} not found`,
          },
        ];
      }
    }
  }
  return [{ type: 'Accepted', status: 'True', message: 'Route was valid' }];
}

/** The upstream Gateway/HTTPRoute Lua's verdict on a list of conditions. */
function gatewayApiHealth(conditions: readonly Condition[] | undefined, what: string): Health {
  if (!conditions) return { status: 'Progressing', message: `Waiting for ${what} status` };
  const failed = conditions.find(
    (c) => (c.type === 'ResolvedRefs' || c.type === 'Accepted') && c.status === 'False',
  );
  if (failed) return { status: 'Degraded', message: failed.message };
  const programming = conditions.find((c) => c.type === 'Programmed' && c.status !== 'True');
  if (programming) return { status: 'Progressing', message: programming.message };
  return { status: 'Healthy', message: `${what} is healthy` };
}

/** Argo CD's Lua checks of cert-manager kinds, and the status each is judged on. */
const certManagerChecks: Readonly<
  Record<string, { readonly lua: string; readonly status: typeof certificateStatus }>
> = {
  Certificate: { lua: certificateHealthLua, status: certificateStatus },
  ClusterIssuer: { lua: clusterIssuerHealthLua, status: clusterIssuerStatus },
};

/**
 * Health of a live object other than an Application; undefined where Argo CD has no check. `lua`
 * runs Argo CD's shipped Lua checks (cert-manager's).
 */
export function builtinHealth(
  cluster: Cluster,
  live: LiveObject,
  lua: LuaEngine,
): Health | undefined {
  const { kind } = live.object;
  const group = groupOf(live.object.apiVersion);
  const check = group === 'cert-manager.io' ? certManagerChecks[kind] : undefined;
  if (check) {
    const status = check.status(cluster, live);
    const object = status
      ? { ...live.object, status: { conditions: status.conditions } }
      : live.object;
    const verdict = runHealthLuaSync(lua, check.lua, object);
    return { status: verdict.status as HealthStatus, message: verdict.message };
  }
  if (group === 'apps' && (kind === 'Deployment' || kind === 'DaemonSet')) {
    if (cluster.progressDeadlineExceeded(live)) {
      return {
        status: 'Degraded',
        message: `Deployment "${live.object.metadata.name}" exceeded its progress deadline`,
      };
    }
    return cluster.readySince(live) !== undefined
      ? { status: 'Healthy', message: `${kind} available` }
      : {
          status: 'Progressing',
          message: `Waiting for rollout of ${kind.toLowerCase()} "${live.object.metadata.name}" to finish`,
        };
  }
  if (kind === 'CustomResourceDefinition') {
    const spec = live.object.spec as { group: string; names: { kind: string } };
    return cluster.crdEstablished(spec.group, spec.names.kind)
      ? { status: 'Healthy', message: 'CRD is established' }
      : { status: 'Progressing', message: 'CRD is not established yet' };
  }
  if (group === 'gateway.networking.k8s.io' && kind === 'Gateway') {
    return gatewayApiHealth(gatewayConditions(cluster, live), 'Gateway');
  }
  if (group === 'gateway.networking.k8s.io' && kind === 'HTTPRoute') {
    return gatewayApiHealth(routeConditions(cluster, live), 'HTTPRoute');
  }
  return undefined;
}

export function isApplication(object: K8sObject): boolean {
  return object.kind === 'Application' && groupOf(object.apiVersion) === 'argoproj.io';
}
