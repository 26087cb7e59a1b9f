/** Fixed facts of the upstream sources and of Argo CD that the catalog does not vary. */

/** Upstream Gateway API repository; the CRDs are taken from it at the catalog's release tag. */
export const gatewayApiRepoURL = 'https://github.com/kubernetes-sigs/gateway-api.git';

/** Standard-channel CRDs (plus the safe-upgrades ValidatingAdmissionPolicy) inside that repository. */
export const gatewayApiCrdPath = 'config/crd/standard';

/** Istio's official Helm repository serving the `base`, `istiod`, `cni` and `ztunnel` charts. */
export const istioChartRepoURL = 'https://istio-release.storage.googleapis.com/charts';

/** Istio's control plane namespace; created by the istio-base child because no namespace app owns it. */
export const istioNamespace = 'istio-system';

/** Cascading delete of an Application's resources when the Application is deleted. */
export const resourcesFinalizer = 'resources-finalizer.argocd.argoproj.io';

export const syncWaveAnnotation = 'argocd.argoproj.io/sync-wave';

/** argocd-cm key Argo CD reads the Application health check from (built-in check removed in 1.8). */
export const applicationHealthKey = 'resource.customizations.health.argoproj.io_Application';

export const argoApiVersion = 'argoproj.io/v1alpha1';
