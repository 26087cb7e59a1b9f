/** Model of a self-hosted Kong data plane on ECS Fargate (`kong.dataPlane.kind: ecsFargate`). */

/** Subnet CIDRs of one tier, in the order of the VPC's AZ ids. */
export interface EcsFargateSubnetsModel {
  /** Internal ALB and NAT gateways. */
  readonly web: readonly string[];
  /** Kong's Fargate tasks and the API Gateway VPC link's ENIs. */
  readonly app: readonly string[];
  /** ElastiCache Redis. */
  readonly data: readonly string[];
}

export interface ApiGatewayEntryModel {
  readonly kind: 'apiGateway';
  /** Subnets of the VPC link's ENIs: always among `subnets.app`. */
  readonly vpcLinkSubnets: readonly string[];
  readonly throttlingRateLimit: number;
  readonly throttlingBurstLimit: number;
  readonly customDomain?: { readonly domainName: string; readonly certificateArn: string };
}

export interface CloudfrontEntryModel {
  readonly kind: 'cloudfront';
  /** Viewer hostname (CloudFront alias). */
  readonly domainName: string;
  /** us-east-1 ACM certificate for `domainName`. */
  readonly viewerCertificateArn: string;
  readonly wafRateLimitPer5Minutes: number;
}

export interface TransitGatewayHubModel {
  readonly transitGatewayId: string;
  /** Sorted. */
  readonly destinationCidrs: readonly string[];
}

export interface EcsFargateTasksModel {
  readonly cpu: number;
  readonly memory: number;
  readonly minCount: number;
  readonly maxCount: number;
  readonly targetCpuPercent: number;
  readonly targetRequestsPerTarget: number;
}

export interface RedisModel {
  readonly nodeType: string;
  readonly numCacheClusters: number;
  /** DECK_* variable with the primary endpoint. */
  readonly hostEnv: string;
  /** DECK_* variable with the AUTH token. */
  readonly passwordEnv: string;
  /** ElastiCache's TLS port. */
  readonly port: 6379;
}

export interface EcsFargateModel {
  /** Prefix of every AWS name: `<cluster>-kong`. */
  readonly name: string;
  readonly vpcCidr: string;
  readonly availabilityZoneIds: readonly string[];
  readonly subnets: EcsFargateSubnetsModel;
  readonly entry: ApiGatewayEntryModel | CloudfrontEntryModel;
  readonly transitGatewayHub?: TransitGatewayHubModel;
  readonly tasks: EcsFargateTasksModel;
  readonly redis: RedisModel;
  /** Kong's HTTP proxy listener in the task (`KONG_PROXY_LISTEN`). */
  readonly proxyPort: 8000;
  /** Kong's status listener (`KONG_STATUS_LISTEN`): `/status/ready` for health checks. */
  readonly statusPort: 8100;
  /**
   * Destroy keeps the Kong image repository and the CloudFront entry's access-log bucket (AWS
   * refuses to delete either while it holds images or logs, so destroy stops there); false: destroy
   * deletes both with their contents.
   * @default true
   */
  readonly deletionProtection: boolean;
}
