export interface NamespaceModel {
  readonly name: string;
  readonly role: 'gateway' | 'backend' | 'pki';
  /** Complete label set: ambient enrolment, Pod Security Admission, routeplane role labels. */
  readonly labels: Readonly<Record<string, string>>;
}

export interface ResourceRequirements {
  readonly requests: { readonly cpu: string; readonly memory: string };
  readonly limits: { readonly cpu: string; readonly memory: string };
}

export interface SampleResponse {
  /** Exact request path the sample server answers. */
  readonly path: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

export interface CallerModel {
  readonly namespace: string;
  readonly serviceAccount: string;
  /** `cluster.local/ns/<namespace>/sa/<serviceAccount>` */
  readonly principal: string;
}

export interface BackendModel {
  readonly name: string;
  readonly namespace: string;
  /** Pinned image reference (tag or digest; never `latest`). */
  readonly image: string;
  /** Port the container listens on; the Service's targetPort (by name `http`). */
  readonly containerPort: number;
  /** Port every backend Service exposes: one convention for all backends. */
  readonly servicePort: number;
  /** Name of the container and Service port. */
  readonly portName: 'http';
  readonly replicas: number;
  readonly resources: ResourceRequirements;
  readonly healthPath: string;
  /** Content of the sample server, sorted by path; always answers `healthPath`. */
  readonly responses: readonly SampleResponse[];
  /** Stable selector labels: app.kubernetes.io/name + app.kubernetes.io/instance. */
  readonly selectorLabels: Readonly<Record<string, string>>;
  /** Selector labels plus app.kubernetes.io/part-of and managed-by. */
  readonly labels: Readonly<Record<string, string>>;
  /** Non-root UID and GID (> 10000) the pods run as. */
  readonly runAsUser: number;
  readonly runAsGroup: number;
  /** Callers besides the gateway admitted by the AuthorizationPolicy, sorted. */
  readonly allowFrom: readonly CallerModel[];
  /** Present when the catalog puts an Istio waypoint in front of this service. */
  readonly waypoint?: WaypointModel;
  /** Header Kong adds to every request for this backend, its value from a DECK_* variable. */
  readonly sharedSecretHeader?: { readonly name: string; readonly valueEnv: string };
}

/** One L7 rule of a waypoint's AuthorizationPolicy: what one route may send. */
export interface WaypointRouteRule {
  /** The route it comes from. */
  readonly route: string;
  /** Empty: any method. */
  readonly methods: readonly string[];
  /** Istio path patterns equal to the route's PathPrefix values: `/a` and `/a/*`; `/*` for `/`. */
  readonly paths: readonly string[];
}

/**
 * A per-service waypoint (Gateway `istio-waypoint`). Istio names its Deployment, Service and
 * ServiceAccount after the Gateway itself (no class suffix for waypoints), so its SPIFFE principal is
 * `cluster.local/ns/<ns>/sa/<name>`.
 */
export interface WaypointModel {
  /** `<service>-waypoint`, in the service's namespace. */
  readonly name: string;
  readonly namespace: string;
  readonly principal: string;
  /** ConfigMap named by `spec.infrastructure.parametersRef`: `<name>-options`. */
  readonly parametersConfigMapName: string;
  /** Waypoint pods; 2 so a drain or a rollout never leaves the service without its proxy. */
  readonly replicas: number;
  /** What the ingress gateway may send, one rule per route targeting the service, by route name. */
  readonly routeRules: readonly WaypointRouteRule[];
}
