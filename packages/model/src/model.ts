import type { CatalogProblem } from './catalog-problem.js';
import type { EcsFargateModel } from './model-ecs-fargate.js';

export type * from './model-ecs-fargate.js';

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

export interface Toleration {
  readonly key: string;
  readonly operator: 'Equal' | 'Exists';
  readonly value?: string;
  readonly effect: 'NoSchedule' | 'NoExecute' | 'PreferNoSchedule';
}

export interface GatewayModel {
  readonly name: string;
  readonly namespace: string;
  /** Always `istio`. */
  readonly className: string;
  /** Listener hostname; Kong uses it as upstream Host/SNI. */
  readonly hostname: string;
  readonly tlsSecretName: string;
  readonly httpPort: number;
  readonly httpsPort: number;
  readonly replicas: number;
  /** Istio's generated ServiceAccount/Service/Deployment name: `<gateway>-<className>`. */
  readonly generatedName: string;
  /** SPIFFE principal of the gateway pods: `cluster.local/ns/<ns>/sa/<gateway>-istio`. */
  readonly principal: string;
  /** ConfigMap referenced by `spec.infrastructure.parametersRef`: `<gateway>-options`. */
  readonly parametersConfigMapName: string;
  /** Node labels of the system node pool. */
  readonly systemNodeSelector: Readonly<Record<string, string>>;
  /** Toleration for the system node pool taint `CriticalAddonsOnly=true:NoSchedule`. */
  readonly systemToleration: Toleration;
  /** Gateway status/health port Istio always adds. */
  readonly statusPort: 15021;
  /**
   * Name tag of the security group Terraform creates for the gateway's internal NLB (admitting
   * only Kong's network on the HTTPS port); the Gateway names it in the AWS Load Balancer
   * Controller's `security-groups` annotation. `<cluster>-gateway-nlb`.
   */
  readonly loadBalancerSecurityGroupName: string;
  /** The private CA and the certificates cert-manager issues and renews from it. */
  readonly pki: PkiModel;
}

/** A cert-manager Certificate routeplane renders. */
export interface CertificateModel {
  /** Certificate name; equal to its Secret's name. */
  readonly name: string;
  readonly namespace: string;
  readonly secretName: string;
  /** At most 64 characters (X.509 ub-common-name; cert-manager refuses longer). Absent: SANs only. */
  readonly commonName?: string;
  readonly dnsNames: readonly string[];
  readonly usages: readonly (
    | 'server auth'
    | 'client auth'
    | 'digital signature'
    | 'cert sign'
    | 'crl sign'
  )[];
  readonly duration: string;
  readonly renewBefore: string;
}

/**
 * Per environment: a self-signed root made in the cluster by cert-manager (the key never leaves the
 * cluster), a ClusterIssuer signing with it, the gateway's serving certificate and Kong's client
 * certificate. Kong's copy of the CA and its client key reach decK as DECK_* variables read from
 * these Secrets.
 */
export interface PkiModel {
  /** cert-manager's namespace; also home of the CA Secret and Kong's client certificate. */
  readonly namespace: string;
  /** ClusterIssuer that only bootstraps the root (SelfSigned). */
  readonly selfSignedIssuer: string;
  /** The CA's Certificate (isCA); its Secret is read by the CA ClusterIssuer. */
  readonly ca: CertificateModel;
  /** ClusterIssuer that signs leaves with the CA Secret. */
  readonly caIssuer: string;
  /** The gateway's serving certificate: `gateway.tlsSecretName` in the gateway namespace. */
  readonly serving: CertificateModel;
  /** The certificate Kong presents to the gateway. */
  readonly kongClient: CertificateModel;
}

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

/** A value decK reads from the environment at sync time, or a literal. */
export type HostSource =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'env'; readonly variable: string };

export interface JwtCredentialModel {
  readonly key: string;
  readonly algorithm: 'HS256' | 'HS384' | 'HS512';
  /** DECK_* variable holding the secret. */
  readonly secretEnv: string;
}

export interface ConsumerModel {
  readonly username: string;
  readonly jwtCredentials: readonly JwtCredentialModel[];
}

