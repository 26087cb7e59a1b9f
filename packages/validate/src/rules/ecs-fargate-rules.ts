import { arr, isObject, str } from '../json.js';
import { fileRule, type Reporter, type Rule } from '../rule.js';
import { isTerraformJson, resourcesOf } from './terraform-rules.js';

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Security groups and subnets of the Kong ECS services (network_configuration, object or list). */
function kongTasks(tf: unknown): { groups: Set<string>; subnets: Set<string> } {
  const groups = new Set<string>();
  const subnets = new Set<string>();
  for (const [, service] of resourcesOf(tf, 'aws_ecs_service')) {
    const raw: unknown = service.network_configuration;
    const config = Array.isArray(raw) ? raw[0] : raw;
    for (const g of strings(isObject(config) ? config.security_groups : undefined)) groups.add(g);
    for (const s of strings(isObject(config) ? config.subnets : undefined)) subnets.add(s);
  }
  return { groups, subnets };
}

/** Every ingress rule into a Redis replication group's security groups comes from Kong's tasks. */
function checkRedis(path: string, tf: unknown, r: Reporter): void {
  const { groups } = kongTasks(tf);
  const ingress = resourcesOf(tf, 'aws_vpc_security_group_ingress_rule');
  for (const [name, redis] of resourcesOf(tf, 'aws_elasticache_replication_group')) {
    for (const group of strings(redis.security_group_ids)) {
      for (const [ruleName, rule] of ingress) {
        if (str(rule, 'security_group_id') !== group) continue;
        const source = str(rule, 'referenced_security_group_id');
        if (source !== undefined && groups.has(source)) continue;
        const given =
          source ??
          str(rule, 'cidr_ipv4') ??
          str(rule, 'cidr_ipv6') ??
          str(rule, 'prefix_list_id') ??
          'another source';
        r.at(
          path,
          `aws_elasticache_replication_group.${name}`,
          `Redis must be reachable only from Kong's tasks (security groups ${[...groups].join(', ') || 'none rendered'}), but aws_vpc_security_group_ingress_rule.${ruleName} admits ${given}`,
        );
      }
    }
  }
}

/** A VPC link's ENIs sit in the subnets Kong's tasks run in. */
function checkVpcLink(path: string, tf: unknown, r: Reporter): void {
  const { subnets } = kongTasks(tf);
  for (const [name, link] of resourcesOf(tf, 'aws_apigatewayv2_vpc_link')) {
    const outside = arr(link, 'subnet_ids').filter((s) => typeof s !== 'string' || !subnets.has(s));
    if (outside.length === 0) continue;
    r.at(
      path,
      `aws_apigatewayv2_vpc_link.${name}`,
      `the VPC link's subnets must be Kong's task subnets (${[...subnets].join(', ') || 'none rendered'}), but ${outside.map(String).join(', ')} are not`,
    );
  }
}

/** Environment names that hold credentials: they belong in `secrets`, never in `environment`. */
const credentialName = /(KEY|PASSWORD|SECRET|TOKEN)$/;

function containers(task: Record<string, unknown>): Record<string, unknown>[] {
  const raw = task.container_definitions;
  // Stryker disable next-line ArrayDeclaration: a string container has no environment or secrets
  if (typeof raw !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    // Stryker disable next-line ArrayDeclaration: a string container has no environment or secrets
    return Array.isArray(parsed) ? parsed.filter(isObject) : [];
  } catch {
    // Stryker disable next-line ArrayDeclaration: a string container has no environment or secrets
    return [];
  }
}

/** Credentials reach ECS containers only through `secrets` from Secrets Manager. */
function checkTaskSecrets(path: string, tf: unknown, r: Reporter): void {
  for (const [name, task] of resourcesOf(tf, 'aws_ecs_task_definition')) {
    for (const container of containers(task)) {
      const object = `aws_ecs_task_definition.${name}/${String(container.name)}`;
      // Stryker disable next-line ArrayDeclaration: filter(isObject) drops the string entry
      const plain = (Array.isArray(container.environment) ? container.environment : [])
        .filter(isObject)
        .map((e) => str(e, 'name') ?? '')
        .filter((n) => credentialName.test(n));
      if (plain.length > 0)
        r.at(
          path,
          object,
          `${plain.join(', ')} must come from secrets (Secrets Manager), but the task definition sets it as a plain environment value`,
        );
      // Stryker disable next-line ArrayDeclaration: filter(isObject) drops the string entry
      for (const secret of (Array.isArray(container.secrets) ? container.secrets : []).filter(
        isObject,
      )) {
        const from = str(secret, 'valueFrom') ?? '';
        if (
          !from.includes('aws_secretsmanager_secret.') &&
          !from.startsWith('arn:aws:secretsmanager:')
        )
          r.at(
            path,
            object,
            `secret ${String(secret.name)} must be read from a Secrets Manager secret, but valueFrom is ${JSON.stringify(from)}`,
          );
      }
    }
  }
}

/** `kong.dataPlane.kind: ecsFargate` as rendered: who reaches Redis, where the VPC link sits. */
export const ecsFargateRules: readonly Rule[] = [
  fileRule(
    'policy/ecs-secrets-injected',
    'Credentials reach ECS containers only through secrets from Secrets Manager',
    (file, r) => {
      if (isTerraformJson(file.path)) checkTaskSecrets(file.path, file.documents[0], r);
    },
  ),
  fileRule('xlayer/redis-kong-only', "ElastiCache Redis admits only Kong's tasks", (file, r) => {
    if (isTerraformJson(file.path)) checkRedis(file.path, file.documents[0], r);
  }),
  fileRule(
    'xlayer/vpc-link-kong-subnets',
    "The API Gateway VPC link's ENIs sit in Kong's task subnets",
    (file, r) => {
      if (isTerraformJson(file.path)) checkVpcLink(file.path, file.documents[0], r);
    },
  ),
];
