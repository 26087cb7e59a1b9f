import type { K8sComponent } from '@routeplane/model';
import type { ApplicationSource, IgnoreDifference } from './argo-types.js';

/** One child of the App-of-Apps, before it becomes an Application object. */
export interface ChildApp {
  /** Stable short name, also the file name under `apps/`, e.g. `istiod` or `backends-sample-apps`. */
  readonly component: string;
  /** `argocd.argoproj.io/sync-wave` of the child inside the root Application. */
  readonly wave: number;
  /** What this child installs; shown in the Argo CD UI through `spec.info`. */
  readonly description: string;
  readonly source: ApplicationSource;
  /**
   * Namespace for namespaced objects without one. Undefined for children that install only
   * cluster-scoped objects: the project then needs no namespace for them (not even Argo CD's own).
   */
  readonly destinationNamespace: string | undefined;
  /** Only where no namespace app owns the namespace (istio-system). */
  readonly createNamespace: boolean;
  /** False for CRDs: removing a CRD deletes every object of its kind cluster-wide. */
  readonly prune: boolean;
  /** Keep the resources when the Application is deleted (CRDs, for the same reason). */
  readonly keepOnDelete: boolean;
  /** Needed for objects too large for client-side apply's last-applied annotation (CRDs). */
  readonly serverSideApply: boolean;
  readonly ignoreDifferences: readonly IgnoreDifference[];
  /** For git children: the rendered Kubernetes tree the child points at. */
  readonly k8sComponent?: K8sComponent;
}
