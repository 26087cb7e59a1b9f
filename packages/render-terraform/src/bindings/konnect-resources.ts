/**
 * The Konnect resources and the one data source routeplane uses (kong/konnect 3.x), with the
 * attribute names of the provider's documentation.
 */

import { TerraformDataSource, type TerraformMetaArguments } from 'cdktn';
import type { Construct } from 'constructs';
import { konnectProvider } from './provider-versions.js';
import { type BoundProvider, bindingConfig, TypedResource } from './typed-resource.js';

export const konnect: BoundProvider = { name: 'konnect', version: konnectProvider.version };

export interface KonnectGatewayControlPlaneArgs {
  readonly name: string;
  readonly description?: string;
  readonly cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE';
  /** Dedicated Cloud Gateways need a control plane created with this on (forces replacement). */
  readonly cloud_gateway: boolean;
  /** `pinned_client_certs`: data planes present a certificate registered with the plane. */
  readonly auth_type?: 'pinned_client_certs' | 'pki_client_certs';
  readonly labels?: Readonly<Record<string, string>>;
}

/** `resource "konnect_gateway_control_plane"`. */
export class KonnectGatewayControlPlane extends TypedResource<KonnectGatewayControlPlaneArgs> {
  constructor(
    scope: Construct,
    id: string,
    args: KonnectGatewayControlPlaneArgs,
    meta?: TerraformMetaArguments,
  ) {
    super(scope, id, 'konnect_gateway_control_plane', konnect, args, meta);
  }
}

export interface KonnectCloudGatewayNetworkArgs {
  readonly name: string;
  /** `id` of Kong's provider account (not the AWS account number). */
  readonly cloud_gateway_provider_account_id: string;
  readonly region: string;
  /** AZ ids (e.g. `use1-az1`), not names: names differ between AWS accounts. */
  readonly availability_zones: readonly string[];
  readonly cidr_block: string;
}

/** `resource "konnect_cloud_gateway_network"`. */
export class KonnectCloudGatewayNetwork extends TypedResource<KonnectCloudGatewayNetworkArgs> {
  constructor(
    scope: Construct,
    id: string,
    args: KonnectCloudGatewayNetworkArgs,
    meta?: TerraformMetaArguments,
  ) {
    super(scope, id, 'konnect_cloud_gateway_network', konnect, args, meta);
  }

  /** Kong's VPC for this network (read-only `provider_metadata.vpc_id`). */
  get vpcId(): string {
    return this.getStringAttribute('provider_metadata.vpc_id');
  }
}

export interface KonnectAutopilot {
  readonly kind: 'autopilot';
  readonly base_rps: number;
}

/** Custom mode: fixed size and count (deprecated upstream in favour of autopilot). */
export interface KonnectStaticAutoscale {
  readonly kind: 'static';
  readonly instance_type: 'small' | 'medium' | 'large';
  readonly requested_instances: number;
}

/**
 * Exactly one strategy (docs/resources/cloud_gateway_configuration.md at v3.19.0, nested schema
 * `dataplane_groups.autoscale`).
 */
export type KonnectAutoscale =
  | { readonly configuration_data_plane_group_autoscale_autopilot: KonnectAutopilot }
  | { readonly configuration_data_plane_group_autoscale_static: KonnectStaticAutoscale };

export interface KonnectDataplaneGroup {
  readonly provider: 'aws';
  readonly region: string;
  readonly cloud_gateway_network_id: string;
  readonly autoscale: KonnectAutoscale;
  /** Only `KONG_`/`OTEL_` variables are accepted by Dedicated Cloud Gateways. */
  readonly environment?: readonly { readonly name: string; readonly value: string }[];
}

export interface KonnectCloudGatewayConfigurationArgs {
  readonly control_plane_id: string;
  readonly control_plane_geo: string;
  readonly kind: 'dedicated.v0';
  readonly version: string;
  readonly api_access: 'public' | 'private' | 'private+public';
  readonly dataplane_groups: readonly KonnectDataplaneGroup[];
}

/** `resource "konnect_cloud_gateway_configuration"` (replaces the whole data plane config). */
export class KonnectCloudGatewayConfiguration extends TypedResource<KonnectCloudGatewayConfigurationArgs> {
  constructor(
    scope: Construct,
    id: string,
    args: KonnectCloudGatewayConfigurationArgs,
    meta?: TerraformMetaArguments,
  ) {
    super(scope, id, 'konnect_cloud_gateway_configuration', konnect, args, meta);
  }
}

