import { awsValuePath } from '../environment-overrides.js';
import type { KeyPath } from '../key-path.js';
import { awsOfKind } from '../resolve-data-plane.js';
import { reportDuplicates, type SemanticRule } from './rule.js';

/** DNS of the Konnect custom domain (aws.edge.kongDomainDns), per environment after overrides. */
export const customDomainRules: readonly SemanticRule[] = [
  {
    id: 'kong-domain-dns',
    needs: ['aws', 'environments'],
    check(context) {
      const { catalog, report } = context;
      // Stryker disable next-line ArrayDeclaration: a string item has no value, so it duplicates no target
      const targets: { path: KeyPath; value: string }[] = [];
      catalog.environments.forEach((env, i) => {
        // An ecsFargate environment has no edge; data-plane-kind refuses one it sets itself.
        const edge = awsOfKind(catalog, env).edge;
        const dns = edge?.kongDomainDns;
        // Stryker disable next-line ConditionalExpression: dns is undefined whenever edge is; the check narrows edge's type
        if (edge === undefined || dns === undefined) return;
        const path = awsValuePath(env, i, ['edge', 'kongDomainDns']);
        // An environment overrides single keys; after the merge all three must be there.
        const missing = (['publicZone', 'edgeTarget', 'acmeChallengeTarget'] as const).filter(
          (key) => dns[key] === undefined,
        );
        if (missing.length > 0) {
          report(
            path,
            `needs publicZone, edgeTarget and acmeChallengeTarget after the environment's overrides, but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing (environment ${env.name})`,
            true,
          );
          return;
        }
        // Without kongProxyDomain there is nothing to compare: edge-keys reports it missing.
        const domain = edge.kongProxyDomain;
        if (domain !== undefined && !domain.endsWith(`.${dns.publicZone}`)) {
          report(
            [...path, 'publicZone'],
            `must be a parent domain of aws.edge.kongProxyDomain ${domain} (its records go there), but "${dns.publicZone}" was given (environment ${env.name})`,
          );
        }
        targets.push({ path: [...path, 'edgeTarget'], value: dns.edgeTarget });
      });
      // Konnect gives each control plane's domain its own edge: a shared target is a copy slip.
      reportDuplicates(context, targets, 'Konnect edge target');
    },
  },
];
