/* Generated from schema/catalog.schema.json by scripts/generate-types.ts. Do not edit. */

/**
 * routeplane route catalog: the single source of truth for Kong, Istio Gateway API, backends, Argo CD and infrastructure
 */
export interface RouteCatalog {
  apiVersion: 'routeplane.dev/v1alpha1';
  kind: 'RouteCatalog';
  gitops: {
    /**
     * Git repository Argo CD pulls the rendered tree from
     */
    repoURL: string;
    /**
     * Branch or tag Argo CD tracks (never HEAD)
     */
    targetRevision: string;
    /**
     * @default "https://kubernetes.default.svc"
     */
    destinationServer?: string;
  };
  /**
   * Pinned versions; move them here only
   */
  versions: {
    gatewayApi: string;
    istio: string;
    argoCdChart: string;
    argoCdAppsChart: string;
    awsLoadBalancerControllerChart: string;
    kubernetes: string;
    /**
     * Kong Gateway version of the Dedicated Cloud Gateway data planes
     */
    kongGateway: string;
    /**
     * cert-manager Helm chart (charts.jetstack.io) that issues and renews the gateway PKI
     *
     * @default "v1.21.1"
     */
    certManager?: string;
  };
  /**
   * The Istio ingress Gateway (Gateway API) behind the internal NLB
   */
  gateway: {
    /**
     * DNS-1123 label
     */
    name: string;
    /**
     * DNS-1123 label
     */
    namespace: string;
    /**
     * Listener hostname; also the SNI Kong sends upstream
     */
    hostname: string;
    /**
     * DNS-1123 label
     */
    tlsSecretName: string;
    /**
     * @default 80
     */
    httpPort?: number;
    /**
     * @default 443
     */
    httpsPort?: number;
    /**
     * @default 2
     */
    replicas?: number;
    /**
     * @default {"node-role":"system"}
     */
    systemNodeSelector?: {
      [k: string]: string | undefined;
    };
    /**
     * The private CA per environment and the certificates cert-manager issues from it
     *
     * @default {}
     */
    pki?: {
      /**
       * Namespace of cert-manager, the private CA and Kong's client certificate (never the gateway's: its proxies can read every Secret there)
       *
       * @default "cert-manager"
       */
      namespace?: string;
      /**
       * Name of the CA Certificate, its Secret and the ClusterIssuer that signs with it
       *
       * @default "routeplane-gateway-ca"
       */
      caName?: string;
      /**
       * Certificate and Secret holding the client certificate Kong presents to the gateway
       *
       * @default "kong-gateway-client"
       */
      kongClientSecretName?: string;
      /**
       * Lifetime of the CA certificate
       *
       * @default "87600h"
       */
      caDuration?: string;
      /**
       * cert-manager renews the CA certificate (same key) this long before it expires
       *
       * @default "8760h"
       */
      caRenewBefore?: string;
      /**
       * Lifetime of the gateway serving certificate and Kong's client certificate
       *
       * @default "2160h"
       */
      certificateDuration?: string;
      /**
       * cert-manager renews a leaf certificate this long before it expires
       *
       * @default "720h"
       */
      certificateRenewBefore?: string;
    };
  };
  kong: {
    /**
     * Konnect geo of the control plane
     */
    konnectRegion: 'us' | 'eu' | 'au' | 'me' | 'in' | 'sg';
    /**
     * @minItems 1
     */
    selectTags: [string, ...string[]];
    /**
     * IPv4 CIDR of the Konnect cloud gateway network (dedicated only), e.g. 192.168.0.0/16
     */
    networkCidr?: string;
    upstream: {
      /**
       * @default "https"
       */
      protocol?: 'https';
      /**
       * Port of the gateway's HTTPS listener Kong connects to; absent: gateway.httpsPort (the loader refuses any other value)
       */
      port?: number;
      /**
       * DECK_* variable with the NLB hostname, used when an environment gives no upstreamHost; not with privateDnsZone
       */
      hostEnv?: string;
      /**
       * Route 53 private hosted zone holding gateway.hostname (the name on the gateway's certificate), attached to every Konnect network: Kong connects to the gateway by that name instead of the NLB's AWS name
       */
      privateDnsZone?: string;
      /**
       * DECK_* variable holding the gateway CA certificate (PEM) Kong verifies the gateway with
       *
       * @default "DECK_GATEWAY_CA_CERT"
       */
      caCertificateEnv?: string;
      /**
       * DECK_* variable holding the client certificate (PEM) Kong presents to the gateway
       *
       * @default "DECK_KONG_CLIENT_CERT"
       */
      clientCertificateEnv?: string;
      /**
       * DECK_* variable holding the private key of Kong's client certificate (PEM)
       *
       * @default "DECK_KONG_CLIENT_KEY"
       */
      clientKeyEnv?: string;
      /**
       * Longest chain Kong accepts from the gateway; 1: the serving certificate is signed directly by the CA
       *
       * @default 1
       */
      tlsVerifyDepth?: number;
    };
    /**
     * Global check that requests carry CloudFront's shared secret header
     */
    cloudfrontOriginHeader?: {
      name: string;
      /**
       * Name of a DECK_* environment variable that holds the value at sync time; never the value itself
       */
      valueEnv: string;
      /**
       * DECK_* variable with the next value during a rotation: Kong accepts either value
       */
      nextValueEnv?: string;
    };
    /**
     * Sources whose X-Forwarded-For Kong trusts (CloudFront origin-facing ranges)
     *
     * Items: IPv4 CIDR, e.g. 10.0.0.0/16
     */
    trustedIps?: string[];
    dataPlane?: KongDataPlane;
    managedCache?: ManagedCache;
    /**
     * Custom Lua plugins the control plane streams to its data planes (konnect_gateway_custom_plugin_streaming); routes use them by name in plugins.custom
     *
     * @minItems 1
     */
    customPlugins?: [
      {
        /**
         * Plugin name, as in its schema.lua; unique, and not a plugin Kong bundles that routeplane renders
         */
        name: string;
        /**
         * Path of the plugin's handler.lua, relative to the catalog file
         */
        handler: string;
        /**
         * Path of the plugin's schema.lua, relative to the catalog file
         */
        schema: string;
      },
      ...{
        /**
         * Plugin name, as in its schema.lua; unique, and not a plugin Kong bundles that routeplane renders
         */
        name: string;
        /**
         * Path of the plugin's handler.lua, relative to the catalog file
         */
        handler: string;
        /**
         * Path of the plugin's schema.lua, relative to the catalog file
         */
        schema: string;
      }[]
    ];
  };
  aws: {
    /**
     * AWS region of the cluster, e.g. us-east-1
     */
    region: string;
    accountId?: string;
    /**
     * IPv4 CIDR, e.g. 10.0.0.0/16
     */
    vpcCidr: string;
    /**
     * Three AZ ids (not names), shared by the VPC subnets and the Konnect network, e.g. use1-az1
     *
     * @minItems 3
     * @maxItems 3
     */
    availabilityZoneIds: [string, string, string];
    cluster: {
      /**
       * DNS-1123 label
       */
      name: string;
      apiAccess?: ApiAccess;
      /**
       * IAM principals granted cluster admin through EKS access entries
       */
      admins: string[];
    };
    nodePools: {
      system: {
        /**
         * @minItems 1
         */
        instanceTypes: [string, ...string[]];
        minSize: number;
        maxSize: number;
        desiredSize: number;
        /**
         * @default 50
         */
        diskSizeGiB?: number;
      };
      user: {
        /**
         * @minItems 1
         */
        instanceTypes: [string, ...string[]];
        minSize: number;
        maxSize: number;
        desiredSize: number;
        /**
         * @default 50
         */
        diskSizeGiB?: number;
      };
    };
    /**
     * @default 64512
     */
    transitGatewayAsn?: number;
    /**
     * What clients reach in front of the Dedicated Cloud Gateway (dedicated only). Each kind needs its keys after an environment's overrides (the loader checks; a key a kind does not read may stay for the environments that inherit it): cloudfront domainName, viewerCertificateArn, originClientCertificateArn, kongProxyDomain, wafRateLimitPer5Minutes; alb domainName, wafRateLimitPer5Minutes; none kongProxyDomain
     */
    edge?: {
      /**
       * What clients reach: cloudfront (CloudFront + WAF in front of Kong's custom domain, the origin secret checked by Kong, route hosts matched through X-Viewer-Host), none (clients use kongProxyDomain, Kong's own public endpoint: no CDN, no WAF, no origin secret, route hosts matched natively) or alb (a regional internet-facing ALB for domainName with its own ACM certificate and a regional WAF, forwarding over the private connection to the data planes' private IPs; Kong's API access becomes private, so no origin secret, route hosts matched natively)
       *
       * @default "cloudfront"
       */
      kind?: 'cloudfront' | 'none' | 'alb';
      /**
       * kind alb only: Route 53 public hosted zone holding domainName; Terraform writes the ACM certificate's DNS validation record and domainName's alias to the ALB there (absent: both records are yours, and apply waits for the certificate)
       */
      publicZone?: string;
      /**
       * kind cloudfront and alb: protects the edge and its access logs from destroy. true: destroy keeps the edge's access-log bucket (no force_destroy; S3 refuses to delete it while it holds logs, and CloudFront or the ALB writes them from the first request) and, for alb, AWS refuses to delete the ALB (enable_deletion_protection), so terraform destroy stops there and routeplane teardown refuses the environment; false: destroy deletes the ALB and the access-log bucket with the logs in it (force_destroy). Before tearing an environment down set false, generate and apply
       *
       * @default true
       */
      deletionProtection?: boolean;
      /**
       * kind cloudfront and alb (required there): the public name clients call, CloudFront's alias or the ALB's certificate and alias
       */
      domainName?: string;
      /**
       * kind cloudfront only (required there): ACM certificate in us-east-1 that CloudFront shows clients for domainName
       */
      viewerCertificateArn?: string;
      /**
       * kind cloudfront only (required there): ACM certificate in us-east-1 that CloudFront presents to Kong (origin mTLS); CloudFront uses us-east-1 certificates only
       */
      originClientCertificateArn?: string;
      /**
       * kind cloudfront and none (required there): public hostname of the Kong Dedicated Cloud Gateway proxy, its Konnect custom domain (CloudFront's origin; with none, the name clients call)
       */
      kongProxyDomain?: string;
      /**
       * kind cloudfront and alb (required there): requests one client IP may send in 5 minutes before the WAF blocks it
       */
      wafRateLimitPer5Minutes?: number;
      /**
       * kind cloudfront only: true: this environment may use the same ACM certificate ARNs as other environments that also say true (e.g. one wildcard certificate); otherwise two environments sharing a certificate ARN is an error
       *
       * @default false
       */
      certificatesShared?: boolean;
      /**
       * DNS of the Konnect custom domain in a public zone: the CNAME to Konnect's edge and the _acme-challenge CNAME (the provider exposes neither target, so the catalog carries what Konnect shows)
       */
      kongDomainDns?: {
        /**
         * Route 53 public hosted zone holding kongProxyDomain; Terraform writes its two records there
         */
        publicZone: string;
        /**
         * CNAME target Konnect shows for kongProxyDomain (the Dedicated Cloud Gateway edge)
         */
        edgeTarget: string;
        /**
         * CNAME target Konnect shows for _acme-challenge.<kongProxyDomain> (certificate validation)
         */
        acmeChallengeTarget: string;
      };
    };
    state: {
      bucket: string;
      region: string;
      /**
       * Prefix of the Terraform state key; absent: routeplane/<environment name>, one state per environment
       */
      keyPrefix?: string;
    };
  };
  /**
   * Backends
   */
  services: Service[];
  routes: Route[];
  /**
   * Set true to render an empty route set on purpose (decK sync and Argo CD prune then delete every route)
   *
   * @default false
   */
  allowEmptyRoutes?: boolean;
  consumers?: Consumer[];
  /**
   * @minItems 1
   */
  environments: [Environment, ...Environment[]];
  /**
   * Validation findings accepted on purpose, each with a reason
   */
  waivers?: {
    rule: string;
    object: string;
    reason: string;
  }[];
}
/**
 * @default {}
 */
