import { effectiveAws } from '../environment-overrides.js';
import type { KeyPath } from '../key-path.js';
import { dataPlaneKind } from '../resolve-data-plane.js';
import { parseWorkloadRole } from '../workload-identity.js';
import type { SemanticRule } from './rule.js';

/**
 * `workloadIdentityRoles`: routeplane creates each role in the environment's account (AWS has no
 * resource that adds a statement to another owner's trust policy), so an ARN must name that
 * account, and a role name is unique per account whatever its path.
 */
export const workloadIdentityRules: readonly SemanticRule[] = [
  {
    id: 'workload-identity-roles',
    needs: ['aws', 'environments'],
    check({ catalog, report }) {
      // Role names taken per account, across environments that name their account.
      const taken = new Map<string, string>();
      catalog.environments.forEach((env, i) => {
        // On ecsFargate the data-plane-kind rule refuses the option.
        if (dataPlaneKind(catalog, env) !== 'dedicated') return;
        const account = effectiveAws(catalog, env).accountId;
        const seen = new Map<string, number>();
        (env.workloadIdentityRoles ?? []).forEach((entry, j) => {
          const path: KeyPath = ['environments', i, 'workloadIdentityRoles', j, 'role'];
          const role = parseWorkloadRole(entry.role);
          if (typeof role === 'string') {
            report(path, `${role}, but "${entry.role}" was given`);
            return;
          }
          if (role.accountId !== undefined && role.accountId !== account) {
            report(
              path,
              `routeplane creates this role in environment ${env.name}'s account, so an ARN must name aws.accountId ${account ?? '(not set)'}, but account ${role.accountId} was given; give the role's name instead, or set aws.accountId`,
            );
            return;
          }
          const earlier = seen.get(role.name);
          if (earlier !== undefined) {
            report(
              path,
              `each role is named once (IAM role names are unique per account, whatever the path), but "${role.name}" is already workloadIdentityRoles[${earlier}] (environment ${env.name})`,
            );
            return;
          }
          seen.set(role.name, j);
          if (account === undefined) return;
          const key = `${account}/${role.name}`;
          const owner = taken.get(key);
          if (owner !== undefined) {
            report(
              path,
              `both environments would create IAM role "${role.name}" in account ${account}, but it is already environment ${owner}'s; give each environment its own role name`,
            );
            return;
          }
          taken.set(key, env.name);
        });
      });
    },
  },
];
