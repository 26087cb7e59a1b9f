import { arr, type JsonObject, obj, str } from '../json.js';
import { fileRule, type Reporter, type Rule } from '../rule.js';
import { accessLogProblems } from './alb-access-logs.js';
import { isTerraformJson, resourcesOf } from './dedicated-gateway-rules.js';

const ruleId = 'xlayer/kong-alb-edge';

/** A string attribute, '' when unset: an unset reference names no resource. */
// Stryker disable next-line StringLiteral: unset matches no ref or CIDR (cidr_block is required)
const attr = (value: unknown, key: string): string => str(value, key) ?? '';

/**
 * Whether an expression is (an element of) the data planes' private IPs: it names
 * `private_ip_addresses` of konnect_cloud_gateway_configuration, directly or through a local.
 */
function isKongPrivateIp(tf: unknown, expression: string): boolean {
  const direct = (text: string) =>
    text.includes('konnect_cloud_gateway_configuration.') && text.includes('private_ip_addresses');
  if (direct(expression)) return true;
  const locals = obj(tf, 'locals') ?? {};
  return Object.entries(locals).some(
    ([name, value]) =>
      typeof value === 'string' && direct(value) && expression.includes(`local.${name}`),
  );
}

/** A nested block's bodies: Terraform JSON writes a block as one object or a list of them. */
function bodies(value: unknown, key: string): unknown[] {
  const one = obj(value, key);
  return one === undefined ? [...arr(value, key)] : [one];
}

/** The target groups a forward action sends to: its target_group_arn, or its forward block's. */
function forwardTargets(action: unknown): string[] {
  const single = str(action, 'target_group_arn');
  if (single !== undefined) return [single];
  return bodies(action, 'forward')
    .flatMap((f) => bodies(f, 'target_group'))
    .map((g) => attr(g, 'arn'));
}

/** Problems of the target groups one ALB forwards to (must be ip targets on Kong's private IPs). */
function targetProblems(tf: unknown, albRef: string): string[] {
  const problems: string[] = [];
  const listeners = resourcesOf(tf, 'aws_lb_listener').filter(([, l]) =>
    attr(l, 'load_balancer_arn').includes(albRef),
  );
  const forwarded = listeners.flatMap(([, l]) =>
    arr(l, 'default_action')
      .filter((a) => str(a, 'type') === 'forward')
      .flatMap(forwardTargets),
  );
  if (forwarded.length === 0) problems.push('no listener forwards anywhere');
  for (const [name, group] of resourcesOf(tf, 'aws_lb_target_group')) {
    const groupRef = `aws_lb_target_group.${name}.arn`;
    if (!forwarded.some((f) => f.includes(groupRef))) continue;
    if (str(group, 'target_type') !== 'ip')
      problems.push(
        `target group ${name} has target_type ${str(group, 'target_type') ?? 'instance'}, not ip`,
      );
    const attachments = resourcesOf(tf, 'aws_lb_target_group_attachment').filter(([, a]) =>
      attr(a, 'target_group_arn').includes(groupRef),
    );
    if (attachments.length === 0) problems.push(`target group ${name} has no targets`);
    for (const [id, a] of attachments) {
      if (!isKongPrivateIp(tf, attr(a, 'target_id')))
        problems.push(`target ${id} is not a private IP of Kong's data planes`);
      // An IP outside the VPC (Kong's network) is registered only with availability_zone "all".
      else if (str(a, 'availability_zone') !== 'all')
        problems.push(`target ${id} is outside the VPC but its availability_zone is not "all"`);
    }
  }
  return problems;
}