/** A custom plugin the control plane streams to its data planes. */
export interface CustomPluginModel {
  readonly name: string;
  /** Lua source of handler.lua, checked by the loader. */
  readonly handler: string;
  /** Lua source of schema.lua, checked by the loader. */
  readonly schema: string;
}

export interface KongModel {
  readonly konnectRegion: 'us' | 'eu' | 'au' | 'me' | 'in' | 'sg';
  readonly controlPlaneName: string;
  readonly selectTags: readonly string[];
  /**
   * Kong's network: the Konnect cloud gateway network (`dedicated`) or Kong's own VPC
   * (`ecsFargate`).
   */
  readonly networkCidr: string;
  /**
   * Where Kong's requests to the gateway come from, sorted: the Konnect network of every
   * data-plane region (`dedicated`; none with `privateEndpoint`, whose VPC Lattice resource
   * gateway connects from its own ENIs in the VPC) or exactly Kong's task subnets (`ecsFargate`). The gateway NLB's security group
   * and the gateway NetworkPolicy admit these and nothing else.
   */
  readonly sourceCidrs: readonly string[];
  readonly upstream: {
    readonly protocol: 'https';
    readonly port: number;
    readonly host: HostSource;
    /** SNI and Host header Kong sends: the Gateway listener hostname. */
    readonly sni: string;
    /**
     * Route 53 private hosted zone holding `sni`, attached to Kong's networks: `host` is then `sni`
     * itself. Absent: Kong connects to the NLB's AWS name.
     */
    readonly privateDnsZone?: string;
    /** DECK_* variable holding the gateway CA (PEM) Kong verifies with. */
    readonly caCertificateEnv: string;
    /** DECK_* variables holding Kong's client certificate and key (PEM). */
    readonly clientCertificateEnv: string;
    readonly clientKeyEnv: string;
    /** `tls_verify_depth` of every service. */
    readonly tlsVerifyDepth: number;
  };
  readonly cloudfrontOriginHeader?: {
    readonly name: string;
    readonly valueEnv: string;
    /** Second accepted value during a rotation. */
    readonly nextValueEnv?: string;
  };
  readonly trustedIps: readonly string[];
  /** Sorted by username. */
  readonly consumers: readonly ConsumerModel[];
  /** `baseRps` is the Dedicated Cloud Gateway's autopilot base (unused by `ecsFargate`). */
  readonly dataPlane: {
    readonly kind: 'dedicated' | 'ecsFargate';
    readonly version: string;
    readonly baseRps: number;
  };
  /** Present exactly when `dataPlane.kind` is `ecsFargate`. */
  readonly ecsFargate?: EcsFargateModel;
  /** Dedicated Cloud Gateway sizing and regions; absent when `dataPlane.kind` is `ecsFargate`. */
  readonly dataPlaneGroups?: DataPlaneGroupsModel;
  /** `kong.customPlugins` sorted by name; absent: none. */
  readonly customPlugins?: readonly CustomPluginModel[];
  /** The Konnect managed cache add-on of a Dedicated Cloud Gateway; absent: none. */
  readonly managedCache?: ManagedCacheModel;
  /** Every DECK_* variable decK needs for this environment, sorted. */
  readonly requiredEnv: readonly string[];
  /** Where to get each required variable (a command or a place), keyed by variable name. */
  readonly envSources: Readonly<Record<string, string>>;
}

/** Capacity tiers of `konnect_cloud_gateway_addon` `config.managed_cache.capacity_config.tiered.tier`. */
export type ManagedCacheTier =
  | 'micro'
  | 'small'
  | 'medium'
  | 'large'
  | 'xlarge'
  | '2xlarge'
  | '4xlarge'
  | '8xlarge'
  | '12xlarge'
  | '16xlarge'
  | '24xlarge';

/** `kong.managedCache` merged with the environment's override. */
export interface ManagedCacheModel {
  /** `konnect_cloud_gateway_addon` name: unique in the Konnect organisation. */
  readonly addOnName: string;
  readonly tier: ManagedCacheTier;
  /** DECK_* variable with the id of the Redis partial Konnect creates for the add-on. */
  readonly partialIdEnv: string;
}

