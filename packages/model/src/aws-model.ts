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

/** `aws.cluster.apiAccess` with every list present and sorted. */
export interface ApiAccessModel {
  /** Empty: public endpoint disabled. */
  readonly publicCidrs: readonly string[];
  /** Sources admitted on 443 by the cluster security group. */
  readonly privateCidrs: readonly string[];
  readonly privatePrefixListIds: readonly string[];
}

/** What clients reach in front of a Dedicated Cloud Gateway (schema `aws.edge.kind`). */
export type EdgeKind = 'cloudfront' | 'none' | 'alb';
