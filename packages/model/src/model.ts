import type { AwsModel } from './aws-model.js';
import type { CatalogProblem } from './catalog-problem.js';
import type { GatewayModel } from './gateway-model.js';
import type { KongModel } from './kong-model.js';
import type { ReferenceGrantModel, RouteModel } from './route-model.js';
import type { BackendModel, NamespaceModel } from './workload-model.js';

export type * from './aws-model.js';
export type * from './gateway-model.js';
export type * from './kong-model.js';
export type * from './model-ecs-fargate.js';
export type * from './route-model.js';
export type * from './workload-model.js';

/**
 * The resolved Model: plain, frozen data that every renderer reads. Defaults are applied,
 * everything derivable is derived, cross-field rules have passed. Lists are sorted by name so
 * that reordering the catalog never changes rendered bytes.
 */

export interface Model {
  /** Catalog file name as the user passed it, relative to the working directory (for headers). */
  readonly catalogFile: string;
  /** One entry per environment, sorted by name. */
  readonly environments: readonly EnvironmentModel[];
  /** Loader warnings (valid but worth a look, e.g. a deprecated option), in file order. */
  readonly warnings: readonly CatalogProblem[];
}

export interface EnvironmentModel {
  readonly name: string;
  readonly gitops: GitopsModel;
  readonly versions: VersionsModel;
  readonly argocd: ArgocdModel;
  readonly gateway: GatewayModel;
  readonly istio: IstioModel;
  /** Gateway namespace and every backend namespace, sorted by name. */
  readonly namespaces: readonly NamespaceModel[];
  /** Backends, sorted by namespace then name. */
  readonly services: readonly BackendModel[];
  /** Routes, sorted by name. */
  readonly routes: readonly RouteModel[];
  /** Derived: one per backend namespace referenced from another namespace, sorted by namespace. */
  readonly referenceGrants: readonly ReferenceGrantModel[];
  readonly kong: KongModel;
  readonly aws: AwsModel;
  readonly waivers: readonly WaiverModel[];
}

export interface IstioModel {
  /** istiod replicas, floor of its HPA too. @default 2 */
  readonly istiodReplicas: number;
}

export interface GitopsModel {
  readonly repoURL: string;
  /** Git revision Argo CD tracks for this environment (environment override or catalog default). */
  readonly targetRevision: string;
  /** Cluster API server Argo CD deploys to. @default https://kubernetes.default.svc */
  readonly destinationServer: string;
}

export interface VersionsModel {
  /** Gateway API release tag, e.g. v1.6.1 */
  readonly gatewayApi: string;
  /** Istio Helm chart version for base, istiod, cni, ztunnel */
  readonly istio: string;
  readonly argoCdChart: string;
  readonly argoCdAppsChart: string;
  readonly awsLoadBalancerControllerChart: string;
  /** EKS Kubernetes minor version, e.g. "1.34" */
  readonly kubernetes: string;
  /** Kong Gateway version of the Dedicated Cloud Gateway data planes, e.g. "3.12" */
  readonly kongGateway: string;
  /** cert-manager Helm chart version, e.g. v1.21.1 */
  readonly certManager: string;
}

export interface ArgocdModel {
  /** Namespace Argo CD runs in. */
  readonly namespace: string;
  /** Dedicated AppProject name, `routeplane-<env>`. */
  readonly project: string;
  /** Root Application name, `routeplane-<env>-root`. */
  readonly rootApplication: string;
}

export interface WaiverModel {
  /** Rule id, e.g. `policy/replicas`. */
  readonly rule: string;
  /** Object the waiver applies to, `<namespace>/<kind>/<name>` or a file path. */
  readonly object: string;
  readonly reason: string;
}
