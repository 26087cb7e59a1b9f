import { cidrsOverlap, type Ipv4Cidr, parseIpv4Cidr } from '../cidr.js';
import { awsValuePath, effectiveAws } from '../environment-overrides.js';
import type { KeyPath } from '../key-path.js';
import type { SemanticRule } from './rule.js';

/** CIDRs and node pool sizes, per environment after overrides (EKS API access: api-access-rules.ts). */
export const networkRules: readonly SemanticRule[] = [
  {
    id: 'networks',
    needs: ['kong', 'aws', 'environments'],
    check({ catalog, report }) {
      const parse = (path: KeyPath, text: string): Ipv4Cidr | undefined => {
        const parsed = parseIpv4Cidr(text);
        if (typeof parsed === 'string') {
          report(path, `${parsed}, but "${text}" was given`);
          return undefined;
        }
        return parsed;
      };
      const kongCidr = catalog.kong.networkCidr;
      const kong = kongCidr === undefined ? undefined : parse(['kong', 'networkCidr'], kongCidr);
      (catalog.kong.trustedIps ?? []).forEach((t, i) => {
        parse(['kong', 'trustedIps', i], t);
      });
      const checked = new Set<string>();
      catalog.environments.forEach((env, i) => {
        const aws = effectiveAws(catalog, env);
        const vpcPath = awsValuePath(env, i, ['vpcCidr']);
        const key = JSON.stringify(vpcPath);
        const vpc = checked.has(key) ? undefined : parse(vpcPath, aws.vpcCidr);
        checked.add(key);
        if (vpc && kong && cidrsOverlap(vpc, kong)) {
          report(
            vpcPath,
            `VPC CIDR ${vpc.text} overlaps Kong's network ${kong.text} (environment ${env.name}): the Transit Gateway could not route between them`,
          );
        }
        for (const pool of ['system', 'user'] as const) {
          const p = aws.nodePools[pool];
          if (!(p.minSize <= p.desiredSize && p.desiredSize <= p.maxSize)) {
            report(
              awsValuePath(env, i, ['nodePools', pool]),
              `needs minSize <= desiredSize <= maxSize, but ${p.minSize} <= ${p.desiredSize} <= ${p.maxSize} was given (environment ${env.name})`,
              true,
            );
          }
        }
      });
    },
  },
];
