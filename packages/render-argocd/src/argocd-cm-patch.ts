import type { EnvironmentModel } from '@routeplane/model';
import { argocdCmHealthData } from './application-health.js';

/**
 * A partial argocd-cm carrying only the Application health check. Meant for
 * `kubectl apply --server-side --field-manager=routeplane`, which adds this one key and leaves
 * every other key of the installed argocd-cm alone. Not managed by the root Application: Argo CD's
 * own configuration belongs to its installation, and the check must exist before the first sync.
 */
export function argocdCmHealthPatch(env: EnvironmentModel): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'argocd-cm',
      namespace: env.argocd.namespace,
      // Argo CD only watches ConfigMaps carrying these labels.
      labels: {
        'app.kubernetes.io/name': 'argocd-cm',
        'app.kubernetes.io/part-of': 'argocd',
      },
    },
    data: argocdCmHealthData(),
  };
}