/** Problems of the path from the ALB's subnets to Kong's home network. */
function pathProblems(tf: unknown, alb: JsonObject): string[] {
  const config = resourcesOf(tf, 'konnect_cloud_gateway_configuration')[0]?.[1];
  const problems: string[] = [];
  if (str(config, 'api_access') !== 'private')
    problems.push(
      `konnect_cloud_gateway_configuration api_access is ${str(config, 'api_access') ?? 'unset'}, not private, so clients can bypass the ALB and its WAF`,
    );
  const kongCidrs = resourcesOf(tf, 'konnect_cloud_gateway_network').map(([, n]) =>
    attr(n, 'cidr_block'),
  );
  const subnets = arr(alb, 'subnets');
  const tables = new Set(
    resourcesOf(tf, 'aws_route_table_association')
      .filter(([, a]) => subnets.includes(attr(a, 'subnet_id')))
      .map(([, a]) => attr(a, 'route_table_id')),
  );
  const connected = resourcesOf(tf, 'aws_route').some(
    ([, route]) =>
      tables.has(attr(route, 'route_table_id')) &&
      kongCidrs.includes(attr(route, 'destination_cidr_block')) &&
      (str(route, 'transit_gateway_id') ?? str(route, 'vpc_peering_connection_id')) !== undefined,
  );
  if (!connected)
    problems.push(
      `no route of the ALB subnets' route tables leads to Kong's network (${kongCidrs.join(', ')}) over a Transit Gateway or peering connection`,
    );
  const groups = arr(alb, 'security_groups');
  for (const [name, rule] of resourcesOf(tf, 'aws_vpc_security_group_egress_rule')) {
    if (!groups.includes(attr(rule, 'security_group_id'))) continue;
    if (!kongCidrs.includes(attr(rule, 'cidr_ipv4')))
      problems.push(
        `egress rule ${name} sends to ${str(rule, 'cidr_ipv4') ?? 'a non-CIDR destination'}, not to Kong's network`,
      );
  }
  return problems;
}

function wafProblems(tf: unknown, albRef: string): string[] {
  const regional = resourcesOf(tf, 'aws_wafv2_web_acl')
    .filter(([, acl]) => str(acl, 'scope') === 'REGIONAL')
    .map(([name]) => `aws_wafv2_web_acl.${name}.arn`);
  const associated = resourcesOf(tf, 'aws_wafv2_web_acl_association').some(
    ([, a]) =>
      attr(a, 'resource_arn').includes(albRef) &&
      regional.some((acl) => attr(a, 'web_acl_arn').includes(acl)),
  );
  return associated ? [] : ['no REGIONAL WAF web ACL is associated with it'];
}

/**
 * An internet-facing ALB in front of a Dedicated Cloud Gateway (aws.edge.kind alb) forwards only
 * to the data planes' private IPs, over a routed private path, from a group that sends nowhere
 * else, with Kong's API access private and a regional WAF associated: otherwise it either cannot
 * reach Kong, or Kong can be reached around it. It also keeps access logs (alb-access-logs.ts): a
 * public entry point nobody can audit is a finding too.
 */
function checkAlb(path: string, tf: unknown, r: Reporter): void {
  if (obj(tf, 'resource', 'konnect_cloud_gateway_configuration') === undefined) return;
  for (const [name, alb] of resourcesOf(tf, 'aws_lb')) {
    if (str(alb, 'load_balancer_type') !== 'application' || alb.internal !== false) continue;
    const albRef = `aws_lb.${name}.arn`;
    const problems = [
      ...targetProblems(tf, albRef),
      ...pathProblems(tf, alb),
      ...wafProblems(tf, albRef),
      ...accessLogProblems(tf, alb),
    ];
    for (const problem of problems) r.at(path, `aws_lb.${name}`, problem);
  }
}

export const albEdgeRules: readonly Rule[] = [
  fileRule(
    ruleId,
    "An internet-facing ALB in front of Kong forwards only to the data planes' private IPs over a routed private path, Kong's API access is private, a regional WAF is associated, and it writes access logs to a bucket whose policy lets ELB deliver them",
    (file, r) => {
      if (isTerraformJson(file.path)) checkAlb(file.path, file.documents[0], r);
    },
  ),
];