export interface NodePoolModel {
  readonly instanceTypes: readonly string[];
  readonly minSize: number;
  readonly maxSize: number;
  readonly desiredSize: number;
  readonly diskSizeGiB: number;
}

export interface AwsModel {
  readonly region: string;
  readonly accountId?: string;
  readonly vpcCidr: string;
  /** Exactly three AZ ids, shared by the subnets and the Konnect network. */
  readonly availabilityZoneIds: readonly string[];
  readonly cluster: {
    readonly name: string;
    readonly version: string;
    /** Who reaches the API server (the Terraform runner among them); see the schema's apiAccess. */
    readonly apiAccess: ApiAccessModel;
    /** Every cluster admin, the identity running Terraform included. */
    readonly admins: readonly string[];
  };
  readonly nodePools: { readonly system: NodePoolModel; readonly user: NodePoolModel };
  readonly transitGatewayAsn: number;
  /** The Dedicated Cloud Gateway's edge (`kind`): present exactly for `dedicated`. */
  readonly edge?: {
    /** `cloudfront`: CloudFront + WAF; `none`: clients use kongProxyDomain directly; `alb`: a regional ALB + WAF. */
    readonly kind: EdgeKind;
    readonly domainName: string;
    readonly viewerCertificateArn: string;
    readonly originClientCertificateArn: string;
    readonly kongProxyDomain: string;
    readonly wafRateLimitPer5Minutes: number;
    /** `alb` only: Route 53 public zone for the ACM validation record and domainName's alias. */
    readonly publicZone?: string;
    /** Public zone and the CNAME targets Konnect shows for kongProxyDomain; absent: DNS is yours. */
    readonly kongDomainDns?: {
      readonly publicZone: string;
      readonly edgeTarget: string;
      readonly acmeChallengeTarget: string;
    };
  };
  readonly state: { readonly bucket: string; readonly region: string; readonly keyPrefix: string };
}

export interface WaiverModel {
  /** Rule id, e.g. `policy/replicas`. */
  readonly rule: string;
  /** Object the waiver applies to, `<namespace>/<kind>/<name>` or a file path. */
  readonly object: string;
  readonly reason: string;
}

/** `aws.cluster.apiAccess` with every list present and sorted. */
export interface ApiAccessModel {
  /** Empty: public endpoint disabled. */
  readonly publicCidrs: readonly string[];
  /** Sources admitted on 443 by the cluster security group. */
  readonly privateCidrs: readonly string[];
  readonly privatePrefixListIds: readonly string[];
}

/** How the Dedicated Cloud Gateway's data planes are sized: autopilot or (deprecated) custom. */
export type DataPlaneSizingModel =
  | { readonly kind: 'autopilot'; readonly baseRps: number }
  | {
      readonly kind: 'custom';
      readonly instanceType: 'small' | 'medium' | 'large';
      readonly requestedInstances: number;
    };

/** One region the data planes run in, each on its own Konnect network. */
export interface DataPlaneRegionModel {
  readonly region: string;
  readonly networkCidr: string;
  readonly availabilityZoneIds: readonly string[];
  /** True for `aws.region`, whose network attaches to the cluster's Transit Gateway directly. */
  readonly home: boolean;
}

/** What clients reach in front of a Dedicated Cloud Gateway (schema `aws.edge.kind`). */
export type EdgeKind = 'cloudfront' | 'none' | 'alb';

/** How the data planes reach the gateway's internal NLB (schema `environments[].connectivity`). */
export type KongConnectivity = 'transitGateway' | 'vpcPeering' | 'privateEndpoint';

export interface DataPlaneGroupsModel {
  readonly sizing: DataPlaneSizingModel;
  readonly connectivity: KongConnectivity;
  /** The home region first, then `dataPlaneRegions` in catalog order. */
  readonly regions: readonly DataPlaneRegionModel[];
  /** `workloadIdentityRoles` in catalog order; empty: none. */
  readonly workloadIdentityRoles: readonly WorkloadIdentityRoleModel[];
}

/** An IAM role routeplane creates for the data planes to assume (AWS workload identity). */
export interface WorkloadIdentityRoleModel {
  readonly name: string;
  /** IAM path, `/` unless the catalog gives one. */
  readonly path: string;
  readonly policyArns: readonly string[];
}
