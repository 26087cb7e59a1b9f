import type { RouteCatalog } from '../catalog.generated.js';
import { parseIpv4Cidr } from '../cidr.js';
import { awsValuePath, effectiveAws } from '../environment-overrides.js';
import type { KeyPath } from '../key-path.js';
import type { SemanticRule } from './rule.js';

type ApiAccess = NonNullable<RouteCatalog['aws']['cluster']['apiAccess']>;

/** The CIDR lists of apiAccess, each with where it sits below `aws`. */
const cidrLists: readonly {
  readonly at: readonly string[];
  readonly pick: (access: ApiAccess | undefined) => readonly string[] | undefined;
}[] = [
  { at: ['cluster', 'apiAccess', 'publicCidrs'], pick: (a) => a?.publicCidrs },
  {
    at: ['cluster', 'apiAccess', 'privateSources', 'cidrs'],
    pick: (a) => a?.privateSources?.cidrs,
  },
];

/**
 * The rendered Terraform installs Helm releases through the EKS API in the same apply that creates
 * the cluster, so the machine running it must be able to connect: a catalog that admits nobody
 * renders a configuration that cannot complete.
 */
export const apiAccessRules: readonly SemanticRule[] = [
  {
    id: 'api-access',
    needs: ['aws', 'environments'],
    check({ catalog, report }) {
      const checked = new Set<string>();
      catalog.environments.forEach((env, i) => {
        const access = effectiveAws(catalog, env).cluster.apiAccess;
        for (const list of cidrLists) {
          const path = awsValuePath(env, i, list.at);
          const key = JSON.stringify(path);
          // Stryker disable next-line ConditionalExpression: a second check of one list repeats its problems, which sortProblems drops
          if (checked.has(key)) continue;
          checked.add(key);
          (list.pick(access) ?? []).forEach((text, j) => {
            const cidr = parseIpv4Cidr(text);
            const at: KeyPath = [...path, j];
            if (typeof cidr === 'string') report(at, `${cidr}, but "${text}" was given`);
            else if (cidr.prefix === 0) {
              report(at, 'must not open the EKS API to the whole internet (0.0.0.0/0)');
            }
          });
        }
        const sources =
          (access?.publicCidrs?.length ?? 0) +
          (access?.privateSources?.cidrs?.length ?? 0) +
          (access?.privateSources?.prefixListIds?.length ?? 0);
        if (sources > 0) return;
        const path: KeyPath =
          access === undefined
            ? ['aws', 'cluster']
            : awsValuePath(env, i, ['cluster', 'apiAccess']);
        report(
          path,
          `admits no one to the EKS API, yet the Terraform of environment ${env.name} installs Helm releases through it in the same apply: set aws.cluster.apiAccess.publicCidrs to the egress CIDRs of the machine running terraform (public endpoint, only those), or aws.cluster.apiAccess.privateSources (cidrs or prefixListIds of a network routed into the VPC) for a 443 rule on the cluster security group`,
          true,
        );
      });
    },
  },
];
