import type { EnvironmentModel } from '@routeplane/model';
import type { IgnoreDifference } from './argo-types.js';

/**
 * Helm values for Istio's ambient charts. Keys checked against the charts of Istio 1.30: istiod reads
 * `nodeSelector`/`tolerations` at the top level, cni and ztunnel read `tolerations`, all three read
 * `global.networkPolicy.enabled`. No `global.platform`: there is no `eks` platform and setting it
 * makes the charts fail.
 */

/**
 * Start Istio's validating webhooks with failurePolicy Fail instead of Ignore-then-flipped-by-istiod,
 * the flip Argo CD would otherwise report as permanently OutOfSync.
 */
const validationFailurePolicy = { base: { validationFailurePolicy: 'Fail' } } as const;

/** Istio's own permissive NetworkPolicies for istiod, istio-cni and ztunnel. */
const networkPolicy = { networkPolicy: { enabled: true } } as const;

/**
 * Images pinned to the catalog's Istio version on Istio's release registry. The released charts
 * default to the same, but a chart built from source defaults to `registry.istio.io/testing` and
 * `latest`: stating them keeps every pod on the pinned release whatever the chart's defaults.
 */
function globals(env: EnvironmentModel): Record<string, unknown> {
  return { hub: 'docker.io/istio', tag: env.versions.istio, ...networkPolicy };
}

/**
 * The DaemonSets must run on every node, the CriticalAddonsOnly-tainted system pool included. Equal
 * to the charts' defaults; stated so that a changed chart default cannot silently drop a node pool.
 */
const daemonSetTolerations = [
  { operator: 'Exists', effect: 'NoSchedule' },
  { key: 'CriticalAddonsOnly', operator: 'Exists' },
  { operator: 'Exists', effect: 'NoExecute' },
] as const;

export function istioBaseValues(): Record<string, unknown> {
  return { ...validationFailurePolicy };
}

/**
 * istiod runs a fixed `env.istio.istiodReplicas`: the chart's HPA (autoscaleEnabled, min 1) needs
 * metrics-server, which the cluster does not run, and its PodDisruptionBudget renders only for more
 * than one replica (templates/poddisruptionbudget.yaml). Both validating webhooks fail closed, so a
 * lone istiod being drained would block every Istio and Gateway API write.
 */
export function istiodValues(env: EnvironmentModel): Record<string, unknown> {
  return {
    profile: 'ambient',
    autoscaleEnabled: false,
    replicaCount: env.istio.istiodReplicas,
    ...validationFailurePolicy,
    global: globals(env),
    nodeSelector: { ...env.gateway.systemNodeSelector },
    tolerations: [{ ...env.gateway.systemToleration }],
  };
}

export function istioCniValues(env: EnvironmentModel): Record<string, unknown> {
  return {
    profile: 'ambient',
    global: globals(env),
    tolerations: [...daemonSetTolerations],
  };
}

export function ztunnelValues(env: EnvironmentModel): Record<string, unknown> {
  return {
    profile: 'ambient',
    global: globals(env),
    tolerations: [...daemonSetTolerations],
  };
}

/**
 * istiod patches `caBundle` into the webhooks at run time (and, without the value above, flips
 * `failurePolicy`): ignore both so the children stay Synced, and RespectIgnoreDifferences keeps a
 * sync from writing the empty chart value back.
 */
export function istioWebhookIgnoreDifferences(withMutating: boolean): readonly IgnoreDifference[] {
  const validating: IgnoreDifference = {
    group: 'admissionregistration.k8s.io',
    kind: 'ValidatingWebhookConfiguration',
    jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle', '.webhooks[]?.failurePolicy'],
  };
  const mutating: IgnoreDifference = {
    group: 'admissionregistration.k8s.io',
    kind: 'MutatingWebhookConfiguration',
    jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
  };
  return withMutating ? [mutating, validating] : [validating];
}