export interface KongDataPlane {
  /**
   * dedicated: Kong's Dedicated Cloud Gateway (Kong's AWS account); ecsFargate: Kong data planes in this account on ECS Fargate
   *
   * @default "dedicated"
   */
  kind?: 'dedicated' | 'ecsFargate';
  ecsFargate?: EcsFargate;
}
/**
 * Kong Gateway data planes in this account on ECS Fargate (hybrid mode against the Konnect control plane)
 */
export interface EcsFargate {
  /**
   * protects what terraform destroy cannot delete while it holds data from destroy: the Kong image repository (no force_delete; ECR refuses to delete a repository that holds images, and the image is copied in before the first task runs) and, with entry cloudfront, the access-log bucket (no force_destroy), so terraform destroy stops there and routeplane teardown refuses the environment; false: destroy deletes the repository with its images (force_delete) and the bucket with its logs (force_destroy). Before tearing an environment down set false, generate and apply
   *
   * @default true
   */
  deletionProtection?: boolean;
  /**
   * IPv4 CIDR of Kong's own VPC; must not overlap the EKS VPC (the two are peered)
   */
  vpcCidr: string;
  /**
   * Two or three AZ ids of Kong's VPC, one subnet per tier in each, e.g. use1-az1
   *
   * @minItems 2
   * @maxItems 3
   */
  availabilityZoneIds: [string, string] | [string, string, string];
  /**
   * Subnet CIDRs per tier, in the order of availabilityZoneIds, inside vpcCidr
   */
  subnets: {
    /**
     * One CIDR per AZ: the internal ALB and the NAT gateways
     *
     * @minItems 2
     * @maxItems 3
     *
     * Items: IPv4 CIDR, e.g. 10.0.0.0/16
     */
    web: [string, string] | [string, string, string];
    /**
     * One CIDR per AZ: Kong's Fargate tasks and the API Gateway VPC link
     *
     * @minItems 2
     * @maxItems 3
     *
     * Items: IPv4 CIDR, e.g. 10.0.0.0/16
     */
    app: [string, string] | [string, string, string];
    /**
     * One CIDR per AZ: ElastiCache Redis
     *
     * @minItems 2
     * @maxItems 3
     *
     * Items: IPv4 CIDR, e.g. 10.0.0.0/16
     */
    data: [string, string] | [string, string, string];
  };
  /**
   * How clients reach the internal ALB: apiGateway (HTTP API with a VPC link in Kong's subnets) or cloudfront (CloudFront + WAF with a VPC origin)
   *
   * @default "apiGateway"
   */
  entry?: 'apiGateway' | 'cloudfront';
  /**
   * @default {}
   */
  apiGateway?: {
    /**
     * Subnets of the VPC link's ENIs; each must be one of subnets.app (Kong's). Default: all of subnets.app
     *
     * @minItems 1
     *
     * Items: IPv4 CIDR, e.g. 10.0.0.0/16
     */
    vpcLinkSubnets?: [string, ...string[]];
    /**
     * Steady-state requests per second of the default stage
     *
     * @default 1000
     */
    throttlingRateLimit?: number;
    /**
     * Burst of the default stage
     *
     * @default 2000
     */
    throttlingBurstLimit?: number;
    customDomain?: {
      domainName: string;
      /**
       * Regional ACM certificate in the environment's region (API Gateway accepts RSA keys up to 2048 bits)
       */
      certificateArn: string;
    };
  };
  /**
   * CloudFront + WAF in front of the internal ALB (entry: cloudfront only)
   */
  cloudfront?: {
    /**
     * Viewer hostname (CloudFront alias)
     */
    domainName: string;
    /**
     * ACM certificate in us-east-1 (CloudFront)
     */
    viewerCertificateArn: string;
    wafRateLimitPer5Minutes: number;
  };
  /**
   * Optional attachment of Kong's app subnets to an existing hub Transit Gateway (shared to this account)
   */
  transitGatewayHub?: {
    transitGatewayId: string;
    /**
     * Networks reached through the hub (e.g. the organisation's firewall)
     *
     * @minItems 1
     *
     * Items: IPv4 CIDR, e.g. 10.0.0.0/16
     */
    destinationCidrs: [string, ...string[]];
  };
  /**
   * @default {}
   */
  tasks?: {
    /**
     * Fargate CPU units per task
     *
     * @default 1024
     */
    cpu?: 512 | 1024 | 2048 | 4096;
    /**
     * MiB per task (a valid Fargate pair with cpu)
     *
     * @default 2048
     */
    memory?: number;
    /**
     * @default 2
     */
    minCount?: number;
    /**
     * @default 6
     */
    maxCount?: number;
    /**
     * @default 60
     */
    targetCpuPercent?: number;
    /**
     * ALB requests per target per minute the service scales to
     *
     * @default 1000
     */
    targetRequestsPerTarget?: number;
  };
  /**
   * @default {}
   */
  redis?: {
    /**
     * @default "cache.t4g.small"
     */
    nodeType?: string;
    /**
     * Primary plus replicas; 2 or more turns on automatic failover
     *
     * @default 2
     */
    numCacheClusters?: number;
    /**
     * DECK_* variable with the replication group's primary endpoint (Terraform output redis_primary_endpoint)
     *
     * @default "DECK_REDIS_HOST"
     */
    hostEnv?: string;
    /**
     * DECK_* variable with the Redis AUTH token (the same value as Terraform's redis_auth_token)
     *
     * @default "DECK_REDIS_PASSWORD"
     */
    passwordEnv?: string;
  };
}
/**
 * Konnect managed cache (Redis) for this Dedicated Cloud Gateway's control plane: rate limits count in it, shared by every data-plane node (dedicated only; needs versions.kongGateway 3.13 or later)
 */
