/** Kong's side of the private connection (kong/konnect 3.x `konnect_cloud_gateway_transit_gateway`). */
import type { TerraformMetaArguments } from 'cdktn';
import type { Construct } from 'constructs';
import { konnect } from './konnect-resources.js';
import { TypedResource } from './typed-resource.js';

export interface KonnectAwsTransitGateway {
  readonly name: string;
  /** CIDRs Kong routes into the Transit Gateway: the customer VPC. */
  readonly cidr_blocks: readonly string[];
  readonly transit_gateway_attachment_config: {
    readonly kind: 'aws-transit-gateway-attachment';
    readonly transit_gateway_id: string;
    readonly ram_share_arn: string;
  };
}

/** Kong's network requests a peering connection to the customer VPC, which the customer accepts. */
export interface KonnectAwsVpcPeeringGateway {
  readonly name: string;
  /** CIDRs Kong routes into the peering connection: the customer VPC. */
  readonly cidr_blocks: readonly string[];
  readonly transit_gateway_attachment_config: {
    readonly kind: 'aws-vpc-peering-attachment';
    readonly peer_account_id: string;
    readonly peer_vpc_id: string;
    readonly peer_vpc_region: string;
  };
}

/** Kong reaches VPC Lattice resource configurations shared with it through RAM. */
export interface KonnectAwsResourceEndpointGateway {
  readonly name: string;
  readonly transit_gateway_attachment_config: {
    readonly kind: 'aws-resource-endpoint-attachment';
    readonly ram_share_arn: string;
    /** Which domain Kong sends to which shared resource configuration. */
    readonly resource_config?: readonly {
      readonly domain_name: string;
      readonly resource_config_id: string;
    }[];
  };
}

/**
 * Exactly one attachment variant (docs/resources/cloud_gateway_transit_gateway.md at v3.19.0:
 * `aws_transit_gateway`, `aws_vpc_peering_gateway`, `aws_resource_endpoint_gateway`).
 */
export type KonnectCloudGatewayTransitGatewayArgs = { readonly network_id: string } & (
  | { readonly aws_transit_gateway: KonnectAwsTransitGateway }
  | { readonly aws_vpc_peering_gateway: KonnectAwsVpcPeeringGateway }
  | { readonly aws_resource_endpoint_gateway: KonnectAwsResourceEndpointGateway }
);

/** `resource "konnect_cloud_gateway_transit_gateway"`: Kong's side of the private connection. */
export class KonnectCloudGatewayTransitGateway extends TypedResource<KonnectCloudGatewayTransitGatewayArgs> {
  constructor(
    scope: Construct,
    id: string,
    args: KonnectCloudGatewayTransitGatewayArgs,
    meta?: TerraformMetaArguments,
  ) {
    super(scope, id, 'konnect_cloud_gateway_transit_gateway', konnect, args, meta);
  }

  /**
   * The peering connection Kong requested (read-only
   * `aws_vpc_peering_gateway_response.transit_gateway_attachment_config.peering_connection_id`).
   */
  get peeringConnectionId(): string {
    return this.getStringAttribute(
      'aws_vpc_peering_gateway_response.transit_gateway_attachment_config.peering_connection_id',
    );
  }
}
