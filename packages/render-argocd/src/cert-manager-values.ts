import type { EnvironmentModel } from '@routeplane/model';
import type { IgnoreDifference } from './argo-types.js';

/** cert-manager's Helm repository (Jetstack); the chart version comes from `versions.certManager`. */
export const certManagerChartRepoURL = 'https://charts.jetstack.io';

/**
 * Helm values for cert-manager (chart v1.21.1, deploy/charts/cert-manager/values.yaml). The chart's
 * pods already meet Pod Security "restricted" (non-root, RuntimeDefault seccomp, no privilege
 * escalation, all capabilities dropped, read-only root); the tests render it with these values and
 * check that, and the scheduling, on every pod template.
 */
export function certManagerValues(env: EnvironmentModel): Record<string, unknown> {
  const { pki } = env.gateway;
  // Every component on the system pool: its label and its CriticalAddonsOnly taint.
  const scheduling = {
    nodeSelector: { ...env.gateway.systemNodeSelector },
    tolerations: [{ ...env.gateway.systemToleration }],
  };
  // Two replicas and a PDB: the webhook admits every cert-manager object, so a drain must not
  // take it away; the controller and cainjector elect a leader and fail over.
  const ha = { replicaCount: 2, podDisruptionBudget: { enabled: true, minAvailable: 1 } };
  return {
    // CRDs come with the chart, like Istio's with istio-base: the child never prunes them and keeps
    // them when deleted (removing a CRD deletes every Certificate and the CA Secret's owner).
    crds: { enabled: true, keep: true },
    global: {
      // The default is kube-system, which the project never admits: keep the lease beside the pods.
      leaderElection: { namespace: pki.namespace },
    },
    // ClusterIssuers read their Secrets (the CA) from here; explicit, not the release default.
    clusterResourceNamespace: pki.namespace,
    ...ha,
    ...scheduling,
    webhook: { ...ha, ...scheduling },
    cainjector: { ...ha, ...scheduling },
    // A post-install Helm hook Job; Argo CD's health gate on the Deployments already waits for the
    // webhook, and the hook would need RBAC the project need not grant.
    startupapicheck: { enabled: false },
  };
}

/**
 * cainjector writes the webhook's serving CA into both webhook configurations after every sync;
 * without this the child would be OutOfSync forever and self-heal would fight cainjector.
 */
export const certManagerIgnoreDifferences: readonly IgnoreDifference[] = [
  {
    group: 'admissionregistration.k8s.io',
    kind: 'MutatingWebhookConfiguration',
    jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
  },
  {
    group: 'admissionregistration.k8s.io',
    kind: 'ValidatingWebhookConfiguration',
    jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
  },
];