export interface ManagedCache {
  /**
   * Capacity tier of the Konnect managed cache add-on (konnect_cloud_gateway_addon config.managed_cache.capacity_config.tiered.tier): micro ~0.5 GiB ... 24xlarge ~300 GiB; the tier must be enabled on the Konnect account
   *
   * @default "small"
   */
  tier?:
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
  /**
   * DECK_* variable holding the id of the Redis partial Konnect creates for the add-on (Terraform output managed_cache_partial_id)
   *
   * @default "DECK_MANAGED_CACHE_PARTIAL_ID"
   */
  partialIdEnv?: string;
}
/**
 * Who may reach the EKS API server. The Terraform installs Helm releases through it, so the machine running `terraform apply` must be covered by at least one entry. Private endpoint access is always on (nodes and in-VPC clients).
 */
export interface ApiAccess {
  /**
   * Turn the public endpoint on and admit only these IPv4 CIDRs (the runner's egress addresses). Empty or absent: public endpoint off
   *
   * Items: IPv4 CIDR, e.g. 203.0.113.0/24
   */
  publicCidrs?: string[];
  /**
   * HTTPS (443) to the private endpoint through the cluster security group, from networks routed into the VPC (VPN, peering, Transit Gateway)
   */
  privateSources?: {
    /**
     * IPv4 CIDRs of the runner's network
     *
     * Items: IPv4 CIDR, e.g. 10.99.0.0/24
     */
    cidrs?: string[];
    /**
     * Managed prefix lists of runner networks, e.g. pl-0123456789abcdef0
     */
    prefixListIds?: string[];
  };
}
export interface Service {
  /**
   * DNS-1123 label
   */
  name: string;
  /**
   * DNS-1123 label
   */
  namespace: string;
  /**
   * Image with a pinned tag or digest
   */
  image: string;
  /**
   * Container port the server listens on
   */
  port: number;
  /**
   * @default 2
   */
  replicas?: number;
  resources: {
    requests: {
      /**
       * Kubernetes quantity
       */
      cpu: string;
      /**
       * Kubernetes quantity
       */
      memory: string;
    };
    limits: {
      /**
       * Kubernetes quantity
       */
      cpu: string;
      /**
       * Kubernetes quantity
       */
      memory: string;
    };
  };
  /**
   * Path the readiness probe calls; one of responses[].path, or, without responses, answered with 200 {"status":"healthy"}
   */
  healthPath: string;
  /**
   * Sample server content (exact paths)
   */
  responses?: {
    path: string;
    /**
     * @default 200
     */
    status?: number;
    /**
     * @default "application/json"
     */
    contentType?: string;
    body: string;
  }[];
  /**
   * Kong adds this header (request-transformer on every route of the service) so the backend can tell Kong's requests from any other caller's
   */
  sharedSecretHeader?: {
    /**
     * Header Kong adds to every request it sends this backend
     */
    name: string;
    /**
     * Name of a DECK_* environment variable that holds the shared secret at sync time; never the value itself
     */
    valueEnv: string;
  };
  /**
   * Put an Istio waypoint (L7 proxy) in front of this service: L7 AuthorizationPolicy admitting only the methods and paths of the routes that target it. Costs a proxy hop and two waypoint pods per service.
   *
   * @default false
   */
  waypoint?: boolean;
  /**
   * Callers besides the gateway that may reach this backend
   */
  allowFrom?: {
    /**
     * DNS-1123 label
     */
    namespace: string;
    /**
     * DNS-1123 label
     */
    serviceAccount: string;
  }[];
}
export interface Route {
  /**
   * DNS-1123 label
   */
  name: string;
  /**
   * @minItems 1
   * @maxItems 16
   *
   * Items: Path prefix with Gateway API PathPrefix semantics (whole segments)
   */
  paths:
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ];
  hosts?: string[];
  methods?: (
    'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS' | 'CONNECT' | 'TRACE'
  )[];
  /**
   * DNS-1123 label
   */
  service: string;
  timeouts?: {
    /**
     * Whole-request timeout at the Istio gateway (HTTPRoute timeouts.request); Kong waits 1s longer (read_timeout/write_timeout)
     */
    request: string;
    /**
     * Timeout of each request from the gateway to the backend (HTTPRoute timeouts.backendRequest); at most `request`
     */
    backendRequest?: string;
  };
  plugins?: Plugins;
}
export interface Plugins {
  jwt?: {
    /**
     * @default "iss"
     */
    keyClaimName?: string;
    /**
     * @default ["exp"]
     *
     * @minItems 1
     */
    claimsToVerify?: ['exp' | 'nbf', ...('exp' | 'nbf')[]];
    maximumExpiration?: number;
  };
  rateLimiting?: {
    second?: number;
    minute?: number;
    hour?: number;
    day?: number;
    /**
     * Counter storage. shared: one count for every data-plane node (the environment's kong.managedCache on a Dedicated Cloud Gateway, its ElastiCache Redis on ecsFargate); local: each node counts alone, so the effective limit is the limit times the node count and moves as autopilot scales (needs acceptPerNodeLimits: true)
     *
     * @default "shared"
     */
    policy?: 'shared' | 'local';
    /**
     * Set true to keep policy local knowing each data-plane node counts alone (the effective limit grows with the node count)
     */
    acceptPerNodeLimits?: boolean;
    /**
     * @default "consumer"
     */
    limitBy?: 'consumer' | 'ip' | 'credential';
  };
  cors?: {
    /**
     * @minItems 1
     */
    origins: [string, ...string[]];
    methods?: string[];
    headers?: string[];
    exposedHeaders?: string[];
    /**
     * @default false
     */
    credentials?: boolean;
    maxAge?: number;
  };
  requestTransformer?: {
    addHeaders?: {
      [k: string]: string | undefined;
    };
    /**
     * Items: HTTP header name
     */
    removeHeaders?: string[];
  };
  /**
   * Names of kong.customPlugins enabled on the route, with the defaults of their schema.lua
   *
   * @minItems 1
   */
  custom?: [string, ...string[]];
}
export interface Consumer {
  username: string;
  /**
   * @minItems 1
   */
  jwtCredentials?: [
    {
      key: string;
      /**
       * @default "HS256"
       */
      algorithm?: 'HS256' | 'HS384' | 'HS512';
      /**
       * Name of a DECK_* environment variable that holds the value at sync time; never the value itself
       */
      secretEnv: string;
    },
    ...{
      key: string;
      /**
       * @default "HS256"
       */
      algorithm?: 'HS256' | 'HS384' | 'HS512';
      /**
       * Name of a DECK_* environment variable that holds the value at sync time; never the value itself
       */
      secretEnv: string;
    }[]
  ];
}
export interface Environment {
  /**
   * DNS-1123 label
   */
  name: string;
  targetRevision?: string;
  controlPlaneName: string;
  konnectRegion?: 'us' | 'eu' | 'au' | 'me' | 'in' | 'sg';
  /**
   * Stable private DNS name of the gateway NLB
   */
  upstreamHost?: string;
  /**
   * Autopilot sizing of the Dedicated Cloud Gateway: requests per second the data planes are sized for before they scale. Absent: 100 on a Dedicated Cloud Gateway in autopilot; refused with dataPlaneCustomMode and where Kong runs on ECS Fargate
   */
  dataPlaneBaseRps?: number;
  /**
   * Custom mode instead of autopilot: Konnect's static autoscale, deprecated upstream (the loader warns); excludes dataPlaneBaseRps
   */
  dataPlaneCustomMode?: {
    /**
     * Konnect instance size of every data plane
     */
    instanceType: 'small' | 'medium' | 'large';
    /**
     * Data planes per region, fixed (no autoscaling)
     */
    requestedInstances: number;
  };
  /**
   * How Kong's data planes reach the gateway's internal NLB: a Transit Gateway shared through RAM, VPC peering with each Konnect network, or a VPC Lattice resource endpoint for the NLB alone. Absent: transitGateway on a Dedicated Cloud Gateway; refused where Kong runs on ECS Fargate
   */
  connectivity?: 'transitGateway' | 'vpcPeering' | 'privateEndpoint';
  /**
   * Data-plane regions besides aws.region (which uses kong.networkCidr); each gets its own Konnect network and Transit Gateway, peered with the environment's
   */
  dataPlaneRegions?: {
    /**
     * AWS region of the data planes, other than aws.region
     */
    region: string;
    /**
     * IPv4 CIDR of this region's Konnect network, e.g. 192.169.0.0/16
     */
    networkCidr: string;
    /**
     * Three AZ ids of the region for the Konnect network
     *
     * @minItems 3
     * @maxItems 3
     */
    availabilityZoneIds: [string, string, string];
  }[];
  /**
   * AWS roles Kong's Dedicated Cloud Gateway data planes may assume (AWS workload identity): each trusts arn:aws:iam::<Kong's AWS account>:role/<network id> of every Konnect network of the environment (dedicated only)
   */
  workloadIdentityRoles?: {
    /**
     * IAM role name (optionally with a path, e.g. /kong/s3-reader) or its ARN in the environment's account; routeplane creates and owns the role, whose trust policy names every Konnect network's role
     */
    role: string;
    /**
     * Managed policies attached to the role: what the data planes' plugins may do with it
     *
     * @default []
     */
    policyArns?: string[];
  }[];
  gatewayReplicas?: number;
  /**
   * istiod replicas (the chart's autoscaleMin and replicaCount); 2 or more also renders its PodDisruptionBudget. Both Istio validating webhooks fail closed, so one istiod down blocks every Istio and Gateway API write
   *
   * @default 2
   */
  istiodReplicas?: number;
  /**
   * Replica count per service name
   */
  replicas?: {
    [k: string]: number | undefined;
  };
  /**
   * Rate-limiting override per route name
   */
  rateLimits?: {
    [k: string]:
      | {
          second?: number;
          minute?: number;
          hour?: number;
          day?: number;
        }
      | undefined;
  };
  aws?: {
    /**
     * AWS region of the cluster, e.g. us-east-1
     */
    region?: string;
    accountId?: string;
    /**
     * IPv4 CIDR, e.g. 10.0.0.0/16
     */
    vpcCidr?: string;
    /**
     * Three AZ ids (not names), shared by the VPC subnets and the Konnect network, e.g. use1-az1
     *
     * @minItems 3
     * @maxItems 3
     */
    availabilityZoneIds?: [string, string, string];
    cluster?: {
      /**
       * DNS-1123 label
       */
      name?: string;
      apiAccess?: ApiAccess;
      /**
       * IAM principals granted cluster admin through EKS access entries
       */
      admins?: string[];
    };
    nodePools?: {
      system?: {
        /**
         * @minItems 1
         */
        instanceTypes?: [string, ...string[]];
        minSize?: number;
        maxSize?: number;
        desiredSize?: number;
        /**
         * Inherits aws.nodePools.system.diskSizeGiB
         */
        diskSizeGiB?: number;
      };
      user?: {
        /**
         * @minItems 1
         */
        instanceTypes?: [string, ...string[]];
        minSize?: number;
        maxSize?: number;
        desiredSize?: number;
        /**
         * Inherits aws.nodePools.user.diskSizeGiB
         */
        diskSizeGiB?: number;
      };
    };
    /**
     * Inherits aws.transitGatewayAsn
     */
    transitGatewayAsn?: number;
    edge?: {
      /**
       * What clients reach: cloudfront (CloudFront + WAF in front of Kong's custom domain, the origin secret checked by Kong, route hosts matched through X-Viewer-Host), none (clients use kongProxyDomain, Kong's own public endpoint: no CDN, no WAF, no origin secret, route hosts matched natively) or alb (a regional internet-facing ALB for domainName with its own ACM certificate and a regional WAF, forwarding over the private connection to the data planes' private IPs; Kong's API access becomes private, so no origin secret, route hosts matched natively)
       */
      kind?: 'cloudfront' | 'none' | 'alb';
      /**
       * kind alb only: Route 53 public hosted zone holding domainName; Terraform writes the ACM certificate's DNS validation record and domainName's alias to the ALB there (absent: both records are yours, and apply waits for the certificate)
       */
      publicZone?: string;
      /**
       * Inherits aws.edge.deletionProtection. kind cloudfront and alb: protects the edge and its access logs from destroy. true: destroy keeps the edge's access-log bucket (no force_destroy; S3 refuses to delete it while it holds logs, and CloudFront or the ALB writes them from the first request) and, for alb, AWS refuses to delete the ALB (enable_deletion_protection), so terraform destroy stops there and routeplane teardown refuses the environment; false: destroy deletes the ALB and the access-log bucket with the logs in it (force_destroy). Before tearing an environment down set false, generate and apply
       */
      deletionProtection?: boolean;
      /**
       * kind cloudfront and alb (required there): the public name clients call, CloudFront's alias or the ALB's certificate and alias
       */
      domainName?: string;
      /**
       * kind cloudfront only (required there): ACM certificate in us-east-1 that CloudFront shows clients for domainName
       */
      viewerCertificateArn?: string;
      /**
       * kind cloudfront only (required there): ACM certificate in us-east-1 that CloudFront presents to Kong (origin mTLS); CloudFront uses us-east-1 certificates only
       */
      originClientCertificateArn?: string;
      /**
       * kind cloudfront and none (required there): public hostname of the Kong Dedicated Cloud Gateway proxy, its Konnect custom domain (CloudFront's origin; with none, the name clients call)
       */
      kongProxyDomain?: string;
      /**
       * kind cloudfront and alb (required there): requests one client IP may send in 5 minutes before the WAF blocks it
       */
      wafRateLimitPer5Minutes?: number;
      /**
       * Inherits aws.edge.certificatesShared. kind cloudfront only: true: this environment may use the same ACM certificate ARNs as other environments that also say true (e.g. one wildcard certificate); otherwise two environments sharing a certificate ARN is an error
       */
      certificatesShared?: boolean;
      /**
       * DNS of the Konnect custom domain in a public zone: the CNAME to Konnect's edge and the _acme-challenge CNAME (the provider exposes neither target, so the catalog carries what Konnect shows)
       */
      kongDomainDns?: {
        /**
         * Route 53 public hosted zone holding kongProxyDomain; Terraform writes its two records there
         */
        publicZone?: string;
        /**
         * CNAME target Konnect shows for kongProxyDomain (the Dedicated Cloud Gateway edge)
         */
        edgeTarget?: string;
        /**
         * CNAME target Konnect shows for _acme-challenge.<kongProxyDomain> (certificate validation)
         */
        acmeChallengeTarget?: string;
      };
    };
    state?: {
      bucket?: string;
      region?: string;
      /**
       * Inherits aws.state.keyPrefix, whose default is routeplane/<environment name>
       */
      keyPrefix?: string;
    };
  };
  /**
   * Kong settings of this environment, deep-merged over the top-level kong
   */
  kong?: {
    dataPlane?: KongDataPlaneOverride;
    managedCache?: ManagedCacheOverride;
  };
}
/**
 * Where Kong's data planes run (per environment through environments[].kong.dataPlane)
 */