export interface KonnectCloudGatewayCustomDomainArgs {
  readonly control_plane_geo: string;
  readonly control_plane_id: string;
  /** Hostname the data planes answer TLS for (Konnect issues the certificate once DNS points at it). */
  readonly domain: string;
}

/** `resource "konnect_cloud_gateway_custom_domain"`: the proxy hostname CloudFront connects to. */
export class KonnectCloudGatewayCustomDomain extends TypedResource<KonnectCloudGatewayCustomDomainArgs> {
  constructor(
    scope: Construct,
    id: string,
    args: KonnectCloudGatewayCustomDomainArgs,
    meta?: TerraformMetaArguments,
  ) {
    super(scope, id, 'konnect_cloud_gateway_custom_domain', konnect, args, meta);
  }
}

export interface KonnectGatewayDataPlaneClientCertificateArgs {
  /** PEM of the data plane's certificate (public). Requires replacement if changed. */
  readonly cert: string;
  readonly control_plane_id: string;
  readonly title?: string;
}

/**
 * `resource "konnect_gateway_data_plane_client_certificate"` (docs/resources/
 * gateway_data_plane_client_certificate.md at v3.19.0: `cert`, `control_plane_id` required,
 * `title` optional): pins a self-hosted data plane's certificate to its control plane.
 */
export class KonnectGatewayDataPlaneClientCertificate extends TypedResource<KonnectGatewayDataPlaneClientCertificateArgs> {
  constructor(
    scope: Construct,
    id: string,
    args: KonnectGatewayDataPlaneClientCertificateArgs,
    meta?: TerraformMetaArguments,
  ) {
    super(scope, id, 'konnect_gateway_data_plane_client_certificate', konnect, args, meta);
  }
}

export interface KonnectCloudGatewayPrivateDnsArgs {
  readonly name: string;
  readonly network_id: string;
  /** docs/resources/cloud_gateway_private_dns.md at v3.19.0: the AWS private hosted zone variant. */
  readonly private_dns_attachment_config: {
    readonly aws_private_hosted_zone_attachment_config: {
      readonly kind: 'aws-private-hosted-zone-attachment';
      readonly hosted_zone_id: string;
    };
  };
}

/** `resource "konnect_cloud_gateway_private_dns"`: a Route 53 private zone Kong's network resolves in. */
export class KonnectCloudGatewayPrivateDns extends TypedResource<KonnectCloudGatewayPrivateDnsArgs> {
  constructor(
    scope: Construct,
    id: string,
    args: KonnectCloudGatewayPrivateDnsArgs,
    meta?: TerraformMetaArguments,
  ) {
    super(scope, id, 'konnect_cloud_gateway_private_dns', konnect, args, meta);
  }
}

export interface KonnectGatewayCustomPluginStreamingArgs {
  /** Requires replacement if changed. */
  readonly control_plane_id: string;
  /** Source of the plugin's handler.lua. */
  readonly handler: string;
  readonly name: string;
  /** Source of the plugin's schema.lua. */
  readonly schema: string;
  readonly tags?: readonly string[];
}

/**
 * `resource "konnect_gateway_custom_plugin_streaming"` (docs/resources/
 * gateway_custom_plugin_streaming.md at v3.19.0: `control_plane_id`, `handler`, `name`, `schema`
 * required, `tags` optional): the control plane streams the plugin's Lua to its data planes.
 */
export class KonnectGatewayCustomPluginStreaming extends TypedResource<KonnectGatewayCustomPluginStreamingArgs> {
  constructor(
    scope: Construct,
    id: string,
    args: KonnectGatewayCustomPluginStreamingArgs,
    meta?: TerraformMetaArguments,
  ) {
    super(scope, id, 'konnect_gateway_custom_plugin_streaming', konnect, args, meta);
  }
}

/** `data "konnect_cloud_gateway_provider_account_list"`: Kong's cloud accounts (no arguments). */
export class DataKonnectCloudGatewayProviderAccountList extends TerraformDataSource {
  constructor(scope: Construct, id: string, meta: TerraformMetaArguments = {}) {
    super(scope, id, bindingConfig('konnect_cloud_gateway_provider_account_list', konnect, meta));
  }
}
