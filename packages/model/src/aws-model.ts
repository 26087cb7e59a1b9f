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
  readonly edge?: EdgeModel;
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

/**
 * What clients reach in front of a Dedicated Cloud Gateway (schema `aws.edge`), one shape per
 * `kind` with exactly the keys that kind renders: the loader's `edge-keys` rule checks that each is
 * present after the environment's overrides.
 */
export type EdgeModel = CloudfrontEdgeModel | AlbEdgeModel | NoEdgeModel;

/** What clients reach in front of a Dedicated Cloud Gateway (schema `aws.edge.kind`). */
export type EdgeKind = EdgeModel['kind'];

/** CloudFront + WAF in front of Kong's custom domain. */
export interface CloudfrontEdgeModel {
  readonly kind: 'cloudfront';
  /** CloudFront's alias, the name clients call. */
  readonly domainName: string;
  /** us-east-1 ACM certificate CloudFront shows clients for `domainName`. */
  readonly viewerCertificateArn: string;
  /** us-east-1 ACM certificate CloudFront presents to Kong (origin mTLS). */
  readonly originClientCertificateArn: string;
  /** The Konnect custom domain, CloudFront's origin. */
  readonly kongProxyDomain: string;
  readonly wafRateLimitPer5Minutes: number;
  readonly kongDomainDns?: KongDomainDnsModel;
  /**
   * Destroy keeps the access-log bucket CloudFront writes from the first request (S3 refuses to
   * delete it while it holds logs, so destroy stops there); false: destroy deletes it with the logs.
   * @default true
   */
  readonly deletionProtection: boolean;
}

/** A regional internet-facing ALB + WAF forwarding to the data planes' private IPs. */
export interface AlbEdgeModel {
  readonly kind: 'alb';
  /** The name clients call: the ALB's ACM certificate and alias. */
  readonly domainName: string;
  readonly wafRateLimitPer5Minutes: number;
  /** Route 53 public zone for the ACM validation record and domainName's alias; absent: yours. */
  readonly publicZone?: string;
  /**
   * AWS refuses to delete the ALB, and destroy keeps its log bucket; false: destroy removes both.
   * @default true
   */
  readonly deletionProtection: boolean;
}

/** No edge: clients call Kong's own public endpoint by its custom domain. */
export interface NoEdgeModel {
  readonly kind: 'none';
  /** The Konnect custom domain clients call. */
  readonly kongProxyDomain: string;
  readonly kongDomainDns?: KongDomainDnsModel;
}

/** Public zone and the CNAME targets Konnect shows for kongProxyDomain; absent: DNS is yours. */
export interface KongDomainDnsModel {
  readonly publicZone: string;
  readonly edgeTarget: string;
  readonly acmeChallengeTarget: string;
}
