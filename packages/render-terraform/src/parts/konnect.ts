import { DataAwsEc2ManagedPrefixList } from '@cdktn/provider-aws/lib/data-aws-ec2-managed-prefix-list/index.js';
import { TerraformLocal } from 'cdktn';
import {
  DataKonnectCloudGatewayProviderAccountList,
  KonnectCloudGatewayConfiguration,
  KonnectCloudGatewayCustomDomain,
  KonnectCloudGatewayNetwork,
  KonnectGatewayControlPlane,
} from '../bindings/konnect-resources.js';
import { albSubnetCidrs } from './alb-edge.js';
import { dedicatedEdge, dedicatedGroups, type StackContext } from './context.js';
import { addCustomDomainDns } from './dedicated/custom-domain-dns.js';
import { addCustomPlugins } from './dedicated/custom-plugins.js';
import { autoscaleOf } from './dedicated/data-plane-groups.js';
import { addManagedCache } from './dedicated/managed-cache.js';
import { addRegionNetworks, type RegionNetwork } from './dedicated/region-networks.js';

export interface KongAccount {
  /** Kong's AWS account number: the RAM principal. */
  readonly awsAccountId: string;
  /** Konnect's id of that provider account: the network's `cloud_gateway_provider_account_id`. */
  readonly providerAccountId: string;
}

/** Kong's AWS account, read from Konnect so nobody pastes an account number. */
export function addKongAccount(ctx: StackContext): KongAccount {
  const list = new DataKonnectCloudGatewayProviderAccountList(ctx.stack, 'kong_provider_accounts', {
    provider: ctx.konnect,
  });
  const aws = `[for account in data.${list.terraformResourceType}.${list.friendlyUniqueId}.data : account if account.provider == "aws"][0]`;
  const awsAccountId = new TerraformLocal(
    ctx.stack,
    'kong_aws_account_id',
    `\${${aws}.provider_account_id}`,
  );
  const providerAccountId = new TerraformLocal(
    ctx.stack,
    'kong_provider_account_id',
    `\${${aws}.id}`,
  );
  return { awsAccountId: awsAccountId.asString, providerAccountId: providerAccountId.asString };
}

/**
 * Sources whose X-Forwarded-For Kong trusts: the catalog's `kong.trustedIps`, or by default
 * CloudFront's origin-facing ranges read from the AWS managed prefix list at plan time (they
 * change, so they are never pasted into the catalog).
 */
function trustedProxySources(ctx: StackContext): string | undefined {
  const { stack, env } = ctx;
  if (env.kong.trustedIps.length > 0) return env.kong.trustedIps.join(',');
  // aws.edge.kind none: clients connect to Kong directly, so no X-Forwarded-For is trusted.
  if (dedicatedEdge(env).kind === 'none') return undefined;
  // aws.edge.kind alb: the ALB's nodes in the public subnets append the client to the header.
  if (dedicatedEdge(env).kind === 'alb') return albSubnetCidrs(env).join(',');
  const cloudfront = new DataAwsEc2ManagedPrefixList(stack, 'cloudfront_origin_facing', {
    name: 'com.amazonaws.global.cloudfront.origin-facing',
  });
  return `\${join(",", [for entry in ${cloudfront.fqn}.entries : entry.cidr])}`;
}

/**
 * Control plane, networks and data plane configuration. References order them; the private
 * connection to the cluster is the connectivity type's (dedicated/connectivity.ts).
 */
export interface Konnect {
  /** The home region's network. */
  readonly network: KonnectCloudGatewayNetwork;
  readonly configuration: KonnectCloudGatewayConfiguration;
  /** Networks of the data-plane regions besides the home region. */
  readonly regionNetworks: readonly RegionNetwork[];
}

