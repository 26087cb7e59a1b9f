import { Route53Record } from '@cdktn/provider-aws/lib/route53-record/index.js';
import { Route53VpcAssociationAuthorization } from '@cdktn/provider-aws/lib/route53-vpc-association-authorization/index.js';
import { Route53Zone } from '@cdktn/provider-aws/lib/route53-zone/index.js';
import { KonnectCloudGatewayPrivateDns } from '../../bindings/konnect-resources.js';
import { dedicatedGroups, type StackContext } from '../context.js';
import type { Konnect } from '../konnect.js';
import type { Network } from '../network.js';
import { kongNetworks } from './connectivity.js';
import { nlbDnsName } from './nlb-dns-name.js';

/**
 * `kong.upstream.privateDnsZone`: a Route 53 private hosted zone on the cluster VPC where
 * `gateway.hostname` (the name on the gateway's certificate) is a CNAME to the internal NLB, so
 * Kong connects, verifies and routes by that one name. Each Konnect network is authorized to
 * associate with the zone and attached to it (`aws-private-hosted-zone-attachment`), except through
 * a private endpoint, where Kong maps the name to the shared resource configuration instead. What
 * needs the NLB's name, or Kong's VPC id (read back once Konnect provisioned the network), waits
 * for the second apply (nlb-dns-name.ts).
 */
export function addPrivateDns(ctx: StackContext, network: Network, konnect: Konnect): void {
  const { stack, env, konnect: provider } = ctx;
  const zoneName = env.kong.upstream.privateDnsZone;
  if (zoneName === undefined) return;
  const nlb = nlbDnsName(ctx);
  const zone = new Route53Zone(stack, 'gateway_private_zone', {
    name: zoneName,
    comment: `routeplane ${env.name}: ${env.gateway.hostname} for Kong's data planes`,
    vpc: [{ vpcId: network.vpc.id }],
  });
  new Route53Record(stack, 'gateway_private_record', {
    count: nlb.once,
    zoneId: zone.zoneId,
    name: env.gateway.hostname,
    type: 'CNAME',
    ttl: 60,
    records: [nlb.value],
  });
  if (dedicatedGroups(env).connectivity === 'privateEndpoint') return;
  for (const net of kongNetworks(ctx, konnect)) {
    const authorization = new Route53VpcAssociationAuthorization(
      stack,
      `kong_private_zone_authorization${net.suffix}`,
      {
        count: nlb.once,
        zoneId: zone.zoneId,
        vpcId: net.network.vpcId,
        vpcRegion: net.region,
      },
    );
    new KonnectCloudGatewayPrivateDns(
      stack,
      `cloud_gateway_private_dns${net.suffix}`,
      {
        name: `${zoneName} (${net.region})`,
        network_id: net.network.id,
        private_dns_attachment_config: {
          aws_private_hosted_zone_attachment_config: {
            kind: 'aws-private-hosted-zone-attachment',
            hosted_zone_id: zone.zoneId,
          },
        },
      },
      {
        provider,
        count: nlb.once,
        // Kong associates its VPC with the zone, which this authorization allows.
        dependsOn: [authorization],
      },
    );
  }
}
