import { arr, isObject, type JsonObject, num, obj, str } from '../json.js';
import { fileRule, type Reporter, type Rule } from '../rule.js';

const apiPort = 443;

export function isTerraformJson(path: string): boolean {
  return path.startsWith('generated/terraform/') && path.endsWith('.tf.json');
}

export function resourcesOf(tf: unknown, type: string): [string, JsonObject][] {
  const byName = obj(tf, 'resource', type) ?? {};
  return Object.entries(byName).filter((e): e is [string, JsonObject] => isObject(e[1]));
}

/** `vpc_config` as cdktn writes it (an object) or as a one-element block list. */
function vpcConfig(cluster: JsonObject): JsonObject {
  const config: unknown = Array.isArray(cluster.vpc_config)
    ? cluster.vpc_config[0]
    : cluster.vpc_config;
  return isObject(config) ? config : {};
}

/** True when a security group rule lets TCP 443 into the cluster security group of `cluster`. */
function opensApi(rule: JsonObject, cluster: string): boolean {
  const group = str(rule, 'security_group_id') ?? '';
  if (!group.includes(`aws_eks_cluster.${cluster}.vpc_config[0].cluster_security_group_id`)) {
    return false;
  }
  // Stryker disable next-line StringLiteral: the protocol list holds neither '' nor that text
  const protocol = String(rule.ip_protocol ?? rule.protocol ?? '');
  // EC2 refuses a TCP rule without both ports ("Must specify both from and to ports with
  // TCP/UDP"), so a missing port opens nothing: NaN fails every comparison below.
  const from = num(rule, 'from_port') ?? Number.NaN;
  const to = num(rule, 'to_port') ?? Number.NaN;
  const typed = str(rule, 'type');
  return (
    (typed === undefined || typed === 'ingress') &&
    ['tcp', '6', '-1'].includes(protocol) &&
    (protocol === '-1' || (from <= apiPort && apiPort <= to))
  );
}

function checkReachability(path: string, tf: unknown, r: Reporter): void {
  const releases = resourcesOf(tf, 'helm_release');
  if (releases.length === 0) return;
  const ingress = [
    ...resourcesOf(tf, 'aws_vpc_security_group_ingress_rule'),
    ...resourcesOf(tf, 'aws_security_group_rule'),
  ].map(([, rule]) => rule);
  for (const [name, cluster] of resourcesOf(tf, 'aws_eks_cluster')) {
    const config = vpcConfig(cluster);
    const publicCidrs = arr(config, 'public_access_cidrs');
    // The public endpoint without CIDRs admits 0.0.0.0/0: reachable, and flagged by the loader.
    if (config.endpoint_public_access === true) continue;
    if (ingress.some((rule) => opensApi(rule, name))) continue;
    const names = releases.map(([release]) => release).join(', ');
    r.at(
      path,
      `aws_eks_cluster.${name}`,
      `helm_release ${names} install through this cluster's API, but its endpoint is private-only${publicCidrs.length > 0 ? ' (public_access_cidrs without endpoint_public_access)' : ''} and no rule opens TCP ${apiPort} on its cluster security group: terraform apply cannot reach it from outside the VPC (set aws.cluster.apiAccess in the catalog)`,
    );
  }
}

function checkCreatorEntry(path: string, tf: unknown, r: Reporter): void {
  const entries = resourcesOf(tf, 'aws_eks_access_entry');
  if (entries.length === 0) return;
  for (const [name, cluster] of resourcesOf(tf, 'aws_eks_cluster')) {
    if (obj(cluster, 'access_config')?.bootstrap_cluster_creator_admin_permissions !== true) {
      continue;
    }
    r.at(
      path,
      `aws_eks_cluster.${name}`,
      `bootstrap_cluster_creator_admin_permissions is true and the configuration declares access entries (${entries.map(([n]) => n).join(', ')}): an entry for the identity running Terraform then fails with 409 ResourceInUseException; set it to false and grant admins only through entries`,
    );
  }
}

/** Rendered Terraform that an apply from outside the VPC, from an empty account, could not finish. */
export const terraformRules: readonly Rule[] = [
  fileRule(
    'xlayer/terraform-api-reachable',
    'Helm releases in the Terraform can reach the EKS API they install through',
    (file, r) => {
      if (isTerraformJson(file.path)) checkReachability(file.path, file.documents[0], r);
    },
  ),
  fileRule(
    'xlayer/terraform-creator-access',
    'No explicit access entry beside the implicit cluster creator entry',
    (file, r) => {
      if (isTerraformJson(file.path)) checkCreatorEntry(file.path, file.documents[0], r);
    },
  ),
];
