import type { EcsFargateModel } from './model-ecs-fargate.js';

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

/** `kong.managedCache` merged with the environment's override. */
export interface ManagedCacheModel {
  /** `konnect_cloud_gateway_addon` name: unique in the Konnect organisation. */
  readonly addOnName: string;
  /**
   * `config.managed_cache.capacity_config.tiered.tier`: one of the catalog schema's
   * `$defs.managedCache.tier` values (the one list of tiers; the loader has checked it).
   */
  readonly tier: string;
  /** DECK_* variable with the id of the Redis partial Konnect creates for the add-on. */
  readonly partialIdEnv: string;
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
