import { DataAwsRoute53Zone } from '@cdktn/provider-aws/lib/data-aws-route53-zone/index.js';
import { Route53Record } from '@cdktn/provider-aws/lib/route53-record/index.js';
import type { CloudfrontEdgeModel, NoEdgeModel } from '@routeplane/model';
import type { StackContext } from '../context.js';

/**
 * `aws.edge.kongDomainDns`: the Konnect custom domain's two records in the catalog's public
 * Route 53 zone: the domain as a CNAME to Konnect's edge (what CloudFront's origin resolves to)
 * and `_acme-challenge.<domain>` as a CNAME to Konnect's validation name, so Konnect can issue the
 * data planes' certificate for it. The provider exposes neither target
 * (docs/resources/cloud_gateway_custom_domain.md at v3.19.0), so the catalog carries them.
 * Returns the records (none without kongDomainDns) for the custom domain to wait on.
 */
export function addCustomDomainDns(
  ctx: StackContext,
  edge: CloudfrontEdgeModel | NoEdgeModel,
): Route53Record[] {
  const { stack } = ctx;
  const domain = edge.kongProxyDomain;
  const dns = edge.kongDomainDns;
  if (dns === undefined) return [];
  const zone = new DataAwsRoute53Zone(stack, 'kong_domain_public_zone', {
    name: dns.publicZone,
    privateZone: false,
  });
  const record = (id: string, name: string, target: string) =>
    new Route53Record(stack, id, {
      zoneId: zone.zoneId,
      name,
      type: 'CNAME',
      ttl: 300,
      records: [target],
    });
  return [
    record('kong_domain_edge_record', domain, dns.edgeTarget),
    record(
      'kong_domain_acme_challenge_record',
      `_acme-challenge.${domain}`,
      dns.acmeChallengeTarget,
    ),
  ];
}
