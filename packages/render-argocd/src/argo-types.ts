/**
 * The subset of Argo CD's Application and AppProject types that routeplane renders. Field names
 * follow argoproj.io/v1alpha1 exactly; the official-schema tests reject anything else.
 */

export interface ObjectMeta {
  readonly name: string;
  readonly namespace: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly finalizers?: readonly string[];
}

export interface ApplicationSource {
  readonly repoURL: string;
  readonly targetRevision: string;
  /** Directory inside a git repository. */
  readonly path?: string;
  /** Chart name inside a Helm repository. */
  readonly chart?: string;
  readonly helm?: {
    readonly releaseName: string;
    readonly valuesObject: Readonly<Record<string, unknown>>;
  };
}

export interface ApplicationDestination {
  readonly server: string;
  /** Absent for children that deploy only cluster-scoped objects (matches a project's `''`). */
  readonly namespace?: string;
}

export interface IgnoreDifference {
  readonly group: string;
  readonly kind: string;
  readonly jqPathExpressions: readonly string[];
}

export interface SyncPolicy {
  readonly automated: { readonly prune: boolean; readonly selfHeal: boolean };
  readonly syncOptions: readonly string[];
  readonly retry: {
    readonly limit: number;
    readonly backoff: {
      readonly duration: string;
      readonly factor: number;
      readonly maxDuration: string;
    };
  };
}

export interface Application {
  readonly apiVersion: 'argoproj.io/v1alpha1';
  readonly kind: 'Application';
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly project: string;
    readonly source: ApplicationSource;
    readonly destination: ApplicationDestination;
    readonly syncPolicy: SyncPolicy;
    readonly ignoreDifferences?: readonly IgnoreDifference[];
    readonly info?: readonly { readonly name: string; readonly value: string }[];
  };
}

export interface GroupKind {
  readonly group: string;
  readonly kind: string;
}

/** A cluster-scoped kind, optionally narrowed to names (Go filepath.Match globs, Argo CD >= 3.3). */
export interface ClusterResourceItem extends GroupKind {
  readonly name?: string;
}

export interface AppProject {
  readonly apiVersion: 'argoproj.io/v1alpha1';
  readonly kind: 'AppProject';
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly description: string;
    readonly sourceRepos: readonly string[];
    readonly destinations: readonly ApplicationDestination[];
    readonly clusterResourceWhitelist: readonly ClusterResourceItem[];
    /** Always set: an absent list would admit every namespaced kind. */
    readonly namespaceResourceWhitelist: readonly GroupKind[];
  };
}
