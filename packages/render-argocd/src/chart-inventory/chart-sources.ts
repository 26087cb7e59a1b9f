/**
 * Helm charts whose objects the chart inventory records, by chart name as the children name it
 * (`spec.source.chart`), with the folder holding the pinned chart source below `../shared/charts`.
 * Adding a Helm child: add its row here and run
 * `pnpm --filter @routeplane/render-argocd chart-inventory`.
 */
export const inventoryCharts: Readonly<Record<string, { readonly sharedDir: string }>> = {
  base: { sharedDir: 'istio-base' },
  istiod: { sharedDir: 'istiod' },
  cni: { sharedDir: 'istio-cni' },
  ztunnel: { sharedDir: 'ztunnel' },
  'cert-manager': { sharedDir: 'cert-manager' },
};

/**
 * Cluster-scoped kinds among what the children deploy (Argo CD learns the scope from API discovery;
 * the inventory needs it to fill the project's two whitelists, the bring-up simulator to place
 * objects). A namespaced kind rendered without a namespace lands in the release namespace.
 */
export const clusterScopedKinds: ReadonlySet<string> = new Set([
  'apiextensions.k8s.io/CustomResourceDefinition',
  'admissionregistration.k8s.io/MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicy',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding',
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration',
  'rbac.authorization.k8s.io/ClusterRole',
  'rbac.authorization.k8s.io/ClusterRoleBinding',
  '/Namespace',
  'scheduling.k8s.io/PriorityClass',
  'gateway.networking.k8s.io/GatewayClass',
  'cert-manager.io/ClusterIssuer',
]);
