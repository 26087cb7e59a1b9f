import { arr, isObject, type JsonObject, obj, str } from '../json.js';
import { fileRule, type Reporter, type Rule } from '../rule.js';
import { isTerraformJson } from './terraform-rules.js';

const ruleId = 'xlayer/kong-workload-identity';

/** The tag infra's dedicated/workload-identity.ts puts on every role the data planes assume. */
const workloadIdentityTag = 'routeplane-kong-workload-identity';

/** Konnect's role of one network: `arn:<partition>:iam::<Kong's account>:role/<network id>`. */
const networkRole =
  /^arn:[^:]+:iam::\$\{local\.kong_aws_account_id\}:role\/\$\{konnect_cloud_gateway_network\.([\w-]+)\.id\}$/;

const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

/** A statement's principals: `"*"` (anyone), or every value under AWS, Service, Federated. */
const principalsOf = (principal: unknown): unknown[] =>
  isObject(principal) ? Object.values(principal).flatMap(list) : list(principal);

/** Principals of the trust policy's Allow statements for sts:AssumeRole. */
function assumePrincipals(role: JsonObject): string[] {
  let document: unknown;
  try {
    // Stryker disable BlockStatement: only the catch block follows; empty, no Statement is read
    document = JSON.parse(str(role, 'assume_role_policy') ?? '');
  } catch {
    // Stryker restore BlockStatement
    return [];
  }
  return arr(document, 'Statement')
    .filter(isObject)
    .filter((s) => s.Effect === 'Allow' && list(s.Action).includes('sts:AssumeRole'))
    .flatMap((s) => principalsOf(s.Principal))
    .filter((p): p is string => typeof p === 'string');
}

/**
 * Every role tagged for workload identity trusts the Konnect role of every network of the
 * environment (a data plane in a network it misses gets AccessDenied from STS), and nothing else.
 */
function checkTrust(path: string, tf: unknown, r: Reporter): void {
  const networks = Object.keys(obj(tf, 'resource', 'konnect_cloud_gateway_network') ?? {});
  for (const [name, role] of Object.entries(obj(tf, 'resource', 'aws_iam_role') ?? {})) {
    if (!isObject(role) || str(role, 'tags', workloadIdentityTag) === undefined) continue;
    const object = `aws_iam_role.${name}`;
    const principals = assumePrincipals(role);
    const trusted = new Set<string>();
    for (const principal of principals) {
      const network = networkRole.exec(principal)?.[1];
      if (network !== undefined && networks.includes(network)) trusted.add(network);
      else
        r.at(
          path,
          object,
          `trusts ${principal}, which is not the Konnect role of a network of this environment (arn:<partition>:iam::\${local.kong_aws_account_id}:role/\${konnect_cloud_gateway_network.<name>.id})`,
        );
    }
    for (const network of networks.filter((n) => !trusted.has(n))) {
      r.at(
        path,
        object,
        `does not trust the Konnect role of konnect_cloud_gateway_network.${network} for sts:AssumeRole, so the data planes of that network cannot assume it`,
      );
    }
  }
}

/** Roles Kong's data planes assume trust exactly the environment's Konnect networks. */
export const workloadIdentityRules: readonly Rule[] = [
  fileRule(
    ruleId,
    "Every workload identity role trusts the Konnect role of every network of the environment (arn:aws:iam::<Kong's account>:role/<network id>) and no other principal",
    (file, r) => {
      if (isTerraformJson(file.path)) checkTrust(file.path, file.documents[0], r);
    },
  ),
];
