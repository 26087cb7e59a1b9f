import { arr, isObject, type JsonObject, obj, str } from '../json.js';
import { fileRule, type Reporter, type Rule } from '../rule.js';

/** The front-end group of the gateway's internal NLB (infra parts/gateway-ingress.ts). */
const gatewayGroupRef = 'aws_security_group.gateway_nlb_security_group.id';

function isTerraformJson(path: string): boolean {
  return path.startsWith('generated/terraform/') && path.endsWith('.tf.json');
}

function resourcesOf(tf: unknown, type: string): [string, JsonObject][] {
  return Object.entries(obj(tf, 'resource', type) ?? {}).filter((e): e is [string, JsonObject] =>
    isObject(e[1]),
  );
}

/**
 * Every Konnect network of a Dedicated Cloud Gateway must be used by a data-plane group (Kong
 * provisions a network only then, so its attachment would wait forever), admitted by the gateway
 * NLB's security group (else Kong's connections time out) and routed from the VPC (else replies
 * never return).
 */
function checkNetworks(path: string, tf: unknown, r: Reporter): void {
  const networks = resourcesOf(tf, 'konnect_cloud_gateway_network');
  if (networks.length === 0) return;
  const groups = resourcesOf(tf, 'konnect_cloud_gateway_configuration').flatMap(([, config]) =>
    arr(config, 'dataplane_groups').filter(isObject),
  );
  const admitted = resourcesOf(tf, 'aws_vpc_security_group_ingress_rule')
    .map(([, rule]) => rule)
    .filter((rule) => (str(rule, 'security_group_id') ?? '').includes(gatewayGroupRef))
    .map((rule) => str(rule, 'cidr_ipv4'));
  const routed = resourcesOf(tf, 'aws_route').map(([, route]) =>
    str(route, 'destination_cidr_block'),
  );
  for (const [name, network] of networks) {
    const cidr = str(network, 'cidr_block') ?? '';
    const object = `konnect_cloud_gateway_network.${name}`;
    const id = `konnect_cloud_gateway_network.${name}.id`;
    if (!groups.some((g) => (str(g, 'cloud_gateway_network_id') ?? '').includes(id))) {
      r.at(
        path,
        object,
        `no data-plane group of konnect_cloud_gateway_configuration uses this network, so Konnect never provisions it and its attachment never becomes ready`,
      );
    }
    if (!admitted.includes(cidr)) {
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
}

/** Rendered Dedicated Cloud Gateway Terraform whose data planes could not reach the cluster. */
export const dedicatedGatewayRules: readonly Rule[] = [
  fileRule(
    'xlayer/kong-networks-connected',
    "Every Konnect network is used by a data-plane group, admitted by the gateway NLB's security group and routed from the VPC",
    (file, r) => {
      if (isTerraformJson(file.path)) checkNetworks(file.path, file.documents[0], r);
    },
  ),
];