export interface KongDataPlaneOverride {
  /**
   * dedicated: Kong's Dedicated Cloud Gateway (Kong's AWS account); ecsFargate: Kong data planes in this account on ECS Fargate
   */
  kind?: 'dedicated' | 'ecsFargate';
  ecsFargate?: EcsFargateOverride;
}
/**
 * ecsFargate settings of one environment, deep-merged over kong.dataPlane.ecsFargate
 */
export interface EcsFargateOverride {
  /**
   * Inherits kong.dataPlane.ecsFargate.deletionProtection. protects what terraform destroy cannot delete while it holds data from destroy: the Kong image repository (no force_delete; ECR refuses to delete a repository that holds images, and the image is copied in before the first task runs) and, with entry cloudfront, the access-log bucket (no force_destroy), so terraform destroy stops there and routeplane teardown refuses the environment; false: destroy deletes the repository with its images (force_delete) and the bucket with its logs (force_destroy). Before tearing an environment down set false, generate and apply
   */
  deletionProtection?: boolean;
  /**
   * IPv4 CIDR of Kong's own VPC; must not overlap the EKS VPC (the two are peered)
   */
  vpcCidr?: string;
  /**
   * Two or three AZ ids of Kong's VPC, one subnet per tier in each, e.g. use1-az1
   *
   * @minItems 2
   * @maxItems 3
   */
  availabilityZoneIds?: [string, string] | [string, string, string];
  /**
   * Subnet CIDRs per tier, in the order of availabilityZoneIds, inside vpcCidr
   */
  subnets?: {
    /**
     * One CIDR per AZ: the internal ALB and the NAT gateways
     *
     * @minItems 2
     * @maxItems 3
     *
     * Items: IPv4 CIDR, e.g. 10.0.0.0/16
     */
    web?: [string, string] | [string, string, string];
    /**
     * One CIDR per AZ: Kong's Fargate tasks and the API Gateway VPC link
     *
     * @minItems 2
     * @maxItems 3
     *
     * Items: IPv4 CIDR, e.g. 10.0.0.0/16
     */
    app?: [string, string] | [string, string, string];
    /**
     * One CIDR per AZ: ElastiCache Redis
     *
     * @minItems 2
     * @maxItems 3
     *
     * Items: IPv4 CIDR, e.g. 10.0.0.0/16
     */
    data?: [string, string] | [string, string, string];
  };
  /**
   * How clients reach the internal ALB: apiGateway (HTTP API with a VPC link in Kong's subnets) or cloudfront (CloudFront + WAF with a VPC origin)
   */
  entry?: 'apiGateway' | 'cloudfront';
  apiGateway?: {
    /**
     * Subnets of the VPC link's ENIs; each must be one of subnets.app (Kong's). Default: all of subnets.app
     *
     * @minItems 1
     *
     * Items: IPv4 CIDR, e.g. 10.0.0.0/16
     */
    vpcLinkSubnets?: [string, ...string[]];
    /**
     * Steady-state requests per second of the default stage
     */
    throttlingRateLimit?: number;
    /**
     * Burst of the default stage
     */
    throttlingBurstLimit?: number;
    customDomain?: {
      domainName?: string;
      /**
       * Regional ACM certificate in the environment's region (API Gateway accepts RSA keys up to 2048 bits)
       */
      certificateArn?: string;
    };
  };
  /**
   * CloudFront + WAF in front of the internal ALB (entry: cloudfront only)
   */
  cloudfront?: {
    /**
     * Viewer hostname (CloudFront alias)
     */
    domainName?: string;
    /**
     * ACM certificate in us-east-1 (CloudFront)
     */
    viewerCertificateArn?: string;
    wafRateLimitPer5Minutes?: number;
  };
  /**
   * Optional attachment of Kong's app subnets to an existing hub Transit Gateway (shared to this account)
   */
  transitGatewayHub?: {
    transitGatewayId?: string;
    /**
     * Networks reached through the hub (e.g. the organisation's firewall)
     *
     * @minItems 1
     *
     * Items: IPv4 CIDR, e.g. 10.0.0.0/16
     */
    destinationCidrs?: [string, ...string[]];
  };
  tasks?: {
    /**
     * Fargate CPU units per task
     */
    cpu?: 512 | 1024 | 2048 | 4096;
    /**
     * MiB per task (a valid Fargate pair with cpu)
     */
    memory?: number;
    minCount?: number;
    maxCount?: number;
    targetCpuPercent?: number;
    /**
     * ALB requests per target per minute the service scales to
     */
    targetRequestsPerTarget?: number;
  };
  redis?: {
    nodeType?: string;
    /**
     * Primary plus replicas; 2 or more turns on automatic failover
     */
    numCacheClusters?: number;
    /**
     * DECK_* variable with the replication group's primary endpoint (Terraform output redis_primary_endpoint)
     */
    hostEnv?: string;
    /**
     * DECK_* variable with the Redis AUTH token (the same value as Terraform's redis_auth_token)
     */
    passwordEnv?: string;
  };
}
/**
 * This environment's kong.managedCache, deep-merged over the top-level one (no defaults of its own, so it never resets a top-level value)
 */
export interface ManagedCacheOverride {
  /**
   * Capacity tier of the Konnect managed cache add-on (konnect_cloud_gateway_addon config.managed_cache.capacity_config.tiered.tier): micro ~0.5 GiB ... 24xlarge ~300 GiB; the tier must be enabled on the Konnect account. Inherits kong.managedCache.tier (its default applies after merging)
   */
  tier?:
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
  /**
   * DECK_* variable holding the id of the Redis partial Konnect creates for the add-on (Terraform output managed_cache_partial_id). Inherits kong.managedCache.partialIdEnv (its default applies after merging)
   */
  partialIdEnv?: string;
}