export function addKonnect(ctx: StackContext, account: KongAccount): Konnect {
  const { stack, env, konnect: provider } = ctx;
  const controlPlane = new KonnectGatewayControlPlane(
    stack,
    'control_plane',
    {
      name: env.kong.controlPlaneName,
      description: `routeplane ${env.name}: Dedicated Cloud Gateway in front of ${env.aws.cluster.name}`,
      cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE',
      cloud_gateway: true,
      labels: { 'routeplane-environment': env.name },
    },
    { provider },
  );
  const network = new KonnectCloudGatewayNetwork(
    stack,
    'cloud_gateway_network',
    {
      name: `${env.kong.controlPlaneName}-${env.aws.region}`,
      cloud_gateway_provider_account_id: account.providerAccountId,
      region: env.aws.region,
      availability_zones: [...env.aws.availabilityZoneIds],
      cidr_block: env.kong.networkCidr,
    },
    // No reference says so, but the network serves this control plane's data planes: destroy
    // removes attachment -> configuration -> network -> control plane, never the plane first.
    { provider, dependsOn: [controlPlane] },
  );
  const regionNetworks = addRegionNetworks(ctx, account, controlPlane);
  addCustomPlugins(ctx, controlPlane);
  const trusted = trustedProxySources(ctx);
  const configuration = new KonnectCloudGatewayConfiguration(
    stack,
    'cloud_gateway_configuration',
    {
      control_plane_id: controlPlane.id,
      control_plane_geo: env.kong.konnectRegion,
      kind: 'dedicated.v0',
      version: env.kong.dataPlane.version,
      // CloudFront (or, with aws.edge.kind none, the client) reaches the data planes on their
      // public endpoint; Kong reaches the cluster
      // privately through the environment's connectivity type (egress, unaffected by this setting).
      // aws.edge.kind alb: the ALB reaches the data planes' private IPs over that same connection,
      // and nothing else may reach them, so the ALB's WAF cannot be bypassed (private mode: "no
      // public listener", the edge forwards "using its private IP address",
      // developer.konghq.com/dedicated-cloud-gateways/private-network/).
      api_access: dedicatedEdge(env).kind === 'alb' ? 'private' : 'public',
      // The home region first (aws.region, kong.networkCidr), then dataPlaneRegions.
      dataplane_groups: [
        { region: env.aws.region, networkId: network.id },
        ...regionNetworks.map((r) => ({ region: r.region.region, networkId: r.network.id })),
      ].map(({ region, networkId }) => ({
        provider: 'aws' as const,
        region,
        cloud_gateway_network_id: networkId,
        autoscale: autoscaleOf(dedicatedGroups(env).sizing),
        // Client addresses come from CloudFront's X-Forwarded-For, trusted from these sources only
        // (none trusted without an edge: omitted, not empty, so Konnect's null reads back equal).
        ...(trusted === undefined
          ? {}
          : {
              environment: [
                { name: 'KONG_REAL_IP_HEADER', value: 'X-Forwarded-For' },
                { name: 'KONG_REAL_IP_RECURSIVE', value: 'on' },
                { name: 'KONG_TRUSTED_IPS', value: trusted },
              ],
            }),
      })),
    },
    { provider },
  );
  addManagedCache(ctx, controlPlane, configuration);
  // CloudFront's origin is this hostname: the data planes must present a certificate for it.
  // Konnect issues it once the domain's DNS points at the data planes: routeplane's records with
  // aws.edge.kongDomainDns (dedicated/custom-domain-dns.ts), else records outside routeplane.
  // aws.edge.kind alb: clients call the ALB's domain; the private data planes need no public name.
  const edge = dedicatedEdge(env);
  if (edge.kind === 'alb') return { network, configuration, regionNetworks };
  const domainRecords = addCustomDomainDns(ctx, edge);
  new KonnectCloudGatewayCustomDomain(
    stack,
    'proxy_custom_domain',
    {
      control_plane_geo: env.kong.konnectRegion,
      control_plane_id: controlPlane.id,
      domain: edge.kongProxyDomain,
    },
    { provider, dependsOn: [configuration, ...domainRecords] },
  );
  return { network, configuration, regionNetworks };
}
