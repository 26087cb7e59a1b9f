import { arr, isObject, str } from '../json.js';
import { fileRule, type Reporter, type Rule } from '../rule.js';
import { isTerraformJson, resourcesOf } from './terraform-rules.js';

/** Kept for the ALB rules that import them from here. */
export { isTerraformJson, resourcesOf };

/** The front-end group of the gateway's internal NLB (infra parts/gateway-ingress.ts). */
const gatewayGroupRef = 'aws_security_group.gateway_nlb_security_group.id';

/** What a rule of the gateway NLB's group admits: a CIDR or another security group. */
interface NlbSource {
  readonly name: string;
  readonly cidr?: string;
  readonly group?: string;
}

function nlbSources(tf: unknown): NlbSource[] {
  return resourcesOf(tf, 'aws_vpc_security_group_ingress_rule')
    .filter(([, rule]) => (str(rule, 'security_group_id') ?? '').includes(gatewayGroupRef))
    .map(([name, rule]) => {
      const cidr = str(rule, 'cidr_ipv4') ?? str(rule, 'cidr_ipv6');
      const group = str(rule, 'referenced_security_group_id');
      return {
        name,
        ...(cidr === undefined ? {} : { cidr }),
        ...(group === undefined ? {} : { group }),
      };
    });
}

/** Security groups of the VPC Lattice resource gateways (a private endpoint's only source). */
function resourceGatewayGroups(tf: unknown): string[] {
  return resourcesOf(tf, 'aws_vpclattice_resource_gateway').flatMap(([, gw]) =>
    // Stryker disable next-line MethodExpression: a non-string id equals no string source group
    arr(gw, 'security_group_ids').filter((g): g is string => typeof g === 'string'),
  );
}

/**
 * Every Konnect network of a Dedicated Cloud Gateway must be used by a data-plane group (Kong
 * provisions a network only then, so its attachment would wait forever). The gateway NLB's group
 * must admit exactly the chosen path's sources: through a Transit Gateway or VPC peering, each
 * network's CIDR, routed from the VPC (else replies never return); through a private endpoint
 * (`aws_resource_endpoint_gateway`), the VPC Lattice resource gateway's group and no Kong CIDR.
 */
function checkNetworks(path: string, tf: unknown, r: Reporter): void {
  const networks = resourcesOf(tf, 'konnect_cloud_gateway_network');
  if (networks.length === 0) return;
  const groups = resourcesOf(tf, 'konnect_cloud_gateway_configuration').flatMap(([, config]) =>
    // Stryker disable next-line MethodExpression: str reads no network id from a non-object group
    arr(config, 'dataplane_groups').filter(isObject),
  );
  const endpoint = resourcesOf(tf, 'konnect_cloud_gateway_transit_gateway').some(([, a]) =>
    isObject(a.aws_resource_endpoint_gateway),
  );
  const sources = nlbSources(tf);
  const routed = resourcesOf(tf, 'aws_route').map(([, route]) =>
    str(route, 'destination_cidr_block'),
  );
  const kongCidrs = networks.map(([, network]) => str(network, 'cidr_block') ?? '');
  for (const [name, network] of networks) {
    const cidr = str(network, 'cidr_block') ?? '';
    const object = `konnect_cloud_gateway_network.${name}`;
    const id = `konnect_cloud_gateway_network.${name}.id`;
    if (!groups.some((g) => (str(g, 'cloud_gateway_network_id') ?? '').includes(id))) {
      r.at(
        path,
        object,
        'no data-plane group of konnect_cloud_gateway_configuration uses this network, so Konnect never provisions it and its attachment never becomes ready',
      );
    }
    if (endpoint) continue;
    if (!sources.some((s) => s.cidr === cidr)) {
      r.at(
        path,
        object,
        `the gateway NLB's security group (${gatewayGroupRef}) admits no ingress from this network's ${cidr}: Kong's data planes there cannot reach the gateway`,
      );
    }
    if (!routed.includes(cidr)) {
      r.at(
        path,
        object,
        `no VPC route (aws_route) leads to this network's ${cidr}: the gateway's replies to Kong's data planes there are not routed`,
      );
    }
  }
  const lattice = resourceGatewayGroups(tf);
  for (const source of sources) {
    const object = `aws_vpc_security_group_ingress_rule.${source.name}`;
    const allowed = endpoint
      ? source.group !== undefined && lattice.includes(source.group)
      : source.cidr !== undefined && kongCidrs.includes(source.cidr);
    if (!allowed) {
      r.at(
        path,
        object,
        `the gateway NLB admits ${source.cidr ?? source.group ?? 'an unnamed source'}, which is not a source of the chosen path (${endpoint ? "the private endpoint's VPC Lattice resource gateway group only" : `Kong's networks ${kongCidrs.join(', ')} only`})`,
      );
    }
  }
}

/**
 * CloudFront's origin must be a Konnect custom domain (the data planes present a certificate only
 * for those), and routeplane's `_acme-challenge` record must sit beside the domain's own record.
 */
function checkCustomDomain(path: string, tf: unknown, r: Reporter): void {
  const domains = resourcesOf(tf, 'konnect_cloud_gateway_custom_domain').map(([, d]) =>
    str(d, 'domain'),
  );
  if (domains.length === 0) return;
  for (const [name, distribution] of resourcesOf(tf, 'aws_cloudfront_distribution')) {
    // Stryker disable next-line MethodExpression: non-object origins are blocks lacking domain_name
    for (const origin of arr(distribution, 'origin').filter(isObject)) {
      const host = str(origin, 'domain_name') ?? '';
      if (domains.includes(host)) continue;
      r.at(
        path,
        `aws_cloudfront_distribution.${name}`,
        `origin ${host} is not a Konnect custom domain (${domains.join(', ')}): the data planes present no certificate for it, so origin TLS fails`,
      );
    }
  }
  const records = resourcesOf(tf, 'aws_route53_record').map(([, rec]) => str(rec, 'name') ?? '');
  for (const record of records.filter((n) => n.startsWith('_acme-challenge.'))) {
    const domain = record.slice('_acme-challenge.'.length);
    if (domains.includes(domain) && records.includes(domain)) continue;
    r.at(
      path,
      `aws_route53_record ${record}`,
      `validates ${domain}, which ${domains.includes(domain) ? 'has no record of its own pointing at Konnect' : 'is no Konnect custom domain'}`,
    );
  }
}

/** Rendered Dedicated Cloud Gateway Terraform whose data planes could not reach the cluster. */
export const dedicatedGatewayRules: readonly Rule[] = [
  fileRule(
    'xlayer/kong-networks-connected',
    "Every Konnect network is used by a data-plane group, and the gateway NLB's security group admits exactly the connectivity path's sources (routed from the VPC when they are CIDRs)",
    (file, r) => {
      if (isTerraformJson(file.path)) checkNetworks(file.path, file.documents[0], r);
    },
  ),
  fileRule(
    'xlayer/kong-custom-domain',
    "CloudFront's origin is a Konnect custom domain, and an _acme-challenge record sits beside its domain's record",
    (file, r) => {
      if (isTerraformJson(file.path)) checkCustomDomain(file.path, file.documents[0], r);
    },
  ),
];
