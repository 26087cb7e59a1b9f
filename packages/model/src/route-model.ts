/** Per-route timeouts on the HTTPRoute rule (Gateway API Duration strings). */
export interface RouteTimeoutsModel {
  readonly request: string;
  readonly backendRequest?: string;
  /** `request` in milliseconds; Kong's read and write timeouts derive from it. */
  readonly requestMs: number;
}

export interface BackendRef {
  readonly name: string;
  readonly namespace: string;
  readonly port: number;
}

export interface JwtPluginModel {
  readonly keyClaimName: string;
  readonly claimsToVerify: readonly ('exp' | 'nbf')[];
  readonly maximumExpiration?: number;
}

export interface RateLimitingPluginModel {
  readonly second?: number;
  readonly minute?: number;
  readonly hour?: number;
  readonly day?: number;
  /**
   * `local`: per data-plane node (the catalog accepted that with `acceptPerNodeLimits`); `redis`:
   * the ecsFargate ElastiCache; `managedCache`: the environment's Konnect managed cache.
   */
  readonly policy: 'local' | 'redis' | 'managedCache';
  readonly limitBy: 'consumer' | 'ip' | 'credential';
}

export interface CorsPluginModel {
  readonly origins: readonly string[];
  readonly methods: readonly string[];
  readonly headers: readonly string[];
  readonly exposedHeaders: readonly string[];
  readonly credentials: boolean;
  readonly maxAge?: number;
}

export interface RequestTransformerPluginModel {
  /** [name, value] pairs sorted by name. */
  readonly addHeaders: readonly (readonly [string, string])[];
  readonly removeHeaders: readonly string[];
}

export interface RoutePluginsModel {
  readonly jwt?: JwtPluginModel;
  readonly rateLimiting?: RateLimitingPluginModel;
  readonly cors?: CorsPluginModel;
  readonly requestTransformer?: RequestTransformerPluginModel;
  /** Names of `kong.customPlugins` on the route, sorted; absent: none. */
  readonly custom?: readonly string[];
}

export interface RouteModel {
  readonly name: string;
  /** HTTPRoutes live in the gateway's namespace. */
  readonly namespace: string;
  /** Normalised PathPrefix values: leading `/`, no trailing `/` (except `/` itself), sorted. */
  readonly paths: readonly string[];
  /**
   * Client-facing hosts matched by Kong only (empty: any host). Inside the cluster every request
   * carries the gateway listener hostname, so HTTPRoutes carry no hostnames of their own and paths
   * are unique across routes.
   */
  readonly hosts: readonly string[];
  /** Empty: any method. */
  readonly methods: readonly string[];
  readonly backend: BackendRef;
  /**
   * Kong paths with the same segment semantics as the PathPrefix values: `/app1` becomes
   * `~/app1$` (regex, exact) and `/app1/` (prefix); `/` stays `/`.
   */
  readonly kongPaths: readonly string[];
  readonly plugins: RoutePluginsModel;
  /** Absent: the Gateway API and Kong defaults. */
  readonly timeouts?: RouteTimeoutsModel;
}

export interface ReferenceGrantModel {
  /** Namespace of the referenced Services (where the grant lives). */
  readonly namespace: string;
  /** Namespace of the HTTPRoutes that reference them. */
  readonly fromNamespace: string;
  /** Referenced Service names, sorted. */
  readonly serviceNames: readonly string[];
}
