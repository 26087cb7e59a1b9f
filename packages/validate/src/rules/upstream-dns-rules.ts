import { arr, obj, str } from '../json.js';
import type { RawFinding, Rule } from '../rule.js';
import { deckWithTerraform } from '../tree-index.js';
import { resourcesOf } from './terraform-rules.js';

const ruleId = 'xlayer/kong-upstream-resolvable';

/**
 * Upstream targets that name the gateway by its certificate's name (the upstream's `host_header`):
 * the private-DNS setup. An NLB name from a DECK_* variable, or an environment's own stable name,
 * is resolved outside routeplane.
 */
function certificateNameTargets(deck: unknown): { upstream: string; host: string }[] {
  // `arr`/`str` read nothing from a non-object, so malformed entries need no filter here.
  return arr(deck, 'upstreams')
    .flatMap((u) =>
      arr(u, 'targets').map((t) => ({
        upstream: str(u, 'name') ?? '',
        host: (str(t, 'target') ?? '').replace(/:\d+$/, ''),
        certificate: str(u, 'host_header'),
      })),
    )
    .filter(({ host, certificate }) => host === certificate)
    .map(({ upstream, host }) => ({ upstream, host }));
}

/** Why Kong could not resolve `host` through this Terraform, or undefined when it can. */
function unresolvable(host: string, tf: unknown): string | undefined {
  const endpoint = resourcesOf(tf, 'konnect_cloud_gateway_transit_gateway').some(([, a]) =>
    arr(
      a,
      'aws_resource_endpoint_gateway',
      'transit_gateway_attachment_config',
      'resource_config',
    ).some((c) => str(c, 'domain_name') === host),
  );
  if (endpoint) return undefined;
  const zones = resourcesOf(tf, 'aws_route53_zone').filter(
    ([, z]) => arr(z, 'vpc').length > 0 && host.endsWith(`.${str(z, 'name') ?? ''}`),
  );
  const [zone] = zones;
  if (!zone) {
    return 'no Route 53 private hosted zone in the Terraform holds it and no private endpoint maps it, so Kong cannot resolve it';
  }
  const zoneRef = `aws_route53_zone.${zone[0]}.zone_id`;
  const recorded = resourcesOf(tf, 'aws_route53_record').some(
    ([, r]) => str(r, 'name') === host && (str(r, 'zone_id') ?? '').includes(zoneRef),
  );
  if (!recorded) return `the private hosted zone ${str(zone[1], 'name')} has no record for it`;
  const networks = resourcesOf(tf, 'konnect_cloud_gateway_network').map(([name]) => name);
  const attached = resourcesOf(tf, 'konnect_cloud_gateway_private_dns').map(([, a]) => ({
    network: str(a, 'network_id') ?? '',
    zone:
      str(
        obj(a, 'private_dns_attachment_config') ?? {},
        'aws_private_hosted_zone_attachment_config',
        'hosted_zone_id',
      ) ?? '',
  }));
  const missing = networks.filter(
    (n) =>
      !attached.some(
        (a) =>
          a.network.includes(`konnect_cloud_gateway_network.${n}.id`) && a.zone.includes(zoneRef),
      ),
  );
  if (missing.length > 0) {
    return `the private hosted zone ${str(zone[1], 'name')} is not attached (konnect_cloud_gateway_private_dns) to Kong's network(s) ${missing.join(', ')}, which then cannot resolve it`;
  }
  return undefined;
}

/**
 * A decK upstream target that is the gateway's certificate name needs the same environment's
 * Terraform to make that name resolvable for Kong: a private hosted zone on the VPC with its
 * record, attached to every Konnect network, or a private endpoint mapping it.
 */
export const upstreamDnsRules: readonly Rule[] = [
  {
    id: ruleId,
    description:
      'decK upstream targets named literally resolve for Kong: a private zone with the record attached to every Konnect network, or a private endpoint mapping',
    check: (tree) => {
      const out: RawFinding[] = [];
      for (const { file, tf } of deckWithTerraform(tree.files)) {
        for (const { upstream, host } of certificateNameTargets(file.documents[0])) {
          const reason = unresolvable(host, tf);
          if (reason === undefined) continue;
          out.push({
            rule: ruleId,
            file: file.path,
            object: `upstream ${upstream}`,
            message: `target host ${host}: ${reason}`,
          });
        }
      }
      return out;
    },
  },
];
